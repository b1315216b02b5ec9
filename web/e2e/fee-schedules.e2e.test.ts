import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpUser, type ServerProcess } from '../../src/server/processes.js';
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
 * Fee schedules in Chromium: a provider's member publishes a version from the inbox's link; a
 * merchant of that provider takes it as the contract at onboarding, uploads a statement and sees
 * the departures from the schedule beside the verdicts. Phone and desktop sizes.
 */
const STATEMENT = path.join(ROOT, 'examples/statement.csv');

describe.skipIf(!E2E_READY)('fee schedules in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    const { server: started, admin } = await startFreshServer('feeguard-e2e-');
    server = started;
    for (const size of SIZES) {
      const provider = `鑫联支付-${size.name}`;
      const org = await admin.call<{ id: string }>('POST', '/api/organizations', {
        name: provider,
        kind: 'provider',
        providerName: provider,
      });
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

  for (const size of SIZES) {
    it(`publish a version, take it as the contract, see departures — ${size.name}`, async () => {
      const provider = `鑫联支付-${size.name}`;
      const staff = await browser.newContext({
        viewport: { width: size.width, height: size.height },
      });
      const page = await staff.newPage();
      await register(page, `kf-${size.name}@xinlian.test`, '客服');
      await page.getByTestId('fee-schedules-link').click();
      await page.getByTestId('fee-schedule-form').waitFor();
      // the first version through the form: rates and one named charge
      await page.getByLabel('版本号（如 2025版）').fill('2023版');
      await page.getByLabel('生效日期').fill('2023-01-01');
      await page.getByLabel('借记卡费率（%）').fill('0.5');
      await page.getByLabel('借记卡 封顶（元，选填）').fill('25');
      await page.getByLabel('其他卡费率（%）').fill('0.6');
      await page.getByLabel('收费名称（与对账单一致）').fill('系统服务费');
      await page.getByLabel('类别').click();
      await page.locator('.ant-select-item-option[title="服务费/会员费"]').click();
      await page.getByLabel('金额（元）').fill('29');
      await page.getByLabel('周期').click();
      await page.locator('.ant-select-item-option[title="每月"]').click();
      await page.getByTestId('fee-schedule-publish').click();
      const versions = page.getByTestId('fee-schedule-versions');
      await expect.poll(() => versions.innerText()).toContain('2023版');
      expect(await versions.innerText()).toContain('系统服务费（服务费/会员费）29.00');
      // the same label again: refused with the reason
      await page.getByLabel('版本号（如 2025版）').fill('2023版');
      await page.getByLabel('生效日期').fill('2024-01-01');
      await page.getByRole('button', { name: '删除此项' }).click();
      await page.getByTestId('fee-schedule-publish').click();
      await page.getByText('发布后的版本不能再改', { exact: false }).waitFor();
      await shot(page, `${size.name}-08-fee-schedule`);
      await staff.close();

      const merchant = await browser.newContext({
        viewport: { width: size.width, height: size.height },
      });
      const shop = await merchant.newPage();
      await register(shop, `shop-${size.name}@shop.test`, '张丽');
      await shop.getByText('先告诉我们您的 POS 机情况').waitFor();
      await shop.getByLabel('您的姓名').fill('张丽');
      await shop.getByLabel('收单机构（签购单或 App 上的公司名称）').fill(provider);
      // Close the suggestions before the page check (their list is not part of the form).
      await shop.keyboard.press('Escape');
      await shop.locator('#providerName_list').waitFor({ state: 'hidden' });
      await shop.getByTestId('use-fee-schedule').check();
      await shot(shop, `${size.name}-09-onboarding-schedule`);
      await shop.getByTestId('onboarding-save').click();
      await shop.getByTestId('statement-upload').setInputFiles(STATEMENT);
      await expect
        .poll(() => shop.getByTestId('schedule-departures').isVisible(), { timeout: 30_000 })
        .toBe(true);
      await expect
        .poll(() => shop.getByTestId('schedule-departure').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      expect(await shop.getByTestId('schedule-departures').innerText()).toContain('2023版');
      await shot(shop, `${size.name}-10-departures`);
      await merchant.close();
    }, 120_000);
  }

  it('the published version is what the API serves', async () => {
    const anyone = new HttpUser(server.url);
    const list = await anyone.call<{ items: { version: string }[] }>(
      'GET',
      `/api/public/fee-schedules?provider=${encodeURIComponent('鑫联支付-phone')}`,
    );
    expect(list.body.items.map((i) => i.version)).toEqual(['2023版']);
  });
});
