/**
 * Demo media: abstract illustrations, generic placeholder marks for the partners (not their
 * real logos) and two one-page fact sheets for the press kits. All generated in memory.
 */
import { abstractScene, PALETTES, placeholderMark } from '../images'
import { factSheetPdf } from '../pdf'
import type { MediaInput } from '../upsert'

export const MEDIA = {
  heroAlliance: 'hero-alliance-launch',
  heroCarePartner: 'hero-care-partner',
  eventLungForum: 'event-lung-forum',
  eventAnnualMeeting: 'event-annual-meeting',
  markMsk: 'mark-msk',
  markHhc: 'mark-hhc',
  markCcp: 'mark-ccp',
  markDph: 'mark-dph',
  factSheetAlliance: 'fact-sheet-alliance',
  factSheetCarePartner: 'fact-sheet-care-partner',
} as const

const ILLUSTRATION = 'Partner Newsroom demo illustration'
const DOCUMENT = 'Partner Newsroom demo document'
const DEMO_NOTE = 'Demo content generated for the Partner Newsroom. Not an official document of any organisation named.'

const scene = (key: string, alt: string, caption: string, palette: keyof typeof PALETTES): MediaInput => ({
  key,
  filename: `demo-${key}.jpg`,
  mimeType: 'image/jpeg',
  alt,
  caption,
  credit: ILLUSTRATION,
  render: () => abstractScene(key, PALETTES[palette]),
})

const mark = (
  key: string,
  organisation: string,
  shape: Parameters<typeof placeholderMark>[0],
  palette: keyof typeof PALETTES,
): MediaInput => ({
  key,
  filename: `demo-${key}.png`,
  mimeType: 'image/png',
  alt: `Placeholder mark for ${organisation}: a plain geometric ${shape} on a coloured square, not the organisation's logo`,
  caption: `Generic placeholder used in the demo newsroom in place of a logo for ${organisation}.`,
  credit: ILLUSTRATION,
  render: () => placeholderMark(shape, PALETTES[palette]),
})

export const media: MediaInput[] = [
  scene(
    MEDIA.heroAlliance,
    'Abstract illustration in deep blue and sea green: overlapping translucent circles above gentle waves',
    'Illustration for the launch of the MSK Cancer Alliance.',
    'harbour',
  ),
  scene(
    MEDIA.heroCarePartner,
    'Abstract illustration in plum and warm apricot tones: soft circles drifting over layered waves',
    'Illustration for the MSK Care Partner designation of Hartford HealthCare Cancer Institute.',
    'dawn',
  ),
  scene(
    MEDIA.eventLungForum,
    'Abstract illustration in slate blue and pale grey: translucent circles over a calm horizon of waves',
    'Illustration for the public policy forum on lung cancer prevention, screening and treatment.',
    'slate',
  ),
  scene(
    MEDIA.eventAnnualMeeting,
    'Abstract illustration in forest green and soft lime: overlapping circles above rolling waves',
    'Illustration for the Connecticut Cancer Partnership annual meeting.',
    'meadow',
  ),
  mark(MEDIA.markMsk, 'Memorial Sloan Kettering Cancer Center', 'circle', 'harbour'),
  mark(MEDIA.markHhc, 'Hartford HealthCare', 'hexagon', 'dawn'),
  mark(MEDIA.markCcp, 'Connecticut Cancer Partnership', 'triangle', 'lagoon'),
  mark(MEDIA.markDph, 'Connecticut Department of Public Health', 'diamond', 'ember'),
  {
    key: MEDIA.factSheetAlliance,
    filename: `demo-${MEDIA.factSheetAlliance}.pdf`,
    mimeType: 'application/pdf',
    alt: 'Fact sheet: the MSK Cancer Alliance at launch (demo)',
    caption: 'One-page summary of the alliance, its first clinical trials site and its first six months of work.',
    credit: DOCUMENT,
    render: async () =>
      factSheetPdf({
        title: 'The MSK Cancer Alliance at launch',
        paragraphs: [
          'Memorial Sloan Kettering Cancer Center (MSK) formed the MSK Cancer Alliance to carry new, evidence-based cancer care from a comprehensive cancer center to community hospitals quickly, with lessons flowing in both directions.',
          'Hartford HealthCare, a multi-hospital system in Connecticut, is the first member.',
        ],
        bullets: [
          'First MSK Alliance clinical trials site: Hartford Hospital, offering many MSK studies on site.',
          'First six months: joint review of the resources of the system\u2019s five acute care hospitals.',
          'A physician-in-chief for the Hartford HealthCare Cancer Institute, recruited jointly and on staff at both organisations.',
          'Shared outcome measures: survival, quality of life and the total cost of care.',
          'Context: about 2.3 million new cancer diagnoses a year expected in the U.S. by 2030; more than 80% of U.S. cancer patients are treated in community settings.',
        ],
        footer: DEMO_NOTE,
      }),
  },
  {
    key: MEDIA.factSheetCarePartner,
    filename: `demo-${MEDIA.factSheetCarePartner}.pdf`,
    mimeType: 'application/pdf',
    alt: 'Fact sheet: what the MSK Care Partner designation means for Hartford HealthCare patients (demo)',
    caption: 'One-page summary of the designation and what it brings to patients.',
    credit: DOCUMENT,
    render: async () =>
      factSheetPdf({
        title: 'MSK Care Partner: Hartford HealthCare Cancer Institute',
        paragraphs: [
          'Hartford HealthCare Cancer Institute is the first health system to be designated an MSK Care Partner, after a review by Memorial Sloan Kettering Cancer Center of its oncology care against MSK Standards of Care.',
          'The Fairfield Region finished the review first and is fully aligned. The designation does not yet extend to the Manchester and Rockville locations.',
        ],
        bullets: [
          'Sub-specialty oncology care, with MSK specialists paired with Institute clinicians by cancer type.',
          'More access to MSK clinical trials without leaving Hartford HealthCare physicians.',
          'Tumor boards connected across the two institutions for the most complex cases.',
          'Faster adoption of new standards of care in the community.',
          'Clinical practice aligned with MSK, measured by the outcomes that matter to patients.',
        ],
        footer: DEMO_NOTE,
      }),
  },
]
