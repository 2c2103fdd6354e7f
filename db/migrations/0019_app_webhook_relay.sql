ALTER TABLE "webhook_deliveries" ALTER COLUMN "webhook_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "app_webhook_id" text;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_app_webhook_id_app_webhooks_id_fk" FOREIGN KEY ("app_webhook_id") REFERENCES "public"."app_webhooks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_app_webhook_idx" ON "webhook_deliveries" USING btree ("app_webhook_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_app_event_idx" ON "webhook_deliveries" USING btree ("app_webhook_id",("payload"->>'id')) WHERE app_webhook_id is not null;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_target_check" CHECK (num_nonnulls(webhook_id, app_webhook_id) = 1);