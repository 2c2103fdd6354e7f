// The upload rules for payment images (QR codes, payment slips), shared by the server's validation
// (./payments) and the upload forms' early check in the browser: no zod, no Node APIs here.
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** The type the bytes themselves say (PNG signature, JPEG SOI marker), whatever the upload claimed. */
export function sniffImageType(b: Uint8Array): ImageType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((v, i) => b[i] === v)) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Body limit of a route that takes one image as base64 JSON (4/3 of the bytes, plus the other fields). */
export const IMAGE_BODY_LIMIT = Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 64_000;
