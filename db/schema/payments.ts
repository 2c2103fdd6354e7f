// Local payments (docs/payments.md): where resellers pay the platform and clients pay their reseller
// (KBZPay, WavePay, …), and the images that go with them (QR codes, payment slips), kept in the database.
import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { PAYMENT_ACCOUNT_METHODS } from '../../lib/validation/payment-methods';
import { resellers } from './accounts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export { PAYMENT_ACCOUNT_METHODS };

/** An uploaded image (PNG or JPEG, checked by content): a payment account's QR code or a payment slip. */
export const storedImages = pgTable('stored_images', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  contentType: text('content_type', { enum: ['image/png', 'image/jpeg'] }).notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A payment account: the platform's (reseller_id null, kept by the admin) or a reseller's own. */
export const paymentAccounts = pgTable(
  'payment_accounts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    resellerId: integer('reseller_id').references(() => resellers.id),
    method: text('method', { enum: PAYMENT_ACCOUNT_METHODS }).notNull(),
    accountName: text('account_name').notNull(),
    accountNumber: text('account_number').notNull(),
    qrImageId: integer('qr_image_id').references(() => storedImages.id),
    instructions: text('instructions'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payment_accounts_reseller_idx').on(t.resellerId, t.id),
    index('payment_accounts_platform_idx').on(t.id).where(sql`${t.resellerId} is null`),
    index('payment_accounts_qr_idx').on(t.qrImageId),
  ],
);
