import type { Payload, TypedUser } from 'payload'

import { isEditor, isStaff } from '@/access/roles'
import type { PressRelease, User } from '@/payload-types'

type Props = { payload: Payload; user?: TypedUser | null }

const Item = ({ r, adminRoute, note }: { r: PressRelease; adminRoute: string; note: string }) => (
  <li style={{ marginBottom: 6 }}>
    <a href={`${adminRoute}/collections/press-releases/${r.id}`}>{r.title || 'Untitled release'}</a>
    <span style={{ color: 'var(--theme-elevation-600)' }}> · {note}</span>
  </li>
)

/**
 * On the admin dashboard: editors see what awaits their review; contributors see what they
 * submitted and what came back with comments.
 */
export async function ReviewQueue({ payload, user }: Props) {
  if (!isStaff(user)) return null
  const me = user as User & { collection: 'users' }
  const editor = isEditor(me)
  const adminRoute = payload.config.routes.admin
  const find = (status: string, mine: boolean) =>
    payload.find({
      collection: 'press-releases',
      draft: true,
      where: { and: [{ reviewStatus: { equals: status } }, ...(mine ? [{ submittedBy: { equals: me.id } }] : [])] },
      sort: '-submittedAt',
      limit: 20,
      depth: 1,
      user: me,
      overrideAccess: false,
    })
  const [awaiting, sentBack] = await Promise.all([find('awaiting_review', !editor), find('changes_requested', !editor)])
  const name = (r: PressRelease) =>
    typeof r.submittedBy === 'object' && r.submittedBy ? r.submittedBy.name : 'someone'
  const since = (r: PressRelease) =>
    r.submittedAt ? new Date(r.submittedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : ''

  return (
    <section
      aria-labelledby="review-queue"
      style={{
        marginBottom: 'var(--base)',
        padding: 'var(--base)',
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
      }}
    >
      <h2 id="review-queue" style={{ marginTop: 0 }}>
        {editor ? `Awaiting your review (${awaiting.totalDocs})` : `Your releases in review (${awaiting.totalDocs})`}
      </h2>
      {awaiting.docs.length ? (
        <ul>
          {awaiting.docs.map((r) => (
            <Item key={r.id} r={r} adminRoute={adminRoute} note={`submitted by ${name(r)} ${since(r)}`} />
          ))}
        </ul>
      ) : (
        <p>{editor ? 'Nothing is waiting for review.' : 'Nothing of yours is waiting for review.'}</p>
      )}
      {sentBack.docs.length > 0 && (
        <>
          <h3>
            {editor ? 'Sent back to authors' : 'Sent back to you'} ({sentBack.totalDocs})
          </h3>
          <ul>
            {sentBack.docs.map((r) => (
              <Item key={r.id} r={r} adminRoute={adminRoute} note={r.reviewComment ?? ''} />
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
