type Id = number | string

/** The id behind an upload or relationship value, whether populated or not. */
export const idOf = (value: unknown): Id | null => {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (value && typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id)
  return null
}

/** Every media id an upload node in a Lexical rich-text value shows. */
export const richTextMediaIds = (node: unknown, into: Set<Id> = new Set()): Set<Id> => {
  if (!node || typeof node !== 'object') return into
  const n = node as { type?: unknown; relationTo?: unknown; value?: unknown; root?: unknown; children?: unknown }
  if (n.type === 'upload' && n.relationTo === 'media') {
    const id = idOf(n.value)
    if (id !== null) into.add(id)
  }
  if (n.root) richTextMediaIds(n.root, into)
  if (Array.isArray(n.children)) for (const child of n.children) richTextMediaIds(child, into)
  return into
}
