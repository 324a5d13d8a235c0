import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_release_activity_action" ADD VALUE 'corrected';
  CREATE TABLE "press_releases_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "_press_releases_v_version_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  ALTER TABLE "press_releases_corrections" ADD CONSTRAINT "press_releases_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."press_releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_releases_v_version_corrections" ADD CONSTRAINT "_press_releases_v_version_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_press_releases_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "press_releases_corrections_order_idx" ON "press_releases_corrections" USING btree ("_order");
  CREATE INDEX "press_releases_corrections_parent_id_idx" ON "press_releases_corrections" USING btree ("_parent_id");
  CREATE INDEX "_press_releases_v_version_corrections_order_idx" ON "_press_releases_v_version_corrections" USING btree ("_order");
  CREATE INDEX "_press_releases_v_version_corrections_parent_id_idx" ON "_press_releases_v_version_corrections" USING btree ("_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "press_releases_corrections" CASCADE;
  DROP TABLE "_press_releases_v_version_corrections" CASCADE;
  ALTER TABLE "release_activity" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_release_activity_action";
  CREATE TYPE "public"."enum_release_activity_action" AS ENUM('created', 'edited', 'submitted', 'withdrawn', 'sent-back', 'published', 'scheduled', 'unscheduled', 'unpublished', 'became-public', 'deleted', 'imported');
  ALTER TABLE "release_activity" ALTER COLUMN "action" SET DATA TYPE "public"."enum_release_activity_action" USING "action"::"public"."enum_release_activity_action";`)
}
