// A small text/event-stream reader over a fetch body (WHATWG ReadableStream of bytes).
// Yields { event, data, id } for each dispatched frame and { comment } for comment lines (":keepalive"),
// following the EventSource parsing rules: CR, LF or CRLF line ends; "field: value" with one optional
// space removed; multi-line data joined with "\n"; a frame without data is not dispatched.

export async function* readSSE(body) {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let buf = '';
  let event = '';
  let data = [];
  let id;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      let m;
      // A trailing lone CR may be the first half of CRLF: wait for more input before splitting it.
      while ((m = /\r\n|\r(?!$)|\n/.exec(buf))) {
        const line = buf.slice(0, m.index);
        buf = buf.slice(m.index + m[0].length);
        if (line === '') {
          if (data.length) yield { event, data: data.join('\n'), id };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) {
          yield { comment: line.slice(1).trim() };
          continue;
        }
        const i = line.indexOf(':');
        const field = i < 0 ? line : line.slice(0, i);
        let val = i < 0 ? '' : line.slice(i + 1);
        if (val.startsWith(' ')) val = val.slice(1);
        if (field === 'event') event = val;
        else if (field === 'data') data.push(val);
        else if (field === 'id') id = val;
      }
    }
  } finally {
    reader.releaseLock?.();
    try {
      await body.cancel?.();
    } catch {
      // already closed
    }
  }
}
