/**
 * The public read behind a journalist's alert: the release as its page reads it (`releaseBySlug`
 * in ./newsroom.ts: an anonymous reader, depth 2, cached with the public content), by id, since
 * the alert is rendered when it is sent, after the write that made the release public has
 * committed. A release that is not public (any more) reads as null, and its quotes, images and
 * partners come with the visibility rule already applied: a hidden quote is not there.
 *
 * It takes the Payload instance from the caller (the sendEmail job) rather than importing the
 * config as ./payload.ts does, because the jobs are part of the config.
 */
import type { Payload } from 'payload'

import { cachedPublic } from '@/cache/publicCache'
import type { PressRelease } from '@/payload-types'

/** The same options as ./payload.ts `asPublic`: as an anonymous reader, published versions only. */
const anonymous = { overrideAccess: false, user: null, draft: false } as const

export const publicReleaseById = (payload: Payload, id: number | string) =>
  cachedPublic(`release:id:${id}`, async () => {
    const { docs } = await payload.find({
      collection: 'press-releases',
      where: { id: { equals: id } },
      limit: 1,
      depth: 2,
      ...anonymous,
    })
    return (docs[0] as PressRelease | undefined) ?? null
  })
