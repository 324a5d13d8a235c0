import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort, startServer, type TestServer } from '../helpers/server'

const require = createRequire(import.meta.url)
const VNU = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar')

let server: TestServer
let releasePath = ''
const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-quality-'))

beforeAll(async () => {
  server = await startServer()
  const { docs } = await (await fetch(`${server.url}/api/press-releases?limit=1`)).json()
  releasePath = `/news/${docs[0].slug}`
})
afterAll(async () => {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('the Nu HTML Checker', () => {
  it('finds no errors on any page type', async () => {
    const pages = [
      '/',
      '/news',
      releasePath,
      '/partners',
      '/partners/hartford-healthcare',
      '/milestones',
      '/events',
      '/search?q=clinical+trials',
      '/no-such-page',
    ]
    const files = await Promise.all(
      pages.map(async (p, i) => {
        const file = path.join(dir, `page-${i}.html`)
        writeFileSync(file, await (await fetch(`${server.url}${p}`)).text())
        return file
      }),
    )
    let report = ''
    try {
      execFileSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { stdio: 'pipe' })
      report = '{"messages":[]}'
    } catch (error) {
      report = String((error as { stderr?: Buffer }).stderr ?? '')
    }
    const messages = (JSON.parse(report).messages as { url: string; message: string }[]).map(
      (m) => `${pages[files.findIndex((f) => m.url.endsWith(path.basename(f)))]}: ${m.message}`,
    )
    expect(messages).toEqual([])
  })
})

describe('Lighthouse (mobile, production build, system Chromium)', () => {
  it('scores 100 for accessibility, best practices and SEO on the home and a release page', async () => {
    const { default: lighthouse } = await import('lighthouse')
    const { chromium } = await import('playwright-core')
    const port = await freePort()
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--remote-debugging-port=${port}`,
      ],
    })
    try {
      for (const p of ['/', releasePath]) {
        const result = await lighthouse(`${server.url}${p}`, {
          port,
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        })
        const scores = Object.fromEntries(
          Object.entries(result!.lhr.categories).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)]),
        )
        // Performance is a speed figure and is reported, not asserted (see the benchmark).
        console.log(`Lighthouse ${p}: ${JSON.stringify(scores)}`)
        expect({
          page: p,
          accessibility: scores.accessibility,
          bestPractices: scores['best-practices'],
          seo: scores.seo,
        }).toEqual({
          page: p,
          accessibility: 100,
          bestPractices: 100,
          seo: 100,
        })
      }
    } finally {
      await browser.close()
    }
  })
})
