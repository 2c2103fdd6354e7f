// GET /api/v1/messages/:id
import { withApi } from '@/lib/http/api';
import { getMessage } from '@/lib/services/messages';

export const GET = withApi({ auth: 'client', idKind: 'text' }, ({ db, actor, textId }) => getMessage(db, actor, textId));
