// myanmar-tools@1.1.3 ships JavaScript without declarations; these are the two classes we use.
declare module 'myanmar-tools' {
  export class ZawgyiDetector {
    /** 0..1; -Infinity when the text has no Myanmar characters at all. */
    getZawgyiProbability(input: string, verbose?: boolean): number;
  }
  export class ZawgyiConverter {
    zawgyiToUnicode(input: string): string;
    unicodeToZawgyi(input: string): string;
    normalizeZawgyi(input: string): string;
  }
}
