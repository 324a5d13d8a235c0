// RFC 9110 conditional GET, written once for the feed routes (src/feeds/http.ts) and the
// server's replay (scripts/server/responseCache.mjs): If-None-Match wins when present;
// otherwise If-Modified-Since, compared at the one-second resolution of HTTP dates.

/** @param {string} header @param {string} etag */
const etagMatches = (header, etag) =>
  header
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || t === etag || t === `W/${etag}`)

/**
 * @param {{ ifNoneMatch?: string | null, ifModifiedSince?: string | null }} request the two headers
 * @param {string} etag the representation's strong validator
 * @param {Date | string | null | undefined} lastModified
 * @returns {boolean} whether the answer is 304 Not Modified
 */
export const isNotModified = ({ ifNoneMatch, ifModifiedSince }, etag, lastModified) => {
  if (!etag) return false
  if (ifNoneMatch != null) return etagMatches(ifNoneMatch, etag)
  if (ifModifiedSince == null || !lastModified) return false
  const since = Date.parse(ifModifiedSince)
  const modified = typeof lastModified === 'string' ? Date.parse(lastModified) : lastModified.getTime()
  if (Number.isNaN(since) || Number.isNaN(modified)) return false
  return Math.floor(modified / 1000) <= Math.floor(since / 1000)
}
