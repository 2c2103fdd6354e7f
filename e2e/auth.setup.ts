// Signs the three demo users in once per run and saves their sessions for specs that start signed in.
import { test as setup } from '@playwright/test';
import { AUTH_STATE, DEMO, signIn } from './helpers';

setup('admin signs in', async ({ page }) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password, /\/admin$/);
  await page.context().storageState({ path: AUTH_STATE.admin });
});

setup('reseller signs in', async ({ page }) => {
  await signIn(page, DEMO.reseller.email, DEMO.reseller.password, /\/reseller$/);
  await page.context().storageState({ path: AUTH_STATE.reseller });
});

setup('client signs in', async ({ page }) => {
  await signIn(page, DEMO.client.email, DEMO.client.password, /\/client$/);
  await page.context().storageState({ path: AUTH_STATE.client });
});
