import { StaffAccount, staffAccountMetadata } from '@/components/staff-account';
import { changePasswordAction } from './actions';

export const generateMetadata = staffAccountMetadata;

// The admin's own account (components/staff-account.tsx).
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ password_changed?: string }> }) {
  const changed = (await searchParams).password_changed === '1';
  return <StaffAccount portal="admin" changed={changed} action={changePasswordAction} />;
}
