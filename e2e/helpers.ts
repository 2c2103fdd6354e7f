import { expect, type Page } from '@playwright/test';

export const DEMO = {
  admin: { email: 'admin@example.com', password: 'admin-demo-1' },
  reseller: { email: 'reseller@example.com', password: 'reseller-demo-1' },
  client: { email: 'client@example.com', password: 'client-demo-1' },
} as const;

/** Saved sign-ins written by auth.setup.ts (git-ignored). */
export const AUTH_STATE = {
  admin: 'e2e/.auth/admin.json',
  reseller: 'e2e/.auth/reseller.json',
  client: 'e2e/.auth/client.json',
} as const;

/** Fills the sign-in form on /login and submits it (does not wait for where it leads). */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Signs in through the form and waits for the portal "/" sends this role to. */
export async function signIn(page: Page, email: string, password: string, portal: RegExp): Promise<void> {
  await submitLogin(page, email, password);
  await expect(page).toHaveURL(portal);
}

/** A number unique to this run and attempt, for emails and subdomains. */
export const unique = (): string => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

/**
 * Nothing on the page is wider than the viewport (no sideways scrolling of the page itself). Also compared
 * with the configured viewport width: a mobile browser may zoom out to fit a too-wide page, and then
 * innerWidth grows with it.
 */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  const width = Math.min(innerWidth, page.viewportSize()?.width ?? innerWidth);
  expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}
