// A client's campaign settings (docs/campaigns.md): quiet hours, in the platform's time zone for the client
// (no hand-over to a phone inside them), and a pace (messages per phone per minute). Both off by default.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { campaignSettings } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { fieldError } from '@/lib/errors';

export interface CampaignSettingsView {
  quiet_hours: { start: string; end: string } | null;
  pace_per_minute: number | null;
}

export async function readCampaignSettings(db: Db, clientId: number): Promise<CampaignSettingsView> {
  const [s] = await db.select().from(campaignSettings).where(eq(campaignSettings.clientId, clientId));
  return {
    quiet_hours: s?.quietStart && s.quietEnd ? { start: s.quietStart, end: s.quietEnd } : null,
    pace_per_minute: s?.pacePerMinute ?? null,
  };
}

export async function getCampaignSettings(db: Db, actor: Actor): Promise<CampaignSettingsView> {
  assertCan(actor, 'sms.send');
  return readCampaignSettings(db, actor.userId);
}

export async function updateCampaignSettings(
  db: Db,
  actor: Actor,
  input: { quiet_hours?: { start: string; end: string } | null; pace_per_minute?: number | null },
): Promise<CampaignSettingsView> {
  assertCan(actor, 'sms.send');
  const before = await readCampaignSettings(db, actor.userId);
  const quiet = input.quiet_hours === undefined ? before.quiet_hours : input.quiet_hours;
  if (quiet && quiet.start === quiet.end) throw fieldError('quiet_hours', 'Quiet hours must start and end at different times.');
  const pace = input.pace_per_minute === undefined ? before.pace_per_minute : input.pace_per_minute;
  const row = {
    clientId: actor.userId,
    quietStart: quiet?.start ?? null,
    quietEnd: quiet?.end ?? null,
    pacePerMinute: pace,
    updatedAt: new Date(),
  };
  await db.insert(campaignSettings).values(row).onConflictDoUpdate({ target: campaignSettings.clientId, set: row });
  return readCampaignSettings(db, actor.userId);
}

/** 'HH:MM' of `now` in the time zone. */
export function localTime(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('hour')}:${get('minute')}`;
}

/** Inside the quiet hours [start, end) at `now` (a start after the end wraps past midnight). */
export function isQuiet(quiet: { start: string; end: string } | null, now: Date, timeZone: string): boolean {
  if (!quiet) return false;
  const t = localTime(now, timeZone);
  return quiet.start < quiet.end ? t >= quiet.start && t < quiet.end : t >= quiet.start || t < quiet.end;
}
