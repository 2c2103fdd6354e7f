// POST /api/v1/auth/login — a client's Bearer token (24 h); API keys from the portal work the same way
import { loginRoute } from '@/lib/http/login';

export const POST = loginRoute('client');
