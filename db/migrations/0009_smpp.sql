CREATE TABLE "smpp_accounts" (
	"client_id" integer PRIMARY KEY NOT NULL,
	"system_id" text NOT NULL,
	"password_hash" text NOT NULL,
	"allowed_ips" text[] DEFAULT '{}'::text[] NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "smpp_binds" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"instance_id" text NOT NULL,
	"mode" text NOT NULL,
	"remote_ip" text NOT NULL,
	"system_type" text DEFAULT '' NOT NULL,
	"tls" boolean DEFAULT false NOT NULL,
	"submitted" integer DEFAULT 0 NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	"bound_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "smpp_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "smpp_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "smpp_parts" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"message_id" text,
	"dedupe_key" text NOT NULL,
	"concat_key" text,
	"part_no" smallint DEFAULT 1 NOT NULL,
	"part_total" smallint DEFAULT 1 NOT NULL,
	"content" text NOT NULL,
	"data_coding" smallint DEFAULT 0 NOT NULL,
	"shift_table" smallint DEFAULT 0 NOT NULL,
	"registered_delivery" smallint DEFAULT 0 NOT NULL,
	"source_addr" text DEFAULT '' NOT NULL,
	"source_ton" smallint DEFAULT 0 NOT NULL,
	"source_npi" smallint DEFAULT 0 NOT NULL,
	"dest_addr" text NOT NULL,
	"dest_ton" smallint DEFAULT 0 NOT NULL,
	"dest_npi" smallint DEFAULT 0 NOT NULL,
	"valid_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "packages" ADD COLUMN "smpp_throughput" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "packages" ADD COLUMN "smpp_max_binds" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "smpp_throughput" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "smpp_max_binds" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "smpp_accounts" ADD CONSTRAINT "smpp_accounts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smpp_binds" ADD CONSTRAINT "smpp_binds_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smpp_outbox" ADD CONSTRAINT "smpp_outbox_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smpp_parts" ADD CONSTRAINT "smpp_parts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "smpp_accounts_system_id_idx" ON "smpp_accounts" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "smpp_binds_client_idx" ON "smpp_binds" USING btree ("client_id","last_seen_at");--> statement-breakpoint
CREATE INDEX "smpp_binds_seen_idx" ON "smpp_binds" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "smpp_outbox_client_idx" ON "smpp_outbox" USING btree ("client_id","available_at","id");--> statement-breakpoint
CREATE INDEX "smpp_outbox_created_idx" ON "smpp_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "smpp_parts_dedupe_idx" ON "smpp_parts" USING btree ("client_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "smpp_parts_message_idx" ON "smpp_parts" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "smpp_parts_waiting_idx" ON "smpp_parts" USING btree ("client_id","concat_key") WHERE message_id is null;--> statement-breakpoint
CREATE INDEX "smpp_parts_created_idx" ON "smpp_parts" USING btree ("created_at");