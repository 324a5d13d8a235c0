import { APIError, type CollectionBeforeOperationHook, type Field, type Plugin, ValidationError } from 'payload'

import { controlCharacterIn } from '@/lib/controlCharacters'

type Problem = { path: string; message: string }

/** Keys Payload itself accepts on a document besides its fields. */
const SYSTEM_KEYS = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', '_status'])
const AUTH_KEYS = new Set(['password', 'confirm-password'])

const describe = (value: unknown): string =>
  Array.isArray(value)
    ? 'a list'
    : value === null
      ? 'null'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Fields whose values sit directly in `data`: rows, collapsibles and unnamed tabs are layout only. */
const dataFields = (fields: Field[]): Field[] =>
  fields.flatMap((field) => {
    if (field.type === 'row' || field.type === 'collapsible') return dataFields(field.fields)
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) =>
        'name' in tab && tab.name ? [{ ...tab, type: 'group', name: tab.name } as Field] : dataFields(tab.fields),
      )
    }
    if (field.type === 'ui') return []
    return [field]
  })

const expected = (kind: string, ok: boolean, path: string, value: unknown): Problem[] =>
  ok ? [] : [{ path, message: `Expected ${kind}, got ${describe(value)}.` }]

const controlProblem = (code: string, path: string): Problem => ({
  path,
  message: `Contains the control character ${code}, which text may not hold (tabs and line breaks are fine).`,
})

/** A control character in a text value (or in any text inside rich text), as a problem at `path`. */
const controlCharacters = (value: unknown, path: string): Problem[] => {
  if (typeof value === 'string') {
    const code = controlCharacterIn(value)
    return code ? [controlProblem(code, path)] : []
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacters(v, `${path}.${i}`))
  return []
}

/** The first control character anywhere in a rich-text value, reported at the field. */
const controlCharacterInTree = (value: unknown): string | null => {
  if (typeof value === 'string') return controlCharacterIn(value)
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) {
      const code = controlCharacterInTree(child)
      if (code) return code
    }
  }
  return null
}

/** Type problems of one value against its field; null and undefined are left to `required`. */
const checkValue = (field: Field, value: unknown, path: string): Problem[] => {
  if (value === null || value === undefined) return []
  const many = 'hasMany' in field && field.hasMany === true
  const each = (kind: string, test: (v: unknown) => boolean) =>
    many
      ? Array.isArray(value)
        ? value.flatMap((v, i) => expected(kind, test(v), `${path}.${i}`, v))
        : expected(`a list of ${kind}s`, false, path, value)
      : expected(kind, test(value), path, value)
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
    case 'radio':
    case 'select': {
      const typed = each('text', (v) => typeof v === 'string')
      return typed.length ? typed : controlCharacters(value, path)
    }
    case 'date':
      return expected('a date (ISO 8601 text)', typeof value === 'string', path, value)
    case 'number':
      return each('number', (v) => typeof v === 'number' && Number.isFinite(v))
    case 'checkbox':
      return expected('true or false', typeof value === 'boolean', path, value)
    case 'richText': {
      if (!isPlainObject(value)) return expected('a rich-text object', false, path, value)
      const code = controlCharacterInTree(value)
      return code ? [controlProblem(code, path)] : []
    }
    case 'group':
      return isPlainObject(value)
        ? checkData(dataFields(field.fields), value, `${path}.`)
        : expected('an object', false, path, value)
    case 'array':
      // The admin's own form sends an array with no rows as its row count (0).
      if (value === 0) return []
      return Array.isArray(value)
        ? value.flatMap((row, i) =>
            isPlainObject(row)
              ? checkData(dataFields(field.fields), row, `${path}.${i}.`, ['id'])
              : expected('an object', false, `${path}.${i}`, row),
          )
        : expected('a list', false, path, value)
    case 'blocks':
      if (value === 0) return []
      return Array.isArray(value)
        ? value.flatMap((row, i) => {
            const block = isPlainObject(row) ? field.blocks.find((b) => b.slug === row.blockType) : undefined
            if (!block || !isPlainObject(row))
              return [{ path: `${path}.${i}.blockType`, message: 'Unknown block type.' }]
            return checkData(dataFields(block.fields), row, `${path}.${i}.`, ['id', 'blockType', 'blockName'])
          })
        : expected('a list', false, path, value)
    default:
      // Relationships, uploads, JSON, points and joins: Payload's own validation checks them.
      return []
  }
}

const checkData = (
  fields: Field[],
  data: Record<string, unknown>,
  prefix = '',
  extraKeys: string[] = [],
): Problem[] => {
  const byName = new Map(dataFields(fields).flatMap((f) => ('name' in f && f.name ? [[f.name, f] as const] : [])))
  return Object.entries(data).flatMap(([key, value]) => {
    const field = byName.get(key)
    if (field) return checkValue(field, value, `${prefix}${key}`)
    if (extraKeys.includes(key)) return []
    return [{ path: `${prefix}${key}`, message: `Unknown field "${prefix}${key}".` }]
  })
}

/**
 * Over REST and GraphQL, a document whose data has a field the collection does not have, or a
 * value of the wrong type (a number for a title), is refused with a 400 naming each field at
 * fault, instead of being silently dropped or turned into text; so is text holding a control
 * character (a NUL cut a stored title short: src/lib/controlCharacters.ts), and a create or an
 * update with no document at all. An id that cannot exist (`abc` where ids are numbers) is a 404
 * naming the id, not a database error.
 */
export const strictApiInputHook: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (req.payloadAPI === 'local') return args
  const id = (args as { id?: unknown }).id
  if (id !== undefined && (operation === 'read' || operation === 'update' || operation === 'delete')) {
    // REST has already turned a non-numeric id into NaN; the route still has what was asked for.
    const asked = String(req.routeParams?.id ?? id)
    const valid = req.payload.db.defaultIDType === 'number' ? /^\d{1,15}$/.test(asked) : /^[\w-]{1,64}$/.test(asked)
    if (!valid)
      throw new APIError(`No ${collection.slug} document has the id "${asked.slice(0, 40)}".`, 404, null, true)
  }
  const data = (args as { data?: unknown }).data
  if (operation !== 'create' && operation !== 'update') return args
  if (data === undefined) {
    // A file alone replaces an upload's file; anything else needs the document.
    if (req.file) return args
    throw new APIError(
      'The request has no document: send it as a JSON object (Content-Type: application/json).',
      400,
      null,
      true,
    )
  }
  if (!isPlainObject(data)) {
    throw new APIError(`The request body must be a JSON object, not ${describe(data)}.`, 400, null, true)
  }
  const allowed = [...SYSTEM_KEYS, ...(collection.auth ? AUTH_KEYS : [])]
  const errors = checkData(collection.fields, data, '', allowed)
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors })
  return args
}

/** Adds the strict input check to every collection, ahead of its own beforeOperation hooks. */
export const strictApiInput: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [strictApiInputHook, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
})
