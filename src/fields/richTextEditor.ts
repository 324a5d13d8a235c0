import { lexicalEditor, LinkFeature } from '@payloadcms/richtext-lexical'
import type { FieldAffectingData, TextField, TextFieldSingleValidation } from 'payload'

import { isSafeHref } from '@/lib/safeHref'

/** Payload keeps `javascript:` and `data:` links in rich text; the newsroom refuses them on save. */
const refuseUnsafeUrl = (field: FieldAffectingData): FieldAffectingData => {
  if (field.name !== 'url' || field.type !== 'text' || field.hasMany) return field
  const payloadValidate = field.validate as TextFieldSingleValidation | undefined
  const validate: TextFieldSingleValidation = (value, options) => {
    const linkType = (options.siblingData as { linkType?: string } | undefined)?.linkType
    if (linkType !== 'internal' && value && !isSafeHref(value)) {
      return 'Links must be web (http, https), mailto: or tel: addresses.'
    }
    return payloadValidate ? payloadValidate(value, options) : true
  }
  return { ...field, validate } as TextField
}

/** The one rich-text editor: Payload's defaults, with link targets restricted to safe schemes. */
export const richTextEditor = () =>
  lexicalEditor({
    features: ({ defaultFeatures }) =>
      defaultFeatures.map((feature) =>
        feature.key === 'link'
          ? LinkFeature({ fields: ({ defaultFields }) => defaultFields.map(refuseUnsafeUrl) })
          : feature,
      ),
  })
