// Message templates (docs/campaigns.md): a client's named texts with merge fields ({{name}}, {{phone}},
// {{fields.x}}; lib/sms/merge-fields.ts). An unknown placeholder is refused by name; the preview renders
// the text for a real contact and finds the longest result over the client's contacts (or one group), whose
// segment count is what a send would cost at most per recipient.
import 'server-only';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { contacts, templates } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, notFound } from '@/lib/errors';
import { type SmsLength, smsLength } from '@/lib/sms/encoding';
import { mergeSlots, placeholdersOf, renderMerge } from '@/lib/sms/merge-fields';
import { toUnicode } from '@/lib/text/zawgyi';

export interface TemplateView {
  id: number;
  name: string;
  text: string;
  placeholders: string[];
  length: SmsLength;
  created_at: string;
  updated_at: string;
}

type Template = typeof templates.$inferSelect;

const view = (t: Template): TemplateView => ({
  id: t.id,
  name: t.name,
  text: t.text,
  placeholders: placeholdersOf(t.text).known,
  length: smsLength(t.text),
  created_at: t.createdAt.toISOString(),
  updated_at: t.updatedAt.toISOString(),
});

/** A text's placeholders checked: any other than {{name}}, {{phone}}, {{fields.x}} is a 400 naming it. */
export function checkMergeText(text: string, field = 'text'): string {
  const { unknown } = placeholdersOf(text);
  if (unknown.length) {
    const msg = `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: use {{name}}, {{phone}} or {{fields.<name>}}.`;
    throw new DomainError('validation_failed', msg, { fields: { [field]: [msg] }, unknown_placeholders: unknown });
  }
  return text;
}

export async function listTemplates(db: Db, actor: Actor): Promise<TemplateView[]> {
  assertCan(actor, 'contact.manage');
  const rows = await db
    .select()
    .from(templates)
    .where(eq(templates.clientId, actor.userId))
    .orderBy(asc(templates.name), asc(templates.id));
  return rows.map(view);
}

export async function ownTemplate(db: Db, clientId: number, id: number): Promise<Template> {
  const [t] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.id, id), eq(templates.clientId, clientId)));
  if (!t) throw notFound('Template');
  return t;
}

export async function getTemplate(db: Db, actor: Actor, id: number): Promise<TemplateView> {
  assertCan(actor, 'contact.manage');
  return view(await ownTemplate(db, actor.userId, id));
}

export async function createTemplate(db: Db, actor: Actor, input: { name: string; text: string }): Promise<TemplateView> {
  assertCan(actor, 'contact.manage');
  const text = checkMergeText(toUnicode(input.text).text);
  const [t] = await db.insert(templates).values({ clientId: actor.userId, name: input.name, text }).returning();
  return view(t);
}

export async function updateTemplate(db: Db, actor: Actor, id: number, input: { name?: string; text?: string }): Promise<TemplateView> {
  assertCan(actor, 'contact.manage');
  const before = await ownTemplate(db, actor.userId, id);
  const set: Partial<typeof templates.$inferInsert> = { updatedAt: new Date() };
  if (input.name !== undefined) set.name = input.name;
  if (input.text !== undefined) set.text = checkMergeText(toUnicode(input.text).text);
  const [t] = await db.update(templates).set(set).where(eq(templates.id, before.id)).returning();
  return view(t);
}

export async function deleteTemplate(db: Db, actor: Actor, id: number): Promise<{ id: number; deleted: true }> {
  assertCan(actor, 'contact.manage');
  const t = await ownTemplate(db, actor.userId, id);
  await db.delete(templates).where(eq(templates.id, t.id));
  return { id, deleted: true };
}

export interface PreviewView {
  /** The text for the contact asked for (or the first of the audience); null when there is none. */
  sample: { contact_id: number; phone: string; text: string; length: SmsLength } | null;
  /** The longest result over the audience: the most segments any one recipient costs. */
  longest: { contact_id: number; phone: string; text: string; length: SmsLength } | null;
  contacts: number;
  placeholders: string[];
}

/** The SQL that renders the text's placeholders for a contacts row (to find the longest without loading all). */
function renderedLength(text: string): SQL {
  let expr: SQL = sql`char_length(${text}::text)`;
  for (const { whole, placeholder: p } of mergeSlots(text)) {
    const value =
      p.kind === 'name'
        ? sql`coalesce(${contacts.name}, '')`
        : p.kind === 'phone'
          ? sql`${contacts.phone}`
          : sql`coalesce(${contacts.fields} ->> ${p.key}::text, '')`;
    expr = sql`${expr} + (char_length(${value}) - ${whole.length}::int)`;
  }
  return expr;
}

export async function previewText(
  db: Db,
  actor: Actor,
  input: { text?: string; template_id?: number; contact_id?: number; group_id?: number },
): Promise<PreviewView> {
  assertCan(actor, 'contact.manage');
  const raw = input.template_id !== undefined ? (await ownTemplate(db, actor.userId, input.template_id)).text : (input.text ?? '');
  const text = checkMergeText(toUnicode(raw).text);
  const where: SQL[] = [eq(contacts.clientId, actor.userId)];
  if (input.group_id !== undefined) {
    where.push(sql`exists (select 1 from contact_group_members m where m.group_id = ${input.group_id} and m.contact_id = ${contacts.id})`);
  }
  const cond = and(...where);
  const render = (c: { id: number; phone: string; name: string | null; fields: Record<string, string> }) => {
    const out = renderMerge(text, c);
    return { contact_id: c.id, phone: c.phone, text: out, length: smsLength(out) };
  };
  let sampleRow: typeof contacts.$inferSelect | undefined;
  if (input.contact_id !== undefined) {
    [sampleRow] = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, input.contact_id), eq(contacts.clientId, actor.userId)));
    if (!sampleRow) throw notFound('Contact');
  } else {
    [sampleRow] = await db.select().from(contacts).where(cond).orderBy(asc(contacts.id)).limit(1);
  }
  // The few longest by characters, then the most segments among them (the encoding may differ).
  const top = await db
    .select()
    .from(contacts)
    .where(cond)
    .orderBy(sql`${renderedLength(text)} desc`, asc(contacts.id))
    .limit(5);
  const longest = top.map(render).sort((a, b) => b.length.segments - a.length.segments || b.length.units - a.length.units)[0] ?? null;
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${contacts} where ${cond}`));
  return { sample: sampleRow ? render(sampleRow) : null, longest, contacts: Number(n), placeholders: placeholdersOf(text).known };
}
