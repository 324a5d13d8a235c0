import { APIError, type CollectionBeforeOperationHook, type Plugin } from 'payload'

import { WHERE_LIMITS } from '../../scripts/server/requestLimits.mjs'

/**
 * A filter (`where`, over REST, GraphQL or a join's `where`) too big for the database is refused
 * with a 400 stating the maximum, before any SQL is written: 300 conditions on a relationship path
 * made SQLite fail ("too many FROM clause terms, max: 200") with a 500 and the query in the log, and
 * a long `like` pattern costs a scan of every row for each wildcard. The limits
 * (scripts/server/requestLimits.mjs, README "Limits") are far above what the admin or a partner
 * site sends. The local API (our own code) is not limited.
 */

type Size = { conditions: number; nesting: number; hops: number }

const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
/** Operators that compare text: a number or an object there made GraphQL answer a bare 500. */
const TEXT_OPERATORS = new Set(['like', 'not_like'])
const COMBINERS = new Set(['and', 'or'])

const refuse = (message: string): never => {
  throw new APIError(message, 400, null, true)
}

const checkOperand = (path: string, operator: string, operand: unknown) => {
  if (TEXT_OPERATORS.has(operator) && typeof operand !== 'string') {
    refuse(
      `The "${operator}" filter on "${path}" takes text (got ${Array.isArray(operand) ? 'a list' : typeof operand}).`,
    )
  }
  const values = Array.isArray(operand) ? operand : [operand]
  if (Array.isArray(operand) && LIST_OPERATORS.has(operator) && operand.length > WHERE_LIMITS.listValues) {
    refuse(
      `The filter on "${path}" lists ${operand.length} values; "${operator}" takes at most ${WHERE_LIMITS.listValues}.`,
    )
  }
  for (const value of values) {
    if (typeof value === 'string' && value.length > WHERE_LIMITS.textChars) {
      refuse(
        `The "${operator}" value for "${path}" is ${value.length} characters long; filter values may have at most ${WHERE_LIMITS.textChars}.`,
      )
    }
  }
}

const measure = (where: unknown, depth: number, size: Size) => {
  if (!where || typeof where !== 'object' || Array.isArray(where)) return
  for (const [key, value] of Object.entries(where)) {
    if (COMBINERS.has(key.toLowerCase())) {
      if (depth + 1 > WHERE_LIMITS.nesting) {
        refuse(`The filter nests "and"/"or" more than ${WHERE_LIMITS.nesting} levels deep.`)
      }
      size.nesting = Math.max(size.nesting, depth + 1)
      for (const branch of Array.isArray(value) ? value : [value]) measure(branch, depth + 1, size)
      continue
    }
    const operators = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : []
    for (const [operator, operand] of operators) {
      size.conditions += 1
      size.hops += key.split('.').length - 1
      checkOperand(key, operator, operand)
    }
    if (size.conditions > WHERE_LIMITS.conditions) {
      refuse(`The filter has more than ${WHERE_LIMITS.conditions} conditions, the most one request may have.`)
    }
    if (size.hops > WHERE_LIMITS.relationshipHops) {
      refuse(
        `The filter follows relationships (dotted paths such as "relatedReleases.title") more than ${WHERE_LIMITS.relationshipHops} times in all, the most one request may.`,
      )
    }
  }
}

/** Refuses an over-sized `where` (and joins' `where`) of any operation that has one. */
export const querySizeHook: CollectionBeforeOperationHook = ({ args, req }) => {
  if (req.payloadAPI === 'local') return args
  const { where, joins } = args as { where?: unknown; joins?: unknown }
  measure(where, 0, { conditions: 0, nesting: 0, hops: 0 })
  if (joins && typeof joins === 'object') {
    for (const join of Object.values(joins)) {
      if (join && typeof join === 'object')
        measure((join as { where?: unknown }).where, 0, { conditions: 0, nesting: 0, hops: 0 })
    }
  }
  return args
}

/** Adds the filter-size check to every collection, ahead of its own beforeOperation hooks. */
export const querySize: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [querySizeHook, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
})
