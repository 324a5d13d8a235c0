/**
 * "Download all": a release's press kit as one zip archive (fflate), built from the files as
 * an anonymous reader receives them from Payload's own file route, so media access
 * (src/access/media.ts: only files a public document uses) decides what goes in and a hidden
 * file can never be packed. An archive is kept in memory while the public-content generation
 * it was built in is current (the freshness rule of every public cache), within a byte budget.
 */
import { createHash } from 'node:crypto'

import { zipSync, type Zippable } from 'fflate'
import { handleEndpoints } from 'payload'

import { cachedPublicEntry } from '@/cache/publicCache'
import { fitsBudget, holdBytes, isFresh, publicContentStore, releaseBytes, touchBytes } from '@/cache/store.mjs'
import { releaseBySlug } from '@/data/newsroom'
import { absoluteUrl } from '@/urls'
import config from '@payload-config'

import { pressKitItems, type PressKitItem } from './items'

export type PressKit = { body: Uint8Array; etag: string; lastModified: Date; filename: string }

type Kept = PressKit & { generation: number; validUntil: number; slug: string }

// Kept with the rest of the public content (src/cache/store.mjs), so a public change drops it
// too, within the one byte budget of every public cache.
const state = publicContentStore().pressKits as { kept: Map<string, Kept>; bytes: number }

const keep = (entry: Kept) => {
  state.kept.delete(entry.slug)
  releaseBytes(`press-kit:${entry.slug}`)
  if (!fitsBudget(entry.body.length)) return
  state.kept.set(entry.slug, entry)
  holdBytes(`press-kit:${entry.slug}`, entry.body.length, () => state.kept.delete(entry.slug))
}

/** The file as Payload's file route gives it to someone who is not signed in, or null. */
const publicFile = async (item: PressKitItem): Promise<Uint8Array | null> => {
  const response = await handleEndpoints({ config, request: new Request(absoluteUrl(item.media.url)) })
  if (response.status !== 200) return null
  return new Uint8Array(await response.arrayBuffer())
}

const creditsText = (title: string, items: PressKitItem[]) =>
  [
    `Press kit: ${title}`,
    '',
    ...items.flatMap((item) => [
      item.media.filename,
      `  ${item.title}`,
      ...(item.media.caption ? [`  Caption: ${item.media.caption}`] : []),
      ...(item.media.credit ? [`  Credit: ${item.media.credit}`] : []),
      '',
    ]),
  ].join('\r\n')

/** The archive for a public release's press kit, or null when the release or its files are not public. */
export const pressKitArchive = async (slug: string): Promise<PressKit | null> => {
  const {
    value: release,
    generation,
    validUntil,
  } = await cachedPublicEntry(`release:${slug}:press-kit`, () => releaseBySlug(slug))
  if (!release) return null
  const hit = state.kept.get(slug)
  if (hit && hit.generation === generation && isFresh(hit.generation, hit.validUntil)) {
    // Most recently used last, so the budget drops the coldest archive first.
    touchBytes(`press-kit:${slug}`)
    return hit
  }
  const lastModified = new Date(release.updatedAt)
  const files: Zippable = {}
  const packed: PressKitItem[] = []
  for (const item of pressKitItems(release)) {
    const bytes = await publicFile(item)
    if (!bytes) continue
    // Images and PDFs are compressed already: stored, not deflated again.
    files[item.media.filename] = [bytes, { level: 0, mtime: lastModified }]
    packed.push(item)
  }
  if (!packed.length) return null
  files['CREDITS.txt'] = [
    new TextEncoder().encode(creditsText(release.title, packed)),
    { level: 6, mtime: lastModified },
  ]
  const body = zipSync(files)
  const kit: Kept = {
    body,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
    lastModified,
    filename: `${slug}-press-kit.zip`,
    generation,
    validUntil,
    slug,
  }
  keep(kit)
  return kit
}
