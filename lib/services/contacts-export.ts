// Contacts as CSV (docs/contacts.md#export): phone, name, groups, then one column per field key in use, read
// in batches by id so an address book of any size never sits in memory. The file imports back as it is.
import 'server-only';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { contactGroupMembers, contactGroups, contacts } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';

const BATCH = 2_000;

export async function contactExport(db: Db, actor: Actor): Promise<{ header: string[]; rows: AsyncGenerator<string[][]> }> {
  assertCan(actor, 'contact.manage');
  const keys = rowsOf<{ k: string }>(
    await db.execute(sql`select distinct jsonb_object_keys(fields) as k from contacts where client_id = ${actor.userId} order by 1`),
  ).map((r) => r.k);
  async function* rows(): AsyncGenerator<string[][]> {
    let after = 0;
    for (;;) {
      const batch = await db
        .select()
        .from(contacts)
        .where(and(eq(contacts.clientId, actor.userId), gt(contacts.id, after)))
        .orderBy(asc(contacts.id))
        .limit(BATCH);
      if (!batch.length) return;
      after = batch[batch.length - 1].id;
      const members = await db
        .select({ contactId: contactGroupMembers.contactId, name: contactGroups.name })
        .from(contactGroupMembers)
        .innerJoin(contactGroups, eq(contactGroups.id, contactGroupMembers.groupId))
        .where(
          inArray(
            contactGroupMembers.contactId,
            batch.map((c) => c.id),
          ),
        )
        .orderBy(contactGroups.name);
      const groups = new Map<number, string[]>();
      for (const m of members) groups.set(m.contactId, [...(groups.get(m.contactId) ?? []), m.name]);
      yield batch.map((c) => [c.phone, c.name ?? '', (groups.get(c.id) ?? []).join('; '), ...keys.map((k) => c.fields[k] ?? '')]);
    }
  }
  return { header: ['phone', 'name', 'groups', ...keys], rows: rows() };
}
