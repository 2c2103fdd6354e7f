CREATE TABLE "inbox_reads" (
	"client_id" integer NOT NULL,
	"phone" text NOT NULL,
	"last_read_id" bigint NOT NULL,
	CONSTRAINT "inbox_reads_client_id_phone_pk" PRIMARY KEY("client_id","phone")
);
--> statement-breakpoint
CREATE TABLE "keyword_settings" (
	"client_id" integer PRIMARY KEY NOT NULL,
	"keyword_limit" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "keywords" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "keywords_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"keyword" text NOT NULL,
	"reply" text,
	"group_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stop_words" (
	"client_id" integer NOT NULL,
	"word" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stop_words_client_id_word_pk" PRIMARY KEY("client_id","word")
);
--> statement-breakpoint
ALTER TABLE "inbox_reads" ADD CONSTRAINT "inbox_reads_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keyword_settings" ADD CONSTRAINT "keyword_settings_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keywords" ADD CONSTRAINT "keywords_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keywords" ADD CONSTRAINT "keywords_group_id_contact_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."contact_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stop_words" ADD CONSTRAINT "stop_words_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_reads_client_idx" ON "inbox_reads" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "keywords_client_keyword_idx" ON "keywords" USING btree ("client_id",upper("keyword"));--> statement-breakpoint
CREATE INDEX "inbound_client_phone_idx" ON "inbound_messages" USING btree ("client_id","phone","id");