import { populated } from '@/lib/populated'
import type { Media } from '@/payload-types'

type SizeName = keyof NonNullable<Media['sizes']>
type Candidate = { url?: string | null; width?: number | null; height?: number | null }

const ratio = (c: Candidate) => (c.width && c.height ? c.width / c.height : 0)

/**
 * An uploaded image, served straight from Payload's file route in the pre-made sizes, with a
 * srcset of every size that has the same crop. Not through Next's image optimiser: it keeps
 * optimised copies for hours, so an image could outlive its release being unpublished, while
 * Payload checks media access (src/access/media.ts) on every request.
 */
export const MediaImage = ({
  media,
  size,
  sizes,
  priority,
  className,
}: {
  media: Media
  size?: SizeName
  sizes: string
  priority?: boolean
  className?: string
}) => {
  const chosen: Candidate = (size ? media.sizes?.[size] : undefined) ?? media
  if (!chosen.url || !chosen.width || !chosen.height || !media.mimeType?.startsWith('image/')) return null
  const sameCrop = [media, ...Object.values(media.sizes ?? {})]
    .filter((c): c is Candidate => Boolean(c?.url && c.width) && Math.abs(ratio(c as Candidate) - ratio(chosen)) < 0.01)
    .sort((a, b) => (a.width ?? 0) - (b.width ?? 0))
    .filter((c, i, all) => i === 0 || c.width !== all[i - 1].width)
  return (
    // eslint-disable-next-line @next/next/no-img-element -- on purpose, see above
    <img
      src={chosen.url}
      srcSet={media.mimeType === 'image/svg+xml' ? undefined : sameCrop.map((c) => `${c.url} ${c.width}w`).join(', ')}
      sizes={sizes}
      width={chosen.width}
      height={chosen.height}
      alt={media.alt}
      className={className}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding="async"
    />
  )
}

export const asMedia = (value: unknown): Media | null => populated<Media>(value)
