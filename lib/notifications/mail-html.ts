// The HTML alternative of a notice or reset mail, made from its plain text when it is handed to the SMTP
// server: the sender's name (the reseller's brand or from-name for its clients, the platform's for the rest)
// as the heading, paragraphs as in the text, links clickable. The text stays the first alternative, and
// both say the same: nothing here adds a name the text does not carry.

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Escaped text with its http(s) links as anchors (a trailing full stop or bracket is not part of a link). */
function linkify(line: string): string {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(/https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g)) {
    const at = m.index ?? 0;
    out += escapeHtml(line.slice(last, at));
    const url = escapeHtml(m[0]);
    out += `<a href="${url}" style="color:#1d4ed8">${url}</a>`;
    last = at + m[0].length;
  }
  return out + escapeHtml(line.slice(last));
}

export function mailHtml(mail: { subject: string; body: string; sender: string; language?: string }): string {
  const paragraphs = mail.body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p style="margin:0 0 14px">${p.split('\n').map(linkify).join('<br>')}</p>`)
    .join('\n');
  const lang = mail.language ?? (/[\u1000-\u109f]/.test(mail.body) ? 'my' : 'en');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(mail.subject)}</title></head>
<body style="margin:0;background:#f1f5f9;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans Myanmar',sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;padding:24px 16px">
<div style="font-size:18px;font-weight:600;padding:0 0 12px">${escapeHtml(mail.sender)}</div>
<div style="background:#ffffff;border:1px solid #e2e8f0;border-radius:12px;padding:20px;font-size:15px;line-height:1.6">
${paragraphs}
</div>
</div>
</body></html>
`;
}
