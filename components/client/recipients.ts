// Recipients as typed into the send form: one per line, or separated by commas or semicolons.
export function splitRecipients(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
