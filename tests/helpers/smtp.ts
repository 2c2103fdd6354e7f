// A real SMTP server in the test process (the smtp-server package): what the platform's nodemailer hands
// over is captured and decoded (headers with RFC 2047 words, base64 or quoted-printable bodies).
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The HTML alternative, when the mail has one. */
  html: string | null;
  raw: string;
}

function decodeWords(v: string): string {
  return v.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** Decodes one MIME entity's body by its Content-Transfer-Encoding. */
function decodeBody(cte: string, body: string): string {
  if (cte === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (cte === 'quoted-printable')
    return Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

/** A MIME entity: its unfolded headers and its body as sent. */
function entity(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
  return { header, body };
}

function parse(raw: string, to: string[]): ReceivedMail {
  const top = entity(raw);
  let text = '';
  let html: string | null = null;
  const boundary = /boundary="?([^";]+)"?/i.exec(top.header('Content-Type'))?.[1];
  if (/^multipart\//i.test(top.header('Content-Type')) && boundary) {
    // multipart/alternative (text, then HTML): each part decoded on its own.
    for (const part of top.body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const e = entity(part.replace(/^\r\n/, ''));
      const type = e.header('Content-Type').toLowerCase();
      const decoded = decodeBody(e.header('Content-Transfer-Encoding').toLowerCase(), e.body.replace(/\r\n$/, ''));
      if (type.startsWith('text/plain')) text = decoded;
      else if (type.startsWith('text/html')) html = decoded.replace(/\r\n/g, '\n');
    }
  } else text = decodeBody(top.header('Content-Transfer-Encoding').toLowerCase(), top.body);
  return {
    from: decodeWords(top.header('From')),
    to,
    subject: decodeWords(top.header('Subject')),
    text: text.replace(/\r\n/g, '\n'),
    html,
    raw,
  };
}

export async function startSmtp(opts: { port?: number; failFirst?: number } = {}) {
  const mails: ReceivedMail[] = [];
  let failures = opts.failFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures > 0) {
          failures--;
          const err = new Error('mailbox busy, try later') as Error & { responseCode: number };
          err.responseCode = 451;
          return done(err);
        }
        mails.push(
          parse(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        done();
      });
    },
  });
  // A client that drops its connection (an app instance stopped with its mail pool open) is an 'error' of the
  // server: without a listener it was an uncaught ECONNRESET that failed the whole run (horizontal.test.ts).
  // Anything else still fails the run, as before.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return;
    throw err;
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** Waits for a mail to `to` (optionally matching) and returns it. */
    async waitFor(to: string, match: (m: ReceivedMail) => boolean = () => true, timeoutMs = 10_000): Promise<ReceivedMail> {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const m = mails.find((x) => x.to.includes(to.toLowerCase()) && match(x));
        if (m) return m;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no mail to ${to} within ${timeoutMs} ms (got ${mails.map((m) => m.to.join(',')).join('; ')})`);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
