/**
 * Staff accounts and authenticated requests against a running server (tests/helpers/server.ts):
 * the first user registers as admin and creates an editor and a contributor, as a newsroom would.
 */
export type Role = 'anonymous' | 'contributor' | 'editor' | 'admin'
export type Session = { role: Role; token: string }

export const ANONYMOUS: Session = { role: 'anonymous', token: '' }

/** Headers a logged-in browser sends (the session cookie) plus the API's own `JWT` header. */
export const authHeaders = (session: Session): Record<string, string> =>
  session.token ? { Authorization: `JWT ${session.token}`, Cookie: `payload-token=${session.token}` } : {}

export const requestAs = (base: string, session: Session, path: string, init: RequestInit = {}) =>
  fetch(`${base}${path}`, {
    ...init,
    redirect: 'manual',
    headers: { ...authHeaders(session), ...(init.headers as Record<string, string> | undefined) },
    signal: AbortSignal.timeout(30_000),
  })

/** JSON in, JSON out; throws with the server's answer on any non-2xx, so setup errors are plain. */
export const apiAs = async <T = Record<string, unknown>>(
  base: string,
  session: Session,
  path: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
): Promise<T> => {
  const res = await requestAs(base, session, path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path} as ${session.role}: ${res.status} ${text.slice(0, 500)}`)
  return JSON.parse(text) as T
}

/** Multipart upload to the media collection. */
export const uploadAs = async (
  base: string,
  session: Session,
  file: { data: Uint8Array; type: string; name: string },
  fields: Record<string, string>,
): Promise<{
  id: number | string
  url: string
  filename: string
  sizes?: Record<string, { url?: string | null; filename?: string | null }>
}> => {
  const form = new FormData()
  form.append('file', new Blob([file.data as BlobPart], { type: file.type }), file.name)
  form.append('_payload', JSON.stringify(fields))
  const res = await requestAs(base, session, '/api/media', { method: 'POST', body: form })
  const text = await res.text()
  if (!res.ok) throw new Error(`upload ${file.name}: ${res.status} ${text.slice(0, 500)}`)
  return JSON.parse(text).doc
}

const PASSWORD = 'a long enough password'

export const setUpStaff = async (base: string): Promise<Record<'admin' | 'editor' | 'contributor', Session>> => {
  const login = async (role: Role, email: string): Promise<Session> => ({
    role,
    token: (await apiAs<{ token: string }>(base, ANONYMOUS, '/api/users/login', { email, password: PASSWORD })).token,
  })
  await apiAs(base, ANONYMOUS, '/api/users/first-register', {
    name: 'Admin',
    email: 'admin@example.org',
    password: PASSWORD,
  })
  let admin = await login('admin', 'admin@example.org')
  for (const role of ['editor', 'contributor'] as const) {
    const user = { name: `An ${role}`, email: `${role}@example.org`, password: PASSWORD, role }
    try {
      await apiAs(base, admin, '/api/users', user)
    } catch (err) {
      // Seen once in CI under load: the fresh admin session was refused (403). Say what the
      // server thought of the session, then sign in again once, so the report shows it.
      const me = await requestAs(base, admin, '/api/users/me').then((r) => r.text())
      console.warn(
        `Creating the ${role} failed (${(err as Error).message}); /api/users/me said ${me.slice(0, 300)}; signing in again`,
      )
      admin = await login('admin', 'admin@example.org')
      await apiAs(base, admin, '/api/users', user)
    }
  }
  return {
    admin,
    editor: await login('editor', 'editor@example.org'),
    contributor: await login('contributor', 'contributor@example.org'),
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
export const inParallel = async <T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
