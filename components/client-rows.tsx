'use client';
// The rows of the clients list, rendered from compact, already formatted data (ClientList builds it on the
// server): the page's RSC payload carries each row once as a few strings, not a second copy of its markup.
// Markup and classes are DataList's (data-list-cells.ts); the cells are the ClientList columns by key, their
// repeated classes the cl-* ones of app/globals.css (the same utilities, once in the CSS, not in every row).
import Link from 'next/link';
import { useFormat } from '@/lib/i18n/format';
import { type CellLayout, cellClass, innerClass, LABEL_CLASS, ROW_CLASS } from './data-list-cells';

export interface ClientRowData {
  id: number;
  name: string;
  email: string;
  /** The phone as the viewer reads it (national or international format); '' for none. */
  phone: string;
  reseller?: [id: number, name: string];
  status: string;
  /** The status badge's colour classes. */
  tone: string;
  pkg: string;
  expires: string;
  created: string;
  /** [used, limit] today and in the period. */
  today: [number, number];
  period: [number, number];
}

export interface ClientRowColumn extends CellLayout {
  key: string;
  label: string | false;
}

function Usage({ used: [used, limit] }: { used: [number, number] }) {
  const n = useFormat().number;
  const pct = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  return (
    <div className="cl-usage">
      <div className="tabular-nums">{`${n(used)} / ${n(limit)}`}</div>
      <div className="cl-bar" aria-hidden="true">
        <div className={pct >= 90 ? 'cl-fill bg-red-500' : 'cl-fill bg-brand-600'} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

function cell(key: string, c: ClientRowData, hrefBase: string | undefined) {
  switch (key) {
    case 'name':
      return (
        <div className="cl-name">
          {hrefBase ? (
            <Link href={`${hrefBase}/${c.id}`} className="cl-link">
              {c.name}
            </Link>
          ) : (
            <span className="font-medium">{c.name}</span>
          )}
          <div className="cl-sub" title={c.email}>
            {c.email}
          </div>
          {c.phone && <div className="cl-sub">{c.phone}</div>}
        </div>
      );
    case 'reseller':
      return c.reseller ? (
        <Link href={`/admin/resellers/${c.reseller[0]}`} className="text-brand-700 hover:underline">
          {c.reseller[1]}
        </Link>
      ) : null;
    case 'status':
      return <span className={`cl-badge ${c.tone}`}>{c.status}</span>;
    case 'package':
      return c.pkg;
    case 'expiry':
      return c.expires;
    case 'today':
      return <Usage used={c.today} />;
    case 'period':
      return <Usage used={c.period} />;
    case 'created':
      return c.created;
    default:
      return null;
  }
}

export function ClientRows({ rows, columns, hrefBase }: { rows: ClientRowData[]; columns: ClientRowColumn[]; hrefBase?: string }) {
  return rows.map((r) => (
    <tr key={r.id} data-testid={`client-row-${r.id}`} className={ROW_CLASS}>
      {columns.map((c) => (
        <td key={c.key} className={cellClass(c)}>
          {c.label && <span className={LABEL_CLASS}>{c.label}</span>}
          <div className={innerClass(c.label)}>{cell(c.key, r, hrefBase)}</div>
        </td>
      ))}
    </tr>
  ));
}
