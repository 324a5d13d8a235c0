/**
 * One React Email tree, two parts: the HTML and the plain text of a mail come from the same
 * content, so they never say different things.
 */
import { render } from '@react-email/components'
import type { ReactElement } from 'react'

export const renderEmail = async (element: ReactElement): Promise<{ html: string; text: string }> => ({
  html: await render(element),
  text: await render(element, {
    plainText: true,
    htmlToTextOptions: {
      selectors: [
        // Headings as written, not in capitals.
        { selector: 'h1', options: { uppercase: false } },
        // An image (an alert's hero) as its alt text and absolute address, not left out.
        { selector: 'img', format: 'image' },
      ],
    },
  }),
})
