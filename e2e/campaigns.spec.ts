import { expect, test } from '@playwright/test';
import { apiToken, bearer, newClient, newReseller } from './api';
import { signIn } from './helpers';

// Templates and campaigns in the portal: a template with merge fields, a campaign built from a group with
// it (live preview for a real contact, SMS counter), and the campaign page with its per-recipient report.
test('a client builds a campaign from a group with a template and sees each recipient queued', async ({ browser, request }) => {
  const r = await newReseller(request, 0);
  const c = await newClient(request, r, 'Campaigns');
  const token = await apiToken(request, '/api/v1/auth/login', c.email, c.password);
  const g = await (await request.post('/api/v1/groups', { headers: bearer(token), data: { name: 'Regulars' } })).json();
  for (const [phone, name, city] of [
    ['09 420 000 901', 'Mya', 'Mandalay'],
    ['09 420 000 902', 'Aye', 'Yangon'],
  ]) {
    const res = await request.post('/api/v1/contacts', { headers: bearer(token), data: { phone, name, fields: { city }, groups: [g.id] } });
    expect(res.status()).toBe(201);
  }
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  try {
    await signIn(page, c.email, c.password, /\/client$/);
    await test.step('adds a template with merge fields', async () => {
      await page.goto('/client/templates');
      const form = page.getByTestId('template-add');
      await form.getByLabel('Name').fill('Weekly');
      await form.getByLabel('Text').fill('Hi {{name}}, new stock in {{fields.city}}!');
      await form.getByRole('button', { name: 'Save template' }).click();
      await expect(page.getByTestId('template-list')).toContainText('Weekly');
    });
    await test.step('builds the campaign: the preview renders for a real contact, with the counter', async () => {
      await page.goto('/client/campaigns/new');
      const b = page.getByTestId('campaign-builder');
      await b.getByLabel('Campaign name').fill('Stock news');
      await page.getByTestId(`cb-group-${g.id}`).check();
      await page.getByTestId('cb-use-template').check();
      await expect(page.getByTestId('cb-preview-text')).toHaveText('Hi Aye, new stock in Yangon!');
      await expect(page.getByTestId('cb-counter')).toContainText('1 SMS');
      await b.getByRole('button', { name: 'Send campaign' }).click();
      await expect(page).toHaveURL(/\/client\/campaigns\/\d+$/);
    });
    await test.step('the campaign page: both recipients with their own text', async () => {
      await expect(page.getByTestId('count-queued')).toContainText('2');
      const list = page.getByTestId('campaign-recipients');
      await expect(list).toContainText('Hi Mya, new stock in Mandalay!');
      await expect(list).toContainText('Hi Aye, new stock in Yangon!');
      await page.goto('/client/campaigns');
      await expect(page.getByTestId('campaigns')).toContainText('Stock news');
    });
  } finally {
    await ctx.close();
  }
});
