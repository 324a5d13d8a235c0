import { siteName, siteUrl } from '@/server/env'
import { absoluteUrl, paths } from '@/urls'

/** On the dashboard, first: where the public newsroom is, to check what journalists see. */
export const PublicSiteLink = () => (
  <p className="newsroom-public-link">
    <a href={absoluteUrl(paths.home())} target="_blank" rel="noopener">
      View the public newsroom
    </a>{' '}
    <span className="newsroom-public-link__url">
      {siteName()} at {new URL(siteUrl()).host}
    </span>
  </p>
)

/** In the navigation, below the collections: the same link, on every admin screen. */
export const PublicSiteNavLink = () => (
  <a className="nav__link newsroom-nav-public-link" href={absoluteUrl(paths.home())} target="_blank" rel="noopener">
    <span className="nav__link-label">View the public newsroom</span>
  </a>
)
