import type { Payload, TypedUser } from 'payload'

import { isStaff } from '@/access/roles'
import type { User } from '@/payload-types'
import { partnersUserSignsFor, signOffStatus } from '@/workflow/signOff'

type Props = { payload: Payload; user?: TypedUser | null }

/**
 * On the admin dashboard, beside the review queue: for a partner's designated approver, the joint
 * releases submitted for review whose current text still waits for their sign-off (or that they
 * refused). Shown only to someone who approves for at least one partner.
 */
export async function SignOffQueue({ payload, user }: Props) {
  if (!isStaff(user)) return null
  const me = user as User & { collection: 'users' }
  const { docs: myPartners } = await payload.find({
    collection: 'partners',
    where: { approvers: { in: [me.id] } },
    depth: 0,
    limit: 100,
    overrideAccess: true,
  })
  if (!myPartners.length) return null
  const { docs: releases } = await payload.find({
    collection: 'press-releases',
    draft: true,
    where: {
      and: [{ reviewStatus: { equals: 'awaiting_review' } }, { partners: { in: myPartners.map((p) => p.id) } }],
    },
    sort: '-submittedAt',
    depth: 0,
    limit: 30,
    user: me,
    overrideAccess: false,
  })
  const waiting = (
    await Promise.all(
      releases.map(async (release) => {
        const status = await signOffStatus(payload, release as never)
        const mine = partnersUserSignsFor(status, me).filter((p) => p.state !== 'approved' && !p.standIn)
        return mine.length ? { release, mine } : null
      }),
    )
  ).filter((x) => x !== null)

  return (
    <section className="sign-off-queue" aria-labelledby="sign-off-queue">
      <h2 id="sign-off-queue" className="sign-off-queue__heading">
        Waiting for your sign-off ({waiting.length})
      </h2>
      <p className="sign-off-queue__lead">
        Joint releases of {myPartners.map((p) => p.name).join(', ')} submitted for review. Read each one and approve its
        text, or refuse it with a comment.
      </p>
      {waiting.length ? (
        <ul>
          {waiting.map(({ release, mine }) => (
            <li key={release.id}>
              <a href={`${payload.config.routes.admin}/collections/press-releases/${release.id}`}>
                {release.title || 'Untitled release'}
              </a>
              <span className="sign-off-queue__note">
                {' '}
                · for {mine.map((p) => p.partner.name).join(' and ')}
                {mine.some((p) => p.state === 'refused') ? ' · you refused this text' : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>Nothing is waiting for your sign-off.</p>
      )}
    </section>
  )
}
