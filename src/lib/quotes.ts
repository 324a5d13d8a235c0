/**
 * How a quote is attributed wherever it is shown (the release page, the copy button, the alert
 * mail): "NAME, TITLE, ORGANISATION", with the title and organisation of the time.
 */
import type { Quote } from '@/payload-types'

export const quoteAttribution = (q: Pick<Quote, 'speakerName' | 'speakerTitle' | 'speakerOrganization'>) =>
  [q.speakerName, q.speakerTitle, q.speakerOrganization].filter(Boolean).join(', ')
