/**
 * What a release's press kit offers: the hero image first (journalists should not depend on
 * staff adding it again as an asset), then every press-kit asset, each file once.
 */
import { asMedia } from '@/components/MediaImage'
import type { Media, PressRelease } from '@/payload-types'

export type PressKitItem = {
  media: Media & { url: string; filename: string }
  title: string
  description?: string | null
}

const usable = (media: Media | null): media is Media & { url: string; filename: string } =>
  Boolean(media?.url && media.filename)

export const pressKitItems = (release: PressRelease): PressKitItem[] => {
  const items: PressKitItem[] = []
  const seen = new Set<number | string>()
  const add = (media: Media | null, title: string, description?: string | null) => {
    if (!usable(media) || seen.has(media.id)) return
    seen.add(media.id)
    items.push({ media, title, description })
  }
  const hero = asMedia(release.heroImage)
  // Staff often add the hero again as an asset: it is listed once, first, with their title.
  const heroAsAsset = (release.assets ?? []).find((a) => hero && asMedia(a.file)?.id === hero.id)
  add(hero, heroAsAsset?.title || (hero ? `Lead image: ${hero.alt}` : ''), heroAsAsset?.description ?? hero?.caption)
  for (const asset of release.assets ?? []) {
    const media = asMedia(asset.file)
    add(media, asset.title || media?.alt || 'Asset', asset.description)
  }
  return items
}

/** "JPEG", "PNG", "PDF": what a journalist calls the file's type. */
export const fileTypeLabel = (mimeType: string | null | undefined): string => {
  if (!mimeType) return 'File'
  if (mimeType === 'application/pdf') return 'PDF'
  if (mimeType === 'image/svg+xml') return 'SVG'
  if (mimeType === 'image/jpeg' || mimeType === 'image/jpg') return 'JPEG'
  return mimeType.replace(/^[a-z]+\//, '').toUpperCase()
}
