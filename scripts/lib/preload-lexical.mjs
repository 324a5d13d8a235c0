/**
 * Preloads the lexical packages one at a time, dependencies first. Used with `node --import`
 * for command-line tools that load the Payload config under tsx (the payload CLI, the seeder).
 *
 * Lexical's Node entry points (`*.node.mjs`) use top-level await around a dynamic import and
 * import one another. Loaded all at once through tsx's ESM loader on Node 20, that graph
 * sometimes never finishes evaluating and the process exits 0 having done nothing (more often
 * while tsx still has files to compile). Imported in order beforehand, they are fully evaluated
 * by the time the config needs them. The Next.js server bundles its code and is not affected.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const readPackage = (name) => {
  const file = path.join(process.cwd(), 'node_modules', name, 'package.json')
  if (!existsSync(file)) return null
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

const lexicalDependencies = (pkg) =>
  Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).filter(
    (name) => name === 'lexical' || name.startsWith('@lexical/'),
  )

const loadOrder = () => {
  const root = readPackage('@payloadcms/richtext-lexical')
  if (!root) return []
  const order = []
  const seen = new Set()
  const visit = (name) => {
    if (seen.has(name)) return
    seen.add(name)
    const pkg = readPackage(name)
    if (!pkg) return
    for (const dependency of lexicalDependencies(pkg)) visit(dependency)
    order.push(name)
  }
  for (const dependency of lexicalDependencies(root)) visit(dependency)
  return order
}

for (const name of loadOrder()) {
  try {
    await import(name)
  } catch {
    // No root entry point (e.g. @lexical/react has subpaths only) or an optional peer is
    // missing: nothing to preload, and the config loads what it needs itself.
  }
}
