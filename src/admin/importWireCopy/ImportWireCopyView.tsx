import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { isStaff } from '@/access/roles'

import { ImportWireCopyForm } from './ImportWireCopyForm'

export const IMPORT_VIEW_PATH = '/import'

/** `/admin/import`: paste wire copy, get a draft press release. Staff only. */
export const ImportWireCopyView = ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, locale, permissions, visibleEntities } = initPageResult
  const adminRoute = req.payload.config.routes.admin
  if (!req.user) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}${IMPORT_VIEW_PATH}`)}`)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter className="wire-import">
        <h1 className="wire-import__title">Import wire copy</h1>
        {isStaff(req.user) ? (
          <>
            <p className="wire-import__intro">
              Paste a release as the wire sent it, from the headline to the SOURCE line. It is saved as a{' '}
              <strong>draft</strong> with its quotes, footnotes and partners; nothing is published.
            </p>
            <ImportWireCopyForm />
          </>
        ) : (
          <p>Only newsroom staff may import wire copy.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
