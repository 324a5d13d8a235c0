/**
 * The fixed choices of the content model, with the labels readers and staff see. Collection
 * configs use them as select options; pages use them to print a value's label.
 */
type Option = { readonly label: string; readonly value: string }

export const MILESTONE_KINDS = [
  { label: 'Membership', value: 'membership' },
  { label: 'Designation', value: 'designation' },
  { label: 'Launch', value: 'launch' },
  { label: 'Agreement', value: 'agreement' },
  { label: 'Site opening', value: 'site-opening' },
  { label: 'Other', value: 'other' },
] as const satisfies readonly Option[]

export const PARTNER_KINDS = [
  { label: 'Health system', value: 'health-system' },
  { label: 'Cancer center', value: 'cancer-center' },
  { label: 'Coalition', value: 'coalition' },
  { label: 'Advocacy group', value: 'advocacy-group' },
  { label: 'Government agency', value: 'government-agency' },
  { label: 'Other', value: 'other' },
] as const satisfies readonly Option[]

export const EVENT_STATUSES = [
  { label: 'Scheduled', value: 'scheduled' },
  { label: 'Cancelled', value: 'cancelled' },
] as const satisfies readonly Option[]

export const QUOTE_PROVENANCE = [
  { label: 'Verbatim: the speaker’s exact words', value: 'verbatim' },
  { label: 'Paraphrase: not to be printed in quotation marks', value: 'paraphrase' },
] as const satisfies readonly Option[]

/** Select options Payload can own (it may not be handed a frozen array). */
export const selectOptions = (options: readonly Option[]) => options.map((o) => ({ ...o }))

/** The label of a stored value, or the value itself when the list no longer has it. */
export const labelOf = (options: readonly Option[], value: string | null | undefined): string =>
  options.find((o) => o.value === value)?.label ?? value ?? ''

/**
 * How precise a date is. A source that gives only a month or a year (or nothing, so the date is
 * inferred) must not be shown or published as an exact day (src/lib/datePrecision.ts).
 */
export const DATE_PRECISIONS = [
  { label: 'Exact day', value: 'day' },
  { label: 'Month only', value: 'month' },
  { label: 'Year only', value: 'year' },
  { label: 'Approximate year (c.)', value: 'approximate' },
] as const satisfies readonly Option[]
