// POST /api/3rdparty/v1/message (and /messages) → 202 MessageState + Location; GET /messages lists (X-Total-Count)

import { DomainError } from '@/lib/errors';
import { zodFieldErrors } from '@/lib/http/errors';
import { readMobileJson } from '@/lib/http/mobile';
import { FROM_APP_FILTER, messageState, withGatewayClient } from '@/lib/http/thirdparty';
import { listGatewayMessages, queueMessages } from '@/lib/services/messages';
import { clientPhoneCountry, parseRecipients } from '@/lib/services/recipients';
import { thirdPartyList, thirdPartyMessage } from '@/lib/validation/thirdparty';

export const POST = withGatewayClient(async ({ req, db, actor }) => {
  const body = await readMobileJson(req, thirdPartyMessage);
  // As the app's own server: numbers are parsed (national formats in the client's country) unless
  // skipPhoneValidation=true, which sends each number exactly as given (short codes, operator services).
  const skipValidation = new URL(req.url).searchParams.get('skipPhoneValidation') === 'true';
  const phones = skipValidation
    ? body.phoneNumbers.map((p) => p.trim())
    : parseRecipients(body.phoneNumbers, await clientPhoneCountry(db, actor.userId), 'phoneNumbers');
  if (phones.some((p) => p === ''))
    throw new DomainError('validation_failed', 'A phone number is empty.', { fields: { phoneNumbers: ['A phone number is empty.'] } });
  const now = new Date();
  const validUntil = body.validUntil ? new Date(body.validUntil) : body.ttl ? new Date(now.getTime() + body.ttl * 1000) : undefined;
  const [m] = await queueMessages(
    db,
    actor,
    {
      messages: [{ id: body.id, phones }],
      text: body.textMessage?.text ?? body.message ?? '',
      deviceId: body.deviceId ?? undefined,
      validUntil,
      source: '3rdparty',
      withDeliveryReport: body.withDeliveryReport,
      simNumber: body.simNumber ?? undefined,
    },
    now,
  );
  return Response.json(messageState(m), { status: 202, headers: { Location: `/api/3rdparty/v1/messages/${m.id}` } });
});

export const GET = withGatewayClient(async ({ req, db, actor }) => {
  const parsed = thirdPartyList.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw new DomainError('validation_failed', 'Invalid query.', { fields: zodFieldErrors(parsed.error) });
  const { state, ...q } = parsed.data;
  const { data: list, total } = await listGatewayMessages(db, actor, { ...q, states: state ? FROM_APP_FILTER[state] : undefined });
  return Response.json(list.map(messageState), { headers: { 'X-Total-Count': String(total) } });
});
