/**
 * Quotes, milestones and events get drafts, versions and review; the audit trail names its
 * collection. Generated, then corrected by hand: drizzle-kit took the events' new `_status` for
 * a rename of `status`, whose enum had the same default name (`status` now has its own,
 * `enum_events_event_status`), and existing quotes, milestones and events stay public
 * (`_status = 'published'`), as the SQLite migration keeps them.
 */
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_quotes_review_status" AS ENUM('in_progress', 'awaiting_review', 'changes_requested', 'approved');
  CREATE TYPE "public"."enum_quotes_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__quotes_v_version_provenance" AS ENUM('verbatim', 'paraphrase');
  CREATE TYPE "public"."enum__quotes_v_version_date_precision" AS ENUM('day', 'month', 'year', 'approximate');
  CREATE TYPE "public"."enum__quotes_v_version_review_status" AS ENUM('in_progress', 'awaiting_review', 'changes_requested', 'approved');
  CREATE TYPE "public"."enum__quotes_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_milestones_review_status" AS ENUM('in_progress', 'awaiting_review', 'changes_requested', 'approved');
  CREATE TYPE "public"."enum_milestones_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__milestones_v_version_kind" AS ENUM('membership', 'designation', 'launch', 'agreement', 'site-opening', 'other');
  CREATE TYPE "public"."enum__milestones_v_version_date_precision" AS ENUM('day', 'month', 'year', 'approximate');
  CREATE TYPE "public"."enum__milestones_v_version_review_status" AS ENUM('in_progress', 'awaiting_review', 'changes_requested', 'approved');
  CREATE TYPE "public"."enum__milestones_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_events_event_status" AS ENUM('scheduled', 'cancelled');
  CREATE TYPE "public"."enum_events_review_status" AS ENUM('in_progress', 'awaiting_review', 'changes_requested', 'approved');
  CREATE TYPE "public"."enum__events_v_version_event_status" AS ENUM('scheduled', 'cancelled');
  CREATE TYPE "public"."enum__events_v_version_review_status" AS ENUM('in_progress', 'awaiting_review', 'changes_requested', 'approved');
  CREATE TYPE "public"."enum__events_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_release_activity_subject_type" AS ENUM('press-releases', 'quotes', 'milestones', 'events');
  CREATE TABLE "_quotes_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_text" varchar,
  	"version_speaker_name" varchar,
  	"version_speaker_title" varchar,
  	"version_speaker_organization" varchar,
  	"version_partner_id" integer,
  	"version_provenance" "enum__quotes_v_version_provenance" DEFAULT 'verbatim',
  	"version_date" timestamp(3) with time zone,
  	"version_date_precision" "enum__quotes_v_version_date_precision" DEFAULT 'day',
  	"version_date_source" varchar,
  	"version_release_id" integer,
  	"version_review_status" "enum__quotes_v_version_review_status" DEFAULT 'in_progress',
  	"version_review_comment" varchar,
  	"version_submitted_by_id" integer,
  	"version_submitted_at" timestamp(3) with time zone,
  	"version_source_url" varchar,
  	"version_label" varchar,
  	"version_slug" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__quotes_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_quotes_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"topics_id" integer
  );
  
  CREATE TABLE "_milestones_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_date" timestamp(3) with time zone,
  	"version_kind" "enum__milestones_v_version_kind",
  	"version_date_precision" "enum__milestones_v_version_date_precision" DEFAULT 'day',
  	"version_date_source" varchar,
  	"version_is_first" boolean DEFAULT false,
  	"version_summary" varchar,
  	"version_announced_in_id" integer,
  	"version_review_status" "enum__milestones_v_version_review_status" DEFAULT 'in_progress',
  	"version_review_comment" varchar,
  	"version_submitted_by_id" integer,
  	"version_submitted_at" timestamp(3) with time zone,
  	"version_feed_id" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__milestones_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_milestones_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"partners_id" integer
  );
  
  CREATE TABLE "_events_v_version_previous_slugs" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_events_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_status" "enum__events_v_version_event_status" DEFAULT 'scheduled',
  	"version_start" timestamp(3) with time zone,
  	"version_end" timestamp(3) with time zone,
  	"version_time_zone" varchar DEFAULT 'America/New_York',
  	"version_summary" varchar,
  	"version_description" jsonb,
  	"version_venue_name" varchar,
  	"version_venue_address" varchar,
  	"version_venue_city" varchar,
  	"version_venue_region" varchar,
  	"version_venue_postal_code" varchar,
  	"version_venue_country" varchar DEFAULT 'US',
  	"version_online_url" varchar,
  	"version_registration_url" varchar,
  	"version_registration_deadline" timestamp(3) with time zone,
  	"version_image_id" integer,
  	"version_sequence" numeric DEFAULT 0,
  	"version_review_status" "enum__events_v_version_review_status" DEFAULT 'in_progress',
  	"version_review_comment" varchar,
  	"version_submitted_by_id" integer,
  	"version_submitted_at" timestamp(3) with time zone,
  	"version_feed_id" varchar,
  	"version_meta_title" varchar,
  	"version_meta_description" varchar,
  	"version_meta_image_id" integer,
  	"version_meta_no_index" boolean DEFAULT false,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__events_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_events_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"partners_id" integer
  );
  
  ALTER TABLE "quotes" ALTER COLUMN "text" DROP NOT NULL;
  ALTER TABLE "quotes" ALTER COLUMN "speaker_name" DROP NOT NULL;
  ALTER TABLE "quotes" ALTER COLUMN "provenance" DROP NOT NULL;
  ALTER TABLE "milestones" ALTER COLUMN "title" DROP NOT NULL;
  ALTER TABLE "milestones" ALTER COLUMN "date" DROP NOT NULL;
  ALTER TABLE "milestones" ALTER COLUMN "kind" DROP NOT NULL;
  ALTER TABLE "events" ALTER COLUMN "title" DROP NOT NULL;
  ALTER TABLE "events" ALTER COLUMN "status" DROP DEFAULT;
  ALTER TABLE "events" ALTER COLUMN "status" SET DATA TYPE "public"."enum_events_event_status" USING "status"::text::"public"."enum_events_event_status";
  ALTER TABLE "events" ALTER COLUMN "status" SET DEFAULT 'scheduled';
  DROP TYPE "public"."enum_events_status";
  CREATE TYPE "public"."enum_events_status" AS ENUM('draft', 'published');
  ALTER TABLE "events" ALTER COLUMN "status" DROP NOT NULL;
  ALTER TABLE "events" ALTER COLUMN "start" DROP NOT NULL;
  ALTER TABLE "events" ALTER COLUMN "time_zone" DROP NOT NULL;
  ALTER TABLE "quotes" ADD COLUMN "review_status" "enum_quotes_review_status" DEFAULT 'in_progress';
  ALTER TABLE "quotes" ADD COLUMN "review_comment" varchar;
  ALTER TABLE "quotes" ADD COLUMN "submitted_by_id" integer;
  ALTER TABLE "quotes" ADD COLUMN "submitted_at" timestamp(3) with time zone;
  ALTER TABLE "quotes" ADD COLUMN "_status" "enum_quotes_status" DEFAULT 'draft';
  ALTER TABLE "milestones" ADD COLUMN "review_status" "enum_milestones_review_status" DEFAULT 'in_progress';
  ALTER TABLE "milestones" ADD COLUMN "review_comment" varchar;
  ALTER TABLE "milestones" ADD COLUMN "submitted_by_id" integer;
  ALTER TABLE "milestones" ADD COLUMN "submitted_at" timestamp(3) with time zone;
  ALTER TABLE "milestones" ADD COLUMN "_status" "enum_milestones_status" DEFAULT 'draft';
  ALTER TABLE "events" ADD COLUMN "review_status" "enum_events_review_status" DEFAULT 'in_progress';
  ALTER TABLE "events" ADD COLUMN "review_comment" varchar;
  ALTER TABLE "events" ADD COLUMN "submitted_by_id" integer;
  ALTER TABLE "events" ADD COLUMN "submitted_at" timestamp(3) with time zone;
  ALTER TABLE "events" ADD COLUMN "_status" "enum_events_status" DEFAULT 'draft';
  ALTER TABLE "release_activity" ADD COLUMN "subject_type" "enum_release_activity_subject_type" DEFAULT 'press-releases';
  ALTER TABLE "release_activity" ADD COLUMN "quote_id" integer;
  ALTER TABLE "release_activity" ADD COLUMN "milestone_id" integer;
  ALTER TABLE "release_activity" ADD COLUMN "event_id" integer;
  UPDATE "quotes" SET "_status" = 'published';
  UPDATE "milestones" SET "_status" = 'published';
  UPDATE "events" SET "_status" = 'published';
  ALTER TABLE "_quotes_v" ADD CONSTRAINT "_quotes_v_parent_id_quotes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."quotes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_quotes_v" ADD CONSTRAINT "_quotes_v_version_partner_id_partners_id_fk" FOREIGN KEY ("version_partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_quotes_v" ADD CONSTRAINT "_quotes_v_version_release_id_press_releases_id_fk" FOREIGN KEY ("version_release_id") REFERENCES "public"."press_releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_quotes_v" ADD CONSTRAINT "_quotes_v_version_submitted_by_id_users_id_fk" FOREIGN KEY ("version_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_quotes_v_rels" ADD CONSTRAINT "_quotes_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_quotes_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_quotes_v_rels" ADD CONSTRAINT "_quotes_v_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_milestones_v" ADD CONSTRAINT "_milestones_v_parent_id_milestones_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."milestones"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_milestones_v" ADD CONSTRAINT "_milestones_v_version_announced_in_id_press_releases_id_fk" FOREIGN KEY ("version_announced_in_id") REFERENCES "public"."press_releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_milestones_v" ADD CONSTRAINT "_milestones_v_version_submitted_by_id_users_id_fk" FOREIGN KEY ("version_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_milestones_v_rels" ADD CONSTRAINT "_milestones_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_milestones_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_milestones_v_rels" ADD CONSTRAINT "_milestones_v_rels_partners_fk" FOREIGN KEY ("partners_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_version_previous_slugs" ADD CONSTRAINT "_events_v_version_previous_slugs_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_parent_id_events_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_version_image_id_media_id_fk" FOREIGN KEY ("version_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_version_submitted_by_id_users_id_fk" FOREIGN KEY ("version_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_version_meta_image_id_media_id_fk" FOREIGN KEY ("version_meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v_rels" ADD CONSTRAINT "_events_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_rels" ADD CONSTRAINT "_events_v_rels_partners_fk" FOREIGN KEY ("partners_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "_quotes_v_parent_idx" ON "_quotes_v" USING btree ("parent_id");
  CREATE INDEX "_quotes_v_version_version_partner_idx" ON "_quotes_v" USING btree ("version_partner_id");
  CREATE INDEX "_quotes_v_version_version_release_idx" ON "_quotes_v" USING btree ("version_release_id");
  CREATE INDEX "_quotes_v_version_version_review_status_idx" ON "_quotes_v" USING btree ("version_review_status");
  CREATE INDEX "_quotes_v_version_version_submitted_by_idx" ON "_quotes_v" USING btree ("version_submitted_by_id");
  CREATE INDEX "_quotes_v_version_version_slug_idx" ON "_quotes_v" USING btree ("version_slug");
  CREATE INDEX "_quotes_v_version_version_updated_at_idx" ON "_quotes_v" USING btree ("version_updated_at");
  CREATE INDEX "_quotes_v_version_version_created_at_idx" ON "_quotes_v" USING btree ("version_created_at");
  CREATE INDEX "_quotes_v_version_version__status_idx" ON "_quotes_v" USING btree ("version__status");
  CREATE INDEX "_quotes_v_created_at_idx" ON "_quotes_v" USING btree ("created_at");
  CREATE INDEX "_quotes_v_updated_at_idx" ON "_quotes_v" USING btree ("updated_at");
  CREATE INDEX "_quotes_v_latest_idx" ON "_quotes_v" USING btree ("latest");
  CREATE INDEX "_quotes_v_rels_order_idx" ON "_quotes_v_rels" USING btree ("order");
  CREATE INDEX "_quotes_v_rels_parent_idx" ON "_quotes_v_rels" USING btree ("parent_id");
  CREATE INDEX "_quotes_v_rels_path_idx" ON "_quotes_v_rels" USING btree ("path");
  CREATE INDEX "_quotes_v_rels_topics_id_idx" ON "_quotes_v_rels" USING btree ("topics_id");
  CREATE INDEX "_milestones_v_parent_idx" ON "_milestones_v" USING btree ("parent_id");
  CREATE INDEX "_milestones_v_version_version_slug_idx" ON "_milestones_v" USING btree ("version_slug");
  CREATE INDEX "_milestones_v_version_version_date_idx" ON "_milestones_v" USING btree ("version_date");
  CREATE INDEX "_milestones_v_version_version_announced_in_idx" ON "_milestones_v" USING btree ("version_announced_in_id");
  CREATE INDEX "_milestones_v_version_version_review_status_idx" ON "_milestones_v" USING btree ("version_review_status");
  CREATE INDEX "_milestones_v_version_version_submitted_by_idx" ON "_milestones_v" USING btree ("version_submitted_by_id");
  CREATE INDEX "_milestones_v_version_version_feed_id_idx" ON "_milestones_v" USING btree ("version_feed_id");
  CREATE INDEX "_milestones_v_version_version_updated_at_idx" ON "_milestones_v" USING btree ("version_updated_at");
  CREATE INDEX "_milestones_v_version_version_created_at_idx" ON "_milestones_v" USING btree ("version_created_at");
  CREATE INDEX "_milestones_v_version_version__status_idx" ON "_milestones_v" USING btree ("version__status");
  CREATE INDEX "_milestones_v_created_at_idx" ON "_milestones_v" USING btree ("created_at");
  CREATE INDEX "_milestones_v_updated_at_idx" ON "_milestones_v" USING btree ("updated_at");
  CREATE INDEX "_milestones_v_latest_idx" ON "_milestones_v" USING btree ("latest");
  CREATE INDEX "_milestones_v_rels_order_idx" ON "_milestones_v_rels" USING btree ("order");
  CREATE INDEX "_milestones_v_rels_parent_idx" ON "_milestones_v_rels" USING btree ("parent_id");
  CREATE INDEX "_milestones_v_rels_path_idx" ON "_milestones_v_rels" USING btree ("path");
  CREATE INDEX "_milestones_v_rels_partners_id_idx" ON "_milestones_v_rels" USING btree ("partners_id");
  CREATE INDEX "_events_v_version_previous_slugs_order_idx" ON "_events_v_version_previous_slugs" USING btree ("_order");
  CREATE INDEX "_events_v_version_previous_slugs_parent_id_idx" ON "_events_v_version_previous_slugs" USING btree ("_parent_id");
  CREATE INDEX "_events_v_parent_idx" ON "_events_v" USING btree ("parent_id");
  CREATE INDEX "_events_v_version_version_slug_idx" ON "_events_v" USING btree ("version_slug");
  CREATE INDEX "_events_v_version_version_start_idx" ON "_events_v" USING btree ("version_start");
  CREATE INDEX "_events_v_version_version_image_idx" ON "_events_v" USING btree ("version_image_id");
  CREATE INDEX "_events_v_version_version_review_status_idx" ON "_events_v" USING btree ("version_review_status");
  CREATE INDEX "_events_v_version_version_submitted_by_idx" ON "_events_v" USING btree ("version_submitted_by_id");
  CREATE INDEX "_events_v_version_version_feed_id_idx" ON "_events_v" USING btree ("version_feed_id");
  CREATE INDEX "_events_v_version_meta_version_meta_image_idx" ON "_events_v" USING btree ("version_meta_image_id");
  CREATE INDEX "_events_v_version_version_updated_at_idx" ON "_events_v" USING btree ("version_updated_at");
  CREATE INDEX "_events_v_version_version_created_at_idx" ON "_events_v" USING btree ("version_created_at");
  CREATE INDEX "_events_v_version_version__status_idx" ON "_events_v" USING btree ("version__status");
  CREATE INDEX "_events_v_created_at_idx" ON "_events_v" USING btree ("created_at");
  CREATE INDEX "_events_v_updated_at_idx" ON "_events_v" USING btree ("updated_at");
  CREATE INDEX "_events_v_latest_idx" ON "_events_v" USING btree ("latest");
  CREATE INDEX "_events_v_rels_order_idx" ON "_events_v_rels" USING btree ("order");
  CREATE INDEX "_events_v_rels_parent_idx" ON "_events_v_rels" USING btree ("parent_id");
  CREATE INDEX "_events_v_rels_path_idx" ON "_events_v_rels" USING btree ("path");
  CREATE INDEX "_events_v_rels_partners_id_idx" ON "_events_v_rels" USING btree ("partners_id");
  ALTER TABLE "quotes" ADD CONSTRAINT "quotes_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "milestones" ADD CONSTRAINT "milestones_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "release_activity" ADD CONSTRAINT "release_activity_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "release_activity" ADD CONSTRAINT "release_activity_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "release_activity" ADD CONSTRAINT "release_activity_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "quotes_review_status_idx" ON "quotes" USING btree ("review_status");
  CREATE INDEX "quotes_submitted_by_idx" ON "quotes" USING btree ("submitted_by_id");
  CREATE INDEX "quotes__status_idx" ON "quotes" USING btree ("_status");
  CREATE INDEX "milestones_review_status_idx" ON "milestones" USING btree ("review_status");
  CREATE INDEX "milestones_submitted_by_idx" ON "milestones" USING btree ("submitted_by_id");
  CREATE INDEX "milestones__status_idx" ON "milestones" USING btree ("_status");
  CREATE INDEX "events_review_status_idx" ON "events" USING btree ("review_status");
  CREATE INDEX "events_submitted_by_idx" ON "events" USING btree ("submitted_by_id");
  CREATE INDEX "events__status_idx" ON "events" USING btree ("_status");
  CREATE INDEX "release_activity_subject_type_idx" ON "release_activity" USING btree ("subject_type");
  CREATE INDEX "release_activity_quote_idx" ON "release_activity" USING btree ("quote_id");
  CREATE INDEX "release_activity_milestone_idx" ON "release_activity" USING btree ("milestone_id");
  CREATE INDEX "release_activity_event_idx" ON "release_activity" USING btree ("event_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "_quotes_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_quotes_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_milestones_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_milestones_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_version_previous_slugs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "_quotes_v" CASCADE;
  DROP TABLE "_quotes_v_rels" CASCADE;
  DROP TABLE "_milestones_v" CASCADE;
  DROP TABLE "_milestones_v_rels" CASCADE;
  DROP TABLE "_events_v_version_previous_slugs" CASCADE;
  DROP TABLE "_events_v" CASCADE;
  DROP TABLE "_events_v_rels" CASCADE;
  ALTER TABLE "quotes" DROP CONSTRAINT "quotes_submitted_by_id_users_id_fk";
  
  ALTER TABLE "milestones" DROP CONSTRAINT "milestones_submitted_by_id_users_id_fk";
  
  ALTER TABLE "events" DROP CONSTRAINT "events_submitted_by_id_users_id_fk";
  
  ALTER TABLE "release_activity" DROP CONSTRAINT "release_activity_quote_id_quotes_id_fk";
  
  ALTER TABLE "release_activity" DROP CONSTRAINT "release_activity_milestone_id_milestones_id_fk";
  
  ALTER TABLE "release_activity" DROP CONSTRAINT "release_activity_event_id_events_id_fk";
  
  ALTER TABLE "events" DROP COLUMN IF EXISTS "_status";
  DROP TYPE "public"."enum_events_status";
  CREATE TYPE "public"."enum_events_status" AS ENUM('scheduled', 'cancelled');
  DROP INDEX "quotes_review_status_idx";
  DROP INDEX "quotes_submitted_by_idx";
  DROP INDEX "quotes__status_idx";
  DROP INDEX "milestones_review_status_idx";
  DROP INDEX "milestones_submitted_by_idx";
  DROP INDEX "milestones__status_idx";
  DROP INDEX "events_review_status_idx";
  DROP INDEX "events_submitted_by_idx";
  DROP INDEX "events__status_idx";
  DROP INDEX "release_activity_subject_type_idx";
  DROP INDEX "release_activity_quote_idx";
  DROP INDEX "release_activity_milestone_idx";
  DROP INDEX "release_activity_event_idx";
  ALTER TABLE "quotes" ALTER COLUMN "text" SET NOT NULL;
  ALTER TABLE "quotes" ALTER COLUMN "speaker_name" SET NOT NULL;
  ALTER TABLE "quotes" ALTER COLUMN "provenance" SET NOT NULL;
  ALTER TABLE "milestones" ALTER COLUMN "title" SET NOT NULL;
  ALTER TABLE "milestones" ALTER COLUMN "date" SET NOT NULL;
  ALTER TABLE "milestones" ALTER COLUMN "kind" SET NOT NULL;
  ALTER TABLE "events" ALTER COLUMN "title" SET NOT NULL;
  ALTER TABLE "events" ALTER COLUMN "status" DROP DEFAULT;
  ALTER TABLE "events" ALTER COLUMN "status" SET DATA TYPE "public"."enum_events_status" USING "status"::text::"public"."enum_events_status";
  ALTER TABLE "events" ALTER COLUMN "status" SET DEFAULT 'scheduled';
  ALTER TABLE "events" ALTER COLUMN "status" SET NOT NULL;
  ALTER TABLE "events" ALTER COLUMN "start" SET NOT NULL;
  ALTER TABLE "events" ALTER COLUMN "time_zone" SET NOT NULL;
  ALTER TABLE "quotes" DROP COLUMN "review_status";
  ALTER TABLE "quotes" DROP COLUMN "review_comment";
  ALTER TABLE "quotes" DROP COLUMN "submitted_by_id";
  ALTER TABLE "quotes" DROP COLUMN "submitted_at";
  ALTER TABLE "quotes" DROP COLUMN "_status";
  ALTER TABLE "milestones" DROP COLUMN "review_status";
  ALTER TABLE "milestones" DROP COLUMN "review_comment";
  ALTER TABLE "milestones" DROP COLUMN "submitted_by_id";
  ALTER TABLE "milestones" DROP COLUMN "submitted_at";
  ALTER TABLE "milestones" DROP COLUMN "_status";
  ALTER TABLE "events" DROP COLUMN "review_status";
  ALTER TABLE "events" DROP COLUMN "review_comment";
  ALTER TABLE "events" DROP COLUMN "submitted_by_id";
  ALTER TABLE "events" DROP COLUMN "submitted_at";
  ALTER TABLE "events" DROP COLUMN IF EXISTS "_status";
  ALTER TABLE "release_activity" DROP COLUMN "subject_type";
  ALTER TABLE "release_activity" DROP COLUMN "quote_id";
  ALTER TABLE "release_activity" DROP COLUMN "milestone_id";
  ALTER TABLE "release_activity" DROP COLUMN "event_id";
  DROP TYPE "public"."enum_quotes_review_status";
  DROP TYPE "public"."enum_quotes_status";
  DROP TYPE "public"."enum__quotes_v_version_provenance";
  DROP TYPE "public"."enum__quotes_v_version_date_precision";
  DROP TYPE "public"."enum__quotes_v_version_review_status";
  DROP TYPE "public"."enum__quotes_v_version_status";
  DROP TYPE "public"."enum_milestones_review_status";
  DROP TYPE "public"."enum_milestones_status";
  DROP TYPE "public"."enum__milestones_v_version_kind";
  DROP TYPE "public"."enum__milestones_v_version_date_precision";
  DROP TYPE "public"."enum__milestones_v_version_review_status";
  DROP TYPE "public"."enum__milestones_v_version_status";
  DROP TYPE "public"."enum_events_event_status";
  DROP TYPE "public"."enum_events_review_status";
  DROP TYPE "public"."enum__events_v_version_event_status";
  DROP TYPE "public"."enum__events_v_version_review_status";
  DROP TYPE "public"."enum__events_v_version_status";
  DROP TYPE "public"."enum_release_activity_subject_type";`)
}
