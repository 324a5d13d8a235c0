/**
 * Repairs for copy pasted from wire pages, where the same words often arrive twice:
 * - exact repeats of a paragraph are dropped;
 * - a paragraph that starts by repeating the end of the one before it loses that overlap
 *   (pasted bullet lists come out as "A . a-text" / ". a-text B . b-text" / …);
 * - such a run after a paragraph ending in ":" becomes the bulleted list it was.
 */
import { comparable, wordCount } from './text'
import type { Unit } from './units'

const MIN_OVERLAP_WORDS = 8

type Token = { word: string; end: number }

/** Words with their end offsets; marks like ™ and stray punctuation are not words. */
const tokens = (text: string): Token[] =>
  [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.,;:!?%&()"”-]*/gu)].map((m) => ({
    word: comparable(m[0]).replace(/[.,;:!?"')]+$/, ''),
    end: (m.index ?? 0) + m[0].length,
  }))

/** How much of `text` repeats the end of `previous`: the offset where the new words start. */
const overlapEnd = (previous: string, text: string): number => {
  const a = tokens(previous)
  const b = tokens(text)
  for (let k = Math.min(a.length, b.length); k >= MIN_OVERLAP_WORDS; k--) {
    let same = true
    for (let i = 0; i < k && same; i++) same = a[a.length - k + i].word === b[i].word
    if (same) return b[k - 1].end
  }
  return 0
}

export type Repaired = { units: Unit[]; removedRepeats: number }

export const removeRepeats = (units: Unit[]): Repaired => {
  const seen = new Set<string>()
  const out: Unit[] = []
  let removedRepeats = 0
  for (const unit of units) {
    let text = unit.text
    const previous = out[out.length - 1]
    if (!unit.items && previous && !previous.items) {
      const cut = overlapEnd(previous.text, text.replace(/^[\s.;,]+/, ''))
      if (cut) {
        text = text
          .replace(/^[\s.;,]+/, '')
          .slice(cut)
          .replace(/^[\s.;,]+/, '')
          .trim()
        removedRepeats += 1
      }
    }
    const key = comparable(text)
    if (!key) continue
    if (!unit.items && seen.has(key)) {
      removedRepeats += 1
      continue
    }
    seen.add(key)
    out.push({ ...unit, text })
  }
  return { units: out, removedRepeats }
}

/** "Lead-in . Text": a bold lead-in whose markup the paste turned into a spaced full stop. */
const SPACED_LEAD_IN = /^(.{3,120}?)\s\.\s+(\S.*)$/s
const WIDE_GAP = 2

export type ListItem = { leadIn?: string; text: string }

/** "Short lead-in. The rest." → lead-in and text, when the first sentence is a short phrase. */
export const splitLeadIn = (item: string): ListItem => {
  const spaced = SPACED_LEAD_IN.exec(item)
  if (spaced) return { leadIn: `${spaced[1].trim()}.`, text: spaced[2].trim() }
  const plain = /^([^.!?:"“]{3,100}?[.:])\s+(\S.*)$/s.exec(item)
  if (plain && wordCount(plain[1]) <= 10) return { leadIn: plain[1].trim(), text: plain[2].trim() }
  return { text: item }
}

const looksLikeScrapedItem = (unit: Unit, next: Unit | undefined, started: boolean): boolean =>
  !unit.items &&
  (SPACED_LEAD_IN.test(unit.text) || (started ? unit.gapBefore >= WIDE_GAP : (next?.gapBefore ?? 0) >= WIDE_GAP))

/**
 * After a paragraph that ends with ":", paragraphs with a spaced lead-in or separated by wide
 * gaps are the items of a list that lost its bullets on the way.
 */
export const recoverScrapedLists = (
  units: Unit[],
): { units: (Unit & { listItems?: ListItem[] })[]; recovered: number } => {
  const out: (Unit & { listItems?: ListItem[] })[] = []
  let recovered = 0
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]
    out.push(unit)
    if (!/:\s*$/.test(unit.text) || unit.items) continue
    const items: string[] = []
    let j = i + 1
    while (j < units.length && looksLikeScrapedItem(units[j], units[j + 1], items.length > 0)) {
      items.push(units[j].text)
      j += 1
    }
    if (items.length >= 2) {
      out.push({
        text: items.join('\n'),
        lines: items,
        items,
        listItems: items.map(splitLeadIn),
        gapBefore: units[i + 1].gapBefore,
      })
      recovered += 1
      i = j - 1
    }
  }
  return { units: out, recovered }
}
