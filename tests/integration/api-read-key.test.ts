import { parse } from 'qs-esm'
import { describe, expect, it } from 'vitest'

import { graphqlReadKey, isAnonymousRead, restReadKey } from '@/cache/apiReadKey.mjs'
import { approximateBytes } from '@/cache/store.mjs'

// The key an anonymous API answer is cached under (src/cache/apiReadKey.mjs): the same question
// asked two ways shares one answer, and two different questions never do.
describe('the key of an anonymous API read', () => {
  it('is the same for parameters in another order or spelled with other escapes', () => {
    const a = restReadKey('/api/press-releases?limit=10&sort=-publishedAt&where[title][like]=care%20trials')
    expect(restReadKey('/api/press-releases?sort=-publishedAt&where%5Btitle%5D%5Blike%5D=care+trials&limit=10')).toBe(a)
    expect(restReadKey('/api/press-releases?limit=10&sort=-publishedAt&where[title][like]=care trials!')).not.toBe(a)
    expect(restReadKey('/api/press-releases?limit=10')).not.toBe(restReadKey('/api/press-releases?limit=11'))
    expect(restReadKey('/api/partners')).toBe('/api/partners')
  })

  it('keeps the order where Payload would read the parameters differently in another order', () => {
    const pushed = ['/api/topics?sort[]=name&sort[]=-id', '/api/topics?sort[]=-id&sort[]=name']
    expect(parse(pushed[0].split('?')[1])).not.toEqual(parse(pushed[1].split('?')[1]))
    expect(restReadKey(pushed[0])).not.toBe(restReadKey(pushed[1]))
    const merged = ['/api/topics?where=1&where[a]=2', '/api/topics?where[a]=2&where=1']
    expect(restReadKey(merged[0])).not.toBe(restReadKey(merged[1]))
    // Repeated names keep their order even when sorted.
    expect(restReadKey('/api/topics?b=1&a=2&a=1')).toBe('/api/topics?a=2&a=1&b=1')
  })

  it('is null for what is not cached: GraphQL over GET, malformed escapes, huge queries', () => {
    expect(restReadKey('/api/graphql?query={x}')).toBeNull()
    expect(restReadKey('/api/press-releases?where=%E0%A4%A')).toBeNull()
    expect(restReadKey(`/api/press-releases?${'a=1&'.repeat(300)}`)).toBeNull()
  })

  it('takes a GraphQL body by its query, variables and operation name, and only as JSON in UTF-8', () => {
    const json = { contentType: 'application/json', accept: null }
    const one = graphqlReadKey(
      json,
      JSON.stringify({ query: '{ Topics { docs { name } } }', variables: { a: 1, b: 2 } }),
    )
    expect(one).not.toBeNull()
    expect(
      graphqlReadKey(json, JSON.stringify({ variables: { b: 2, a: 1 }, query: '{ Topics { docs { name } } }' })),
    ).toBe(one)
    expect(graphqlReadKey({ ...json, accept: 'application/graphql-response+json' }, '{"query":"{ a }"}')).not.toBe(
      graphqlReadKey(json, '{"query":"{ a }"}'),
    )
    expect(
      graphqlReadKey({ contentType: 'application/json; charset=latin1', accept: null }, '{"query":"{ a }"}'),
    ).toBeNull()
    expect(graphqlReadKey(json, '{"query":"mutation { deleteTopic(id: 1) { id } }"}')).toBeNull()
    expect(graphqlReadKey(json, '{"query":"{ a }","extensions":{}}')).toBeNull()
    expect(graphqlReadKey(json, '{"query":')).toBeNull()
  })

  it('is asked only for requests without a session, an API key or a draft preview', () => {
    const headers = (h: Record<string, string>) => (name: string) => h[name]
    expect(isAnonymousRead(headers({ cookie: 'theme=dark' }))).toBe(true)
    expect(isAnonymousRead(headers({ cookie: 'theme=dark; payload-token=x' }))).toBe(false)
    expect(isAnonymousRead(headers({ cookie: '__prerender_bypass=1' }))).toBe(false)
    expect(isAnonymousRead(headers({ authorization: 'users API-Key abc' }))).toBe(false)
  })

  it('counts cached values by their size for the byte budget', () => {
    const small = approximateBytes({ docs: [{ title: 'a' }] })
    const large = approximateBytes({ docs: Array.from({ length: 1000 }, (_, i) => ({ title: `release ${i}` })) })
    expect(large).toBeGreaterThan(small * 100)
    expect(approximateBytes(new Set(Array.from({ length: 10_000 }, (_, i) => i)))).toBeGreaterThan(100_000)
  })
})
