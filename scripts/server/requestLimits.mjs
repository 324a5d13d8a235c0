// Every size limit a request meets, in one place: the production server enforces the URL, header
// and body limits before Next.js sees a request (./requestGuards.mjs); Payload enforces the upload
// and query limits (src/server/uploads.ts, src/security/querySize.ts). README "Limits" lists them.

const MiB = 1024 * 1024

/** Largest accepted upload (one file), in bytes. */
export const MAX_UPLOAD_BYTES = 25 * MiB

/** Request line plus headers (query string included), in bytes: Node's own parser refuses more with 431. */
export const MAX_HEADER_BYTES = 16 * 1024

/** A request body anywhere but an upload: JSON, a form, a GraphQL query, wire copy, an admin action. */
export const MAX_BODY_BYTES = 1 * MiB

/** An upload's body: the file and its form fields (alt text, caption, the admin's `_payload`). */
export const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + 1 * MiB

/** Paths whose bodies are uploads: the media collection (create, replace a file). */
export const UPLOAD_PATHS = /^\/api\/media(?:\/|$)/

/** The body limit of a request for `pathname`. */
export const bodyLimit = (pathname) => (UPLOAD_PATHS.test(pathname) ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES)

/** `where` filters (REST, GraphQL, joins) as Payload receives them, before SQL is written. */
export const WHERE_LIMITS = {
  /** Conditions (a field, an operator and a value) in one filter. */
  conditions: 100,
  /** `and` / `or` levels inside one another. */
  nesting: 5,
  /** Relationship hops (`relatedReleases.title` is one) over all conditions: each is a SQL join. */
  relationshipHops: 20,
  /** Values of one `in`, `not_in` or `all` list. */
  listValues: 500,
  /** Characters of one `like`, `not_like` or `contains` pattern (or any other text value). */
  textChars: 1000,
}

export const megabytes = (bytes) => `${Math.round((bytes / MiB) * 10) / 10} MB`
