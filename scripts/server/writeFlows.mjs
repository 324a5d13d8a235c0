// Which flow of work (an HTTP request, a local API call) a database write comes from, so that the
// embedded database's writes can take turns without a flow ever waiting for itself
// (src/server/writeTurns.ts). One AsyncLocalStorage for the process: the HTTP server
// (scripts/serve.mjs) and the bundled Next.js code each load this file, so it lives on globalThis.
import { AsyncLocalStorage } from 'node:async_hooks'

const KEY = Symbol.for('newsroom.writeFlows')

/** @returns {AsyncLocalStorage<{ held: unknown, parent: unknown }>} */
export const writeFlows = () => (globalThis[KEY] ??= new AsyncLocalStorage())

/** Runs `fn` as a flow of its own, inside the current one (if any). */
export const inWriteFlow = (fn) => writeFlows().run({ held: null, parent: writeFlows().getStore() ?? null }, fn)
