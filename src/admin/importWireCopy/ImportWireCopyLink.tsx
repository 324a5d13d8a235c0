import { Button } from '@payloadcms/ui'
import type { ServerProps } from 'payload'

import { IMPORT_VIEW_PATH } from './ImportWireCopyView'

/** Above the press-releases list: the way to the wire-copy import. */
export const ImportWireCopyLink = ({ payload }: ServerProps) => (
  <div className="wire-import-link">
    <Button buttonStyle="secondary" el="link" size="small" to={`${payload.config.routes.admin}${IMPORT_VIEW_PATH}`}>
      Import wire copy
    </Button>
  </div>
)
