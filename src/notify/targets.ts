/**
 * Webhooks cannot reach inside the network. A subscriber URL is typed by an admin, so without
 * this check the newsroom's server would POST wherever it is told: to its own loopback services,
 * to a cloud metadata endpoint (169.254.169.254), to anything on the private network.
 *
 * The rule: a webhook goes only to a public address. Loopback, private, shared (CGNAT),
 * link-local, unique-local, unspecified (0.0.0.0, ::), multicast, documentation and reserved
 * ranges are refused, IPv4 and IPv6 alike, including IPv4 written inside IPv6 (IPv4-mapped
 * `::ffff:127.0.0.1`, NAT64 `64:ff9b::…`, 6to4 `2002:…`). The check is made on the resolved
 * address at delivery time, inside the connection's own `lookup`, and the socket connects to
 * exactly the address that was checked, so a name that resolves to a public address when the
 * subscriber is saved and to 127.0.0.1 when the webhook goes out (DNS rebinding) is refused too.
 *
 * Operators who do run a receiver inside their network list its host names or addresses in
 * `WEBHOOK_ALLOWED_HOSTS` (comma-separated, e.g. `hooks.internal,10.0.0.5`).
 */
import dns from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'

type Family = 'ipv4' | 'ipv6'

/** Each range that is not the public internet, with the name a refusal gives it. */
const RANGES: [address: string, prefix: number, family: Family, name: string][] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'reserved'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['::', 96, 'ipv6', 'reserved (IPv4-compatible)'],
  ['100::', 64, 'ipv6', 'discard-only'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['fc00::', 7, 'ipv6', 'unique-local'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
]

const RULES = RANGES.map(([address, prefix, family, name]) => {
  const list = new BlockList()
  list.addSubnet(address, prefix, family)
  return { list, family, name }
})

/** The eight 16-bit groups of an IPv6 address (zone and dotted IPv4 tail allowed). */
const ipv6Groups = (ip: string): number[] => {
  let s = ip.split('%')[0].toLowerCase()
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number)
    s = `${s.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = s.split('::')
  const h = head ? head.split(':') : []
  const t = tail ? tail.split(':') : []
  const fill = s.includes('::') ? Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0') : []
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16))
}

const ipv4Of = (hi: number, lo: number) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.')

/** The IPv4 address an IPv6 address carries (mapped, NAT64 or 6to4), if it carries one. */
const embeddedIpv4 = (ip: string): string | null => {
  const g = ipv6Groups(ip)
  if (g.length !== 8 || g.some(Number.isNaN)) return null
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return ipv4Of(g[6], g[7])
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return ipv4Of(g[6], g[7])
  if (g[0] === 0x2002) return ipv4Of(g[1], g[2])
  return null
}

/** Which non-public range an IP address is in ("loopback", "private"…), or null for a public one. */
export const internalRangeOf = (ip: string): string | null => {
  const version = isIP(ip.split('%')[0])
  if (!version) return null
  if (version === 6) {
    const inner = embeddedIpv4(ip)
    if (inner) {
      const name = internalRangeOf(inner)
      return name ? `${name} (IPv4 ${inner} inside IPv6)` : null
    }
  }
  const family: Family = version === 4 ? 'ipv4' : 'ipv6'
  const address = ip.split('%')[0]
  return RULES.find((r) => r.family === family && r.list.check(address, family))?.name ?? null
}

const normalHost = (host: string) =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')

/** Hosts (names or addresses) the operator lets webhooks reach although they are internal. */
export const allowedWebhookHosts = (): Set<string> =>
  new Set((process.env.WEBHOOK_ALLOWED_HOSTS ?? '').split(',').map(normalHost).filter(Boolean))

export const REFUSED_TARGET = 'ERR_WEBHOOK_TARGET_REFUSED'

/** A webhook target that is refused: delivering to it again would be refused again, so it is not retried. */
export class RefusedTarget extends Error {
  readonly code = REFUSED_TARGET
}

export const isRefusedTarget = (err: unknown): err is RefusedTarget =>
  (err as { code?: unknown } | null)?.code === REFUSED_TARGET

const refusal = (host: string, address: string, range: string) =>
  new RefusedTarget(
    `Refused: ${host === address ? address : `${host} resolves to ${address}`}, a ${range} address inside the network. ` +
      'Webhooks go only to public addresses; an operator can allow this host with WEBHOOK_ALLOWED_HOSTS.',
  )

/** Whether one resolved address of `host` may be reached: public, or allowed by the operator. */
const check = (host: string, address: string, allowed: Set<string>): RefusedTarget | null => {
  if (allowed.has(normalHost(host)) || allowed.has(normalHost(address))) return null
  const range = internalRangeOf(address)
  return range ? refusal(host, address, range) : null
}

/** The refusal for a URL whose host is an IP address (no lookup is made for those), or null. */
export const literalRefusal = (url: URL, allowed = allowedWebhookHosts()): RefusedTarget | null => {
  const host = normalHost(url.hostname)
  return isIP(host) ? check(host, host, allowed) : null
}

/**
 * A `lookup` for the webhook's socket: resolves the name, refuses internal addresses, and hands
 * the socket only addresses that passed, so it connects to what was checked.
 */
export const guardedLookup =
  (allowed = allowedWebhookHosts()): LookupFunction =>
  (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0)
      const results = addresses.map((a) => ({ a, refused: check(hostname, a.address, allowed) }))
      const usable = results.filter((r) => !r.refused).map((r) => r.a)
      if (!usable.length) return callback(results[0]?.refused ?? refusal(hostname, '?', 'unknown'), '', 0)
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, usable)
      callback(null, usable[0].address, usable[0].family)
    })
  }

/**
 * The same rule when an admin saves a subscriber: an IP address inside the network, or a name that
 * resolves now only to such addresses, is refused with the reason. A name that does not resolve
 * yet is accepted (delivery checks again, and records why it could not deliver).
 */
export const targetRefusal = async (value: string, allowed = allowedWebhookHosts()): Promise<string | null> => {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  const literal = literalRefusal(url, allowed)
  if (literal) return literal.message
  const host = normalHost(url.hostname)
  if (isIP(host)) return null
  const addresses = await Promise.race([
    dns.promises.lookup(host, { all: true }).catch(() => [] as dns.LookupAddress[]),
    new Promise<dns.LookupAddress[]>((resolve) => setTimeout(() => resolve([]), 3000).unref()),
  ])
  const refusals = addresses.map((a) => check(host, a.address, allowed))
  return addresses.length && refusals.every(Boolean) ? refusals[0]!.message : null
}
