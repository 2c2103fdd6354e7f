// Burmese dates and numbers written by hand, not by Intl's "my" data: browsers ship trimmed locale data
// (Chromium renders my-MM dates as "Jan 2, 2027"), so a client component re-rendering in the browser would
// show English month names and differ from the server's HTML. The output matches Node's full ICU
// ("2027 ဇန် 2", "2027 ဇန် 2 16:35"); digits 0-9 or Burmese (၀-၉) as the reader chose.

const MONTHS = ['ဇန်', 'ဖေ', 'မတ်', 'ဧ', 'မေ', 'ဇွန်', 'ဇူ', 'ဩ', 'စက်', 'အောက်', 'နို', 'ဒီ'];

/** 0-9 → ၀-၉. */
export const burmeseDigits = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x1040 + Number(d)));

export function burmeseFormat(burmeseNumerals: boolean, timeZone: string) {
  const digits = (s: string) => (burmeseNumerals ? burmeseDigits(s) : s);
  const num = new Intl.NumberFormat('en-US');
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const fields = (iso: string | Date) => {
    const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
    return { y: p.year, m: Number(p.month), d: p.day, time: `${Number(p.hour)}:${p.minute}` };
  };
  return {
    number: (n: number) => digits(num.format(n)),
    date: (iso: string | Date) => {
      const f = fields(iso);
      return digits(`${f.y} ${MONTHS[f.m - 1]} ${f.d}`);
    },
    dateTime: (iso: string | Date) => {
      const f = fields(iso);
      return digits(`${f.y} ${MONTHS[f.m - 1]} ${f.d} ${f.time}`);
    },
  };
}
