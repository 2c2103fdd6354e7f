// Who gets in where: wrong passwords, portals guarded by role, anonymous visitors, suspended resellers.
import { expect, test } from '@playwright/test';
import { AUTH_STATE, DEMO, signIn, submitLogin, unique } from './helpers';

test.describe('signed out', () => {
  test('a wrong password is refused with a message and no session', async ({ page }) => {
    await submitLogin(page, DEMO.admin.email, 'not-the-password');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is incorrect.');
    await expect(page).toHaveURL(/\/login$/);
    // The email stays typed in; the password does not.
    await expect(page.getByLabel('Email')).toHaveValue(DEMO.admin.email);
    await expect(page.getByLabel('Password')).toHaveValue('');
    await page.goto('/admin/resellers');
    await expect(page).toHaveURL(/\/login\?signed_out=1$/);
  });

  test('an anonymous visit to the reseller portal lands on the sign-in page', async ({ page }) => {
    await page.goto('/reseller/clients');
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByTestId('clients-table')).toHaveCount(0);
  });
});

test.describe('demo client', () => {
  test.use({ storageState: AUTH_STATE.client });

  test('visiting the admin portal sends the client back to its own portal', async ({ page }) => {
    await page.goto('/admin/resellers');
    await expect(page).toHaveURL(/\/client$/);
    await expect(page.getByTestId('resellers-table')).toHaveCount(0);
    await expect(page.getByTestId('client-status')).toBeVisible();
  });

  test('sees its trial status with the days left', async ({ page }) => {
    await page.goto('/client');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
    await expect(page.getByTestId('client-status')).toHaveText('trial');
    await expect(page.getByTestId('client-package')).toHaveText('Free trial');
    const daysLeft = Number(await page.getByTestId('client-days-left').textContent());
    expect(daysLeft).toBeGreaterThanOrEqual(1);
    expect(daysLeft).toBeLessThanOrEqual(30);
    await expect(page.getByText(/^until \d{1,2} \w+ \d{4}$/)).toBeVisible();
    await expect(page.getByTestId('expired-screen')).toHaveCount(0);
    // The provider card names the reseller (payment accounts below may repeat the name as account holder).
    await expect(
      page
        .getByRole('main')
        .getByRole('definition')
        .filter({ hasText: /^Demo Reseller$/ }),
    ).toBeVisible();
  });
});

test('a reseller suspended by the admin is signed out and cannot sign in again', async ({ page, request }) => {
  const id = unique();
  const reseller = { email: `e2e-suspend-${id}@example.com`, password: 'e2e-suspend-pass' };

  const login = await request.post('/api/admin/auth/login', { data: DEMO.admin });
  expect(login.status()).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const headers = { Authorization: `Bearer ${token}` };

  const created = await request.post('/api/admin/resellers', {
    headers,
    data: {
      partner_type: 'own_plans',
      name: `E2E Suspended ${id}`,
      email: reseller.email,
      phone: '+95 9 123 456 789',
      password: reseller.password,
      subdomain: `e2es${id}`,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: resellerId } = (await created.json()) as { id: number };

  // While active the reseller gets in.
  await signIn(page, reseller.email, reseller.password, /\/reseller$/);
  await expect(page.getByTestId('credit-balance')).toHaveText('0 MMK');

  const suspended = await request.patch(`/api/admin/resellers/${resellerId}`, { headers, data: { status: 'suspended' } });
  expect(suspended.status(), await suspended.text()).toBe(200);
  expect(((await suspended.json()) as { status: string }).status).toBe('suspended');

  // The open session ends on the next request.
  await page.reload();
  await expect(page).toHaveURL(/\/login\?signed_out=1$/);
  await expect(page.getByText('You were signed out. Please sign in again.')).toBeVisible();

  // And the right password no longer gets in.
  await submitLogin(page, reseller.email, reseller.password);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('This account is suspended. Contact your provider.');
  await expect(page).toHaveURL(/\/login$/);
});
