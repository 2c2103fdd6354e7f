import { redirect } from 'next/navigation';
import { PORTAL, sessionUser } from '@/lib/auth/session';

// The front door: each role to its portal, everyone else to sign-in.
export default async function Home() {
  const user = await sessionUser();
  redirect(user ? PORTAL[user.actor.role] : '/login');
}
