'use server';
// Marking notices read and saving channel choices from any portal: the session says whose they are.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { PORTAL, sessionUser } from '@/lib/auth/session';
import { markRead, saveChannelChoices } from '@/lib/notifications/inbox';

export async function markAllReadAction(): Promise<void> {
  const user = await sessionUser();
  if (!user) redirect('/login?signed_out=1');
  await markRead(user.db, user.actor);
  revalidatePath(`${PORTAL[user.actor.role]}/notifications`);
}

export async function markOneReadAction(fd: FormData): Promise<void> {
  const user = await sessionUser();
  if (!user) redirect('/login?signed_out=1');
  const id = Number(fd.get('id'));
  if (Number.isInteger(id) && id > 0) await markRead(user.db, user.actor, [id]);
  revalidatePath(`${PORTAL[user.actor.role]}/notifications`);
}

/** The account page's checkbox grid: every box of the form is one event and channel (`event:channel`). */
export async function saveChannelsAction(fd: FormData): Promise<void> {
  const user = await sessionUser();
  if (!user) redirect('/login?signed_out=1');
  const on = new Set([...fd.keys()].filter((k) => /^[a-z_]+:(in_app|email|sms)$/.test(k)));
  await saveChannelChoices(user.db, user.actor, on);
  revalidatePath(`${PORTAL[user.actor.role]}`, 'layout');
}
