import type { Metadata, Viewport } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'

import { siteName, siteUrl } from '@/lib/env'
import { PreviewBar } from '@/preview/PreviewBar'
import { feedAlternates } from '@/seo/metadata'

import './styles.css'

// Public pages read runtime settings (SITE_URL) and cached content; never prerendered at build.
export const dynamic = 'force-dynamic'

export const generateMetadata = (): Metadata => ({
  metadataBase: new URL(siteUrl()),
  title: { default: siteName(), template: `%s · ${siteName()}` },
  description: `Press releases, quotes, milestones and events from the ${siteName()}.`,
  alternates: { types: feedAlternates() },
})

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#16181d' },
  ],
}

const NAV = [
  { href: '/news', label: 'News' },
  { href: '/partners', label: 'Partners' },
  { href: '/milestones', label: 'Milestones' },
  { href: '/events', label: 'Events' },
  { href: '/search', label: 'Search' },
]

export default function FrontendLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <PreviewBar />
        <header className="site-header">
          <div className="wrap site-header__inner">
            <Link href="/" className="brand">
              {siteName()}
            </Link>
            <nav aria-label="Main">
              <ul className="nav">
                {NAV.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href}>{item.label}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="wrap">
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              Subscribe: <a href="/feed.xml">RSS</a> · <a href="/atom.xml">Atom</a> · <a href="/feed.json">JSON Feed</a>{' '}
              · <a href="/events.ics">Events calendar</a> · <a href="/milestones/feed.json">Milestones (JSON)</a>
            </p>
            <p>
              {siteName()} · <Link href="/admin">Staff sign-in</Link>
            </p>
          </div>
        </footer>
      </body>
    </html>
  )
}
