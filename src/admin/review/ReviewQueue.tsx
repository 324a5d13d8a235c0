import type { Payload, TypedUser } from 'payload'

import { isEditor, isStaff } from '@/access/roles'
import type { User } from '@/payload-types'
import { NOUNS, REVIEWED_COLLECTIONS, type ReviewedCollection } from '@/workflow/activity'
import type { ReviewedDoc } from '@/workflow/takeReviewAction'

type Props = { payload: Payload; user?: TypedUser | null }

type Entry = { collection: ReviewedCollection; doc: ReviewedDoc & { submittedBy?: unknown } }

const Item = ({ entry, payload, note }: { entry: Entry; payload: Payload; note: string }) => {
  const { collection, doc } = entry
  const titleField = payload.collections[collection].config.admin?.useAsTitle ?? 'id'
  const noun = NOUNS[collection]
  return (
    <li style={{ marginBottom: 6 }}>
      <span style={{ color: 'var(--theme-elevation-600)' }}>{noun[0].toUpperCase() + noun.slice(1)}: </span>
      <a href={`${payload.config.routes.admin}/collections/${collection}/${doc.id}`}>
        {String(doc[titleField] ?? '') || `Untitled ${noun}`}
      </a>
      <span style={{ color: 'var(--theme-elevation-600)' }}> · {note}</span>
    </li>
  )
}

/**
 * On the admin dashboard, one queue for everything that goes through review (releases, quotes,
 * milestones, events): editors see what awaits their review; contributors see what they
 * submitted and what came back with comments.
 */
export async function ReviewQueue({ payload, user }: Props) {
  if (!isStaff(user)) return null
  const me = user as User & { collection: 'users' }
  const editor = isEditor(me)
  const find = async (status: string, mine: boolean) => {
    const results = await Promise.all(
      REVIEWED_COLLECTIONS.map(async (collection) => {
        const found = await payload.find({
          collection,
          draft: true,
          where: {
            and: [{ reviewStatus: { equals: status } }, ...(mine ? [{ submittedBy: { equals: me.id } }] : [])],
          },
          sort: '-submittedAt',
          limit: 20,
          depth: 1,
          user: me,
          overrideAccess: false,
        })
        return {
          total: found.totalDocs,
          entries: found.docs.map((doc) => ({ collection, doc: doc as unknown as ReviewedDoc })),
        }
      }),
    )
    const entries = results
      .flatMap((r) => r.entries)
      .sort((a, b) => String(b.doc.submittedAt ?? '').localeCompare(String(a.doc.submittedAt ?? '')))
    return { total: results.reduce((sum, r) => sum + r.total, 0), entries: entries.slice(0, 30) }
  }
  const [awaiting, sentBack] = await Promise.all([find('awaiting_review', !editor), find('changes_requested', !editor)])
  const name = ({ doc }: Entry) =>
    typeof doc.submittedBy === 'object' && doc.submittedBy ? (doc.submittedBy as User).name : 'someone'
  const since = ({ doc }: Entry) =>
    doc.submittedAt
      ? new Date(doc.submittedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })
      : ''

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
        {editor ? `Awaiting your review (${awaiting.total})` : `Yours in review (${awaiting.total})`}
      </h2>
      <p style={{ color: 'var(--theme-elevation-600)' }}>Releases, quotes, milestones and events.</p>
      {awaiting.entries.length ? (
        <ul>
          {awaiting.entries.map((e) => (
            <Item
              key={`${e.collection}:${e.doc.id}`}
              entry={e}
              payload={payload}
              note={`submitted by ${name(e)} ${since(e)}`}
            />
          ))}
        </ul>
      ) : (
        <p>{editor ? 'Nothing is waiting for review.' : 'Nothing of yours is waiting for review.'}</p>
      )}
      {sentBack.entries.length > 0 && (
        <>
          <h3>
            {editor ? 'Sent back to authors' : 'Sent back to you'} ({sentBack.total})
          </h3>
          <ul>
            {sentBack.entries.map((e) => (
              <Item key={`${e.collection}:${e.doc.id}`} entry={e} payload={payload} note={e.doc.reviewComment ?? ''} />
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
