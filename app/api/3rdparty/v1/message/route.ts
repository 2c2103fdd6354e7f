// POST /api/3rdparty/v1/message (and /messages) → 202 MessageState + Location; GET lists (X-Total-Count)
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { thirdparty } from '@/lib/http/families';
import { FROM_APP_FILTER, messageState } from '@/lib/http/thirdparty';
import { DEFAULT_COUNTRY } from '@/lib/phone';
import { hasUsableDevice } from '@/lib/services/device-presence';
import { listGatewayMessages, queueMessagesReport } from '@/lib/services/messages';
import { clientPhoneCountry, needsCountry, parseRecipients } from '@/lib/services/recipients';
import { optedOut } from '@/lib/services/send';
import { sendAnswer, messageState as stateSchema } from '@/lib/validation/responses/gateway-app';
import { thirdPartyList, thirdPartyMessage, thirdPartySendQuery } from '@/lib/validation/thirdparty';

export const POST = thirdparty(
  {
    summary: 'Send a message to phoneNumbers (202 MessageState)',
    auth: 'messages:send',
    body: thirdPartyMessage,
    query: thirdPartySendQuery,
    status: 202,
    response: sendAnswer,
    headers: { Location: 'Where the message state is read' },
    errors: [403, 409, 422, 429],
  },
  async ({ db, actor, body, query }) => {
    // As the app's own server: numbers are parsed (national formats in the client's country) unless
    // skipPhoneValidation=true, which sends each number exactly as given (short codes, operator services),
    // or the message is encrypted (its numbers are ciphertext only the phone can read).
    const skipValidation = query.skipPhoneValidation === 'true' || body.isEncrypted === true;
    // deviceActiveWithin=<hours>: refused, as the app server does, unless an enabled phone was seen that recently.
    if (
      query.deviceActiveWithin &&
      !(await hasUsableDevice(db, actor.userId, { deviceId: body.deviceId, seenWithinHours: query.deviceActiveWithin }))
    )
      throw new DomainError('no_device', `No enabled device was seen within ${query.deviceActiveWithin} hour(s).`);
    const phones = skipValidation
      ? body.phoneNumbers.map((p) => p.trim())
      : parseRecipients(
          body.phoneNumbers,
          needsCountry(body.phoneNumbers) ? await clientPhoneCountry(db, actor.userId) : DEFAULT_COUNTRY,
          'phoneNumbers',
        );
    if (phones.some((p) => p === ''))
      throw new DomainError('validation_failed', 'A phone number is empty.', { fields: { phoneNumbers: ['A phone number is empty.'] } });
    const now = new Date();
    const validUntil = body.validUntil ? new Date(body.validUntil) : body.ttl ? new Date(now.getTime() + body.ttl * 1000) : undefined;
    const queued = await queueMessagesReport(
      db,
      actor,
      {
        messages: [{ ref: body.id, phones }],
        text: body.textMessage?.text ?? body.message ?? '',
        deviceId: body.deviceId ?? undefined,
        validUntil,
        source: '3rdparty',
        withDeliveryReport: body.withDeliveryReport,
        simNumber: body.simNumber ?? undefined,
        priority: body.priority,
        isEncrypted: body.isEncrypted,
        // Ciphertext is sent exactly as given (no Zawgyi conversion).
        keepEncoding: body.isEncrypted === true || undefined,
      },
      now,
    );
    // Blocklisted numbers (opted out) are not sent: all of them → 422 opted_out; some → Failed recipients here.
    const [m] = queued.messages;
    if (!m) throw optedOut(queued.skipped);
    for (const phone of queued.skipped) m.recipients.push({ phone, state: 'failed', error: 'opted out (blocklist)' });
    // With no phone at all the message is kept (it waits for one) and the answer says so.
    const warning = (await hasUsableDevice(db, actor.userId)) ? {} : { warning: 'no_device' as const };
    return Response.json({ ...messageState(m), ...warning }, { status: 202, headers: { Location: `/api/3rdparty/v1/messages/${m.id}` } });
  },
);

export const GET = thirdparty(
  {
    summary: 'List messages (X-Total-Count; limit clamped to 1..100, sort, includeContent)',
    auth: 'messages:list',
    query: thirdPartyList,
    response: z.array(stateSchema),
    headers: { 'X-Total-Count': 'How many messages match, over all pages' },
    errors: [403],
  },
  async ({ db, actor, query }) => {
    const { state, sort, includeContent, ...q } = query;
    const { data: list, total } = await listGatewayMessages(db, actor, {
      ...q,
      states: state ? FROM_APP_FILTER[state] : undefined,
      ascending: sort === 'created_at',
    });
    return Response.json(
      list.map((m) => messageState(m, { content: includeContent })),
      { headers: { 'X-Total-Count': String(total) } },
    );
  },
);
