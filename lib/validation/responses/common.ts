// Building blocks of the response schemas: every documented answer has one, and the test suites check
// real answers against them (strict objects: a field the document does not name is a test failure).
import { z } from 'zod';

export const obj = z.strictObject;
/** An ISO 8601 instant as the API writes it (toISOString). */
export const instant = z.iso.datetime({ offset: true });
export const nullableInstant = instant.nullable();

export const pagination = obj({
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
  pages: z.number().int(),
  /** Keyset paging (lists that offer it): pass as `cursor` for the page after this one; null on the last page. */
  next_cursor: z.string().nullable().optional(),
});

/** `{data: [...], pagination}` — every paged list. */
export const paged = <T extends z.ZodType>(item: T) => obj({ data: z.array(item), pagination });

/** `{data: [...]}` — short lists that are not paged. */
export const listOf = <T extends z.ZodType>(item: T) => obj({ data: z.array(item) });
