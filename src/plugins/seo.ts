/**
 * Search and social metadata through `@payloadcms/plugin-seo`: the `meta` group (title,
 * description, image, and our own `noIndex`) with the plugin's overview, length indicators,
 * "Auto-generate" buttons and search-result preview in the admin. The stored field names are the
 * ones the project used before the plugin (`meta.title`, `meta.description`, `meta.image`,
 * `meta.noIndex`), so no document lost its values.
 */
import { seoPlugin } from '@payloadcms/plugin-seo'
import type {
  SEOPluginConfig,
  GenerateDescription,
  GenerateImage,
  GenerateTitle,
  GenerateURL,
} from '@payloadcms/plugin-seo/types'
import type { Field, GroupField, Plugin } from 'payload'

import { idOf } from '@/richText/media'
import { siteName } from '@/server/env'
import { absoluteUrl, pathOfDocument, paths } from '@/urls'

/** Collections whose documents have a public page, and so search and social metadata. */
export const SEO_COLLECTIONS = ['press-releases', 'partners', 'events'] as const

export const META_TITLE_MAX = 70
export const META_DESCRIPTION_MAX = 200

type SeoDoc = {
  title?: string | null
  name?: string | null
  summary?: string | null
  slug?: string | null
  heroImage?: unknown
  logo?: unknown
  image?: unknown
}

/** Cut at a word boundary, with an ellipsis, so generated text fits its field. */
const fit = (text: string, max: number): string => {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length).trimEnd()}…`
}

const generateTitle: GenerateTitle<SeoDoc> = ({ doc }) => {
  const own = doc?.title || doc?.name || ''
  const withSite = `${own} · ${siteName()}`
  return fit(withSite.length <= META_TITLE_MAX ? withSite : own, META_TITLE_MAX)
}

const generateDescription: GenerateDescription<SeoDoc> = ({ doc }) => fit(doc?.summary ?? '', META_DESCRIPTION_MAX)

/** The release's hero image, the partner's logo or the event's image. */
const generateImage: GenerateImage<SeoDoc> = ({ doc }) => idOf(doc?.heroImage ?? doc?.logo ?? doc?.image) ?? ''

const generateURL: GenerateURL<SeoDoc> = ({ doc, collectionConfig }) =>
  absoluteUrl(pathOfDocument(collectionConfig?.slug, doc) ?? paths.home())

const fields: NonNullable<SEOPluginConfig['fields']> = ({ defaultFields }) => [
  ...defaultFields.map((field): Field => {
    if (!('name' in field)) return field
    switch (field.name) {
      case 'title':
        return { ...field, maxLength: META_TITLE_MAX } as Field
      case 'description':
        return { ...field, maxLength: META_DESCRIPTION_MAX } as Field
      case 'image':
        return {
          ...field,
          admin: { ...field.admin, description: 'Shared on social networks, cropped to 1200×630.' },
        } as Field
      default:
        return field
    }
  }),
  { name: 'noIndex', type: 'checkbox', defaultValue: false, label: 'Hide from search engines' },
]

const META_DESCRIPTION =
  'How this page appears in search results and when shared. Empty fields fall back to the title, summary and image.'

/**
 * The plugin appends its `meta` group after a collection's fields. Releases keep it in their own
 * SEO tab instead, beside the other tabs; everywhere it gets the newsroom's explanation.
 */
const placeSeoGroup: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => {
    if (!(SEO_COLLECTIONS as readonly string[]).includes(collection.slug)) return collection
    const last = collection.fields.at(-1)
    if (!last || last.type !== 'group' || !('name' in last) || last.name !== 'meta') return collection
    const group: GroupField = { ...last, admin: { ...last.admin, description: META_DESCRIPTION } }
    const rest = collection.fields.slice(0, -1)
    const tabs = rest.find((f) => f.type === 'tabs')
    const seoTab = tabs?.type === 'tabs' ? tabs.tabs.find((tab) => tab.label === 'SEO') : undefined
    if (!seoTab) return { ...collection, fields: [...rest, group] }
    seoTab.fields = [group]
    return { ...collection, fields: rest }
  }),
})

export const seo: Plugin[] = [
  seoPlugin({
    collections: [...SEO_COLLECTIONS],
    uploadsCollection: 'media',
    generateTitle,
    generateDescription,
    generateImage,
    generateURL,
    fields,
  }),
  placeSeoGroup,
]
