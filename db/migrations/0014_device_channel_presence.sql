ALTER TABLE "devices" ADD COLUMN "notification_channel" text DEFAULT 'SSE_ONLY' NOT NULL;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "online" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "devices_online_idx" ON "devices" USING btree ("last_seen_at") WHERE online;