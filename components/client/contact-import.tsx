'use client';
// The Contacts page's CSV upload: pick a file, see its first rows, say which column is the phone, the
// name and which become fields, then upload with a progress bar and read the report (docs/contacts.md#import).
import { parse } from 'csv-parse/browser/esm/sync';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClass, inputClass } from '@/components/ui';

const PHONE = ['phone', 'mobile', 'number', 'phone number', 'phone_number', 'mobile number', 'mobile_number', 'msisdn'];
const NAME = ['name', 'full name', 'full_name'];
const PREVIEW_ROWS = 5;

interface Report {
  imported: number;
  updated: number;
  skipped: { row: number; reason: 'empty' | 'invalid_number' | 'duplicate'; message: string }[];
}

function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  if (first.includes(',')) return ',';
  if (first.includes(';')) return ';';
  return first.includes('\t') ? '\t' : ',';
}

/** The header and the first rows, read from the start of the file (the server reads all of it). */
function previewOf(text: string): string[][] {
  try {
    return parse(text, { bom: true, delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: true, to: PREVIEW_ROWS + 1 });
  } catch {
    // The slice may end inside a quoted field: preview what parsed line by line instead.
    return text
      .split(/\r?\n/)
      .slice(0, PREVIEW_ROWS + 1)
      .map((l) => l.split(delimiterOf(text)));
  }
}

export function ContactImport({ groups }: { groups: { id: number; name: string }[] }) {
  const t = useTranslations('client.contacts.import');
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<string[][]>([]);
  const [phone, setPhone] = useState(-1);
  const [name, setName] = useState(-1);
  const [fields, setFields] = useState<number[]>([]);
  const [group, setGroup] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const header = rows[0] ?? [];

  async function pick(f: File | null) {
    setFile(f);
    setReport(null);
    setError(null);
    setProgress(null);
    if (!f) return setRows([]);
    const preview = previewOf(await f.slice(0, 256 * 1024).text());
    const h = (preview[0] ?? []).map((c) => c.trim().toLowerCase());
    const p = h.findIndex((c) => PHONE.includes(c));
    const n = h.findIndex((c) => NAME.includes(c));
    setRows(preview);
    setPhone(p);
    setName(n);
    setFields(h.map((_, i) => i).filter((i) => i !== p && i !== n && h[i] !== 'groups' && h[i] !== ''));
  }

  function upload() {
    if (!file || phone < 0) return;
    const q = new URLSearchParams({ phone_column: String(phone), field_columns: fields.join(',') });
    if (name >= 0) q.set('name_column', String(name));
    if (group) q.set('group_id', group);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/portal/contacts/import?${q}`);
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      setProgress(null);
      try {
        const body = JSON.parse(xhr.responseText);
        if (xhr.status === 200) {
          setReport(body as Report);
          router.refresh();
        } else setError(body?.error?.message ?? t('failed'));
      } catch {
        setError(t('failed'));
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setError(t('failed'));
    };
    setReport(null);
    setError(null);
    setProgress(0);
    xhr.send(file);
  }

  const column = (i: number) => header[i] || t('column', { n: i + 1 });
  return (
    <div className="space-y-4" data-testid="contact-import">
      <label className="block text-sm font-medium text-slate-700">
        {t('file')}
        <input
          type="file"
          accept=".csv,text/csv"
          className="mt-1 block w-full text-sm"
          onChange={(e) => pick(e.target.files?.[0] ?? null)}
          data-testid="import-file"
        />
      </label>
      <p className="text-xs text-slate-500">{t('hint')}</p>
      {header.length > 0 && (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="text-sm font-medium text-slate-700">
              {t('phoneColumn')}
              <select
                className={`${inputClass} mt-1`}
                value={phone}
                onChange={(e) => setPhone(Number(e.target.value))}
                data-testid="import-phone"
              >
                <option value={-1}>{t('choose')}</option>
                {header.map((_, i) => (
                  <option key={i} value={i}>
                    {column(i)}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm font-medium text-slate-700">
              {t('nameColumn')}
              <select
                className={`${inputClass} mt-1`}
                value={name}
                onChange={(e) => setName(Number(e.target.value))}
                data-testid="import-name"
              >
                <option value={-1}>{t('noName')}</option>
                {header.map((_, i) => (
                  <option key={i} value={i}>
                    {column(i)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">{t('fieldColumns')}</legend>
            <div className="flex flex-wrap gap-3">
              {header.map((_, i) =>
                i === phone || i === name ? null : (
                  <label key={i} className="flex items-center gap-1.5 text-sm">
                    <input
                      type="checkbox"
                      checked={fields.includes(i)}
                      onChange={(e) => setFields(e.target.checked ? [...fields, i] : fields.filter((f) => f !== i))}
                    />
                    {column(i)}
                  </label>
                ),
              )}
            </div>
          </fieldset>
          <div className="overflow-x-auto">
            <table className="w-full text-xs" data-testid="import-preview">
              <caption className="mb-1 text-left text-sm font-medium text-slate-700">{t('preview')}</caption>
              <thead>
                <tr>
                  {header.map((h, i) => (
                    <th key={i} className={`px-2 py-1 text-left ${i === phone ? 'text-brand-700' : 'text-slate-500'}`}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.slice(1).map((r, j) => (
                  <tr key={j}>
                    {header.map((_, i) => (
                      <td key={i} className="px-2 py-1">
                        {r[i]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <label className="block text-sm font-medium text-slate-700">
            {t('group')}
            <select className={`${inputClass} mt-1`} value={group} onChange={(e) => setGroup(e.target.value)} data-testid="import-group">
              <option value="">{t('noGroup')}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={buttonClass()}
            disabled={phone < 0 || progress !== null}
            onClick={upload}
            data-testid="import-submit"
          >
            {t('submit')}
          </button>
        </>
      )}
      {progress !== null && (
        <div>
          <div
            className="h-2 overflow-hidden rounded bg-slate-100"
            role="progressbar"
            aria-label={t('progress')}
            aria-valuenow={progress}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${progress}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-500">{progress < 100 ? t('uploading', { progress }) : t('processing')}</p>
        </div>
      )}
      {error && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="import-error">
          {error}
        </p>
      )}
      {report && (
        <div role="status" className="space-y-2 text-sm" data-testid="import-report">
          <p className="font-medium">
            {t('result', { imported: report.imported, updated: report.updated, skipped: report.skipped.length })}
          </p>
          {report.skipped.length > 0 && (
            <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-200">
              {report.skipped.map((s) => (
                <li key={s.row} className="flex gap-3 px-3 py-1.5" data-testid={`import-skipped-${s.row}`}>
                  <span className="w-16 shrink-0 tabular-nums text-slate-500">{t('row', { row: s.row })}</span>
                  <span className="font-medium">{t(`reason.${s.reason}`)}</span>
                  <span className="min-w-0 truncate text-slate-600">{s.message}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
