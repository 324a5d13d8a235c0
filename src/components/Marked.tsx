import { Fragment } from 'react'

import { markedParts } from '@/search/terms'

/** Text as the search index marked it: matched words in <mark> elements (never HTML strings). */
export const Marked = ({ text }: { text: string }) => (
  <>
    {markedParts(text).map((part, i) =>
      part.marked ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>,
    )}
  </>
)
