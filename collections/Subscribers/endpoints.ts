/**
 * The public side of journalist alerts, each a POST that a plain HTML form can make (answered with
 * a 303 to the subscriptions page) or a script can make with JSON (answered with JSON):
 * - `POST /api/subscribers/subscribe` `{ email, scope: all|partner|topic, partner?, topic?,
 *   frequency?: each|daily }`:
 *   double opt-in. The answer is the same whether the address is new, waiting or confirmed, so the
 *   form tells nobody who subscribes; only a new or waiting address gets a confirmation mail (at
 *   most one per 10 minutes); a client that asks too often gets 429.
 * - `POST /api/subscribers/confirm` `{ token }`: the confirmation link's token.
 * - `POST /api/subscribers/preferences` `{ token, frequency }`: each release or a daily digest.
 * - `POST /api/subscribers/unsubscribe?token=…`: RFC 8058 one-click (body
 *   `List-Unsubscribe=One-Click`, no session), or the preferences page's button (`token` in the
 *   form). Deletes the subscription.
 * - `GET /api/subscribers/export`: every subscription as JSON, for admins.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { isAdmin } from '@/access/roles'
import { clientOf } from '@/accounts/loginThrottle'
import { queueConfirmation, scopeLabel } from '@/email/journalistMail'
import type { Subscriber } from '@/payload-types'
import { subscriptionOfToken } from '@/subscriptions/lookup'
import { mayMailConfirmation, registerSubscribeRequest } from '@/subscriptions/throttle'
import { CONFIRM_VALID_HOURS, hashToken, idInManageToken, manageToken, newConfirmToken } from '@/subscriptions/tokens'
import { absoluteUrl, paths } from '@/urls'

const ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const NO_STORE = { 'Cache-Control': 'no-store' }

const problem = (status: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ errors: [{ message }] }, { status, headers: { ...NO_STORE, ...headers } })

type Body = { fields: Record<string, string>; fromForm: boolean }

/** A form post (urlencoded or multipart) or a JSON object, as strings; null when unreadable. */
const readBody = async (req: PayloadRequest): Promise<Body | null> => {
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  const request = req as unknown as Request
  try {
    if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
      const form = await request.formData()
      const fields: Record<string, string> = {}
      form.forEach((value, key) => {
        if (typeof value === 'string') fields[key] = value
      })
      return { fields, fromForm: true }
    }
    const text = (await request.text?.()) ?? ''
    if (!text.trim()) return { fields: {}, fromForm: false }
    const parsed: unknown = JSON.parse(text)
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null
    const fields = Object.fromEntries(
      Object.entries(parsed).filter(([, v]) => typeof v === 'string') as [string, string][],
    )
    return { fields, fromForm: false }
  } catch {
    return null
  }
}

const unreadable = () =>
  problem(400, 'Send a form (application/x-www-form-urlencoded) or a JSON object, e.g. {"email":"…","scope":"all"}.')

const seeOther = (path: string) =>
  new Response(null, { status: 303, headers: { ...NO_STORE, Location: absoluteUrl(path) } })

/** Unconfirmed requests whose link expired are forgotten. */
const forgetExpired = (req: PayloadRequest) =>
  req.payload.delete({
    collection: 'subscribers',
    where: { and: [{ confirmed: { equals: false } }, { confirmBy: { less_than: new Date().toISOString() } }] },
    overrideAccess: true,
    req,
  })

const SENT_MESSAGE =
  'Thank you. If this address can receive mail, a link to confirm the subscription is on its way; nothing else is sent until it is confirmed.'

