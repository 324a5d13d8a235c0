/** Slugs and dates of the demo releases, shared by the releases and everything derived from them. */
export const RELEASE = {
  allianceLaunch: 'msk-cancer-alliance-launches-with-hartford-healthcare-as-first-member',
  carePartner: 'hartford-healthcare-cancer-institute-first-health-system-designated-msk-care-partner',
} as const

export const RELEASE_DATE = {
  /**
   * APPROXIMATE: only the year, and that inferred. The source announcement carries no date. It
   * cites an Institute of Medicine report on cancer care delivery as "recently issued" (that
   * report appeared in 2013), and the 2026 Care Partner release calls the collaboration
   * "decade-long". Stored as the first of January, shown as "c. 2013" (DATE_OF below).
   */
  allianceLaunch: '2013-01-01T17:00:00.000Z',
  /** As on the wire release (Jan. 28, 2026). */
  carePartner: '2026-01-28T13:00:00.000Z',
} as const

/** How precise each release's date is, and where it comes from (src/fields/datePrecision.ts). */
export const DATE_OF = {
  allianceLaunch: {
    datePrecision: 'approximate',
    dateSource:
      'The announcement is undated. It cites a “recently issued” Institute of Medicine report (2013); the 2026 Care Partner release calls the collaboration “decade-long”.',
  },
  carePartner: { datePrecision: 'day', dateSource: 'The wire release’s dateline: Jan. 28, 2026.' },
} as const satisfies Record<keyof typeof RELEASE_DATE, { datePrecision: string; dateSource: string }>

/**
 * Day-only dates (milestones, registration deadlines) are stored at noon UTC, so they read as
 * the same calendar day in every time zone from UTC-11 to UTC+11.
 */
export const day = (isoDate: string): string => `${isoDate}T12:00:00.000Z`
