// The baseline's send and device pull, statement by statement as the app's services send them.
import { createHash } from 'node:crypto';
import {
  DEFAULT_SETTINGS,
  httpError,
  INSERT_MESSAGES,
  newId,
  PULL,
  PULL_LIMIT,
  pgArray,
  q,
  SEND_CONTEXT,
  smsLength,
  TAKE_QUOTA,
} from './baseline-sql.mjs';

export function messaging(sql) {
  async function queueMessage(clientId, phones, text, now = new Date()) {
    const len = smsLength(text);
    const ids = phones.map(() => newId());
    const states = { pending: now.toISOString() };
    let validUntil;
    await sql.begin(async (tx) => {
      const [row] = await q(tx, SEND_CONTEXT, [now, now, clientId]);
      if (!row) throw httpError(404, 'not_found', 'Client not found.');
      const c = typeof row.j === 'string' ? JSON.parse(row.j) : row.j;
      const settings = { ...DEFAULT_SETTINGS };
      for (const r of c.settings) {
        if (!(r.key in settings)) continue;
        const v = JSON.parse(r.value);
        if (typeof v === typeof settings[r.key]) settings[r.key] = v;
      }
      const sub = c.sub_starts_at !== null;
      const trialEnds = new Date(c.trial_ends_at);
      const status = c.user_status !== 'active' ? 'suspended' : sub ? 'active' : trialEnds > now ? 'trial' : 'expired';
      if (status === 'suspended') throw httpError(403, 'account_suspended', 'This account is suspended.');
      if (status === 'expired') throw httpError(403, 'subscription_expired', 'The trial or subscription has ended.');
      validUntil = new Date(now.getTime() + settings.default_validity_minutes * 60_000);
      const daily = sub ? c.daily_limit : settings.trial_daily_limit;
      const periodLimit = sub ? c.period_limit : settings.trial_period_limit;
      const periodStart = new Date(c.sub_starts_at ?? c.created_at);
      const n = phones.length;
      const took = await q(tx, TAKE_QUOTA, [
        clientId,
        n,
        now,
        settings.time_zone,
        settings.time_zone,
        daily,
        periodStart,
        periodLimit,
        n,
        daily,
        periodLimit,
      ]);
      if (took.length !== 2) throw httpError(429, 'daily_limit_reached', `The daily limit of ${daily} SMS is reached.`);
      await q(tx, INSERT_MESSAGES, [
        clientId,
        c.reseller_id,
        null,
        text,
        len.segments,
        len.encoding,
        'api',
        true,
        null,
        0,
        false,
        validUntil,
        states,
        now,
        now,
        pgArray(ids),
        pgArray(ids.map(() => null)),
        pgArray(ids.map(() => 1)),
        now,
        pgArray(ids),
        pgArray(ids.map(() => 0)),
        pgArray(phones),
        pgArray([]),
      ]);
    });
    return {
      data: ids.map((id, i) => ({
        id,
        state: 'pending',
        phone: phones[i],
        recipients: [{ phone: phones[i], state: 'pending', error: null }],
        message: text,
        segments: len.segments,
        encoding: len.encoding,
        device_id: null,
        source: 'api',
        valid_until: validUntil.toISOString(),
        is_encrypted: false,
        error: null,
        states,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })),
    };
  }

  async function pull(token, now = new Date()) {
    const [row] = await q(
      sql,
      `select "devices"."id", "devices"."client_id", "devices"."name", "devices"."token_hash", "devices"."push_token", "devices"."sim_cards", "devices"."enabled", "devices"."battery", "devices"."charging", "devices"."app_version", "devices"."last_seen_at", "devices"."created_at", "devices"."removed_at", "users"."status" from "devices" inner join "users" on "users"."id" = "devices"."client_id" where ("devices"."token_hash" = $1 and "devices"."removed_at" is null)`,
      [createHash('sha256').update(token).digest('hex')],
    );
    if (!row) throw httpError(401, 'unauthorized', 'Unknown device token.');
    if (row.status !== 'active') throw httpError(403, 'account_suspended', 'This account is suspended.');
    if (!row.enabled) return [];
    const ts = now.toISOString();
    // The claim, its recipients and the answer in one statement, as the service does.
    const rows = await q(sql, PULL, [
      row.id,
      ts,
      ts,
      ts,
      row.client_id,
      ts,
      row.id,
      PULL_LIMIT,
      ts,
      row.id,
      PULL_LIMIT,
      row.id,
      PULL_LIMIT,
      PULL_LIMIT,
    ]);
    return rows.map(({ j }) => {
      const m = typeof j === 'string' ? JSON.parse(j) : j;
      return {
        id: m.ref ?? m.id,
        message: m.text,
        textMessage: { text: m.text },
        phoneNumbers: m.recipients.map((r) => r.phone),
        withDeliveryReport: m.with_delivery_report,
        validUntil: new Date(m.valid_until).toISOString(),
        state: 'Pending',
        createdAt: new Date(m.created_at).toISOString(),
      };
    });
  }

  return { queueMessage, pull };
}
