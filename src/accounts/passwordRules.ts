/**
 * The password rules for staff accounts, checked wherever a password is set: account creation
 * (first user, admin-created, invitation), a change from the account page and a reset by link.
 * At least 12 characters, and not guessable: zxcvbn-ts with its common-password, name and
 * English dictionaries must rate it at least "safely unguessable" against offline guessing
 * (score 3 of 4), so `password1234` or `qwertyuiop12` are refused however long they are.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as english from '@zxcvbn-ts/language-en'

export const MIN_PASSWORD_LENGTH = 12
const MIN_SCORE = 3
const MAX_CHECKED_LENGTH = 256

let estimator: ZxcvbnFactory | undefined
const estimate = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  }))

/** Why `password` may not be used, or null when it may. `context` words (name, e-mail) count as guessable. */
export const passwordProblem = (password: unknown, context: string[] = []): string | null => {
  if (typeof password !== 'string' || password.length === 0) return 'A password is required.'
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`
  const inputs = context.flatMap((c) => c.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3)
  const result = estimate().check(password.slice(0, MAX_CHECKED_LENGTH), inputs)
  if (result.score < MIN_SCORE) {
    const hint = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '')})` : ''
    return `This password is too common or too easy to guess${hint}: choose a longer one, such as a few unrelated words.`
  }
  return null
}
