import { randomBytes } from 'node:crypto'

import { commitTransaction, type Endpoint, initTransaction, killTransaction } from 'payload'

import { isAdmin, ROLES, type Role } from '@/access/roles'
import { smtpConfigured } from '@/email/settings'
import { INVITATION_VALID_DAYS, queueInvitation } from '@/email/staffMail'
import type { User } from '@/payload-types'

const error = (status: number, message: string, field?: string) =>
  Response.json(
    { errors: [{ message, ...(field ? { data: { errors: [{ path: field, message }] } } : {}) }] },
    { status },
  )

const ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/

/**
 * `POST /api/users/invitation` with `{ "email", "name", "role"? }` (admins only): creates the
 * account with a random password nobody knows and mails the person a link to choose their own
 * (Payload's reset screen; the password rules apply), valid for 7 days. No admin ever types or
 * sees a colleague's password.
 */
export const inviteEndpoint: Endpoint = {
  path: '/invitation',
  method: 'post',
  handler: async (req) => {
    if (!isAdmin(req.user)) return error(403, 'Only admins can invite colleagues.')
    let body: unknown
    try {
      body = req.json ? await req.json() : undefined
    } catch {
      return error(400, 'The request body is not valid JSON. Send {"email":"…","name":"…","role":"editor"}.')
    }
    const {
      email,
      name,
      role = 'contributor',
    } = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
    const address = typeof email === 'string' ? email.trim().toLowerCase() : ''
    if (!ADDRESS.test(address) || address.length > 254) return error(400, 'Give a valid e-mail address.', 'email')
    const fullName = typeof name === 'string' ? name.trim() : ''
    if (!fullName || fullName.length > 120) return error(400, 'Give the person’s name (up to 120 characters).', 'name')
    if (!ROLES.includes(role as Role)) return error(400, `"role" must be one of: ${ROLES.join(', ')}.`, 'role')

    const existing = await req.payload.count({
      collection: 'users',
      where: { email: { equals: address } },
      overrideAccess: true,
      req,
    })
    if (existing.totalDocs > 0) return error(409, 'An account with this address exists already.', 'email')

    const owned = await initTransaction(req)
    try {
      const user = (await req.payload.create({
        collection: 'users',
        data: { email: address, name: fullName, role: role as Role, password: randomBytes(32).toString('base64url') },
        overrideAccess: true,
        req,
      })) as User
      const token = await req.payload.forgotPassword({
        collection: 'users',
        data: { email: address },
        disableEmail: true,
        expiration: INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000,
        req,
      })
      const inviter = req.user as User
      await queueInvitation(req, { user, token, invitedBy: inviter.name || inviter.email })
      if (owned) await commitTransaction(req)
      return Response.json(
        {
          message: smtpConfigured()
            ? `Invitation sent to ${address}.`
            : `No SMTP server is configured (SMTP_URL): the invitation to ${address} was written to the server log instead of being sent.`,
          id: user.id,
        },
        { status: 201 },
      )
    } catch (err) {
      if (owned) await killTransaction(req)
      throw err
    }
  },
}
