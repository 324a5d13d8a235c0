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
    // Headings as written, not in capitals.
    htmlToTextOptions: { selectors: [{ selector: 'h1', options: { uppercase: false } }] },
  }),
})
