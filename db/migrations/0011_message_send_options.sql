ALTER TABLE "messages" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "is_encrypted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "messages_cancelling_idx" ON "messages" USING btree ("claimed_by") WHERE state = 'cancelling';