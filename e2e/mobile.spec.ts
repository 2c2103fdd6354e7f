// On a phone the reseller can still find clients and activate a package: nothing pushes the page sideways
// and the controls can be tapped.
import { expect, test } from '@playwright/test';
import { AUTH_STATE, expectNoHorizontalOverflow, unique } from './helpers';

test.use({ storageState: AUTH_STATE.reseller, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('reseller clients page and activation form fit a 390px phone', async ({ page }) => {
  const id = unique();

  await page.goto('/reseller/clients');
  const table = page.getByTestId('clients-table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('link', { name: 'Demo Client' })).toBeVisible();
  await expect(page.getByTestId('credit-balance')).toBeVisible();
  await expectNoHorizontalOverflow(page);

  // The page's own "New client" button is on screen and works by tapping.
  const newClient = page.getByRole('main').getByRole('link', { name: 'New client' });
  await expect(newClient).toBeInViewport();
  await newClient.tap();
  await expect(page).toHaveURL(/\/reseller\/clients\/new$/);
  await expectNoHorizontalOverflow(page);

  const form = page.getByTestId('create-client-form');
  await form.getByLabel('Contact name').fill(`Phone Client ${id}`);
  await form.getByLabel('Login email').fill(`e2e-phone-${id}@example.com`);
  await form.getByLabel('Password (min 6)').fill('e2e-phone-pass');
  await form.getByRole('button', { name: 'Create client' }).tap();
  await expect(page).toHaveURL(/\/reseller\/clients\/\d+\?created=1$/);
  await expect(page.getByTestId('client-status')).toHaveText('trial');

  const activation = page.getByTestId('activation-form');
  await expect(activation).toBeVisible();
  await expectNoHorizontalOverflow(page);
  const starter = activation.getByRole('radio', { name: /Starter Pro/ });
  await starter.tap();
  await expect(starter).toBeChecked();
  await expect(activation.getByTestId('preview-cost')).toHaveText('50,000 MMK');
  await expect(activation.getByTestId('preview-balance-after')).toBeVisible();
  await expectNoHorizontalOverflow(page);

  const submit = activation.getByTestId('activate-submit');
  await submit.scrollIntoViewIfNeeded();
  await expect(submit).toBeInViewport();
  await submit.tap();
  await expect(page.getByTestId('activation-result')).toContainText('Starter Pro activated');
  await expect(page.getByTestId('client-status')).toHaveText('active');
  await expectNoHorizontalOverflow(page);
});
