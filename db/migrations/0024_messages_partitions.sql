-- Messages and their recipients partitioned by month of created_at (docs/scaling.md#partitions), written by
-- hand: drizzle-kit does not declare partitioning. The schema files (db/schema/messages.ts,
-- message-refs.ts) describe the parent tables exactly, so `drizzle-kit generate` finds nothing to do.
-- The old tables are renamed, the partitioned ones created with the same names, columns and indexes (every
-- key now includes created_at), the rows copied and the old tables dropped. The job `message-partitions`
-- (lib/services/message-partitions.ts) then keeps the next months' partitions made and drops those past the
-- retention setting; the default partitions catch a row outside every month made, so an insert never fails.
ALTER TABLE "message_recipients" DROP CONSTRAINT "message_recipients_message_id_messages_id_fk";--> statement-breakpoint
ALTER TABLE "messages" RENAME TO "messages_unpartitioned";--> statement-breakpoint
ALTER TABLE "message_recipients" RENAME TO "message_recipients_unpartitioned";--> statement-breakpoint
DROP INDEX "message_recipients_pk";--> statement-breakpoint
DROP INDEX "message_recipients_phone_idx";--> statement-breakpoint
DROP INDEX "messages_client_created_idx";--> statement-breakpoint
DROP INDEX "messages_client_public_id_idx";--> statement-breakpoint
DROP INDEX "messages_reseller_created_idx";--> statement-breakpoint
DROP INDEX "messages_created_idx";--> statement-breakpoint
DROP INDEX "messages_pending_idx";--> statement-breakpoint
DROP INDEX "messages_processing_idx";--> statement-breakpoint
DROP INDEX "messages_claimed_by_idx";--> statement-breakpoint
DROP INDEX "messages_cancelling_idx";--> statement-breakpoint
DROP INDEX "messages_pending_valid_idx";--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text NOT NULL,
	"client_id" integer NOT NULL,
	"ref" text,
	"reseller_id" integer NOT NULL,
	"device_id" text,
	"claimed_by" text,
	"text" text NOT NULL,
	"recipient_count" integer NOT NULL,
	"segments" integer NOT NULL,
	"encoding" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"source" text NOT NULL,
	"with_delivery_report" boolean DEFAULT true NOT NULL,
	"sim_number" integer,
	"priority" integer DEFAULT 0 NOT NULL,
	"is_encrypted" boolean DEFAULT false NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"counts_toward_quota" boolean DEFAULT true NOT NULL,
	"error" text,
	"states" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_id_created_at_pk" PRIMARY KEY("id","created_at")
) PARTITION BY RANGE ("created_at");--> statement-breakpoint
CREATE TABLE "message_recipients" (
	"message_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"position" integer NOT NULL,
	"phone" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
) PARTITION BY RANGE ("created_at");--> statement-breakpoint
CREATE TABLE "message_refs" (
	"client_id" integer NOT NULL,
	"ref" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "message_refs_client_id_ref_pk" PRIMARY KEY("client_id","ref")
);--> statement-breakpoint
-- One partition per month from the oldest message's month to two months ahead (UTC month bounds), named
-- messages_pYYYY_MM and message_recipients_pYYYY_MM, and a default partition of each.
DO $$
DECLARE
	m timestamptz;
	last timestamptz := date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + interval '2 months';
	t text;
BEGIN
	SELECT coalesce(date_trunc('month', min(created_at) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
		date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') INTO m FROM messages_unpartitioned;
	WHILE m <= last LOOP
		FOREACH t IN ARRAY ARRAY['messages', 'message_recipients'] LOOP
			EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
				t || '_p' || to_char(m AT TIME ZONE 'UTC', 'YYYY_MM'), t,
				to_char(m AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ' 00:00:00+00',
				to_char((m AT TIME ZONE 'UTC') + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
		END LOOP;
		m := ((m AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
	END LOOP;
END $$;--> statement-breakpoint
CREATE TABLE "messages_default" PARTITION OF "messages" DEFAULT;--> statement-breakpoint
CREATE TABLE "message_recipients_default" PARTITION OF "message_recipients" DEFAULT;--> statement-breakpoint
INSERT INTO "messages" ("id", "client_id", "ref", "reseller_id", "device_id", "claimed_by", "text", "recipient_count", "segments",
	"encoding", "state", "source", "with_delivery_report", "sim_number", "priority", "is_encrypted", "valid_until",
	"counts_toward_quota", "error", "states", "created_at", "claimed_at", "updated_at")
SELECT "id", "client_id", "ref", "reseller_id", "device_id", "claimed_by", "text", "recipient_count", "segments",
	"encoding", "state", "source", "with_delivery_report", "sim_number", "priority", "is_encrypted", "valid_until",
	"counts_toward_quota", "error", "states", "created_at", "claimed_at", "updated_at"
FROM "messages_unpartitioned";--> statement-breakpoint
INSERT INTO "message_recipients" ("message_id", "created_at", "position", "phone", "state", "error", "updated_at")
SELECT r."message_id", m."created_at", r."position", r."phone", r."state", r."error", r."updated_at"
FROM "message_recipients_unpartitioned" r JOIN "messages_unpartitioned" m ON m."id" = r."message_id";--> statement-breakpoint
-- The ids callers chose (their own ref) or gave (our id made in advance: SMPP) keep refusing a repeat.
INSERT INTO "message_refs" ("client_id", "ref", "created_at")
SELECT "client_id", coalesce("ref", "id"), "created_at" FROM "messages_unpartitioned" WHERE "ref" IS NOT NULL OR "source" = 'smpp';--> statement-breakpoint
DROP TABLE "message_recipients_unpartitioned";--> statement-breakpoint
DROP TABLE "messages_unpartitioned";--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_refs" ADD CONSTRAINT "message_refs_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_recipients" ADD CONSTRAINT "message_recipients_message_fk" FOREIGN KEY ("message_id","created_at") REFERENCES "public"."messages"("id","created_at") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "message_recipients_pk" ON "message_recipients" USING btree ("message_id","created_at","position");--> statement-breakpoint
CREATE INDEX "message_recipients_phone_idx" ON "message_recipients" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "messages_client_created_idx" ON "messages" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_client_public_id_idx" ON "messages" USING btree ("client_id",coalesce("ref", "id"));--> statement-breakpoint
CREATE INDEX "messages_reseller_created_idx" ON "messages" USING btree ("reseller_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_created_idx" ON "messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "messages_pending_idx" ON "messages" USING btree ("client_id","created_at") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "messages_processing_idx" ON "messages" USING btree ("claimed_at") WHERE state = 'processing';--> statement-breakpoint
CREATE INDEX "messages_claimed_by_idx" ON "messages" USING btree ("claimed_by","created_at") WHERE state = 'processing';--> statement-breakpoint
CREATE INDEX "messages_cancelling_idx" ON "messages" USING btree ("claimed_by") WHERE state = 'cancelling';--> statement-breakpoint
CREATE INDEX "messages_pending_valid_idx" ON "messages" USING btree ("valid_until") WHERE state = 'pending';
