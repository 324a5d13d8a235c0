/**
 * Quotes. Every `text` below is a short excerpt copied character for character from the
 * speaker's quoted words in the source announcement (link markup removed), so each is marked
 * `verbatim`. Speaker titles and organisations are as the announcement gave them at the time.
 * Never put reworded text here under `verbatim`: a paraphrase must say `paraphrase`.
 */
import type { Refs, SeedData } from '../types'
import { PARTNER } from './partners'
import { DATE_OF, RELEASE, RELEASE_DATE } from './releaseKeys'
import { TOPIC } from './topics'

type QuoteSpec = {
  slug: string
  text: string
  speakerName: string
  speakerTitle: string
  speakerOrganization: string
  /** The speaker's organisation when it is one of the partners. */
  partner?: string
  release: keyof typeof RELEASE
  topics: string[]
}

export const QUOTE = {
  thompsonNewModel: 'craig-b-thompson-alliance-new-model',
  josephProudModel: 'elliot-joseph-proud-to-be-the-model',
  baselgaAccelerate: 'jose-baselga-accelerate-community-care',
  salnerExpedite: 'andrew-salner-expedite-advanced-treatment',
  flaksStepForward: 'jeffrey-a-flaks-powerful-step-forward',
  andersonFirstPartner: 'shelly-anderson-first-msk-care-partner',
  yuSeamlessCollaboration: 'peter-yu-seamless-collaboration',
} as const

const specs: QuoteSpec[] = [
  {
    slug: QUOTE.thompsonNewModel,
    text: 'Through the MSK Cancer Alliance — and in collaboration with Hartford HealthCare as a pioneering member — we are looking to create a new model to address the fundamental challenge of providing high-quality cancer care in a wider population of patients.',
    speakerName: 'Craig B. Thompson',
    speakerTitle: 'President and CEO',
    speakerOrganization: 'Memorial Sloan Kettering',
    partner: PARTNER.msk,
    release: 'allianceLaunch',
    topics: [TOPIC.partnerships, TOPIC.cancerCare],
  },
  {
    slug: QUOTE.josephProudModel,
    text: 'This will save lives by bringing evidence-based, world-class standards to our entire provider network. We are proud to be the model on which the MSK Cancer Alliance will grow.',
    speakerName: 'Elliot Joseph',
    speakerTitle: 'President and CEO',
    speakerOrganization: 'Hartford HealthCare',
    partner: PARTNER.hhc,
    release: 'allianceLaunch',
    topics: [TOPIC.partnerships, TOPIC.cancerCare],
  },
  {
    slug: QUOTE.baselgaAccelerate,
    text: 'We want to rapidly accelerate the pace of integrating the latest advances of cancer care into a community setting.',
    speakerName: 'José Baselga',
    speakerTitle: 'Physician-in-Chief',
    speakerOrganization: 'Memorial Hospital',
    // Memorial Hospital is MSK's hospital.
    partner: PARTNER.msk,
    release: 'allianceLaunch',
    topics: [TOPIC.cancerCare],
  },
  {
    slug: QUOTE.salnerExpedite,
    text: 'This alliance gives us the chance to expedite the time it takes to get the most-advanced treatment to our patients, eliminating barriers that often exist.',
    speakerName: 'Andrew Salner',
    speakerTitle: 'Director',
    speakerOrganization: 'Helen & Harry Gray Cancer Center',
    // The Helen & Harry Gray Cancer Center is at Hartford Hospital, part of Hartford HealthCare.
    partner: PARTNER.hhc,
    release: 'allianceLaunch',
    topics: [TOPIC.clinicalTrials, TOPIC.cancerCare],
  },
  {
    slug: QUOTE.flaksStepForward,
    text: "By expanding this partnership, we are removing barriers to innovation, bringing cutting-edge therapies, advanced clinical trials, and leading-edge research directly to patients across our entire system. It's a powerful step forward in our commitment to deliver truly world-class cancer care, right where our patients live.",
    speakerName: 'Jeffrey A. Flaks',
    speakerTitle: 'President and CEO',
    speakerOrganization: 'Hartford HealthCare',
    partner: PARTNER.hhc,
    release: 'carePartner',
    topics: [TOPIC.partnerships, TOPIC.clinicalTrials],
  },
  {
    slug: QUOTE.andersonFirstPartner,
    // Verbatim, including the source's missing possessive ("Institute proven").
    text: 'As the first MSK Care Partner, Hartford HealthCare Cancer Institute proven commitment to advancing MSK-level cancer care will have significant impact on patients and their families throughout Connecticut.',
    speakerName: 'Shelly Anderson, MPM',
    speakerTitle: 'Hospital President',
    speakerOrganization: 'Memorial Sloan Kettering Cancer Center',
    partner: PARTNER.msk,
    release: 'carePartner',
    topics: [TOPIC.partnerships, TOPIC.cancerCare],
  },
  {
    slug: QUOTE.yuSeamlessCollaboration,
    text: 'This relationship promotes seamless collaboration between physicians, nurses, and allied health professionals through education, research, and patient-centered care.',
    speakerName: 'Peter Yu, MD',
    speakerTitle: 'Physician-in-Chief',
    speakerOrganization: 'Hartford HealthCare',
    partner: PARTNER.hhc,
    release: 'carePartner',
    topics: [TOPIC.cancerCare],
  },
]

/** The exact words, for quoting in release bodies with the same text the quote documents hold. */
export const quoteText = (slug: string): string => {
  const spec = specs.find((q) => q.slug === slug)
  if (!spec) throw new Error(`Unknown demo quote "${slug}".`)
  return spec.text
}

export const quoteSlugsFor = (release: keyof typeof RELEASE): string[] =>
  specs.filter((q) => q.release === release).map((q) => q.slug)

export const quotes = (refs: Refs): SeedData<'quotes'>[] =>
  specs.map((q) => ({
    slug: q.slug,
    text: q.text,
    speakerName: q.speakerName,
    speakerTitle: q.speakerTitle,
    speakerOrganization: q.speakerOrganization,
    partner: q.partner ? refs.get('partners', q.partner) : null,
    provenance: 'verbatim',
    date: RELEASE_DATE[q.release],
    ...DATE_OF[q.release],
    release: refs.get('press-releases', RELEASE[q.release]),
    topics: refs.many('topics', q.topics),
  }))
