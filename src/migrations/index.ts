import * as migration_20261122_184550_initial from './20261122_184550_initial'
import * as migration_20261122_191751_release_search_text from './20261122_191751_release_search_text'
import * as migration_20261122_193913_user_role_condition from './20261122_193913_user_role_condition'
import * as migration_20261122_195626_release_status_date_index from './20261122_195626_release_status_date_index'
import * as migration_20261122_203250_editorial_workflow from './20261122_203250_editorial_workflow'
import * as migration_20261122_211906_release_body_media from './20261122_211906_release_body_media'
import * as migration_20261201_230004_feed_ids_slug_history from './20261201_230004_feed_ids_slug_history'
import * as migration_20261201_230100_backfill_feed_ids_and_calendar_dates from './20261201_230100_backfill_feed_ids_and_calendar_dates'
import * as migration_20261202_184652_once_keys from './20261202_184652_once_keys'
import * as migration_20261202_184837_accounts_no_lockout from './20261202_184837_accounts_no_lockout'
import * as migration_20261202_185309_date_precision from './20261202_185309_date_precision'
import * as migration_20261202_190000_search_index from './20261202_190000_search_index'
import * as migration_20261203_073609_public_changes from './20261203_073609_public_changes'
import * as migration_20261203_073642_user_review_notices from './20261203_073642_user_review_notices'
import * as migration_20261203_073723_review_for_all from './20261203_073723_review_for_all'
import * as migration_20261203_081953_object_storage_fields from './20261203_081953_object_storage_fields'
import * as migration_20261203_084544_release_corrections from './20261203_084544_release_corrections'
import * as migration_20261203_084929_subscribers from './20261203_084929_subscribers'
import * as migration_20261203_090622_subscriber_digest from './20261203_090622_subscriber_digest'
import * as migration_20261203_114647_h18_signoff from './20261203_114647_h18_signoff'
import * as migration_20261203_115005_prebriefing_press_contacts from './20261203_115005_prebriefing_press_contacts'
import * as migration_20261203_115129_partner_staff from './20261203_115129_partner_staff'
import * as migration_20261204_183744_release_list_index from './20261204_183744_release_list_index'

export const migrations = [
  {
    up: migration_20261122_184550_initial.up,
    down: migration_20261122_184550_initial.down,
    name: '20261122_184550_initial',
  },
  {
    up: migration_20261122_191751_release_search_text.up,
    down: migration_20261122_191751_release_search_text.down,
    name: '20261122_191751_release_search_text',
  },
  {
    up: migration_20261122_193913_user_role_condition.up,
    down: migration_20261122_193913_user_role_condition.down,
    name: '20261122_193913_user_role_condition',
  },
  {
    up: migration_20261122_195626_release_status_date_index.up,
    down: migration_20261122_195626_release_status_date_index.down,
    name: '20261122_195626_release_status_date_index',
  },
  {
    up: migration_20261122_203250_editorial_workflow.up,
    down: migration_20261122_203250_editorial_workflow.down,
    name: '20261122_203250_editorial_workflow',
  },
  {
    up: migration_20261122_211906_release_body_media.up,
    down: migration_20261122_211906_release_body_media.down,
    name: '20261122_211906_release_body_media',
  },
  {
    up: migration_20261201_230004_feed_ids_slug_history.up,
    down: migration_20261201_230004_feed_ids_slug_history.down,
    name: '20261201_230004_feed_ids_slug_history',
  },
  {
    up: migration_20261201_230100_backfill_feed_ids_and_calendar_dates.up,
    down: migration_20261201_230100_backfill_feed_ids_and_calendar_dates.down,
    name: '20261201_230100_backfill_feed_ids_and_calendar_dates',
  },
  {
    up: migration_20261202_184652_once_keys.up,
    down: migration_20261202_184652_once_keys.down,
    name: '20261202_184652_once_keys',
  },
  {
    up: migration_20261202_184837_accounts_no_lockout.up,
    down: migration_20261202_184837_accounts_no_lockout.down,
    name: '20261202_184837_accounts_no_lockout',
  },
  {
    up: migration_20261202_185309_date_precision.up,
    down: migration_20261202_185309_date_precision.down,
    name: '20261202_185309_date_precision',
  },
  {
    up: migration_20261202_190000_search_index.up,
    down: migration_20261202_190000_search_index.down,
    name: '20261202_190000_search_index',
  },
  {
    up: migration_20261203_073609_public_changes.up,
    down: migration_20261203_073609_public_changes.down,
    name: '20261203_073609_public_changes',
  },
  {
    up: migration_20261203_073642_user_review_notices.up,
    down: migration_20261203_073642_user_review_notices.down,
    name: '20261203_073642_user_review_notices',
  },
  {
    up: migration_20261203_073723_review_for_all.up,
    down: migration_20261203_073723_review_for_all.down,
    name: '20261203_073723_review_for_all',
  },
  {
    up: migration_20261203_081953_object_storage_fields.up,
    down: migration_20261203_081953_object_storage_fields.down,
    name: '20261203_081953_object_storage_fields',
  },
  {
    up: migration_20261203_084544_release_corrections.up,
    down: migration_20261203_084544_release_corrections.down,
    name: '20261203_084544_release_corrections',
  },
  {
    up: migration_20261203_084929_subscribers.up,
    down: migration_20261203_084929_subscribers.down,
    name: '20261203_084929_subscribers',
  },
  {
    up: migration_20261203_090622_subscriber_digest.up,
    down: migration_20261203_090622_subscriber_digest.down,
    name: '20261203_090622_subscriber_digest',
  },
  {
    up: migration_20261203_114647_h18_signoff.up,
    down: migration_20261203_114647_h18_signoff.down,
    name: '20261203_114647_h18_signoff',
  },
  {
    up: migration_20261203_115005_prebriefing_press_contacts.up,
    down: migration_20261203_115005_prebriefing_press_contacts.down,
    name: '20261203_115005_prebriefing_press_contacts',
  },
  {
    up: migration_20261203_115129_partner_staff.up,
    down: migration_20261203_115129_partner_staff.down,
    name: '20261203_115129_partner_staff',
  },
  {
    up: migration_20261204_183744_release_list_index.up,
    down: migration_20261204_183744_release_list_index.down,
    name: '20261204_183744_release_list_index',
  },
]
