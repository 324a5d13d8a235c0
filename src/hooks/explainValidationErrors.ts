import type { AfterErrorHook } from 'payload'

type FieldErrors = { errors?: { path?: string; message?: string }[] }

/**
 * REST answers to bad input say what is wrong: every 4xx keeps its message (`Invalid JSON`,
 * `No topics document has the id "abc"`), and a validation error names every field at fault
 * (`errors[0].data.errors[].path`). Payload formats errors by `instanceof` and by class name,
 * which can miss in the production bundle and leave only "An unknown error occurred.".
 * Server errors (5xx) keep Payload's generic answer.
 */
export const explainValidationErrors: AfterErrorHook = ({ error, result }) => {
  const status = (error as { status?: number }).status ?? 500
  if (status >= 500 || !result) return
  const data = (error as { data?: FieldErrors }).data
  return {
    response: {
      errors: [{ name: error.name, message: error.message, ...(Array.isArray(data?.errors) ? { data } : {}) }],
    },
    status,
  }
}
