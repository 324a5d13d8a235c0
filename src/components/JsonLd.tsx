import type { Thing, WithContext } from 'schema-dts'

/**
 * JSON-LD in a script tag. `<` is written as \u003c so no value (a title, a quote) can close
 * the script element early.
 */
export const JsonLd = ({ data }: { data: WithContext<Thing> | WithContext<Thing>[] }) => (
  <script
    type="application/ld+json"
    dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\u003c') }}
  />
)
