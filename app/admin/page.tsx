import { redirect } from 'next/navigation';

// The admin overview arrives with the admin portal; until then the resellers list is home.
export default function AdminHome() {
  redirect('/admin/resellers');
}
