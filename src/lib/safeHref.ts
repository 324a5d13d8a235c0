/**
 * Whether a link target is safe to put in an `href`: a web, mail or phone address, or a
 * relative link. Anything with another scheme (`javascript:`, `data:`, `vbscript:`…) is not.
 * Browsers ignore ASCII whitespace and control characters inside a scheme (`java\tscript:`
 * runs), so they are dropped before looking at it.
 */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

export const isSafeHref = (url: string | null | undefined): boolean => {
  if (!url) return false
  const squeezed = url.replace(/[\u0000-\u0020\u007f]/g, '')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)?.[1]
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase())
}
