import { redirect } from 'next/navigation';

// The reseller overview arrives with the reseller portal; until then the clients list is home.
export default function ResellerHome() {
  redirect('/reseller/clients');
}
