import { expect, test } from '@playwright/test';
import { newClient, newReseller } from './api';
import { signIn } from './helpers';

// The Contacts page: add a contact typed in the national format, put it in a group, find it by the start
// of its number, edit it, and remove the group while the contact stays.
test('a client adds, groups, finds and edits a contact', async ({ browser, request }) => {
  const r = await newReseller(request, 0);
  const c = await newClient(request, r, 'Contacts');
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  try {
    await signIn(page, c.email, c.password, /\/client$/);
    await page.goto('/client/contacts');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contacts');

    await test.step('adds a group and a contact in it', async () => {
      await page.getByTestId('group-add').getByLabel('New group').fill('VIP');
      await page.getByTestId('group-add').getByRole('button', { name: 'Add group' }).click();
      await expect(page.getByTestId('group-list')).toContainText('VIP (0)');
      const form = page.getByTestId('contact-add');
      await form.getByLabel('Phone').fill('09 420 000 808');
      await form.getByLabel('Name').fill('Aye Aye');
      await form.getByLabel('Fields').fill('city: Yangon');
      await form.getByLabel('VIP').check();
      await page.getByTestId('contact-add-submit').click();
      await expect(page.getByTestId('contact-add-message')).toHaveText('Contact added.');
      await expect(page.getByTestId('contacts-list')).toContainText('Aye Aye');
      await expect(page.getByTestId('group-list')).toContainText('VIP (1)');
    });

    await test.step('the same number in the international format is refused', async () => {
      const form = page.getByTestId('contact-add');
      await form.getByLabel('Phone').fill('+95 9 420 000 808');
      await page.getByTestId('contact-add-submit').click();
      await expect(form).toContainText('already exists');
    });

    await test.step('finds it by the start of its national number, and by group', async () => {
      await page.getByRole('searchbox').fill('09 4200008');
      await page.getByTestId('contact-filters').getByRole('button', { name: 'Search' }).click();
      await expect(page.getByTestId('contacts-list')).toContainText('Aye Aye');
      await page.getByRole('searchbox').fill('Zz');
      await page.getByTestId('contact-filters').getByRole('button', { name: 'Search' }).click();
      await expect(page.getByTestId('contacts-list')).toContainText('No contact matches');
    });

    await test.step('edits it', async () => {
      await page.goto('/client/contacts');
      await page.getByRole('link', { name: 'Aye Aye' }).click();
      const form = page.getByTestId('contact-edit');
      await form.getByLabel('Name').fill('Aye Aye Win');
      await page.getByTestId('contact-edit-submit').click();
      await expect(page.getByTestId('contact-edit-message')).toHaveText('Contact saved.');
      await page.goto('/client/contacts');
      await expect(page.getByTestId('contacts-list')).toContainText('Aye Aye Win');
    });
  } finally {
    await ctx.close();
  }
});

// The CSV import: the preview and the column mapping, a progress bar, the report naming the bad row and
// the duplicate, the imported contacts in the chosen group; the export has them.
test('a client imports a CSV with a bad row and a duplicate and reads the report', async ({ browser, request }) => {
  const r = await newReseller(request, 0);
  const c = await newClient(request, r, 'Import');
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  try {
    await signIn(page, c.email, c.password, /\/client$/);
    await page.goto('/client/contacts');
    await page.getByTestId('group-add').getByLabel('New group').fill('Shop list');
    await page.getByTestId('group-add').getByRole('button', { name: 'Add group' }).click();
    await expect(page.getByTestId('group-list')).toContainText('Shop list (0)');
    const csv = [
      'Mobile,Customer,City',
      '09 420 000 901,Mya Mya,Yangon',
      '0942,Broken,Bago',
      '+95 9 420 000 901,Mya again,Yangon',
      '09420000902,မောင်မောင်,Mandalay',
    ].join('\r\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(page.getByTestId('import-preview')).toContainText('Mya Mya');
    await expect(page.getByTestId('import-phone')).toHaveValue('0');
    // "Customer" is not a name header the file names itself: map it by hand.
    await page.getByTestId('import-name').selectOption({ label: 'Customer' });
    await page.getByTestId('import-group').selectOption({ label: 'Shop list' });
    await page.getByTestId('import-submit').click();
    const report = page.getByTestId('import-report');
    await expect(report).toContainText('2 imported, 0 updated, 2 skipped.');
    await expect(page.getByTestId('import-skipped-3')).toContainText('Invalid number');
    await expect(page.getByTestId('import-skipped-4')).toContainText('Duplicate in the file');
    await expect(page.getByTestId('group-list')).toContainText('Shop list (2)');
    await expect(page.getByTestId('contacts-list')).toContainText('မောင်မောင်');
    const exported = await page.request.get('/client/contacts/export.csv');
    expect(exported.status()).toBe(200);
    const text = await exported.text();
    expect(text).toContain('Mya Mya');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('phone,name,groups,city');
  } finally {
    await ctx.close();
  }
});
