// GET /api/v1/stop-words · POST {word} · DELETE ?word= — an inbound SMS that is a stop word puts its sender on
// the blocklist (contact.opted_out); the built-in ones (STOP, UNSUBSCRIBE, ရပ်, ရပ်ပါ …) are always on
import { api } from '@/lib/http/families';
import { addStopWord, listStopWords, removeStopWord } from '@/lib/services/stop-words';
import { stopWordInput } from '@/lib/validation/engagement';
import { stopWordsView } from '@/lib/validation/responses/engagement';

export const GET = api({ summary: 'Stop words: built-in and the client’s own', auth: 'client', response: stopWordsView }, ({ db, actor }) =>
  listStopWords(db, actor),
);

export const POST = api(
  { summary: 'Add an own stop word', auth: 'client', body: stopWordInput, status: 201, response: stopWordsView, errors: [409] },
  ({ db, actor, body }) => addStopWord(db, actor, body),
);

export const DELETE = api(
  { summary: 'Remove an own stop word (?word=)', auth: 'client', query: stopWordInput, response: stopWordsView },
  ({ db, actor, query }) => removeStopWord(db, actor, query),
);
