import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RichText } from '@/components/RichText'
import { richTextToHtml } from '@/richText/html'

import { past, releaseData, richText } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

const UNSAFE = [
  'javascript:window.__xss=1',
  'JavaScript:window.__xss=1',
  'java\tscript:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  'vbscript:msgbox(1)',
]

const withLink = (url: string, type: 'link' | 'autolink' = 'link') => {
  const body = richText('Before the link.')
  ;(body.root.children[0].children as unknown[]).push({
    type,
    version: 3,
    format: '',
    indent: 0,
    direction: 'ltr',
    fields: { linkType: 'custom', url, newTab: false },
    children: [{ type: 'text', text: 'the link text', format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
  })
  return body
}

let n: TestNewsroom
beforeAll(async () => {
  n = await startTestNewsroom()
})
afterAll(() => n?.close())

describe('links in rich text', () => {
  it.each(UNSAFE)('a link to %j is refused on save, naming the body', async (url) => {
    const err = await n.payload
      .create({
        collection: 'press-releases',
        data: releaseData({ body: withLink(url), _status: 'published', publishedAt: past() }),
        ...as(n.users.editor),
      })
      .then(
        () => null,
        (e: { status?: number; data?: { errors?: { path: string; message: string }[] } }) => e,
      )
    expect(err?.status).toBe(400)
    expect(err?.data?.errors?.map((e) => e.path)).toContain('body')
  })

  it('web, mail, phone and relative links are kept', async () => {
    for (const url of [
      'https://example.org/a?b=c',
      'mailto:press@example.org',
      'tel:+18605550100',
      '/news/other-release',
    ]) {
      const doc = await n.payload.create({
        collection: 'press-releases',
        data: releaseData({ body: withLink(url) }),
        draft: true,
        ...as(n.users.editor),
      })
      expect(richTextToHtml(doc.body)).toContain('href=')
    }
  })

  // Content saved before this rule existed, or written straight to the database, still renders safely.
  it.each(UNSAFE)('an already stored link to %j renders as text, on pages and in feeds', (url) => {
    for (const type of ['link', 'autolink'] as const) {
      const body = withLink(url, type)
      const page = renderToStaticMarkup(createElement(RichText, { data: body }))
      const feed = richTextToHtml(body)
      for (const html of [page, feed]) {
        expect(html).toContain('the link text')
        expect(html).not.toMatch(/<a\b/)
        expect(html.toLowerCase()).not.toContain('script:')
      }
    }
  })
})
