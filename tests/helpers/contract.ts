// Checks a real answer against the route's declared contract: a documented status, and a body that its
// response schema (or the family's error schema) accepts, strictly. tests/helpers/http.ts and the
// bad-input suite call it on every answer, so every route test is also a test of the OpenAPI document.
import { z } from 'zod';
import type { RouteMeta } from '@/lib/http/pipeline/types';
import { errorStatuses } from '@/lib/openapi/document';

const ourError = z.strictObject({
  error: z.strictObject({ code: z.string().min(1), message: z.string().min(1), details: z.record(z.string(), z.unknown()) }),
});
const appError = z.strictObject({ message: z.string().min(1), code: z.string() });
const envelope = z.strictObject({ http_code: z.number().int(), response_code: z.string(), response_msg: z.string(), data: z.unknown() });

const ERRORS = { api: ourError, portal: ourError, raw: ourError, clicksend: envelope, mobile: appError, thirdparty: appError };

/** Tallies which operations had a success answer checked (the OpenAPI test prints and checks coverage). */
export const checkedSuccess = new Set<string>();

function problem(where: string, detail: string): Error {
  return new Error(`answer does not match the route's contract (${where}): ${detail}`);
}

/**
 * Throws when the answer is not what the route documents. `hasParams`: the route has path parameters.
 * Streams and files (response null) are checked for status only.
 */
export function checkContract(meta: RouteMeta, hasParams: boolean, status: number, text: string, where: string): void {
  const { spec, family } = meta;
  const ok = spec.status ?? 200;
  const parse = () => {
    try {
      return text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      throw problem(where, `status ${status} with a body that is not JSON: ${text.slice(0, 120)}`);
    }
  };
  if (status < 400) {
    // The 3rd-party health check answers its documented 503 with the same body as a pass.
    if (status !== ok) throw problem(where, `success status ${status}, documented ${ok}`);
    if (!spec.response) return;
    let body = parse();
    if (family === 'clicksend') {
      const e = envelope.safeParse(body);
      if (!e.success || e.data.http_code !== status) throw problem(where, `not the ClickSend envelope: ${text.slice(0, 200)}`);
      body = e.data.data;
    }
    const r = spec.response.safeParse(body);
    if (!r.success) throw problem(where, `${z.prettifyError(r.error)}\n${text.slice(0, 300)}`);
    checkedSuccess.add(`${meta.family}:${spec.summary}`);
    return;
  }
  const documented = errorStatuses({ auth: meta.doc, body: spec.body as z.ZodType | undefined, errors: spec.errors, spec }, hasParams);
  if (!documented.includes(status)) throw problem(where, `error status ${status} is not documented (${documented.join(', ')})`);
  const body = parse();
  // A route may answer an error status with its own documented body (the health check's 503).
  if (spec.response?.safeParse(body).success) return;
  const r = ERRORS[family].safeParse(body);
  if (!r.success) throw problem(where, `error body not in the ${family} shape: ${text.slice(0, 200)}`);
}
