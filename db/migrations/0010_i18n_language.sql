ALTER TABLE "resellers" ADD COLUMN "client_language" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "burmese_digits" boolean DEFAULT false NOT NULL;