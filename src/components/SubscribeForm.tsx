import { type FeedScope, paths } from '@/urls'

/**
 * The e-mail alerts form for journalists: every release, one partner's or one topic's (the same
 * scopes as the feeds). A plain HTML form posting to the subscribe endpoint, so it works without
 * JavaScript; the endpoint answers with the subscriptions page (double opt-in: a confirmation
 * mail first, nothing else until it is confirmed).
 */
export const SubscribeForm = ({ scope, label }: { scope: FeedScope; label: string }) => (
  <form className="subscribe-form" method="post" action={paths.subscribeEndpoint()}>
    <input type="hidden" name="scope" value={scope.kind === 'site' ? 'all' : scope.kind} />
    {scope.kind !== 'site' && <input type="hidden" name={scope.kind} value={scope.slug} />}
    <label>
      E-mail alerts for {label}
      <input type="email" name="email" required maxLength={254} autoComplete="email" placeholder="you@example.org" />
    </label>
    <label>
      How often
      <select name="frequency" defaultValue="each">
        <option value="each">Each release</option>
        <option value="daily">Daily digest</option>
      </select>
    </label>
    <button type="submit">Subscribe</button>
    <p className="meta">We mail you a link to confirm first. Every alert has a one-click unsubscribe link.</p>
  </form>
)
