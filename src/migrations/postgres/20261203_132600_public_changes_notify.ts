import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Written by hand (triggers are not part of the schema drizzle compares, so there is no snapshot):
// every change record announces itself on the `public_changes` channel. PostgreSQL delivers a
// notification when the inserting transaction commits, and never for a rollback, so an instance
// that LISTENs (src/cache/changes.ts) reads the change log at the moment a change becomes
// visible instead of at its next poll; the poll stays as the fallback.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE OR REPLACE FUNCTION "public"."notify_public_change"() RETURNS trigger AS $$
  BEGIN
    PERFORM pg_notify('public_changes', NEW.id::text);
    RETURN NEW;
  END
  $$ LANGUAGE plpgsql;
  CREATE TRIGGER "public_changes_notify" AFTER INSERT ON "public"."public_changes"
    FOR EACH ROW EXECUTE FUNCTION "public"."notify_public_change"();`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS "public_changes_notify" ON "public"."public_changes";
  DROP FUNCTION IF EXISTS "public"."notify_public_change"();`)
}
