import { bulletList, link, paragraph, richText } from '@/richText/build'

import type { Refs, SeedData } from '../types'
import { MEDIA } from './media'

export const PARTNER = {
  msk: 'memorial-sloan-kettering-cancer-center',
  hhc: 'hartford-healthcare',
  ccp: 'connecticut-cancer-partnership',
  dph: 'connecticut-department-of-public-health',
} as const

type Contact = NonNullable<SeedData<'partners'>['mediaContacts']>[number]

/**
 * PLACEHOLDERS FOR THE DEMO: generic role contacts at the reserved example.org domain, with no
 * phone numbers. They are not real people or real addresses of the organisations named.
 */
export const demoMediaContact = (organization: string, mailbox: string): Contact => ({
  name: 'Media Relations',
  title: 'Press office (demo placeholder)',
  email: `${mailbox}@example.org`,
  organization,
})

export const partners = (refs: Refs): SeedData<'partners'>[] => [
  {
    slug: PARTNER.msk,
    name: 'Memorial Sloan Kettering Cancer Center',
    shortName: 'MSK',
    kind: 'cancer-center',
    location: 'New York, New York',
    website: 'https://www.mskcc.org',
    logo: refs.get('media', MEDIA.markMsk),
    summary:
      'A New York cancer center devoted only to cancer, combining patient care, laboratory and clinical research, and the training of future oncologists.',
    about: richText(
      paragraph(
        'Memorial Sloan Kettering Cancer Center (MSK) works toward one goal: ending cancer for life. Its specialised teams care for children and adults alike, and its scientists, building on basic research at the Sloan Kettering Institute, carry discoveries into translational and clinical studies that change how cancer is prevented, diagnosed and treated.',
      ),
      paragraph(
        'MSK also trains the scientists and clinicians who will lead the field at home and abroad. It is among the world\u2019s best-known comprehensive centers dedicated solely to cancer, and U.S. News & World Report has placed it among the nation\u2019s top two cancer hospitals for more than three decades. More at ',
        link('https://www.mskcc.org', 'mskcc.org'),
        '.',
      ),
    ),
    keyFacts: [
      { label: 'Focus', value: 'Cancer only' },
      { label: 'U.S. News & World Report', value: 'Top two cancer hospitals, 30+ years' },
      { label: 'NCI status', value: 'NCI-designated cancer center' },
    ],
    mediaContacts: [demoMediaContact('Memorial Sloan Kettering Cancer Center', 'msk-media')],
    meta: {
      title: 'Memorial Sloan Kettering Cancer Center (MSK)',
      description:
        'Profile, boilerplate and media contacts for Memorial Sloan Kettering Cancer Center in the partner newsroom.',
    },
  },
  {
    slug: PARTNER.hhc,
    name: 'Hartford HealthCare',
    shortName: 'HHC',
    kind: 'health-system',
    location: 'Hartford, Connecticut',
    website: 'https://hartfordhealthcare.org',
    logo: refs.get('media', MEDIA.markHhc),
    summary:
      'Connecticut\u2019s integrated health system: hospitals, physician groups and community services at some 500 locations, with a Cancer Institute that was the first MSK Care Partner.',
    about: richText(
      paragraph(
        'Hartford HealthCare brings together 48,000 colleagues across some 500 locations in 185 Connecticut towns and cities, with the aim of making care easier to reach, more affordable, fairer and better. On a typical day it cares for close to 28,000 people.',
      ),
      paragraph(
        'The system runs teaching, community and trauma hospitals alongside physician practices, behavioral health, virtual and walk-in care, surgical centers, home and senior care, rehabilitation and mobile clinics that visit neighborhoods. Its specialty institutes (among them cancer, neuroscience, heart and vascular, orthopedics, digestive health, and urology and kidney health) hold every site to one standard of care, and all of its hospitals carry Leapfrog \u201cA\u201d safety grades. More at ',
        link('https://hartfordhealthcare.org', 'hartfordhealthcare.org'),
        '.',
      ),
    ),
    keyFacts: [
      { label: 'Colleagues', value: '48,000' },
      { label: 'Locations', value: '500' },
      { label: 'Towns and cities served', value: '185' },
      { label: 'People cared for each day', value: 'About 28,000' },
    ],
    mediaContacts: [demoMediaContact('Hartford HealthCare', 'hhc-media')],
    meta: {
      title: 'Hartford HealthCare (HHC)',
      description:
        'Profile, key facts, boilerplate and media contacts for Hartford HealthCare, Connecticut, in the partner newsroom.',
    },
  },
  {
    slug: PARTNER.ccp,
    name: 'Connecticut Cancer Partnership',
    kind: 'coalition',
    location: 'Connecticut',
    logo: refs.get('media', MEDIA.markCcp),
    summary:
      'A statewide coalition of hospitals, agencies, insurers, advocates and survivors working together to lessen the toll cancer takes on Connecticut.',
    about: richText(
      paragraph(
        'The Connecticut Cancer Partnership is a statewide coalition that gathers the people and organisations fighting cancer in Connecticut: hospitals and universities, state and local health agencies, insurers and industry, advocacy and community groups, survivors and caregivers. Its members steer the Connecticut Cancer Plan 2021\u20132026 and put its strategies into practice, with particular attention to closing cancer disparities.',
      ),
      paragraph(
        'Together with the Cancer Control Program of the Connecticut Department of Public Health, the Partnership:',
      ),
      bulletList([
        'brings cancer control partners together and keeps them informed;',
        'rallies advocates around policy, systems and environmental change;',
        'tracks trends in the state\u2019s cancer data;',
        'shares proven practices and encourages evidence-based programmes across the continuum of care.',
      ]),
    ),
    keyFacts: [
      { label: 'State cancer plan', value: 'Connecticut Cancer Plan 2021\u20132026' },
      { label: 'Focus', value: 'Reducing cancer burden and disparities' },
    ],
    mediaContacts: [demoMediaContact('Connecticut Cancer Partnership', 'ccp-media')],
    meta: {
      title: 'Connecticut Cancer Partnership',
      description:
        'Profile and events of the Connecticut Cancer Partnership, the statewide cancer coalition, in the partner newsroom.',
    },
  },
  {
    slug: PARTNER.dph,
    name: 'Connecticut Department of Public Health',
    kind: 'government-agency',
    location: 'Connecticut',
    logo: refs.get('media', MEDIA.markDph),
    summary:
      'The state health agency. Its Cancer Control Program supports the Connecticut Cancer Partnership and the state cancer plan.',
    about: richText(
      paragraph(
        'The Connecticut Department of Public Health is the state agency responsible for protecting and improving the health of Connecticut residents. Through its Cancer Control Program it works alongside the Connecticut Cancer Partnership, supporting the coalition\u2019s members and the statewide cancer plan they carry out.',
      ),
    ),
    mediaContacts: [demoMediaContact('Connecticut Department of Public Health', 'dph-media')],
    meta: {
      title: 'Connecticut Department of Public Health',
      description:
        'Profile of the Connecticut Department of Public Health and its Cancer Control Program in the partner newsroom.',
    },
  },
]
