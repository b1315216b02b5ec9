import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpUser, registerVerified, type ServerProcess } from '../../src/server/processes.js';
import { E2E_READY, ROOT, SIZES, checkPage, launchChromium, startFreshServer } from './harness.js';

/**
 * Publishing a case in the public complaint database from the case page, in Chromium at phone
 * and desktop sizes: the merchant sees the scrubbed preview, consents, publishes, and withdraws.
 */
const STATEMENT = readFileSync(path.join(ROOT, 'examples/statement.csv'));
const CONTRACT = JSON.parse(
  readFileSync(path.join(ROOT, 'examples/contract.json'), 'utf8'),
) as unknown;

describe.skipIf(!E2E_READY)('publishing a case from the case page', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    const { server: started, admin } = await startFreshServer('feeguard-e2e-publish-');
    server = started;
    // The public pages name a provider only when FeeGuard knows it: an organization does.
    const org = await admin.call('POST', '/api/organizations', {
      name: '鑫联支付',
      kind: 'provider',
      providerName: '鑫联支付有限公司',
    });
    expect(org.status).toBe(201);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  async function shot(page: Page, name: string) {
    await checkPage(page, name, '[data-testid="publish-card"]');
  }

  /** A merchant with a case whose narrative holds the profile's own data, made through the API. */
  async function merchantWithCase(email: string): Promise<string> {
    const user = new HttpUser(server.url);
    await registerVerified(user, server, { email, password: 'a long password', name: '张丽' });
    const merchant = await user.call<{ id: string }>('POST', '/api/merchants', {
      name: '张丽',
      businessName: '丽丽便利店',
      merchantNo: '898959301757182',
      providerName: '鑫联支付有限公司',
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      details: { phone: '13800138000', province: '上海市', city: '上海市' },
      contract: CONTRACT,
    });
    await user.upload(merchant.body.id, 'statement.csv', STATEMENT);
    const c = await user.call<{ id: string }>('POST', '/api/cases', {
      merchantId: merchant.body.id,
      narrative:
        '丽丽便利店每月被鑫联支付扣99.00元流量费。业务员王建国说不收，张丽的电话13800138000。',
    });
    return c.body.id;
  }

  for (const size of SIZES) {
    it(`previews, publishes and withdraws — ${size.name}`, async () => {
      const email = `publish-${size.name}@shop.test`;
      const caseId = await merchantWithCase(email);
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
      });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('tab', { name: '登录' }).click();
      await page.locator('#login_email').fill(email);
      await page.locator('#login_password').fill('a long password');
      await page.getByTestId('login-submit').click();
      await page.getByRole('link', { name: '我的投诉' }).waitFor();
      await page.goto(`${server.url}/cases/${caseId}`);

      const preview = page.getByTestId('publish-preview');
      await preview.waitFor();
      const text = await preview.innerText();
      for (const secret of ['丽丽便利店', '王建国', '张丽', '13800138000']) {
        expect(text).not.toContain(secret);
      }
      expect(text).toContain('99.00元');
      expect(text).toContain('鑫联支付有限公司');
      await expect.poll(() => page.getByTestId('publish-submit').isDisabled()).toBe(true);
      await page.getByTestId('publish-preview').scrollIntoViewIfNeeded();
      await shot(page, `${size.name}-08-publish-preview`);

      await page.getByTestId('publish-consent').click();
      await page.getByTestId('publish-submit').click();
      await page.getByTestId('publish-withdraw').waitFor();
      await shot(page, `${size.name}-09-published`);
      const listed = await (await fetch(`${server.url}/api/public/complaints`)).text();
      expect(listed).toContain('[姓名]');
      expect(listed).not.toContain('13800138000');

      await page.getByTestId('publish-withdraw').click();
      await page.getByTestId('publish-consent').waitFor();
      const after = (await (await fetch(`${server.url}/api/public/complaints`)).json()) as {
        items: { narrative: string }[];
      };
      expect(
        after.items.some((i) => i.narrative.includes('流量费') && text.includes(i.narrative)),
      ).toBe(false);

      await page.getByTestId('lang-switch').click();
      await page.getByText('Public complaint database').waitFor();
      await context.close();
    }, 120_000);
  }
});
