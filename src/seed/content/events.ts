import { heading, link, paragraph, richText } from '@/richText/build'

import type { Refs, SeedData } from '../types'
import { MEDIA } from './media'
import { PARTNER } from './partners'
import { day } from './releaseKeys'

/**
 * Start and end are UTC instants. Both events fall after the end of daylight saving time
 * (5 Nov 2023), so New York local time is EST, UTC-5: 08:00 local is 13:00Z.
 */
export const events = (refs: Refs): SeedData<'events'>[] => [
  {
    slug: 'future-of-health-care-lung-cancer-prevention-screenings-treatment',
    title: 'The Future of Health Care: Lung Cancer Prevention, Screenings and Treatment',
    status: 'scheduled',
    start: '2023-11-30T13:00:00.000Z', // Thu 30 Nov 2023, 08:00 EST
    end: '2023-11-30T15:00:00.000Z', // 10:00 EST
    timeZone: 'America/New_York',
    summary:
      'The 8th annual Connecticut public policy forum of the American Cancer Society Cancer Action Network (ACS CAN) turns to lung cancer. Screening is covered, yet only about 6% of those who could be screened in Connecticut are; the morning looks at why, and how to change it.',
    description: richText(
      paragraph(
        'The American Cancer Society Cancer Action Network (ACS CAN) holds its 8th annual Connecticut public policy forum at Smilow Cancer Hospital in New Haven, with a morning on preventing, finding and treating lung cancer. The Connecticut Cancer Partnership lists the forum for its members.',
      ),
      heading('Why lung cancer screening'),
      paragraph(
        'Insurance covers lung cancer screening for people who qualify, but uptake in Connecticut sits at roughly 6%. Speakers and participants will look at what keeps people from being screened and at the policies that could make screening a routine part of public health.',
      ),
      paragraph('Registration: ', link('https://www.fightcancer.org/CTForum', 'fightcancer.org/CTForum'), '.'),
    ),
    venue: { name: 'Smilow Cancer Hospital', city: 'New Haven', region: 'CT', country: 'US' },
    registrationUrl: 'https://www.fightcancer.org/CTForum',
    hosts: refs.many('partners', [PARTNER.ccp]),
    image: refs.get('media', MEDIA.eventLungForum),
    meta: {
      title: 'Lung cancer prevention, screening and treatment: CT policy forum',
      description:
        'ACS CAN\u2019s 8th annual Connecticut public policy forum, on lung cancer screening and care. Smilow Cancer Hospital, New Haven, 30 November 2023.',
      image: refs.get('media', MEDIA.eventLungForum),
    },
  },
  {
    slug: 'collaboration-in-cancer-control-who-are-our-partners-annual-meeting',
    title: 'Collaboration in Cancer Control: Who Are Our Partners? Annual Meeting',
    status: 'scheduled',
    start: '2023-12-13T13:00:00.000Z', // Wed 13 Dec 2023, 08:00 EST
    end: '2023-12-13T17:30:00.000Z', // 12:30 EST
    timeZone: 'America/New_York',
    summary:
      'The Connecticut Cancer Partnership\u2019s annual meeting, and the first time the coalition has met together since 2019: a morning on who its partners in cancer control are, with time to meet them. Free; register by 1 December.',
    description: richText(
      paragraph(
        'After a gap of four years, the members of the Connecticut Cancer Partnership meet again as a coalition. The annual meeting asks who the partners in cancer control are, and leaves time for meeting one another in person.',
      ),
      paragraph(
        'Attendance is free. Please register by 1 December 2023: ',
        link(
          'https://events.constantcontact.com/register/event?llr=hmhc49ebb&oeidk=a07ek1mxg07ab5b3c3e',
          'registration page',
        ),
        '.',
      ),
    ),
    venue: { name: 'Sheraton Hartford South Hotel', city: 'Rocky Hill', region: 'CT', country: 'US' },
    registrationUrl: 'https://events.constantcontact.com/register/event?llr=hmhc49ebb&oeidk=a07ek1mxg07ab5b3c3e',
    registrationDeadline: day('2023-12-01'),
    hosts: refs.many('partners', [PARTNER.ccp]),
    image: refs.get('media', MEDIA.eventAnnualMeeting),
    meta: {
      title: 'Connecticut Cancer Partnership annual meeting 2023',
      description:
        'Collaboration in Cancer Control: Who Are Our Partners? Free annual meeting, 13 December 2023, Sheraton Hartford South Hotel, Rocky Hill. Register by 1 December.',
      image: refs.get('media', MEDIA.eventAnnualMeeting),
    },
  },
]
