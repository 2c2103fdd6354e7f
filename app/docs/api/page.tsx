import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { openApiDocument } from '@/lib/openapi/document';
import { endpoints } from '@/lib/openapi/endpoints';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apiDocs'))('title') };
}

const METHOD_TONE: Record<string, string> = {
  get: 'bg-sky-100 text-sky-800',
  post: 'bg-emerald-100 text-emerald-800',
  put: 'bg-amber-100 text-amber-800',
  patch: 'bg-violet-100 text-violet-800',
  delete: 'bg-red-100 text-red-800',
};
/** The machine-readable document's address and format: names, the same in every language. */
const OPENAPI_URL = '/api/openapi.json';
const ERROR_SHAPE = '{"error": {"code", "message", "details"}}';

type Op = {
  parameters?: { name: string; in: string; required?: boolean; schema?: Record<string, unknown> }[];
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

// A readable rendering of /api/openapi.json: the same document, grouped by API.
export default async function ApiDocsPage() {
  const doc = (await openApiDocument()) as { paths: Record<string, Record<string, Op>> };
  const ops = endpoints();
  const tags = [...new Set(ops.map((e) => e.tag))];
  const t = await getTranslations('apiDocs');
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {t.rich('intro', {
          shape: ERROR_SHAPE,
          code: (chunks) => <code>{chunks}</code>,
          link: () => (
            <Link className="text-brand-600 underline" href={OPENAPI_URL}>
              {OPENAPI_URL}
            </Link>
          ),
        })}
      </p>
      <nav className="mt-4 flex flex-wrap gap-2 text-sm">
        {tags.map((t) => (
          <a
            key={t}
            href={`#${t.replace(/\W+/g, '-')}`}
            className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
          >
            {t}
          </a>
        ))}
      </nav>
      {tags.map((tag) => (
        <section key={tag} id={tag.replace(/\W+/g, '-')} className="mt-8">
          <h2 className="mb-3 text-lg font-semibold">{tag}</h2>
          <div className="space-y-2">
            {ops
              .filter((e) => e.tag === tag)
              .map((e) => {
                const op = doc.paths[e.path]?.[e.method] ?? {};
                const params = op.parameters ?? [];
                const body = op.requestBody?.content['application/json'].schema;
                const answer = op.responses?.[String(e.status ?? 200)]?.content?.['application/json']?.schema;
                return (
                  <details key={`${e.method} ${e.path}`} className="rounded-lg border border-slate-200 bg-white">
                    <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm">
                      <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_TONE[e.method]}`}>
                        {e.method}
                      </span>
                      <code className="break-all font-mono">{e.path}</code>
                      <span className="text-slate-600">{e.summary}</span>
                    </summary>
                    <div className="space-y-3 border-t border-slate-100 px-3 py-3 text-sm">
                      <p>
                        <span className="font-medium">{t('auth')}</span> {t(`authKind.${e.auth}`)} ·{' '}
                        <span className="font-medium">{t('success')}</span> {e.status ?? 200}
                        {e.errors?.length ? ` · ${t('also', { codes: e.errors.join(', ') })}` : ''}
                      </p>
                      {params.length > 0 && (
                        <table className="w-full text-left text-xs">
                          <thead className="text-slate-500">
                            <tr>
                              <th className="py-1 pr-2">{t('parameter')}</th>
                              <th className="py-1 pr-2">{t('in')}</th>
                              <th className="py-1">{t('schema')}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {params.map((p) => (
                              <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100">
                                <td className="py-1 pr-2 font-mono">
                                  {p.name}
                                  {p.required ? ' *' : ''}
                                </td>
                                <td className="py-1 pr-2">{p.in}</td>
                                <td className="py-1 font-mono text-slate-600">{JSON.stringify(p.schema)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      )}
                      {body !== undefined && (
                        <div>
                          <div className="mb-1 font-medium">{t('requestBody')}</div>
                          <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">
                            {JSON.stringify(body, null, 2)}
                          </pre>
                        </div>
                      )}
                      {answer !== undefined && (
                        <div>
                          <div className="mb-1 font-medium">{t('response', { status: e.status ?? 200 })}</div>
                          <pre className="max-h-96 overflow-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">
                            {JSON.stringify(answer, null, 2)}
                          </pre>
                        </div>
                      )}
                    </div>
                  </details>
                );
              })}
          </div>
        </section>
      ))}
    </main>
  );
}
