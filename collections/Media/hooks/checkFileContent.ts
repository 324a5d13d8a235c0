import path from 'node:path'

import { type CollectionBeforeOperationHook, ValidationError } from 'payload'
import sharp from 'sharp'

/** The format sharp reports for each raster extension we accept (AVIF is a HEIF container). */
const FORMAT_BY_EXTENSION: Record<string, string> = {
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.png': 'png',
  '.webp': 'webp',
  '.gif': 'gif',
  '.avif': 'heif',
}

const refuse = (collection: string, message: string): never => {
  throw new ValidationError({ collection, errors: [{ path: 'file', message }] })
}

/**
 * A raster image must be what its name says: a `.png` that is really text, a JPEG named `.png`
 * or a truncated image is refused with a 400 naming `file`, before Payload tries to resize it
 * (which would fail with a message that names nothing). SVGs and PDFs are checked by Payload.
 */
export const checkFileContent: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data?.length) return args
  const extension = path.extname(file.name).toLowerCase()
  const expected = FORMAT_BY_EXTENSION[extension]
  if (!expected) return args
  let format: string | undefined
  try {
    const image = sharp(file.data, { failOn: 'error' })
    format = (await image.metadata()).format
    await image.stats()
  } catch {
    refuse(collection.slug, `"${file.name}" is not a readable ${extension.slice(1).toUpperCase()} image (damaged or not an image).`)
  }
  if (format !== expected) {
    refuse(collection.slug, `"${file.name}" holds ${format?.toUpperCase() ?? 'unknown'} data, not ${extension.slice(1).toUpperCase()}: name the file for what it is.`)
  }
  return args
}
