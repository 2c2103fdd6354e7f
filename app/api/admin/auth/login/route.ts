// POST /api/admin/auth/login
import { loginRoute } from '@/lib/http/login';

export const POST = loginRoute('admin');
