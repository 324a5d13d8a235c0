import type { SeedData } from '../types'

export const TOPIC = {
  cancerCare: 'cancer-care',
  clinicalTrials: 'clinical-trials',
  partnerships: 'partnerships',
  healthEquity: 'health-equity',
  communityEvents: 'community-events',
  publicPolicy: 'public-policy',
} as const

export const topics: SeedData<'topics'>[] = [
  {
    slug: TOPIC.cancerCare,
    name: 'Cancer care',
    description: 'How patients are diagnosed, treated and supported, and the standards that care is measured against.',
  },
  {
    slug: TOPIC.clinicalTrials,
    name: 'Clinical trials',
    description: 'Research studies open to patients, and the work of bringing them to hospitals closer to home.',
  },
  {
    slug: TOPIC.partnerships,
    name: 'Partnerships',
    description: 'Alliances, memberships and designations between cancer centers, health systems and public bodies.',
  },
  {
    slug: TOPIC.healthEquity,
    name: 'Health equity',
    description: 'Narrowing the gaps in who gets cancer, who is screened, and who survives it.',
  },
  {
    slug: TOPIC.communityEvents,
    name: 'Community events',
    description: 'Forums, meetings and gatherings where the cancer community meets in person.',
  },
  {
    slug: TOPIC.publicPolicy,
    name: 'Public policy',
    description: 'Laws, coverage rules and public programmes that shape cancer prevention and care.',
  },
]
