import type { Topic } from '@/payload-types'

import { FeedLinks } from './FeedLinks'

/**
 * How a reader follows one topic. Today: the topic's RSS, Atom and JSON feeds. The e-mail
 * subscription form for journalists (issue 15) belongs here too, beside the feeds, so every
 * page that offers a topic's subscriptions offers all of them through this one component.
 */
export const TopicSubscribe = ({ topic }: { topic: Topic }) => (
  <section aria-labelledby="subscribe" className="panel subscribe">
    <h2 id="subscribe">Follow {topic.name}</h2>
    <p>New releases about {topic.name} as a feed:</p>
    <FeedLinks scope={{ kind: 'topic', slug: topic.slug! }} label={topic.name} />
  </section>
)
