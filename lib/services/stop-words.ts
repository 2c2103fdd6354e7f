// Stop words (docs/engagement.md#stop-words): an inbound SMS that is one of them opts its sender out. The
// built-in ones are always on; a client adds its own.
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { stopWords } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { fieldError, notFound } from '@/lib/errors';
import { toUnicode } from '@/lib/text/zawgyi';

/**
 * The carriers' usual English set, and the Burmese a customer types to say "stop sending": ရပ် (stop),
 * ရပ်ပါ (please stop), ရပ်ရန် (to stop), ရပ်မယ် (I'll stop), မပို့ပါနဲ့ / မပို့နဲ့ (don't send), ထွက် / ထွက်မယ် (leave).
 */
export const BUILTIN_STOP_WORDS = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'OPTOUT',
  'OPT OUT',
  'ရပ်',
  'ရပ်ပါ',
  'ရပ်ရန်',
  'ရပ်မယ်',
  'မပို့ပါနဲ့',
  'မပို့နဲ့',
  'ထွက်',
  'ထွက်မယ်',
] as const;

/**
 * How an SMS or a word is compared: Zawgyi read as Unicode, upper case, spaces collapsed, the punctuation
 * around it (Latin and Burmese ။ ၊) dropped.
 */
export function normalizeWord(text: string): string {
  return toUnicode(text)
    .text.normalize('NFC')
    .replace(/[\s\u200b]+/g, ' ')
    .replace(/^[\s.,!?;:'"“”‘’()\-။၊]+|[\s.,!?;:'"“”‘’()\-။၊]+$/g, '')
    .toUpperCase();
}

/** The stop word the text is (whole, or its first word), among the built-in and the client's own; else null. */
export function matchStopWord(text: string, own: readonly string[]): string | null {
  const t = normalizeWord(text);
  if (!t) return null;
  const first = t.split(' ')[0];
  const words = [...BUILTIN_STOP_WORDS, ...own.map(normalizeWord)];
  return words.find((w) => w === t) ?? words.find((w) => w === first) ?? null;
}

export async function ownStopWords(db: Db, clientId: number): Promise<string[]> {
  const rows = await db
    .select({ word: stopWords.word })
    .from(stopWords)
    .where(eq(stopWords.clientId, clientId))
    .orderBy(asc(stopWords.word));
  return rows.map((r) => r.word);
}

export async function listStopWords(db: Db, actor: Actor): Promise<{ builtin: string[]; own: string[] }> {
  assertCan(actor, 'contact.manage');
  return { builtin: [...BUILTIN_STOP_WORDS], own: await ownStopWords(db, actor.userId) };
}

export async function addStopWord(db: Db, actor: Actor, input: { word: string }): Promise<{ builtin: string[]; own: string[] }> {
  assertCan(actor, 'contact.manage');
  const word = normalizeWord(input.word);
  if (!word) throw fieldError('word', 'Enter a word.');
  if ((BUILTIN_STOP_WORDS as readonly string[]).includes(word)) throw fieldError('word', `“${word}” is a built-in stop word.`, 'conflict');
  const rows = await db.insert(stopWords).values({ clientId: actor.userId, word }).onConflictDoNothing().returning();
  if (!rows.length) throw fieldError('word', `“${word}” is a stop word already.`, 'conflict');
  return listStopWords(db, actor);
}

export async function removeStopWord(db: Db, actor: Actor, input: { word: string }): Promise<{ builtin: string[]; own: string[] }> {
  assertCan(actor, 'contact.manage');
  const rows = await db
    .delete(stopWords)
    .where(and(eq(stopWords.clientId, actor.userId), eq(stopWords.word, normalizeWord(input.word))))
    .returning();
  if (!rows.length) throw notFound('Stop word');
  return listStopWords(db, actor);
}
