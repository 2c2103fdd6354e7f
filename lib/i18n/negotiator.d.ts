// negotiator 1.x ships no types; the one call we make (docs/i18n.md).
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | undefined> });
    languages(available?: string[]): string[];
  }
}
