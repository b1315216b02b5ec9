import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess } from '../../src/server/processes.js';
import {
  E2E_READY,
  ROOT,
  SIZES,
  checkPage,
  launchChromium,
  registerInBrowser,
  startFreshServer,
} from './harness.js';

/**
 * The merchant story in Debian's Chromium, on a server started on a fresh database: sign up,
 * describe the shop, upload a statement, see the claim, start a complaint, record the filing;
 * the provider answers from its own account; the merchant disputes and escalates. At phone and
 * desktop sizes, with a screenshot of every main page in test-results/.
 */
const STATEMENT = path.join(ROOT, 'examples/statement.csv');

describe.skipIf(!E2E_READY)('the web app in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    const { server: started, admin } = await startFreshServer('feeguard-e2e-');
    server = started;
    const org = await admin.call<{ id: string }>('POST', '/api/organizations', {
      name: '鑫联支付有限公司',
      kind: 'provider',
      providerName: '鑫联支付有限公司',
    });
    for (const size of SIZES) {
      await admin.call('POST', `/api/organizations/${org.body.id}/members`, {
        email: `kf-${size.name}@xinlian.test`,
      });
    }
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  async function shot(page: Page, name: string) {
    await checkPage(page, name);
  }

  async function register(page: Page, email: string, name: string) {
    await page.goto(server.url);
    await registerInBrowser(page, server, { email, name });
  }

  it('an admin manages organizations and the channel knowledge base', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('tab', { name: '登录' }).click();
    await page.locator('#login_email').fill('admin@e2e.test');
    await page.locator('#login_password').fill('admin password 1');
    await page.getByTestId('login-submit').click();
    await page.getByRole('link', { name: '管理' }).click();
    await page.getByText('鑫联支付有限公司').first().waitFor();
    await page.getByLabel('渠道知识库').click();
    await page.getByText('(pboc_12363)').click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'pboc_12363' }).inputValue())
      .toContain('"verifiedAt"');
    await shot(page, 'desktop-07-admin');
    await page.getByRole('button', { name: '保存渠道' }).click();
    await page.getByText('已保存').waitFor();
    await context.close();
  }, 60_000);

  for (const size of SIZES) {
    it(`sign-up to a filed, answered, disputed and escalated complaint — ${size.name}`, async () => {
      const merchant = await browser.newContext({
        viewport: { width: size.width, height: size.height },
      });
      const page = await merchant.newPage();
      await register(page, `zhangli-${size.name}@shop.test`, '张丽');
      await page.getByText('先告诉我们您的 POS 机情况').waitFor();
      await shot(page, `${size.name}-01-onboarding`);
      await page.getByLabel('您的姓名').fill('张丽');
      await page.getByLabel('店铺名称').fill(`丽丽便利店-${size.name}`);
      await page.getByLabel('收单机构（签购单或 App 上的公司名称）').fill('鑫联支付有限公司');
      await page.getByLabel('借记卡费率（%）').fill('0.5');
      await page.getByLabel('借记卡封顶（元）').fill('25');
      await page.getByLabel('信用卡费率（%）').fill('0.6');
      await page.getByTestId('onboarding-save').click();

      await page.getByTestId('statement-upload').setInputFiles(STATEMENT);
      await expect
        .poll(() => page.getByTestId('claim-total').isVisible(), { timeout: 30_000 })
        .toBe(true);
      const claim = await page.getByTestId('claim-total').innerText();
      expect(claim).toMatch(/\d+\.\d{2}/u);
      expect(await page.getByTestId('finding-row').count()).toBeGreaterThan(0);
      // A deduction of unclear purpose the merchant never agreed to joins the claim.
      await page.getByTestId('review-not-agreed').first().click();
      await expect.poll(() => page.getByTestId('claim-total').innerText()).not.toBe(claim);
      await shot(page, `${size.name}-02-findings`);

      await page.getByTestId('create-case').click();
      await page.getByTestId('case-plan').waitFor();
      expect(await page.getByTestId('plan-step').count()).toBeGreaterThanOrEqual(3);
      await page.getByTestId('file-with').click();
      // How to file comes first, then the letter, then "I have filed it".
      await page.getByTestId('how-to-file').waitFor();
      expect(await page.getByTestId('file-contact').count()).toBeGreaterThan(0);
      const order = await page.evaluate(() =>
        ['how-to-file', 'letter-preview', 'filing-submitted'].map(
          (id) =>
            document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect().top ?? -1,
        ),
      );
      expect(order.every((top) => top >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      await shot(page, `${size.name}-03a-how-to-file`);
      await page.getByTestId('filing-reference').fill('KF-E2E-001');
      await page.getByTestId('filing-submitted').click();
      await expect.poll(() => page.getByTestId('case-status').innerText()).toBe('等待答复');
      await expect.poll(() => page.getByTestId('letter-preview').innerText()).toContain('投诉书');
      await shot(page, `${size.name}-03-case`);
      const caseUrl = page.url();

      // The provider answers from its own account: a part refund.
      const provider = await browser.newContext({
        viewport: { width: size.width, height: size.height },
      });
      const inbox = await provider.newPage();
      await register(inbox, `kf-${size.name}@xinlian.test`, '客服');
      const row = inbox.getByTestId('inbox-row').filter({ hasText: `丽丽便利店-${size.name}` });
      await row.waitFor();
      await shot(inbox, `${size.name}-04-inbox`);
      await row.getByTestId('inbox-respond').click();
      await inbox.getByLabel('退款金额（元）').fill('20');
      await inbox.getByLabel('说明').fill('已退还部分流量费，押金按协议不予退还。');
      await inbox.getByTestId('respond-submit').click();
      await expect.poll(() => row.innerText()).toContain('已答复');
      // The provider reads the case behind the row; its menu has no shop of its own.
      expect(await inbox.getByRole('link', { name: '我的店铺' }).count()).toBe(0);
      await row.getByTestId('inbox-open-case').click();
      await inbox.getByTestId('case-status').waitFor();
      await expect.poll(() => inbox.getByTestId('letter-preview').innerText()).toContain('投诉书');
      expect(await inbox.getByTestId('review-accept').count()).toBe(0);
      await shot(inbox, `${size.name}-04a-provider-case`);

      // The merchant's case opens on the decision, not on the plan running ahead of it.
      await page.goto(caseUrl);
      await page.getByTestId('next-action').waitFor();
      expect(await page.getByTestId('next-action').innerText()).toContain('请决定');
      expect(await page.getByTestId('case-plan').innerText()).not.toContain('有争议');
      await shot(page, `${size.name}-04b-decide`);

      // The merchant disputes the answer and escalates to the regulator.
      await page.goto(caseUrl);
      await page.getByTestId('review-dispute').click();
      await page.getByTestId('escalate').waitFor();
      await page.getByTestId('escalate').click();
      await expect.poll(() => page.getByTestId('filing-submitted').count()).toBe(1);
      await shot(page, `${size.name}-05-escalated`);

      await page.getByTestId('lang-switch').click();
      await expect.poll(() => page.getByTestId('lang-switch').innerText()).toBe('中文');
      await shot(page, `${size.name}-06-english`);
      await merchant.close();
      await provider.close();
    }, 120_000);
  }
});
