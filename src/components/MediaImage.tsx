import Image from 'next/image'

import type { Media } from '@/payload-types'
import { populated } from '@/lib/populated'

type SizeName = keyof NonNullable<Media['sizes']>

/** An uploaded image through next/image, starting from the closest pre-made Payload size. */
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
  const variant = size ? media.sizes?.[size] : undefined
  const src = variant?.url ?? media.url
  const width = variant?.width ?? media.width
  const height = variant?.height ?? media.height
  if (!src || !width || !height || !media.mimeType?.startsWith('image/')) return null
  return (
    <Image
      src={src}
      width={width}
      height={height}
      alt={media.alt}
      sizes={sizes}
      priority={priority}
      className={className}
      unoptimized={media.mimeType === 'image/svg+xml'}
    />
  )
}

export const asMedia = (value: unknown): Media | null => populated<Media>(value)
