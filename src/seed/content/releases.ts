/**
 * The two demo press releases, written in the newsroom's own words from the facts of the
 * source announcements. Quoted words come from quotes.ts, where they are verbatim.
 */
import { bold, bulletList, heading, link, paragraph, richText } from '@/richText/build'

import type { Refs, SeedData } from '../types'
import { MEDIA } from './media'
import { demoMediaContact, PARTNER } from './partners'
import { QUOTE, quoteSlugsFor, quoteText } from './quotes'
import { DATE_OF, RELEASE, RELEASE_DATE } from './releaseKeys'
import { TOPIC } from './topics'

/** “Name, title, said: “…”” with the exact words of a seeded quote. */
const said = (who: string, slug: string) => paragraph(`${who} said: \u201c${quoteText(slug)}\u201d`)

const allianceLaunch = (refs: Refs): SeedData<'press-releases'> => ({
  slug: RELEASE.allianceLaunch,
  _status: 'published',
  title: 'Memorial Sloan Kettering Launches the MSK Cancer Alliance, With Hartford HealthCare as Its First Member',
  subtitle:
    'A clinical and research partnership to carry proven advances in cancer care into community hospitals sooner, starting in Connecticut',
  dateline: 'HARTFORD, Conn.',
  publishedAt: RELEASE_DATE.allianceLaunch,
  ...DATE_OF.allianceLaunch,
  summary:
    'Memorial Sloan Kettering Cancer Center has formed the MSK Cancer Alliance to speed proven advances in cancer care into community hospitals. Hartford HealthCare is its first member, and Hartford Hospital becomes the first MSK Alliance clinical trials site.',
  body: richText(
    paragraph(
      'Memorial Sloan Kettering Cancer Center (MSK) and Hartford HealthCare (HHC) announced in Hartford today the creation of the MSK Cancer Alliance, with the Connecticut health system as its first member. The announcement follows about a year of talks between the two organizations.',
    ),
    heading('What the alliance is for'),
    paragraph(
      'Most people with cancer in the United States are treated by community oncologists, yet new, evidence-based practice can take years to travel from specialist centers to community hospitals. The alliance is meant to close that gap. MSK physicians and leaders will work with HHC clinicians continuously rather than case by case, and what HHC learns from treating patients in its own communities will flow back to MSK. Because the model depends on shared knowledge rather than new buildings, it is also meant to be affordable.',
    ),
    said('Craig B. Thompson, President and CEO of Memorial Sloan Kettering,', QUOTE.thompsonNewModel),
    said('Elliot Joseph, President and CEO of Hartford HealthCare,', QUOTE.josephProudModel),
    heading('Clinical trials at Hartford Hospital'),
    paragraph(
      'Hartford Hospital will host the first MSK Alliance clinical trials site. Patients there will be able to take part in many studies from MSK\u2019s clinical trial portfolio without leaving Connecticut.',
    ),
    said('Andrew Salner, Director of the Helen & Harry Gray Cancer Center,', QUOTE.salnerExpedite),
    heading('The first six months'),
    paragraph('MSK and Hartford HealthCare Cancer Institute teams will start with three pieces of work:'),
    bulletList([
      [
        bold('A hospital-by-hospital review. '),
        'Look at what each of the system\u2019s five acute care hospitals has in place and can do, and choose where to focus first.',
      ],
      [
        bold('A shared clinical leader. '),
        'Jointly hire a physician-in-chief for the Hartford HealthCare Cancer Institute, holding appointments at both HHC and MSK.',
      ],
      [
        bold('Joined-up teams. '),
        'Bring Hartford physicians into MSK\u2019s disease management teams over the following months.',
      ],
    ]),
    paragraph(
      'Beyond that, the collaboration covers on-site observation of new techniques, shared teaching materials, joint research on quality and outcomes, and wider access to MSK trials. The partners will judge the results on survival, quality of life and the total cost of care.',
    ),
    heading('Why now'),
    paragraph(
      'A recent Institute of Medicine report described the delivery of high-quality cancer care in the United States as being in crisis. It expects new cancer diagnoses to reach about 2.3 million a year by 2030 as the population ages, possibly more than the number of oncology specialists can handle. More than 80 percent of American cancer patients are treated in community settings, which is exactly where the alliance is meant to help.',
    ),
    said('Jos\u00e9 Baselga, Physician-in-Chief of Memorial Hospital,', QUOTE.baselgaAccelerate),
    paragraph(
      'About the organizations: ',
      link('https://www.mskcc.org', 'Memorial Sloan Kettering Cancer Center'),
      ' and ',
      link('https://hartfordhealthcare.org', 'Hartford HealthCare'),
      '.',
    ),
  ),
  heroImage: refs.get('media', MEDIA.heroAlliance),
  assets: [
    {
      file: refs.get('media', MEDIA.heroAlliance),
      title: 'Illustration, full resolution',
      description: 'Abstract demo illustration used as this release\u2019s lead image.',
    },
    {
      file: refs.get('media', MEDIA.factSheetAlliance),
      title: 'Fact sheet: the MSK Cancer Alliance at launch (PDF)',
      description:
        'One page: the alliance\u2019s purpose, the Hartford Hospital trials site and the first six months of work.',
    },
  ],
  partners: refs.many('partners', [PARTNER.msk, PARTNER.hhc]),
  topics: refs.many('topics', [TOPIC.partnerships, TOPIC.cancerCare, TOPIC.clinicalTrials]),
  mediaContacts: [
    demoMediaContact('Memorial Sloan Kettering Cancer Center', 'msk-media'),
    demoMediaContact('Hartford HealthCare', 'hhc-media'),
  ],
  meta: {
    title: 'MSK Cancer Alliance launches with Hartford HealthCare',
    description:
      'Hartford HealthCare becomes the first member of the MSK Cancer Alliance, with the first MSK Alliance clinical trials site at Hartford Hospital.',
    image: refs.get('media', MEDIA.heroAlliance),
  },
})

