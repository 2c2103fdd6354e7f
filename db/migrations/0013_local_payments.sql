CREATE TABLE "payment_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"reseller_id" integer,
	"method" text NOT NULL,
	"account_name" text NOT NULL,
	"account_number" text NOT NULL,
	"qr_image_id" integer,
	"instructions" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_images" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stored_images_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resellers" ADD COLUMN "support_viber" text;--> statement-breakpoint
ALTER TABLE "resellers" ADD COLUMN "support_telegram" text;--> statement-breakpoint
ALTER TABLE "topup_requests" ADD COLUMN "payment_account_id" integer;--> statement-breakpoint
ALTER TABLE "topup_requests" ADD COLUMN "slip_image_id" integer;--> statement-breakpoint
ALTER TABLE "payment_accounts" ADD CONSTRAINT "payment_accounts_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_accounts" ADD CONSTRAINT "payment_accounts_qr_image_id_stored_images_id_fk" FOREIGN KEY ("qr_image_id") REFERENCES "public"."stored_images"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_accounts_reseller_idx" ON "payment_accounts" USING btree ("reseller_id","id");--> statement-breakpoint
CREATE INDEX "payment_accounts_platform_idx" ON "payment_accounts" USING btree ("id") WHERE "payment_accounts"."reseller_id" is null;--> statement-breakpoint
CREATE INDEX "payment_accounts_qr_idx" ON "payment_accounts" USING btree ("qr_image_id");--> statement-breakpoint
ALTER TABLE "topup_requests" ADD CONSTRAINT "topup_requests_payment_account_id_payment_accounts_id_fk" FOREIGN KEY ("payment_account_id") REFERENCES "public"."payment_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topup_requests" ADD CONSTRAINT "topup_requests_slip_image_id_stored_images_id_fk" FOREIGN KEY ("slip_image_id") REFERENCES "public"."stored_images"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "topup_requests_slip_idx" ON "topup_requests" USING btree ("slip_image_id");