import * as migration_20261203_073048_initial from './20261203_073048_initial'
import * as migration_20261203_073100_search_index from './20261203_073100_search_index'
import * as migration_20261203_081541_user_review_notices from './20261203_081541_user_review_notices'
import * as migration_20261203_082023_object_storage_fields from './20261203_082023_object_storage_fields'
import * as migration_20261203_083537_review_for_all from './20261203_083537_review_for_all'
import * as migration_20261203_084638_release_corrections from './20261203_084638_release_corrections'
import * as migration_20261203_084652_public_changes from './20261203_084652_public_changes'
import * as migration_20261203_084941_subscribers from './20261203_084941_subscribers'
import * as migration_20261203_090633_subscriber_digest from './20261203_090633_subscriber_digest'
import * as migration_20261203_114800_h18_signoff from './20261203_114800_h18_signoff'
import * as migration_20261203_115022_prebriefing_press_contacts from './20261203_115022_prebriefing_press_contacts'
import * as migration_20261203_115206_partner_staff from './20261203_115206_partner_staff'
import * as migration_20261203_132600_public_changes_notify from './20261203_132600_public_changes_notify'
import * as migration_20261204_183751_release_list_index from './20261204_183751_release_list_index'

export const migrations = [
  {
    up: migration_20261203_073048_initial.up,
    down: migration_20261203_073048_initial.down,
    name: '20261203_073048_initial',
  },
  {
    up: migration_20261203_073100_search_index.up,
    down: migration_20261203_073100_search_index.down,
    name: '20261203_073100_search_index',
  },
  {
    up: migration_20261203_081541_user_review_notices.up,
    down: migration_20261203_081541_user_review_notices.down,
    name: '20261203_081541_user_review_notices',
  },
  {
    up: migration_20261203_082023_object_storage_fields.up,
    down: migration_20261203_082023_object_storage_fields.down,
    name: '20261203_082023_object_storage_fields',
  },
  {
    up: migration_20261203_083537_review_for_all.up,
    down: migration_20261203_083537_review_for_all.down,
    name: '20261203_083537_review_for_all',
  },
  {
    up: migration_20261203_084638_release_corrections.up,
    down: migration_20261203_084638_release_corrections.down,
    name: '20261203_084638_release_corrections',
  },
  {
    up: migration_20261203_084652_public_changes.up,
    down: migration_20261203_084652_public_changes.down,
    name: '20261203_084652_public_changes',
  },
  {
    up: migration_20261203_084941_subscribers.up,
    down: migration_20261203_084941_subscribers.down,
    name: '20261203_084941_subscribers',
  },
  {
    up: migration_20261203_090633_subscriber_digest.up,
    down: migration_20261203_090633_subscriber_digest.down,
    name: '20261203_090633_subscriber_digest',
  },
  {
    up: migration_20261203_114800_h18_signoff.up,
    down: migration_20261203_114800_h18_signoff.down,
    name: '20261203_114800_h18_signoff',
  },
  {
    up: migration_20261203_115022_prebriefing_press_contacts.up,
    down: migration_20261203_115022_prebriefing_press_contacts.down,
    name: '20261203_115022_prebriefing_press_contacts',
  },
  {
    up: migration_20261203_115206_partner_staff.up,
    down: migration_20261203_115206_partner_staff.down,
    name: '20261203_115206_partner_staff',
  },
  {
    up: migration_20261203_132600_public_changes_notify.up,
    down: migration_20261203_132600_public_changes_notify.down,
    name: '20261203_132600_public_changes_notify',
  },
  {
    up: migration_20261204_183751_release_list_index.up,
    down: migration_20261204_183751_release_list_index.down,
    name: '20261204_183751_release_list_index',
  },
]
