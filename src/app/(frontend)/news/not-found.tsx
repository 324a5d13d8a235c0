import { NotFoundHelp } from '@/components/NotFoundHelp'

export const metadata = { title: 'Page not found', robots: { index: false } }

/** `/news?page=…` past the end or not a page number. */
export default function ArchivePageNotFound() {
  return (
    <NotFoundHelp title="No such page of the news archive">
      Archive pages are numbered from 1 to the last page shown under the list of releases.
    </NotFoundHelp>
  )
}
