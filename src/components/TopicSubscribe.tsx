import type { Topic } from '@/payload-types'

import { FeedLinks } from './FeedLinks'
import { SubscribeForm } from './SubscribeForm'

/**
 * How a reader follows one topic: the topic's RSS, Atom and JSON feeds, and e-mail alerts.
 */
export const TopicSubscribe = ({ topic }: { topic: Topic }) => (
  <section aria-labelledby="subscribe" className="panel subscribe">
    <h2 id="subscribe">Follow {topic.name}</h2>
    <p>New releases about {topic.name} as a feed:</p>
    <FeedLinks scope={{ kind: 'topic', slug: topic.slug! }} label={topic.name} />
    <SubscribeForm scope={{ kind: 'topic', slug: topic.slug! }} label={topic.name} />
  </section>
)
