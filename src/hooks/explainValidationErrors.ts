import type { AfterErrorHook } from 'payload'

type FieldErrors = { errors?: { path?: string; message?: string }[] }

/**
 * REST answers to bad input name every field at fault (`errors[0].data.errors[].path`).
 * Payload formats this by `instanceof ValidationError`, which can miss in the production bundle,
 * leaving only the message; this restores the field list for any 4xx error that carries one.
 */
export const explainValidationErrors: AfterErrorHook = ({ error, result }) => {
  const status = (error as { status?: number }).status ?? 500
  const data = (error as { data?: FieldErrors }).data
  if (status >= 500 || !Array.isArray(data?.errors) || !result) return
  return {
    response: { errors: [{ name: error.name, message: error.message, data }] },
    status,
  }
}
