import { NotFoundHelp } from '@/components/NotFoundHelp'

export const metadata = { title: 'Page not found', robots: { index: false } }

export default function NotFound() {
  return <NotFoundHelp title="Page not found">This page does not exist, or it is not public yet.</NotFoundHelp>
}
