import { Fragment } from 'react'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The text with every search word wrapped in <mark> (as elements, never as HTML strings). */
export const Highlight = ({ text, words }: { text: string; words: string[] }) => {
  const usable = words.filter((w) => w.length > 1)
  if (!usable.length) return <>{text}</>
  const pattern = new RegExp(`(${usable.map(escapeRegExp).join('|')})`, 'gi')
  return (
    <>
      {text
        .split(pattern)
        .map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <Fragment key={i}>{part}</Fragment>))}
    </>
  )
}

/** A short excerpt of `text` around the first match. */
export const excerptAround = (text: string, words: string[], radius = 140) => {
  const lower = text.toLowerCase()
  const at = Math.min(...words.map((w) => lower.indexOf(w.toLowerCase())).filter((i) => i >= 0), Infinity)
  if (!Number.isFinite(at)) return text.slice(0, radius * 2) + (text.length > radius * 2 ? '…' : '')
  const start = Math.max(0, at - radius)
  const end = Math.min(text.length, at + radius)
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`
}
