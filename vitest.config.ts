import path from 'node:path'

import { defineConfig } from 'vitest/config'

const alias = [
  { find: '@payload-config', replacement: path.resolve(import.meta.dirname, 'payload.config.ts') },
  { find: /^@\//, replacement: `${path.resolve(import.meta.dirname, 'src')}/` },
  // The CommonJS build Node loads for Payload's GraphQL, not the ESM one Vite prefers: one
  // `graphql` instance, as in production where Next.js keeps `graphql` external.
  { find: /^graphql$/, replacement: path.resolve(import.meta.dirname, 'node_modules/graphql/index.js') },
]

export default defineConfig({
  resolve: { alias },
  test: {
    // Every test file runs in its own process with its own temporary database.
    pool: 'forks',
    isolate: true,
    env: { PAYLOAD_JOBS_AUTORUN: 'false', SEED_DEMO: 'false', NEXT_TELEMETRY_DISABLED: '1' },
    projects: [
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One production server at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
})
