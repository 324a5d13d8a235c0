/**
 * MongoDB's migrations: none. MongoDB has no schema to migrate, and its indexes (the collections'
 * own, the search text indexes) are made at start-up. This folder is `payload migrate`'s
 * migration directory on MongoDB (src/server/database.ts), so the CLI never runs the SQLite or
 * PostgreSQL migrations there. A data migration MongoDB needs one day goes here, written against
 * `@payloadcms/db-mongodb`'s MigrateUpArgs, and is listed below.
 */
import type { Migration } from 'payload'

export const migrations: Migration[] = []
