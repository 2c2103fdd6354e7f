ALTER TABLE "inbound_messages" ADD COLUMN "kind" text DEFAULT 'sms' NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "event_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_device_event_idx" ON "inbound_messages" USING btree ("device_id","event_id");