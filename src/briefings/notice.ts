import { formatDateTime, NEWSROOM_TIME_ZONE } from '@/lib/format'

/** The line every pre-briefing (mail and page) leads with. */
export const embargoNotice = (embargoUntil: string) =>
  `EMBARGOED until ${formatDateTime(embargoUntil, NEWSROOM_TIME_ZONE)} — not for publication`
