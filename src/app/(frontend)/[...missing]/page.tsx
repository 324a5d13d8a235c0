import { notFound } from 'next/navigation'

/** Any other public URL: the newsroom's own 404 page, inside its layout. */
export default function Missing() {
  notFound()
}
