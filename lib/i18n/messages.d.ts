// Message keys are type-checked against the English catalog (messages/en.json); tests/i18n-catalog.test.ts
// keeps the Burmese one complete.
import type en from '@/messages/en.json';

declare module 'next-intl' {
  interface AppConfig {
    Messages: typeof en;
  }
}
