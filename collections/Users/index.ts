import type { Access, CollectionConfig, FieldAccess } from 'payload'

import { admins, adminsField, isAdmin, isStaff, ROLES, staff } from '@/access/roles'
import { passwordResetHtml, passwordResetSubject } from '@/email/staffMail'

import { inviteEndpoint } from './endpoints/invite'
import { checkPassword } from './hooks/checkPassword'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { forgetLoginFailures, throttleLogin } from './hooks/throttleLogin'

const selfOrAdmin: Access = ({ req }) => {
  if (isAdmin(req.user)) return true
  if (req.user && isStaff(req.user)) return { id: { equals: req.user.id } }
  return false
}

/** E-mail addresses are personal: each user sees their own, admins everyone's. */
const ownAddressOrAdmin: FieldAccess = ({ req, doc }) =>
  isAdmin(req.user) || (Boolean(req.user) && doc?.id !== undefined && doc.id === req.user?.id)

export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role'],
    components: { beforeListTable: ['@/admin/invite/InviteColleague#InviteColleague'] },
  },
  auth: {
    // No account lockout: anyone could lock an admin out with it. Failed sign-ins are throttled
    // per (address, client) instead (src/accounts/loginThrottle.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    // The reset mail (src/email/templates/PasswordReset.tsx) links into /admin/reset/<token>; the
    // link works for an hour (Payload's default, so invitations can pass their own 7 days), and
    // the new password passes the password rules (hooks/checkPassword.ts). The mail is queued,
    // never sent inside the request (src/email/adapter.ts).
    forgotPassword: { generateEmailHTML: passwordResetHtml, generateEmailSubject: passwordResetSubject },
    cookies: {
      sameSite: 'Lax',
      secure: process.env.NODE_ENV === 'production' && (process.env.SITE_URL ?? '').startsWith('https://'),
    },
  },
  access: {
    admin: ({ req }) => isStaff(req.user),
    // Staff see each other (names in the audit trail and review queue); only admins manage accounts.
    read: staff,
    create: admins,
    update: selfOrAdmin,
    delete: admins,
  },
  endpoints: [inviteEndpoint],
  hooks: {
    beforeOperation: [throttleLogin, checkPassword],
    beforeChange: [firstUserIsAdmin],
    afterLogin: [forgetLoginFailures],
  },
  fields: [
    // Payload's own e-mail field, with read access limited (merged into the auth fields).
    { name: 'email', type: 'email', access: { read: ownAddressOrAdmin } },
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'contributor',
      saveToJWT: true,
      options: ROLES.map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
      access: { create: adminsField, update: adminsField },
      admin: {
        position: 'sidebar',
        description: 'Contributors write drafts; editors publish; admins also manage users and partners.',
        // Not asked on the create-first-user screen: the first account is always an admin.
        condition: (_data, _siblingData, { user }) => Boolean(user),
      },
    },
    {
      name: 'reviewNotices',
      type: 'checkbox',
      label: 'E-mail me review notices',
      defaultValue: true,
      admin: {
        position: 'sidebar',
        description:
          'Submitted releases (editors), releases sent back to you with a comment, and your releases going public.',
      },
    },
  ],
}
