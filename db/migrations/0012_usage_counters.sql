CREATE TABLE "usage_counters" (
	"client_id" integer NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_counters_client_id_kind_starts_at_pk" PRIMARY KEY("client_id","kind","starts_at")
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "ref" text;--> statement-breakpoint
ALTER TABLE "usage_counters" ADD CONSTRAINT "usage_counters_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_client_public_id_idx" ON "messages" USING btree ("client_id",coalesce("ref", "id"));
--> statement-breakpoint
-- The usage already on record, counted once, so that limits keep holding across the upgrade. Period
-- starts are kept to the millisecond, as the application computes them.
WITH tz AS (SELECT coalesce((SELECT value::jsonb #>> '{}' FROM settings WHERE key = 'time_zone'), 'Asia/Yangon') AS z),
m AS (
  SELECT m.client_id, m.created_at, m.recipient_count,
    date_trunc('milliseconds', coalesce((SELECT max(s.starts_at) FROM subscriptions s WHERE s.client_id = m.client_id
      AND s.starts_at <= m.created_at AND coalesce(s.canceled_at, s.ends_at) > m.created_at), c.created_at)) AS period_start
  FROM messages m JOIN clients c ON c.id = m.client_id WHERE m.counts_toward_quota
)
INSERT INTO usage_counters (client_id, kind, starts_at, used)
SELECT m.client_id, 'day', date_trunc('day', m.created_at AT TIME ZONE tz.z) AT TIME ZONE tz.z, sum(m.recipient_count) FROM m, tz GROUP BY 1, 3
UNION ALL
SELECT m.client_id, 'period', m.period_start, sum(m.recipient_count) FROM m GROUP BY 1, 3;
