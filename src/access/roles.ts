import type { Access, FieldAccess, PayloadRequest } from 'payload'

export const ROLES = ['admin', 'editor', 'contributor'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = PayloadRequest['user'] | null | undefined

/** The role of a logged-in staff user, or null for anonymous readers (and non-staff auth collections). */
export const roleOf = (user: MaybeUser): Role | null => {
  if (!user || user.collection !== 'users') return null
  const role = (user as { role?: unknown }).role
  return ROLES.includes(role as Role) ? (role as Role) : null
}

export const isStaff = (user: MaybeUser): boolean => roleOf(user) !== null
export const isEditor = (user: MaybeUser): boolean => {
  const role = roleOf(user)
  return role === 'editor' || role === 'admin'
}
export const isAdmin = (user: MaybeUser): boolean => roleOf(user) === 'admin'

export const staff: Access = ({ req }) => isStaff(req.user)
export const editors: Access = ({ req }) => isEditor(req.user)
export const admins: Access = ({ req }) => isAdmin(req.user)
export const anyone: Access = () => true

export const adminsField: FieldAccess = ({ req }) => isAdmin(req.user)
export const staffField: FieldAccess = ({ req }) => isStaff(req.user)
export const editorsField: FieldAccess = ({ req }) => isEditor(req.user)
