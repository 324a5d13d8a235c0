import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_publishedAt_idx\`;`)
  await db.run(
    sql`CREATE INDEX \`_status_publishedAt_createdAt_embargoUntil_idx\` ON \`press_releases\` (\`_status\`,\`published_at\`,\`created_at\`,\`embargo_until\`);`,
  )
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_idx\`;`)
  await db.run(
    sql`CREATE INDEX \`compound_index_idx\` ON \`_press_releases_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`,\`version_embargo_until\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_publishedAt_createdAt_embargoUntil_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_idx\` ON \`press_releases\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
  await db.run(
    sql`CREATE INDEX \`version__status_version_publishedAt_idx\` ON \`_press_releases_v\` (\`version__status\`,\`version_published_at\`);`,
  )
}
