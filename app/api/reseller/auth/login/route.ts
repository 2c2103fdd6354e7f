// POST /api/reseller/auth/login
import { loginRoute } from '@/lib/http/login';

export const POST = loginRoute('reseller');
