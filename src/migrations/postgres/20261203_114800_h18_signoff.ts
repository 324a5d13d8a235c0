import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_release_activity_action" ADD VALUE 'signed-off';
  ALTER TYPE "public"."enum_release_activity_action" ADD VALUE 'sign-off-refused';
  CREATE TABLE "partners_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "_partners_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  ALTER TABLE "release_activity" ADD COLUMN "partner_id" integer;
  ALTER TABLE "release_activity" ADD COLUMN "version" varchar;
  ALTER TABLE "partners_rels" ADD CONSTRAINT "partners_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "partners_rels" ADD CONSTRAINT "partners_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_partners_v_rels" ADD CONSTRAINT "_partners_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_partners_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_partners_v_rels" ADD CONSTRAINT "_partners_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "partners_rels_order_idx" ON "partners_rels" USING btree ("order");
  CREATE INDEX "partners_rels_parent_idx" ON "partners_rels" USING btree ("parent_id");
  CREATE INDEX "partners_rels_path_idx" ON "partners_rels" USING btree ("path");
  CREATE INDEX "partners_rels_users_id_idx" ON "partners_rels" USING btree ("users_id");
  CREATE INDEX "_partners_v_rels_order_idx" ON "_partners_v_rels" USING btree ("order");
  CREATE INDEX "_partners_v_rels_parent_idx" ON "_partners_v_rels" USING btree ("parent_id");
  CREATE INDEX "_partners_v_rels_path_idx" ON "_partners_v_rels" USING btree ("path");
  CREATE INDEX "_partners_v_rels_users_id_idx" ON "_partners_v_rels" USING btree ("users_id");
  ALTER TABLE "release_activity" ADD CONSTRAINT "release_activity_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "release_activity_partner_idx" ON "release_activity" USING btree ("partner_id");
  CREATE INDEX "release_activity_version_idx" ON "release_activity" USING btree ("version");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "partners_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_partners_v_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "partners_rels" CASCADE;
  DROP TABLE "_partners_v_rels" CASCADE;
  ALTER TABLE "release_activity" DROP CONSTRAINT "release_activity_partner_id_partners_id_fk";
  
  ALTER TABLE "release_activity" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_release_activity_action";
  CREATE TYPE "public"."enum_release_activity_action" AS ENUM('created', 'edited', 'submitted', 'withdrawn', 'sent-back', 'published', 'scheduled', 'unscheduled', 'unpublished', 'became-public', 'deleted', 'imported', 'corrected');
  ALTER TABLE "release_activity" ALTER COLUMN "action" SET DATA TYPE "public"."enum_release_activity_action" USING "action"::"public"."enum_release_activity_action";
  DROP INDEX "release_activity_partner_idx";
  DROP INDEX "release_activity_version_idx";
  ALTER TABLE "release_activity" DROP COLUMN "partner_id";
  ALTER TABLE "release_activity" DROP COLUMN "version";`)
}
