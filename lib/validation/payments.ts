import { z } from 'zod';
import { PAYMENT_ACCOUNT_METHODS } from '@/db/schema/payments';
import { unicodeName } from '@/lib/text/zawgyi';
import { type ImageType, MAX_IMAGE_BYTES, sniffImageType } from './image-rules';

export { PAYMENT_ACCOUNT_METHODS };
export const paymentAccountMethod = z.enum(PAYMENT_ACCOUNT_METHODS, {
  error: 'Method is one of kbzpay, wavepay, ayapay, cbpay, bank_transfer, other.',
});

export interface ImageUpload {
  contentType: ImageType;
  bytes: Buffer;
}

const TOO_BIG = `The image must be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`;
const NOT_IMAGE = 'Upload a PNG or JPEG image.';

/**
 * A PNG or JPEG image as base64, bare or as a data URL (`data:image/png;base64,…`). Its type is read from
 * its bytes (magic numbers), never from the claimed type; at most 2 MB decoded.
 */
export const imageUpload = z
  .string({ error: NOT_IMAGE })
  .max(Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 200, TOO_BIG)
  .transform((v, ctx): ImageUpload => {
    const m = /^data:image\/[a-z+.-]+;base64,/i.exec(v);
    const b64 = (m ? v.slice(m[0].length) : v).replace(/\s+/g, '');
    if (!b64 || b64.length % 4 === 1 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
      ctx.addIssue({ code: 'custom', message: NOT_IMAGE });
      return z.NEVER;
    }
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.length > MAX_IMAGE_BYTES) {
      ctx.addIssue({ code: 'custom', message: TOO_BIG });
      return z.NEVER;
    }
    const contentType = sniffImageType(bytes);
    if (!contentType) {
      ctx.addIssue({ code: 'custom', message: NOT_IMAGE });
      return z.NEVER;
    }
    return { contentType, bytes };
  });

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} is required.` })
    .trim()
    .min(1, `${what} is required.`)
    .max(max, `At most ${max} characters.`)
    .transform(unicodeName);
const instructions = z
  .union([z.string().trim().max(1000, 'At most 1000 characters.'), z.null()])
  .transform((v) => (v ? unicodeName(v) : null));

export const createPaymentAccountInput = z.strictObject({
  method: paymentAccountMethod,
  account_name: text(120, 'Account name'),
  account_number: text(60, 'Account number'),
  /** The QR code a payer scans (PNG/JPEG, base64 or data URL, ≤ 2 MB). */
  qr_image: z.union([imageUpload, z.null()]).optional(),
  instructions: instructions.optional(),
  enabled: z.boolean().optional(),
});
export type CreatePaymentAccountInput = z.infer<typeof createPaymentAccountInput>;

/** Any field of the create; `qr_image: null` removes the QR code. */
export const updatePaymentAccountInput = createPaymentAccountInput.partial();
export type UpdatePaymentAccountInput = z.infer<typeof updatePaymentAccountInput>;
