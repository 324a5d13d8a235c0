import type { UIFieldServerProps } from 'payload'

import { isStaff } from '@/access/roles'
import type { ReleaseActivity, User } from '@/payload-types'
import { ACTIVITY_LABELS, ACTIVITY_SUBJECTS, isReviewedCollection } from '@/workflow/activity'

const cell = {
  padding: '8px 12px',
  borderBottom: '1px solid var(--theme-elevation-100)',
  textAlign: 'left' as const,
  verticalAlign: 'top' as const,
}

/**
 * The audit trail of a release, quote, milestone or event, in its edit view: read on the server
 * when the view renders, so it costs nothing on public reads (a join field would be queried on
 * every one).
 */
export async function AuditTrail({ id, payload, req, collectionSlug }: UIFieldServerProps) {
  if (!id || !isStaff(req.user) || !isReviewedCollection(collectionSlug)) return null
  const { docs, totalDocs } = await payload.find({
    collection: 'release-activity',
    where: { [ACTIVITY_SUBJECTS[collectionSlug]]: { equals: id } },
    sort: '-createdAt',
    limit: 200,
    depth: 1,
    user: req.user,
    overrideAccess: false,
  })
  const who = (a: ReleaseActivity) =>
    typeof a.user === 'object' && a.user
      ? (a.user as User).name
      : a.user
        ? `User ${a.user}`
        : a.action === 'pre-briefing-viewed'
          ? 'Press contact (pre-briefing link)'
          : 'System (scheduled job)'
  const when = (iso: string) =>
    new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(new Date(iso))
  return (
    <section aria-labelledby="audit-trail" style={{ marginBottom: 'var(--base)' }}>
      <h3 id="audit-trail">Audit trail</h3>
      <p style={{ color: 'var(--theme-elevation-600)' }}>
        Who did what, newest first{totalDocs > docs.length ? ` (latest ${docs.length} of ${totalDocs})` : ''}. The
        wording of each saved version is under Versions.
      </p>
      {docs.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th style={cell}>When</th>
              <th style={cell}>What</th>
              <th style={cell}>Who</th>
              <th style={cell}>Comment</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((a) => (
              <tr key={a.id}>
                <td style={cell}>
                  <time dateTime={a.createdAt}>{when(a.createdAt)}</time>
                </td>
                <td style={cell}>
                  {ACTIVITY_LABELS[a.action] ?? a.action}
                  {a.detail ? ` (${a.detail})` : ''}
                  {a.version ? (
                    <>
                      {' · version '}
                      <code>{a.version}</code>
                    </>
                  ) : null}
                </td>
                <td style={cell}>{who(a)}</td>
                <td style={cell}>{a.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
