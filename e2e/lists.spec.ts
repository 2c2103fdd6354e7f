// Issue 10 item 12 (and the nav of item 9), at desktop and at 390 px (projects "chromium" and "phone"): every
// portal table is the one server-rendered list; on a phone each row is a card whose status and actions are
// on screen, the page never scrolls sideways, and the navigation folds into a menu that marks the page.
import { expect, type Page, test } from '@playwright/test';
import { AUTH_STATE, expectNoHorizontalOverflow } from './helpers';

const isPhone = () => (test.info().project.use.viewport?.width ?? 1280) < 640;

/** A locator's box lies inside the viewport's width (reachable without sideways scrolling). */
async function expectWithinWidth(page: Page, selector: ReturnType<Page['locator']>) {
  await selector.scrollIntoViewIfNeeded();
  const box = await selector.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, 'element is rendered').not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width + 1);
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
}

test.describe('admin lists', () => {
  test.use({ storageState: AUTH_STATE.admin });

  test('resellers: sorting and paging are links, each row keeps its status and actions reachable', async ({ page }) => {
    // Searched, not paged to: by the phone project's turn other specs have added resellers that push the demo one
    // off the first page.
    await page.goto('/admin/resellers?search=Demo%20Reseller');
    const table = page.getByTestId('resellers-table');
    const row = table.getByRole('row').filter({ hasText: 'Demo Reseller' });
    await expect(row).toBeVisible();
    await expectWithinWidth(page, row.getByRole('switch').first());
    await expectWithinWidth(page, row.getByRole('button', { name: 'Delete Demo Reseller' }));
    await expectWithinWidth(page, row.getByRole('link', { name: 'Edit Demo Reseller' }));
    await expectNoHorizontalOverflow(page);
    if (!isPhone()) {
      await table.getByRole('link', { name: 'Reseller', exact: true }).click();
      await expect(page).toHaveURL(/sort=name&dir=asc/);
      await expect(page.getByTestId('resellers-table').getByRole('columnheader', { name: 'Reseller' })).toHaveAttribute(
        'aria-sort',
        'ascending',
      );
    }
    await page.goto('/admin/resellers?search=no-such-reseller-anywhere');
    await expect(page.getByText('No reseller matches “no-such-reseller-anywhere”.')).toBeVisible();
  });

  test('every admin table fits the screen', async ({ page }) => {
    for (const path of ['/admin/clients', '/admin/topups?status=all', '/admin/packages', '/admin/audit', '/admin/settings']) {
      await page.goto(path);
      await expect(page.getByRole('main')).toBeVisible();
      await expectNoHorizontalOverflow(page);
    }
    await page.goto('/admin/resellers?search=Demo%20Reseller');
    await page.getByTestId('resellers-table').getByRole('link', { name: 'Demo Reseller', exact: true }).click();
    await expect(page.getByTestId('ledger-table')).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.goto('/admin/packages');
    const row = page.getByTestId('package-row-starter_pro');
    await expectWithinWidth(page, row.getByRole('button', { name: /Disable|Enable/ }));
  });

  test('the audit log reads like a log: labels, names, changed fields, filters', async ({ page }) => {
    await page.goto('/admin/audit');
    const table = page.getByTestId('audit-table');
    await expect(table.getByTestId('audit-action').first()).toBeVisible();
    await page.getByLabel('What').selectOption({ label: 'Credit topped up' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/action=reseller\.credit_topup/);
    await expect(table.getByTestId('audit-action').first()).toHaveText('Credit topped up');
    await expect(page.getByTestId('audit-csv')).toHaveAttribute('href', /export\.csv\?action=reseller\.credit_topup/);
    await expectNoHorizontalOverflow(page);
  });
});

test.describe('reseller and client', () => {
  test('reseller: the nav marks the page (a menu on phones) and the clients list is cards on a phone', async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: AUTH_STATE.reseller, viewport: test.info().project.use.viewport ?? undefined });
    const page = await ctx.newPage();
    await page.goto('/reseller/clients');
    if (isPhone()) {
      const menu = page.getByTestId('nav-menu');
      await expect(menu).toContainText('Menu');
      await expect(menu).toContainText('Clients');
      await menu.locator('summary').click();
      await expect(menu.getByRole('link', { name: 'Clients' })).toHaveAttribute('aria-current', 'page');
      await menu.getByRole('link', { name: 'Credit' }).click();
      await expect(page).toHaveURL(/\/reseller\/credit$/);
      await page.goto('/reseller/clients');
    } else {
      await expect(page.getByRole('navigation', { name: 'Reseller navigation' }).getByRole('link', { name: 'Clients' })).toHaveAttribute(
        'aria-current',
        'page',
      );
    }
    const row = page.getByTestId('clients-table').getByRole('row').filter({ hasText: 'Demo Client' });
    await expect(row).toBeVisible();
    await expectWithinWidth(page, row.getByText(/^(trial|active|expired|suspended)$/).first());
    await expectNoHorizontalOverflow(page);
    for (const path of ['/reseller/credit', '/reseller/pricing', '/reseller']) {
      await page.goto(path);
      await expectNoHorizontalOverflow(page);
    }
    await page.goto('/reseller/clients?search=zz-no-client-zz');
    await expect(page.getByText('No client matches these filters.')).toBeVisible();
    await ctx.close();
  });

  test('client: the message log and overview fit the screen', async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: AUTH_STATE.client, viewport: test.info().project.use.viewport ?? undefined });
    const page = await ctx.newPage();
    for (const path of ['/client', '/client/messages', '/client/devices']) {
      await page.goto(path);
      await expect(page.getByRole('main')).toBeVisible();
      await expectNoHorizontalOverflow(page);
    }
    await ctx.close();
  });
});