export const subscribeEndpoint: Endpoint = {
  path: '/subscribe',
  method: 'post',
  custom: { readsOwnBody: true },
  handler: async (req) => {
    const wait = registerSubscribeRequest(clientOf(req))
    if (wait !== null) {
      return problem(429, `Too many subscription requests from here. Try again in ${Math.ceil(wait / 60)} minutes.`, {
        'Retry-After': String(wait),
      })
    }
    const body = await readBody(req)
    if (!body) return unreadable()
    const email = (body.fields.email ?? '').trim().toLowerCase()
    if (!ADDRESS.test(email) || email.length > 254) return problem(400, 'Give a valid e-mail address.')
    const scope = body.fields.scope || 'all'
    if (scope !== 'all' && scope !== 'partner' && scope !== 'topic') {
      return problem(400, '"scope" must be one of: all, partner, topic.')
    }
    const frequency = body.fields.frequency || 'each'
    if (frequency !== 'each' && frequency !== 'daily') return problem(400, '"frequency" must be one of: each, daily.')
    let refId: number | null = null
    let refName = ''
    if (scope !== 'all') {
      const slug = (body.fields[scope] ?? '').trim()
      if (!SLUG.test(slug)) return problem(400, `Give the ${scope}'s slug in "${scope}".`)
      const { docs } = await req.payload.find({
        collection: scope === 'partner' ? 'partners' : 'topics',
        where: { slug: { equals: slug } },
        limit: 1,
        depth: 0,
        overrideAccess: false,
      })
      if (!docs[0]) return problem(400, `There is no ${scope} "${slug}".`)
      refId = docs[0].id
      refName = docs[0].name
    }

    await forgetExpired(req)
    const key = `${email}|${scope}|${refId ?? ''}`
    const { docs } = await req.payload.find({
      collection: 'subscribers',
      where: { key: { equals: key } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const existing = docs[0] as Subscriber | undefined
    // Confirmed already: nothing to do, and the same answer as for anyone else.
    if (!existing?.confirmed && mayMailConfirmation(key)) {
      const { token, hash } = newConfirmToken()
      const confirmBy = new Date(Date.now() + CONFIRM_VALID_HOURS * 60 * 60 * 1000).toISOString()
      const data = { confirmTokenHash: hash, confirmBy, frequency: frequency as Subscriber['frequency'] }
      if (existing) {
        await req.payload.update({ collection: 'subscribers', id: existing.id, data, overrideAccess: true, req })
      } else {
        await req.payload.create({
          collection: 'subscribers',
          data: {
            ...data,
            email,
            scope,
            key,
            confirmed: false,
            partner: scope === 'partner' ? refId : null,
            topic: scope === 'topic' ? refId : null,
          },
          overrideAccess: true,
          req,
        })
      }
      const label = scopeLabel({
        scope,
        partner: scope === 'partner' ? ({ name: refName } as never) : null,
        topic: scope === 'topic' ? ({ name: refName } as never) : null,
      })
      await queueConfirmation(req, { to: email, token, label })
    }
    if (body.fromForm) return seeOther(paths.subscriptionOutcome('sent'))
    return Response.json({ message: SENT_MESSAGE }, { status: 202, headers: NO_STORE })
  },
}

export const confirmEndpoint: Endpoint = {
  path: '/confirm',
  method: 'post',
  custom: { readsOwnBody: true },
  handler: async (req) => {
    const body = await readBody(req)
    if (!body) return unreadable()
    const token = (body.fields.token ?? '').trim()
    const { docs } =
      token.length >= 32 && token.length <= 64
        ? await req.payload.find({
            collection: 'subscribers',
            where: {
              and: [
                { confirmTokenHash: { equals: hashToken(token) } },
                { confirmBy: { greater_than: new Date().toISOString() } },
              ],
            },
            limit: 1,
            depth: 0,
            overrideAccess: true,
            req,
          })
        : { docs: [] }
    const sub = docs[0] as Subscriber | undefined
    if (!sub) {
      if (body.fromForm) return seeOther(paths.subscriptionOutcome('invalid'))
      return problem(404, 'This confirmation link is unknown or has expired. Subscribe again to get a new one.')
    }
    await req.payload.update({
      collection: 'subscribers',
      id: sub.id,
      data: { confirmed: true, confirmedAt: new Date().toISOString(), confirmTokenHash: null, confirmBy: null },
      overrideAccess: true,
      req,
    })
    const manage = manageToken(req.payload.secret, sub)
    if (body.fromForm) return seeOther(paths.subscriptionOutcome('confirmed', manage))
    return Response.json(
      { message: 'Subscription confirmed.', preferences: absoluteUrl(paths.subscription(manage)) },
      { headers: NO_STORE },
    )
  },
}

export const preferencesEndpoint: Endpoint = {
  path: '/preferences',
  method: 'post',
  custom: { readsOwnBody: true },
  handler: async (req) => {
    const body = await readBody(req)
    if (!body) return unreadable()
    const token = (body.fields.token ?? '').trim()
    const frequency = body.fields.frequency
    if (frequency !== 'each' && frequency !== 'daily') return problem(400, '"frequency" must be one of: each, daily.')
    const sub = idInManageToken(token) === null ? null : await subscriptionOfToken(req, token)
    if (!sub) return problem(404, 'This subscription link no longer works: the subscription has ended.')
    await req.payload.update({ collection: 'subscribers', id: sub.id, data: { frequency }, overrideAccess: true, req })
    if (body.fromForm) return seeOther(paths.subscription(token))
    return Response.json({ message: 'Preferences saved.', frequency }, { headers: NO_STORE })
  },
}

export const unsubscribeEndpoint: Endpoint = {
  path: '/unsubscribe',
  method: 'post',
  custom: { readsOwnBody: true },
  handler: async (req) => {
    const body = await readBody(req)
    if (!body) return unreadable()
    const token = (new URL(req.url ?? 'http://x/').searchParams.get('token') ?? body.fields.token ?? '').trim()
    if (idInManageToken(token) === null) return problem(400, 'This unsubscribe link is not valid.')
    const sub = await subscriptionOfToken(req, token)
    if (sub) await req.payload.delete({ collection: 'subscribers', id: sub.id, overrideAccess: true, req })
    // Unsubscribing twice (or after an admin deleted the address) is not an error.
    const oneClick = body.fields['List-Unsubscribe'] === 'One-Click'
    if (body.fromForm && !oneClick) return seeOther(paths.subscriptionOutcome('unsubscribed'))
    return Response.json({ message: 'Unsubscribed: this address gets no more alerts.' }, { headers: NO_STORE })
  },
}

export const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!isAdmin(req.user)) return problem(403, 'Only admins can export subscribers.')
    const { docs } = await req.payload.find({
      collection: 'subscribers',
      pagination: false,
      depth: 1,
      sort: 'createdAt',
      overrideAccess: true,
      req,
    })
    const rows = docs.map((s) => ({
      email: s.email,
      scope: s.scope,
      partner: typeof s.partner === 'object' ? (s.partner?.slug ?? null) : null,
      topic: typeof s.topic === 'object' ? (s.topic?.slug ?? null) : null,
      confirmed: Boolean(s.confirmed),
      createdAt: s.createdAt,
      confirmedAt: s.confirmedAt ?? null,
    }))
    return Response.json(rows, {
      headers: { ...NO_STORE, 'Content-Disposition': 'attachment; filename="subscribers.json"' },
    })
  },
}
