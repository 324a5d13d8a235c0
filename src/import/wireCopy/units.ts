/**
 * From blocks of lines to units of text: a paragraph (wrapped lines joined), a bullet list, or
 * a heading line split off the paragraph it was pasted onto.
 */
import type { Block } from './text'

export type Unit = {
  text: string
  /** The lines as pasted (contacts are one fact per line). */
  lines: string[]
  /** Items when the unit is a bulleted list. */
  items?: string[]
  gapBefore: number
}

const BULLET = /^(?:[•·▪◦‣●○■–—]|[-*+](?=\s))\s*/
/** A footnote marker that looks like a bullet: "*" directly followed by text, or two or more stars. */
const FOOTNOTE_STAR = /^\*{2,}|^\*(?=\S)/

export const isBulletLine = (line: string): boolean => BULLET.test(line) && !FOOTNOTE_STAR.test(line)

const stripBullet = (line: string): string => line.replace(BULLET, '').trim()

/** Heading lines that often arrive glued to the text under them. */
const LEADING_HEADING = /^(?:about\s+\S.{0,100}|(?:(?:media|press|news)\s+)?contacts?:?|summary|(?:foot)?notes:?)$/i

/**
 * Lines of a block are joined into one paragraph when they were wrapped (e-mail copy wraps at
 * about 72 characters); copy pasted with single line breaks has whole paragraphs on long lines.
 */
const onePerLine = (lines: string[]): boolean =>
  lines.length > 1 && lines.reduce((sum, l) => sum + l.length, 0) / lines.length > 100

export const toUnits = (blocks: Block[]): Unit[] => {
  const units: Unit[] = []
  for (const block of blocks) {
    let gap = block.gapBefore
    let lines = block.lines
    if (lines.length > 1 && LEADING_HEADING.test(lines[0]) && !/[.!?]$/.test(lines[0])) {
      units.push({ text: lines[0], lines: [lines[0]], gapBefore: gap })
      lines = lines.slice(1)
      gap = 0
    }
    let prose: string[] = []
    let items: string[] = []
    const flushProse = () => {
      if (!prose.length) return
      if (onePerLine(prose)) {
        for (const line of prose) {
          units.push({ text: line, lines: [line], gapBefore: gap })
          gap = 0
        }
        prose = []
        return
      }
      units.push({ text: prose.join(' '), lines: prose, gapBefore: gap })
      prose = []
      gap = 0
    }
    const flushItems = () => {
      if (!items.length) return
      units.push({ text: items.join('\n'), lines: items, items, gapBefore: gap })
      items = []
      gap = 0
    }
    for (const line of lines) {
      if (isBulletLine(line)) {
        flushProse()
        items.push(stripBullet(line))
      } else if (items.length && !/^[A-Z0-9"“]/.test(line)) {
        // A wrapped bullet: the continuation belongs to the item above.
        items[items.length - 1] += ` ${line}`
      } else {
        flushItems()
        prose.push(line)
      }
    }
    flushProse()
    flushItems()
  }
  // Bullets separated by blank lines are one list.
  return units.reduce<Unit[]>((merged, unit) => {
    const previous = merged[merged.length - 1]
    if (previous?.items && unit.items) previous.items.push(...unit.items)
    else merged.push(unit)
    return merged
  }, [])
}
