/** Matching organisation names from wire copy ("About X", a speaker's organisation) to partner profiles. */
import { slugify } from '@/lib/slugify'

export type PartnerRef = { id: number | string; name: string; shortName?: string | null; slug?: string | null }

/** Case, accents, punctuation, "&"/"and" and a leading "the" do not matter. */
export const nameKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '')

const words = (key: string) => key.split(' ').length

/**
 * The partner a name refers to: its name, short name or slug exactly, or else a name that
 * starts with the other ("Memorial Sloan Kettering" → "Memorial Sloan Kettering Cancer Center";
 * "Hartford HealthCare Cancer Institute" → "Hartford HealthCare"), two words at least.
 */
export const matchPartner = <P extends PartnerRef>(name: string, partners: P[]): P | undefined => {
  const key = nameKey(name)
  if (!key) return undefined
  const exact = partners.find(
    (p) =>
      nameKey(p.name) === key || (p.shortName && nameKey(p.shortName) === key) || (p.slug && p.slug === slugify(name)),
  )
  if (exact) return exact
  const prefixes = partners.filter((p) => {
    const partnerKey = nameKey(p.name)
    const shorter = partnerKey.length < key.length ? partnerKey : key
    const longer = shorter === partnerKey ? key : partnerKey
    return words(shorter) >= 2 && longer.startsWith(`${shorter} `)
  })
  // Ambiguous ("Hartford" fits two partners): no guess.
  return prefixes.length === 1 ? prefixes[0] : undefined
}
