/** Slugs and dates of the demo releases, shared by the releases and everything derived from them. */
export const RELEASE = {
  allianceLaunch: 'msk-cancer-alliance-launches-with-hartford-healthcare-as-first-member',
  carePartner: 'hartford-healthcare-cancer-institute-first-health-system-designated-msk-care-partner',
} as const

export const RELEASE_DATE = {
  /**
   * APPROXIMATE. The source announcement carries no date. It cites an Institute of Medicine
   * report on cancer care delivery as "recently issued"; that report appeared in September 2013,
   * so the demo dates the launch to late September 2013. Not an attested date.
   */
  allianceLaunch: '2013-09-26T14:00:00.000Z',
  /** As on the wire release (Jan. 28, 2026). */
  carePartner: '2026-01-28T13:00:00.000Z',
} as const

/**
 * Day-only dates (milestones, registration deadlines) are stored at noon UTC, so they read as
 * the same calendar day in every time zone from UTC-11 to UTC+11.
 */
export const day = (isoDate: string): string => `${isoDate}T12:00:00.000Z`
