import type { Metadata, Viewport } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'

import { PreviewBar } from '@/preview/PreviewBar'
import { feedAlternates } from '@/seo/metadata'
import { siteName, siteUrl } from '@/server/env'
import { paths, SITE_SCOPE } from '@/urls'

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
  { href: paths.news(), label: 'News' },
  { href: paths.partners(), label: 'Partners' },
  { href: paths.topics(), label: 'Topics' },
  { href: paths.milestones(), label: 'Milestones' },
  { href: paths.events(), label: 'Events' },
  { href: paths.search(), label: 'Search' },
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
              Subscribe: <a href={paths.feed(SITE_SCOPE, 'rss')}>RSS</a> ·{' '}
              <a href={paths.feed(SITE_SCOPE, 'atom')}>Atom</a> · <a href={paths.feed(SITE_SCOPE, 'json')}>JSON Feed</a>{' '}
              · <a href={paths.eventsCalendar()}>Events calendar</a> ·{' '}
              <a href={paths.milestonesFeed()}>Milestones (JSON)</a>
            </p>
            <p>
              {siteName()} · <Link href={paths.admin()}>Staff sign-in</Link>
            </p>
          </div>
        </footer>
      </body>
    </html>
  )
}
