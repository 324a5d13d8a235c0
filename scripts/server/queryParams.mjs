// The API's query parameters Payload reads as numbers or as JSON text, checked before it does:
// `limit=1e309` reached SQL as Infinity (a 500), `where={bad` threw (a 500). Used by the server for
// query strings (./requestGuards.mjs) and by the API routes for the query a POST carries in its
// body under `X-HTTP-Method-Override: GET` (src/security/wellFormedBodies.ts).

const WHOLE_NUMBER = /^\d{1,9}$/
const NUMBER_PARAMS = ['depth', 'limit', 'page']
const JSON_PARAMS = ['where', 'data']

/** What a client sent, shortened and quoted for a message. */
export const quoted = (text) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)

/**
 * The problem with these parameters, as a message naming the parameter, or null.
 * @param {URLSearchParams} params
 * @returns {string | null}
 */
export const queryProblem = (params) => {
  for (const name of NUMBER_PARAMS) {
    for (const value of params.getAll(name)) {
      if (!WHOLE_NUMBER.test(value))
        return `"${name}" must be a whole number from 0 to 999999999, not ${quoted(value)}.`
    }
  }
  for (const name of JSON_PARAMS) {
    for (const value of params.getAll(name)) {
      if (!value) continue
      try {
        JSON.parse(value)
      } catch {
        return `"${name}" given as text must be JSON (or use ${name}[field][operator]=value): ${quoted(value)} is not.`
      }
    }
  }
  return null
}
