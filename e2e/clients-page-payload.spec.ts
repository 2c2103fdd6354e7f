// Issue 12: the server-rendered clients page sends its rows once. The HTML holds each row's markup; the RSC
// payload beside it holds only the rows' compact data for the small client component that renders them
// (components/client-rows.tsx), not a second copy of the markup. The rows still work after hydration.
import { expect, test } from '@playwright/test';
import { AUTH_STATE } from './helpers';

test.use({ storageState: AUTH_STATE.reseller });

test('the clients page carries each row once, and its links work once hydrated', async ({ page }) => {
  const res = await page.request.get('/reseller/clients');
  expect(res.status()).toBe(200);
  const html = await res.text();
  const rows = html.match(/<tr[^>]*data-testid="client-row-\d+"/g) ?? [];
  expect(rows.length).toBeGreaterThan(0);
  // Every mention of a row's test id is its <tr>: none in the payload (it was one more per row).
  expect(html.match(/client-row-\d+/g)?.length).toBe(rows.length);
  expect(html).not.toMatch(/\\"data-testid\\":\\"client-row-/);

  await page.goto('/reseller/clients');
  const row = page.getByTestId('clients-table').getByRole('row').filter({ hasText: 'Demo Client' });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: 'Demo Client' }).click();
  await expect(page).toHaveURL(/\/reseller\/clients\/\d+$/);
});
