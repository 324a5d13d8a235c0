/**
 * Every GraphQL request has a bounded cost (TRUST.md property 4), checked while the query is
 * validated, before anything runs: one 215-byte query nesting `release { quotes { release … } }`
 * twelve levels deep used to run the heap out of memory, and 200 aliased lists held the event
 * loop for 15 seconds. Refused queries get HTTP 400 with a GraphQL error naming the limit.
 *
 * - **depth**: fields nested at most 10 deep (a release's partners' logo's thumbnail URL is 7);
 * - **aliases**: at most 30 aliased fields, and at most 1,000 fields in all (fragments expanded);
 * - **cost**: each field costs 1, plus what it selects times how many objects it can return:
 *   a list with a `limit` argument returns `limit` of them (10 when not given, 1,000 with
 *   `pagination: false`), any other list (a hasMany relationship) is counted as 10. At most
 *   25,000: 100 releases with their partners, logos, topics and quotes cost about 5,600.
 *
 * Introspection (`__schema`, `__type`) is bounded by the schema and not counted.
 */
import {
  type ASTNode,
  type FieldNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  type GraphQLType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql'

export const GRAPHQL_LIMITS = { depth: 10, aliases: 30, fields: 1000, cost: 25_000 } as const

const DEFAULT_LIMIT = 10
const UNPAGINATED = 1000
const LIST_FAN_OUT = 10

type Measure = { depth: number; aliases: number; fields: number }

const intValue = (node: ValueNode | undefined, variables: Record<string, unknown>): number | undefined => {
  if (!node) return undefined
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.VARIABLE) {
    const value = Number(variables[node.name.value])
    return Number.isFinite(value) ? value : undefined
  }
  return undefined
}

const boolValue = (node: ValueNode | undefined, variables: Record<string, unknown>): boolean | undefined => {
  if (!node) return undefined
  if (node.kind === Kind.BOOLEAN) return node.value
  if (node.kind === Kind.VARIABLE) return variables[node.name.value] as boolean | undefined
  return undefined
}

/** How many objects `field` can return for each time it is asked. */
const fanOut = (node: FieldNode, definition: GraphQLField<unknown, unknown>, variables: Record<string, unknown>) => {
  const arg = (name: string) => node.arguments?.find((a) => a.name.value === name)?.value
  if (definition.args.some((a) => a.name === 'limit')) {
    if (boolValue(arg('pagination'), variables) === false) return UNPAGINATED
    const limit = intValue(arg('limit'), variables) ?? DEFAULT_LIMIT
    return limit > 0 ? limit : UNPAGINATED
  }
  // A paginated answer's `docs` were counted by the list field that holds them.
  if (isList(definition.type)) return node.name.value === 'docs' ? 1 : LIST_FAN_OUT
  return 1
}

// The schema may come from another copy of `graphql` than this module's (ESM and CommonJS builds),
// so types are told apart by shape, not with graphql's `instanceof`-based `isListType` & co.
type Wrapping = { ofType?: GraphQLType }
const namedTypeOf = (type: GraphQLType): GraphQLType => {
  let t = type
  while ((t as Wrapping).ofType) t = (t as Wrapping).ofType as GraphQLType
  return t
}
const isList = (type: GraphQLType) => String(type).startsWith('[')
const isComposite = (type: unknown): type is GraphQLCompositeType =>
  typeof (type as { getFields?: unknown })?.getFields === 'function' ||
  typeof (type as { getTypes?: unknown })?.getTypes === 'function'

const fieldsOf = (type: GraphQLCompositeType): Record<string, GraphQLField<unknown, unknown>> =>
  'getFields' in type && typeof type.getFields === 'function'
    ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>)
    : {}

/** The cost of a selection set on `type`, recording depth, aliases and fields in `measure`. */
const costOf = (
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  type: GraphQLCompositeType,
  depth: number,
  measure: Measure,
  variables: Record<string, unknown>,
  fragments: Set<string>,
): number => {
  let cost = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value
      if (name.startsWith('__')) continue
      measure.fields += 1
      if (selection.alias) measure.aliases += 1
      measure.depth = Math.max(measure.depth, depth)
      const definition = fieldsOf(type)[name]
      if (!definition) continue
      const inner = namedTypeOf(definition.type)
      const below =
        selection.selectionSet && isComposite(inner)
          ? costOf(context, selection.selectionSet, inner, depth + 1, measure, variables, fragments)
          : 0
      cost += 1 + fanOut(selection, definition, variables) * below
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? context.getSchema().getType(selection.typeCondition.name.value) : type
      const on = isComposite(condition) ? condition : type
      cost += costOf(context, selection.selectionSet, on, depth, measure, variables, fragments)
    } else {
      const name = selection.name.value
      const fragment = context.getFragment(name)
      // A fragment that spreads itself is refused by GraphQL's own NoFragmentCycles rule.
      if (!fragment || fragments.has(name)) continue
      const condition = context.getSchema().getType(fragment.typeCondition.name.value)
      if (!isComposite(condition)) continue
      cost += costOf(
        context,
        fragment.selectionSet,
        condition,
        depth,
        measure,
        variables,
        new Set([...fragments, name]),
      )
    }
  }
  return cost
}

const refuse = (context: ValidationContext, node: ASTNode, message: string) =>
  context.reportError(new GraphQLError(message, { nodes: [node], extensions: { code: 'QUERY_TOO_COSTLY' } }))

/** The rule, for Payload's `graphQL.validationRules` (which passes the request's variables). */
export const boundedGraphQLCost =
  (variables: Record<string, unknown> = {}): ValidationRule =>
  (context) => ({
    OperationDefinition(node) {
      const schema = context.getSchema()
      const root =
        node.operation === 'mutation'
          ? schema.getMutationType()
          : node.operation === 'subscription'
            ? schema.getSubscriptionType()
            : schema.getQueryType()
      if (!root) return
      const measure: Measure = { depth: 0, aliases: 0, fields: 0 }
      const cost = costOf(context, node.selectionSet, root, 1, measure, variables, new Set())
      const { depth, aliases, fields } = GRAPHQL_LIMITS
      if (measure.depth > depth) {
        refuse(context, node, `The query nests fields ${measure.depth} levels deep; at most ${depth} are allowed.`)
      } else if (measure.aliases > aliases) {
        refuse(context, node, `The query has ${measure.aliases} aliases; at most ${aliases} are allowed.`)
      } else if (measure.fields > fields) {
        refuse(context, node, `The query selects ${measure.fields} fields; at most ${fields} are allowed.`)
      } else if (cost > GRAPHQL_LIMITS.cost) {
        refuse(
          context,
          node,
          `The query could return about ${cost} values; at most ${GRAPHQL_LIMITS.cost} are allowed. Ask for a smaller limit or fewer nested relationships.`,
        )
      }
    },
  })

type Handler<A extends unknown[]> = (...args: A) => Promise<Response>

/**
 * A query refused by these limits never ran, so its answer is a 400 (GraphQL over HTTP answers a
 * request that fails validation so under `application/graphql-response+json`; graphql-http keeps
 * 200 for plain `application/json`). Wraps the GraphQL route handler.
 */
export const costlyQueriesAre400 =
  <A extends unknown[]>(handler: Handler<A>): Handler<A> =>
  async (...args) => {
    const response = await handler(...args)
    if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('json')) return response
    const text = await response.text()
    const refused = text.includes('"QUERY_TOO_COSTLY"') && !/^\{"data"|,"data":/.test(text)
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    return new Response(text, { status: refused ? 400 : 200, statusText: refused ? 'Bad Request' : 'OK', headers })
  }
