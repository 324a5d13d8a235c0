import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_release_activity_action" ADD VALUE 'pre-briefed';
  ALTER TYPE "public"."enum_release_activity_action" ADD VALUE 'pre-briefing-revoked';
  ALTER TYPE "public"."enum_release_activity_action" ADD VALUE 'pre-briefing-viewed';
  CREATE TABLE "press_contacts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"outlet" varchar,
  	"email" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "pre_briefings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"release_id" integer,
  	"release_title" varchar,
  	"contact_id" integer,
  	"sent_by_id" integer,
  	"views" numeric DEFAULT 0,
  	"last_viewed_at" timestamp(3) with time zone,
  	"revoked_at" timestamp(3) with time zone,
  	"revoked_reason" varchar,
  	"token_hash" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "press_contacts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "pre_briefings_id" integer;
  ALTER TABLE "pre_briefings" ADD CONSTRAINT "pre_briefings_release_id_press_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."press_releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pre_briefings" ADD CONSTRAINT "pre_briefings_contact_id_press_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."press_contacts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pre_briefings" ADD CONSTRAINT "pre_briefings_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "press_contacts_email_idx" ON "press_contacts" USING btree ("email");
  CREATE INDEX "press_contacts_updated_at_idx" ON "press_contacts" USING btree ("updated_at");
  CREATE INDEX "press_contacts_created_at_idx" ON "press_contacts" USING btree ("created_at");
  CREATE INDEX "pre_briefings_release_idx" ON "pre_briefings" USING btree ("release_id");
  CREATE INDEX "pre_briefings_contact_idx" ON "pre_briefings" USING btree ("contact_id");
  CREATE INDEX "pre_briefings_sent_by_idx" ON "pre_briefings" USING btree ("sent_by_id");
  CREATE INDEX "pre_briefings_revoked_at_idx" ON "pre_briefings" USING btree ("revoked_at");
  CREATE UNIQUE INDEX "pre_briefings_token_hash_idx" ON "pre_briefings" USING btree ("token_hash");
  CREATE INDEX "pre_briefings_updated_at_idx" ON "pre_briefings" USING btree ("updated_at");
  CREATE INDEX "pre_briefings_created_at_idx" ON "pre_briefings" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_press_contacts_fk" FOREIGN KEY ("press_contacts_id") REFERENCES "public"."press_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pre_briefings_fk" FOREIGN KEY ("pre_briefings_id") REFERENCES "public"."pre_briefings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_press_contacts_id_idx" ON "payload_locked_documents_rels" USING btree ("press_contacts_id");
  CREATE INDEX "payload_locked_documents_rels_pre_briefings_id_idx" ON "payload_locked_documents_rels" USING btree ("pre_briefings_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "press_contacts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "pre_briefings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "press_contacts" CASCADE;
  DROP TABLE "pre_briefings" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_press_contacts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_pre_briefings_fk";
  
  ALTER TABLE "release_activity" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_release_activity_action";
  CREATE TYPE "public"."enum_release_activity_action" AS ENUM('created', 'edited', 'submitted', 'withdrawn', 'sent-back', 'published', 'scheduled', 'unscheduled', 'unpublished', 'became-public', 'deleted', 'imported', 'corrected');
  ALTER TABLE "release_activity" ALTER COLUMN "action" SET DATA TYPE "public"."enum_release_activity_action" USING "action"::"public"."enum_release_activity_action";
  DROP INDEX "payload_locked_documents_rels_press_contacts_id_idx";
  DROP INDEX "payload_locked_documents_rels_pre_briefings_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "press_contacts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "pre_briefings_id";`)
}
