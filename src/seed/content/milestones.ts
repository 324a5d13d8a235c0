import type { Refs, SeedData } from '../types'
import { PARTNER } from './partners'
import { DATE_OF, day, RELEASE } from './releaseKeys'

// The sources give no date for the launch: "c. 2013" (see RELEASE_DATE.allianceLaunch).
const ALLIANCE_DAY = { date: day('2013-01-01'), ...DATE_OF.allianceLaunch }
const CARE_PARTNER_DAY = { date: day('2026-01-28'), ...DATE_OF.carePartner }

export const milestones = (refs: Refs): SeedData<'milestones'>[] => {
  const both = refs.many('partners', [PARTNER.msk, PARTNER.hhc])
  const launch = refs.get('press-releases', RELEASE.allianceLaunch)
  const designation = refs.get('press-releases', RELEASE.carePartner)
  return [
    {
      slug: 'msk-cancer-alliance-launched',
      title: 'MSK Cancer Alliance launched',
      ...ALLIANCE_DAY,
      kind: 'launch',
      isFirst: false,
      partners: both,
      summary:
        'Memorial Sloan Kettering forms an alliance to bring evidence-based cancer care to community providers faster.',
      announcedIn: launch,
    },
    {
      slug: 'hartford-healthcare-first-msk-cancer-alliance-member',
      title: 'Hartford HealthCare becomes the first MSK Cancer Alliance member',
      ...ALLIANCE_DAY,
      kind: 'membership',
      isFirst: true,
      partners: both,
      summary:
        'The Connecticut health system is chosen as the alliance\u2019s first member after a year of planning with MSK.',
      announcedIn: launch,
    },
    {
      slug: 'first-msk-alliance-clinical-trials-site-hartford-hospital',
      title: 'First MSK Alliance clinical trials site opens at Hartford Hospital',
      ...ALLIANCE_DAY,
      kind: 'site-opening',
      isFirst: true,
      partners: both,
      summary: 'Hartford Hospital becomes the first site to offer MSK Alliance clinical trials to patients on site.',
      announcedIn: launch,
    },
    {
      slug: 'fairfield-region-first-hhc-location-aligned-with-msk-standards',
      title: 'Fairfield Region is the first Hartford HealthCare location aligned with MSK Standards of Care',
      ...CARE_PARTNER_DAY,
      kind: 'other',
      isFirst: true,
      partners: both,
      summary: 'The Fairfield Region completes MSK\u2019s review first, opening the way for system-wide adoption.',
      announcedIn: designation,
    },
    {
      slug: 'hartford-healthcare-cancer-institute-first-msk-care-partner',
      title: 'Hartford HealthCare Cancer Institute designated the first MSK Care Partner',
      ...CARE_PARTNER_DAY,
      kind: 'designation',
      isFirst: true,
      partners: both,
      summary:
        'The first U.S. health system to earn the MSK Care Partner designation, following MSK\u2019s review of its oncology care.',
      announcedIn: designation,
    },
  ]
}
