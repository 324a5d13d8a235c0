import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "_status_publishedAt_idx";
  DROP INDEX "version__status_version_publishedAt_idx";
  CREATE INDEX "_status_publishedAt_createdAt_embargoUntil_idx" ON "press_releases" USING btree ("_status","published_at","created_at","embargo_until");
  CREATE INDEX "compound_index_idx" ON "_press_releases_v" USING btree ("version__status","version_published_at","version_created_at","version_embargo_until");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "_status_publishedAt_createdAt_embargoUntil_idx";
  DROP INDEX "compound_index_idx";
  CREATE INDEX "_status_publishedAt_idx" ON "press_releases" USING btree ("_status","published_at");
  CREATE INDEX "version__status_version_publishedAt_idx" ON "_press_releases_v" USING btree ("version__status","version_published_at");`)
}
