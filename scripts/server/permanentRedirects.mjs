// Moved permalinks (a release, partner or topic whose slug changed) answer 301 Moved Permanently.
// Next.js's permanentRedirect() sends 308, which means the same for GET and HEAD but which older
// feed readers and crawlers treat as an error; for those methods it is sent as 301.
export const permanentRedirectsAs301 = (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return
  const writeHead = res.writeHead
  res.writeHead = function (statusCode, ...rest) {
    return writeHead.call(this, statusCode === 308 ? 301 : statusCode, ...rest)
  }
}
