import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_public_changes_reason" AS ENUM('change', 'delete', 'scheduled');
  CREATE TABLE "public_changes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"collection_slug" varchar NOT NULL,
  	"document_id" varchar,
  	"reason" "enum_public_changes_reason" NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "public_changes_id" integer;
  CREATE INDEX "public_changes_updated_at_idx" ON "public_changes" USING btree ("updated_at");
  CREATE INDEX "public_changes_created_at_idx" ON "public_changes" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_public_changes_fk" FOREIGN KEY ("public_changes_id") REFERENCES "public"."public_changes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_public_changes_id_idx" ON "payload_locked_documents_rels" USING btree ("public_changes_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "public_changes" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "public_changes" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_public_changes_fk";
  
  DROP INDEX "payload_locked_documents_rels_public_changes_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "public_changes_id";
  DROP TYPE "public"."enum_public_changes_reason";`)
}
