CREATE TABLE "app_webhooks" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"device_id" text,
	"url" text NOT NULL,
	"event" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "app_webhooks" ADD CONSTRAINT "app_webhooks_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "app_webhooks_client_idx" ON "app_webhooks" USING btree ("client_id","created_at");