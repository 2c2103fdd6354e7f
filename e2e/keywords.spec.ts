import { expect, test } from '@playwright/test';
import { apiToken, bearer, newClient, newReseller } from './api';
import { signIn } from './helpers';

// The Keywords page (issue 14): off until the reseller sets a limit; then list, add, edit and delete
// keywords with an auto-reply and an optional group, the limit shown and enforced.
test('a client manages its keywords within the limit its reseller set', async ({ browser, request }) => {
  const r = await newReseller(request, 0);
  const c = await newClient(request, r, 'Keywords');
  const token = await apiToken(request, '/api/v1/auth/login', c.email, c.password);
  const g = await (await request.post('/api/v1/groups', { headers: bearer(token), data: { name: 'Subscribers' } })).json();
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  try {
    await signIn(page, c.email, c.password, /\/client$/);
    // From the menu: the header's account link carries the client's name ("Keywords …" here).
    await page.getByRole('navigation', { name: 'Client navigation' }).getByRole('link', { name: 'Keywords', exact: true }).click();
    await expect(page).toHaveURL(/\/client\/keywords$/);
    await expect(page.getByTestId('keyword-limit')).toContainText('Keywords are not enabled');
    await expect(page.getByTestId('keyword-add')).toHaveCount(0);

    const put = await request.put(`/api/reseller/clients/${c.id}/keywords`, { headers: bearer(r.token), data: { keyword_limit: 1 } });
    expect(put.status(), await put.text()).toBe(200);
    await page.reload();
    await expect(page.getByTestId('keyword-limit')).toContainText('0 of 1 keywords used');
    const add = page.getByTestId('keyword-add');
    await add.getByLabel('Keyword').fill('join');
    await add.getByLabel('Auto-reply').fill('Welcome to the club!');
    await add.getByLabel('Add the sender to group').selectOption(String(g.id));
    await add.getByRole('button', { name: 'Add keyword' }).click();
    const list = page.getByTestId('keyword-list');
    await expect(list).toContainText('JOIN');
    await expect(list).toContainText('Welcome to the club!');
    await expect(list).toContainText('Subscribers');
    await expect(page.getByTestId('keyword-limit')).toContainText('1 of 1 keywords used');

    // The limit is reached: a second one is refused with the reason.
    await add.getByLabel('Keyword').fill('PROMO');
    await add.getByRole('button', { name: 'Add keyword' }).click();
    await expect(add).toContainText('The limit of 1 keyword(s) is reached.');

    const id = (await (await request.get('/api/v1/keywords', { headers: bearer(token) })).json()).data[0].id as number;
    await page.getByTestId(`keyword-row-${id}`).getByText('Edit').click();
    const edit = page.getByTestId(`keyword-edit-${id}`);
    await edit.getByLabel('Auto-reply').fill('Thanks for joining!');
    await edit.getByLabel('Add the sender to group').selectOption('');
    await edit.getByRole('button', { name: 'Save keyword' }).click();
    await expect(list).toContainText('Thanks for joining!');
    await expect(page.getByTestId(`keyword-row-${id}`)).toContainText('No group');

    await page.getByTestId(`keyword-delete-${id}`).click();
    await page.getByTestId(`keyword-delete-${id}-confirm`).click();
    await expect(page.getByTestId(`keyword-row-${id}`)).toHaveCount(0);
    await expect(page.getByTestId('keyword-limit')).toContainText('0 of 1 keywords used');
  } finally {
    await ctx.close();
  }
});
