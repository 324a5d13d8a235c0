import type { TestServer } from './server'

export type Rest = {
  token: string
  /** fetch on the server with the admin's JWT (unless `anonymous`). */
  call: (path: string, init?: RequestInit & { anonymous?: boolean }) => Promise<Response>
  /** JSON request with the admin's JWT. */
  send: (path: string, body: unknown, method?: string) => Promise<Response>
}

/** Registers the first user (an admin) on a fresh server and logs in over REST. */
export const firstAdmin = async (server: TestServer, email = 'admin@example.org'): Promise<Rest> => {
  const password = 'a long enough password'
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  await post('/api/users/first-register', { name: 'First Admin', email, password })
  const login = await post('/api/users/login', { email, password })
  const { token } = await login.json()
  if (!token) throw new Error(`login failed (${login.status})`)
  const call: Rest['call'] = (path, { anonymous, ...init } = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { ...(anonymous ? {} : { Authorization: `JWT ${token}` }), ...(init.headers as Record<string, string>) },
    })
  const send: Rest['send'] = (path, body, method = 'POST') =>
    call(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  return { token, call, send }
}

/** multipart/form-data for an upload to `/api/media`. */
export const uploadForm = (
  bytes: Uint8Array,
  type: string,
  name: string,
  data: Record<string, unknown> = { alt: 'Test file' },
) => {
  const form = new FormData()
  form.append('file', new Blob([bytes as BlobPart], { type }), name)
  form.append('_payload', JSON.stringify(data))
  return { method: 'POST', body: form }
}
