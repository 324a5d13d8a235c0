/**
 * One POST of a notification, over Node's own http/https so the socket's address lookup is ours
 * (./targets.ts): a webhook connects only to an address that passed the network check, however
 * its name resolves at that moment. Redirects are not followed (a 3xx is an answer like any
 * other), and the whole exchange is bounded in time.
 */
import http from 'node:http'
import https from 'node:https'

import { guardedLookup, literalRefusal } from './targets'

export type PostResult = { status: number }

export const postNotification = (
  target: string,
  body: string,
  headers: Record<string, string>,
  { timeoutMs, guard }: { timeoutMs: number; guard: boolean },
): Promise<PostResult> => {
  const url = new URL(target)
  if (guard) {
    // An IP address is connected to without any lookup: check it here.
    const refused = literalRefusal(url)
    if (refused) return Promise.reject(refused)
  }
  const client = url.protocol === 'https:' ? https : http
  const signal = AbortSignal.timeout(timeoutMs)
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        // A fresh socket each time: no pooled connection made under an earlier lookup is reused.
        agent: false,
        signal,
        ...(guard ? { lookup: guardedLookup() } : {}),
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }))
        res.on('error', reject)
      },
    )
    request.on('error', (err) => reject(signal.aborted ? signal.reason : err))
    request.end(body)
  })
}
