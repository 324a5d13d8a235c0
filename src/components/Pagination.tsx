import Link from 'next/link'

/** Previous / next links that keep the other query parameters. */
export const Pagination = ({
  page,
  totalPages,
  path,
  params,
}: {
  page: number
  totalPages: number
  path: string
  params: Record<string, string | undefined>
}) => {
  if (totalPages <= 1) return null
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v) as [string, string][])
    if (p > 1) q.set('page', String(p))
    const s = q.toString()
    return s ? `${path}?${s}` : path
  }
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev">
          ← Newer releases
        </Link>
      )}
      <span className="muted">
        Page {page} of {totalPages}
      </span>
      {page < totalPages && (
        <Link href={href(page + 1)} rel="next">
          Older releases →
        </Link>
      )}
    </nav>
  )
}
