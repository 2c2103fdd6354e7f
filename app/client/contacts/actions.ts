'use server';
// The Contacts page's actions: the same services and schemas as /api/v1/contacts and /api/v1/groups.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { createGroup, deleteGroup } from '@/lib/services/contact-groups';
import { createContact, deleteContact, updateContact } from '@/lib/services/contacts';
import { idParam } from '@/lib/validation/common';
import { contactInput, groupInput } from '@/lib/validation/contacts';

/** The form's fields box: one `key: value` (or `key=value`) per line. */
function fieldsFromText(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of (text ?? '').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const at = line.search(/[:=]/);
    if (at < 0) out[line.trim()] = '';
    else out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

/** Form strings → the API's contact input; each group is its own checkbox (`group:<id>`). */
function toContact(v: Record<string, string>) {
  return {
    phone: v.phone ?? '',
    name: v.name?.trim() ? v.name : null,
    fields: fieldsFromText(v.fields),
    groups: Object.keys(v)
      .filter((k) => k.startsWith('group:') && v[k] === 'on')
      .map((k) => Number(k.slice(6))),
  };
}

export const createContactAction = formAction(
  'client',
  contactInput,
  async ({ db, actor, input }) => {
    await createContact(db, actor, input);
    revalidatePath('/client/contacts');
    return { ok: true, message: (await getTranslations('client.contacts'))('added') };
  },
  toContact,
);

export const updateContactAction = formAction(
  'client',
  contactInput.extend({ id: idParam }),
  async ({ db, actor, input: { id, ...input } }) => {
    await updateContact(db, actor, id, input);
    revalidatePath('/client/contacts');
    return { ok: true, message: (await getTranslations('client.contacts'))('saved') };
  },
  (v) => ({ ...toContact(v), id: v.id }),
);

export const deleteContactAction = formAction('client', z.object({ id: idParam }), async ({ db, actor, input }) => {
  await deleteContact(db, actor, input.id);
  revalidatePath('/client/contacts');
  redirect('/client/contacts');
});

export const createGroupAction = formAction('client', groupInput, async ({ db, actor, input }) => {
  await createGroup(db, actor, input);
  revalidatePath('/client/contacts');
  return { ok: true, message: (await getTranslations('client.contacts'))('groupAdded') };
});

export const deleteGroupAction = formAction('client', z.object({ id: idParam }), async ({ db, actor, input }) => {
  await deleteGroup(db, actor, input.id);
  revalidatePath('/client/contacts');
  return { ok: true, message: (await getTranslations('client.contacts'))('groupDeleted') };
});
