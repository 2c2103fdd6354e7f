CREATE TABLE "reseller_prices" (
	"reseller_id" integer NOT NULL,
	"package_id" integer NOT NULL,
	"retail_price" bigint NOT NULL,
	"display_name" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reseller_prices_reseller_id_package_id_pk" PRIMARY KEY("reseller_id","package_id")
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "username" text;--> statement-breakpoint
ALTER TABLE "resellers" ADD COLUMN "brand_name" text;--> statement-breakpoint
ALTER TABLE "resellers" ADD COLUMN "brand_color" text;--> statement-breakpoint
ALTER TABLE "resellers" ADD COLUMN "logo_data" text;--> statement-breakpoint
ALTER TABLE "resellers" ADD COLUMN "logo_type" text;--> statement-breakpoint
ALTER TABLE "resellers" ADD COLUMN "logo_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "resellers" ADD COLUMN "support_email" text;--> statement-breakpoint
ALTER TABLE "resellers" ADD COLUMN "support_phone" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "retail_price" bigint;--> statement-breakpoint
ALTER TABLE "reseller_prices" ADD CONSTRAINT "reseller_prices_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reseller_prices" ADD CONSTRAINT "reseller_prices_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE no action ON UPDATE no action;