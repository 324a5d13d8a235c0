import { FEED_FORMATS, type FeedScope } from '@/feeds/formats'
import { paths } from '@/urls'

export const FeedLinks = ({ scope, label }: { scope: FeedScope; label: string }) => (
  <ul className="feed-links" aria-label={`${label} feeds`}>
    {(Object.keys(FEED_FORMATS) as (keyof typeof FEED_FORMATS)[]).map((format) => (
      <li key={format}>
        <a href={paths.feed(scope, format)} type={FEED_FORMATS[format].mediaType}>
          {FEED_FORMATS[format].label}
        </a>
      </li>
    ))}
  </ul>
)
