import { type CollectionBeforeOperationHook, ValidationError } from 'payload'

import { passwordProblem } from '@/accounts/passwordRules'

/**
 * Every way a password is set (first user, an admin creating an account, an invitation being
 * accepted, a change on the account page, a reset by link) passes the password rules
 * (src/accounts/passwordRules.ts); a refused password is a 400 naming `password`.
 */
export const checkPassword: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const data = (args as { data?: Record<string, unknown> }).data
  if (!data || !('password' in data) || (operation === 'update' && !data.password)) return args
  let context = [data.name, data.email].filter((v): v is string => typeof v === 'string')
  if (operation === 'update' && req.user) context = [...context, String(req.user.email ?? '')]
  const problem = passwordProblem(data.password, context)
  if (problem) {
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'password', message: problem }] }, req.t)
  }
  return args
}
