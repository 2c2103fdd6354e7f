// POST /api/mobile/v1/inbound/:deviceId?sig=… — the app's sms:received webhook, signed per device by us
import { timingSafeEqual } from 'node:crypto';
import { getDb } from '@/db';
import { DomainError } from '@/lib/errors';
import { isStorableText } from '@/lib/http/errors';
import { inboundSignature, mobileError, readMobileJson } from '@/lib/http/mobile';
import { recordInbound } from '@/lib/services/inbound';
import { inboundBody } from '@/lib/validation/mobile';

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const sig = new URL(req.url).searchParams.get('sig') ?? '';
    const want = inboundSignature(id);
    if (sig.length !== want.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(want)))
      throw new DomainError('unauthorized', 'Bad signature.');
    if (!isStorableText(id)) throw new DomainError('not_found', 'Device not found.');
    const body = await readMobileJson(req, inboundBody);
    if (body.event !== 'sms:received') return new Response(null, { status: 204 });
    await recordInbound(await getDb(), id, {
      phone: body.payload.phoneNumber,
      text: body.payload.message ?? '',
      receivedAt: body.payload.receivedAt,
    });
    return new Response(null, { status: 204 });
  } catch (err) {
    return mobileError(err);
  }
}