const carePartner = (refs: Refs): SeedData<'press-releases'> => ({
  slug: RELEASE.carePartner,
  _status: 'published',
  title: 'Hartford HealthCare Cancer Institute Becomes First Health System Designated an MSK Care Partner',
  subtitle:
    'After a review against MSK Standards of Care, the designation extends a collaboration that began with the MSK Cancer Alliance',
  dateline: 'HARTFORD, Conn.',
  publishedAt: RELEASE_DATE.carePartner,
  ...DATE_OF.carePartner,
  summary:
    'Memorial Sloan Kettering Cancer Center has designated Hartford HealthCare Cancer Institute an MSK Care Partner, the first health system in the U.S. to earn the designation. Patients gain sub-specialty care modeled on MSK, wider access to clinical trials and connected tumor boards.',
  body: richText(
    paragraph(
      'Hartford HealthCare Cancer Institute is the first health system in the country to be named an MSK Care Partner by Memorial Sloan Kettering Cancer Center (MSK).** The designation came after MSK reviewed oncology care across the Institute to confirm that it meets MSK Standards of Care\u2122.',
    ),
    paragraph(
      'It builds on the collaboration that began when Hartford HealthCare joined the Memorial Sloan Kettering Cancer Alliance as its first member. Within the system, the Fairfield Region led the way: it finished the review first and now fully follows MSK Standards of Care\u2122, with the rest of the system set to follow.',
    ),
    said('Jeffrey A. Flaks, President and CEO of Hartford HealthCare,', QUOTE.flaksStepForward),
    heading('What an MSK Care Partner is'),
    paragraph(
      'MSK Care Partners are health care organizations that commit to MSK Standards of Care\u2122, so that patients can get high-quality cancer treatment in their own communities. MSK is a National Cancer Institute (NCI)-designated cancer center, and through this relationship its wide range of clinical trials comes within reach of Hartford HealthCare Cancer Institute patients.',
    ),
    said(
      'Shelly Anderson, MPM, Hospital President of Memorial Sloan Kettering Cancer Center,',
      QUOTE.andersonFirstPartner,
    ),
    heading('What it means for patients'),
    bulletList([
      [
        bold('Sub-specialty care modeled on MSK. '),
        'Institute oncologists each concentrate on particular cancer types, and MSK pairs them with its own sub-specialists so its expertise is quick to reach.',
      ],
      [
        bold('More access to clinical trials. '),
        'Over time, patients will be able to join more MSK trials while staying with their Hartford HealthCare physicians.',
      ],
      [
        bold('Connected tumor boards. '),
        'The two institutions will build ways to link the multidisciplinary conferences that review the hardest cases, so surgeons, radiation oncologists, medical oncologists and others from both can weigh in.',
      ],
      [
        bold('Faster adoption of new treatments. '),
        'The newest and most effective standards of care reach community settings sooner, along with MSK\u2019s research program.',
      ],
      [
        bold('Aligned clinical practice. '),
        'The Institute has aligned its practice with MSK\u2019s since the alliance began; the emphasis now moves from process to outcomes, aiming for results on a par with MSK\u2019s.',
      ],
      [
        bold('Innovation in clinical trials. '),
        'MSK\u2019s work to make trials easier to join close to home is shared with Hartford HealthCare.',
      ],
      [
        bold('Collaboration with MSK physicians. '),
        'Institute physicians gain more chances to consult and work with MSK specialists.',
      ],
    ]),
    said('Peter Yu, MD, Physician-in-Chief of Hartford HealthCare,', QUOTE.yuSeamlessCollaboration),
  ),
  footnotes: [{ marker: '**', text: 'The designation does not yet cover the Manchester and Rockville locations.' }],
  heroImage: refs.get('media', MEDIA.heroCarePartner),
  assets: [
    {
      file: refs.get('media', MEDIA.heroCarePartner),
      title: 'Illustration, full resolution',
      description: 'Abstract demo illustration used as this release\u2019s lead image.',
    },
    {
      file: refs.get('media', MEDIA.factSheetCarePartner),
      title: 'Fact sheet: MSK Care Partner designation (PDF)',
      description: 'One page: what the designation is, where it applies and what it brings to patients.',
    },
  ],
  partners: refs.many('partners', [PARTNER.hhc, PARTNER.msk]),
  topics: refs.many('topics', [TOPIC.partnerships, TOPIC.cancerCare, TOPIC.clinicalTrials]),
  mediaContacts: [
    demoMediaContact('Hartford HealthCare', 'hhc-media'),
    demoMediaContact('Memorial Sloan Kettering Cancer Center', 'msk-media'),
  ],
  source: { distributor: 'PR Newswire', sourceLine: 'SOURCE Hartford HealthCare' },
  meta: {
    title: 'Hartford HealthCare named first MSK Care Partner health system',
    description:
      'Hartford HealthCare Cancer Institute is the first health system designated an MSK Care Partner, starting with its Fairfield Region.',
    image: refs.get('media', MEDIA.heroCarePartner),
  },
})

/** First pass: the releases themselves (quotes and related releases need ids that come later). */
export const releases = (refs: Refs): SeedData<'press-releases'>[] => [allianceLaunch(refs), carePartner(refs)]

/** Second pass, once quotes and both releases exist: the links between them. */
export const releaseLinks = (refs: Refs): (Partial<SeedData<'press-releases'>> & { slug: string })[] => [
  {
    slug: RELEASE.allianceLaunch,
    _status: 'published',
    quotes: refs.many('quotes', quoteSlugsFor('allianceLaunch')),
  },
  {
    slug: RELEASE.carePartner,
    _status: 'published',
    quotes: refs.many('quotes', quoteSlugsFor('carePartner')),
    relatedReleases: refs.many('press-releases', [RELEASE.allianceLaunch]),
  },
]
