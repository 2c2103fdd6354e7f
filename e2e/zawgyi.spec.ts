import { expect, test } from '@playwright/test';
import { apiToken, bearer, newClient, newReseller } from './api';
import { signIn } from './helpers';

// The send form's Zawgyi check (docs/zawgyi.md): a message typed in Zawgyi is offered as Unicode with a
// preview, the counter counts the Unicode text, and what is stored and sent is Unicode; "Keep as typed"
// sends the Zawgyi unchanged.

// A line of myanmar-tools' own parallel texts (a government news page): 56 characters in Zawgyi, 58 in
// Unicode, so the counter shows which one it counts.
const ZAWGYI = 'စားနပ္ရိကၡာ၊ ေထာက္ပံ့ပစၥည္း ႏွင့္ အလွဴေငြမ်ား ေပးအပ္သည္။';
const UNICODE = 'စားနပ်ရိက္ခာ၊ ထောက်ပံ့ပစ္စည်း နှင့် အလှူငွေများ ပေးအပ်သည်။';

test('a Zawgyi message is offered as Unicode and sent as Unicode', async ({ browser, request }) => {
  const r = await newReseller(request, 0, 'zg');
  const c = await newClient(request, r, 'Zawgyi shop');
  const token = await apiToken(request, '/api/v1/auth/login', c.email, c.password);
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, c.email, c.password, /\/client$/);
  const stored = async () => {
    const res = await request.get('/api/v1/messages?limit=1', { headers: bearer(token) });
    return ((await res.json()).data[0] as { message: string }).message;
  };

  await test.step('offered as Unicode with the converted preview; the counter counts the Unicode text', async () => {
    await page.goto('/client/send');
    await page.getByLabel('Recipients').fill('09 420 000 301');
    await page.getByLabel('Message').fill(ZAWGYI);
    const prompt = page.getByTestId('zawgyi-prompt');
    await expect(prompt).toContainText('This looks like Zawgyi — send as Unicode?');
    await expect(page.getByTestId('zawgyi-preview')).toHaveText(UNICODE);
    await expect(page.getByTestId('sms-counter')).toContainText(`${UNICODE.length} characters`);
    await page.getByTestId('zawgyi-use-unicode').click();
    await expect(page.getByLabel('Message')).toHaveValue(UNICODE);
    await expect(prompt).toBeHidden();
    await page.getByTestId('send-submit').click();
    await expect(page.getByTestId('send-result')).toBeVisible();
    expect(await stored()).toBe(UNICODE);
  });

  await test.step('"Keep as typed" sends the Zawgyi text unchanged', async () => {
    await page.goto('/client/send');
    await page.getByLabel('Recipients').fill('09 420 000 302');
    await page.getByLabel('Message').fill(ZAWGYI);
    await page.getByTestId('zawgyi-keep').click();
    await expect(page.getByTestId('zawgyi-kept')).toBeVisible();
    await expect(page.getByTestId('sms-counter')).toContainText(`${ZAWGYI.length} characters`);
    await page.getByTestId('send-submit').click();
    await expect(page.getByTestId('send-result')).toBeVisible();
    expect(await stored()).toBe(ZAWGYI);
  });
  await ctx.close();
});
