/**
 * The media contacts a release page lists: the release's own, then each partner's, each person
 * once. A release usually names the partners' press offices again, so the same contact came
 * twice; two entries are the same contact when they share an e-mail address, or, without one,
 * the same name, phone and organisation.
 */
export type Contact = {
  id?: string | null
  name: string
  title?: string | null
  email?: string | null
  phone?: string | null
  organization?: string | null
}

const normal = (s: string | null | undefined) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ')

const keyOf = (c: Contact) =>
  c.email ? `email:${normal(c.email)}` : `person:${normal(c.name)}|${normal(c.phone)}|${normal(c.organization)}`

export const mergeContacts = (...lists: Contact[][]): Contact[] => {
  const seen = new Map<string, Contact>()
  for (const contact of lists.flat()) {
    const key = keyOf(contact)
    const earlier = seen.get(key)
    // The first mention wins; a later one only fills in what the first left out.
    if (earlier) {
      seen.set(key, {
        ...earlier,
        title: earlier.title || contact.title,
        phone: earlier.phone || contact.phone,
        organization: earlier.organization || contact.organization,
      })
    } else seen.set(key, contact)
  }
  return [...seen.values()]
}

type WithContacts = { mediaContacts?: Contact[] | null }

/**
 * The media contacts of a release as its page and its alert list them: the release's own, then
 * each partner's (named after the partner when the entry gives no organisation), each person once.
 */
export const releaseContacts = (release: WithContacts, partners: (WithContacts & { name: string })[]): Contact[] =>
  mergeContacts(
    release.mediaContacts ?? [],
    ...partners.map((p) => (p.mediaContacts ?? []).map((c) => ({ ...c, organization: c.organization || p.name }))),
  )
