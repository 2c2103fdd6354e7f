import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; services are plain modules under test.
      'server-only': path.resolve(import.meta.dirname, 'tests/helpers/server-only.ts'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Suites make many requests with one token and sign in often; rate limits get their own tests.
    // Webhook tests deliver to receivers on 127.0.0.1; tests/webhook-ssrf.test.ts turns the guard back on.
    env: { API_RATE_LIMIT: '1000000', LOGIN_RATE_LIMIT: '1000000', WEBHOOK_ALLOW_PRIVATE: '1' },
  },
});
