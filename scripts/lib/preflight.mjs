// Before starting: a MongoDB or PostgreSQL server that cannot be reached is reported in one line,
// naming its host, within seconds (instead of a server that hangs on every request).
import { resolveSrv } from 'node:dns/promises'
import net from 'node:net'

const TIMEOUT_MS = 5000

const MONGO = /^mongodb(\+srv)?:\/\//i
const POSTGRES = /^postgres(ql)?:\/\//i

const hostsOf = (uri, defaultPort) => {
  const authority = uri.replace(/^[a-z+]+:\/\//i, '').split(/[/?]/)[0]
  const hosts = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority
  return hosts.split(',').map((h) => {
    const m = h.match(/^\[?([^\]]+?)\]?(?::(\d+))?$/)
    return { host: m?.[1] ?? h, port: Number(m?.[2] ?? defaultPort) }
  })
}

const canConnect = ({ host, port }) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(TIMEOUT_MS, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })

/** Resolves when the database looks reachable; otherwise prints one line and exits 1. */
export const checkDatabaseReachable = async (uri) => {
  if (POSTGRES.test(uri)) {
    // A URI without a host (a Unix socket given in its query) is left to the driver.
    const targets = hostsOf(uri, 5432).filter((t) => t.host)
    if (!targets.length) return
    const label = targets.map((t) => `${t.host}:${t.port}`).join(',')
    if (!(await Promise.all(targets.map(canConnect))).some(Boolean)) {
      console.error(`Cannot start: PostgreSQL at ${label} is not reachable (DATABASE_URI); is the database running?`)
      process.exit(1)
    }
    return
  }
  if (!MONGO.test(uri)) return
  let targets = hostsOf(uri, 27017)
  const label = targets.map((t) => `${t.host}:${t.port}`).join(',')
  if (/^mongodb\+srv:/i.test(uri)) {
    try {
      const records = await resolveSrv(`_mongodb._tcp.${targets[0].host}`)
      targets = records.map((r) => ({ host: r.name, port: r.port }))
    } catch {
      console.error(`Cannot start: MongoDB host ${targets[0].host} has no SRV record (DATABASE_URI)`)
      process.exit(1)
    }
  }
  const results = await Promise.all(targets.map(canConnect))
  if (!results.some(Boolean)) {
    console.error(`Cannot start: MongoDB at ${label} is not reachable (DATABASE_URI); is the database running?`)
    process.exit(1)
  }
}
