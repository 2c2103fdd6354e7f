import { defineConfig, devices } from '@playwright/test';

// Browser tests against a production build served fresh for every run (scripts/e2e-server.mjs):
// throwaway PGlite by default, or the PostgreSQL database in DATABASE_URL; demo data is always seeded.
// Debian's Chromium is used (Playwright cannot download browsers here).
const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;
/** The in-process SMTP server of the specs (E2E_SMTP_PORT, else E2E_PORT + 2000). */
export const smtpPort = Number(process.env.E2E_SMTP_PORT || port + 2000);

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    // Root in a container needs --no-sandbox; the rest keep Chromium from calling home during tests.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    // Signs the demo admin, reseller and client in once and saves their cookies under e2e/.auth/.
    { name: 'setup', testMatch: /auth\.setup\.ts/, use: chromium },
    { name: 'chromium', testMatch: /.*\.spec\.ts/, dependencies: ['setup'], use: chromium },
    // The same Chromium at phone size (390 px) for the specs that must hold on a phone too (issue 10).
    {
      name: 'phone',
      testMatch: /(package-panel|white-label|lists)\.spec\.ts/,
      dependencies: ['setup'],
      use: { ...chromium, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/login`,
    // Mail goes to an SMTP server the specs start in-process on this port (e2e/password-reset.spec.ts).
    env: { E2E_PORT: String(port), SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'no-reply@e2e.test', MAIL_INTERVAL_MS: '1000' },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
