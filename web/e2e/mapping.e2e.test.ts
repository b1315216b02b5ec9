import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpUser, registerVerified, type ServerProcess } from '../../src/server/processes.js';
import {
  E2E_READY,
  checkPage,
  launchChromium,
  registerInBrowser,
  startFreshServer,
} from './harness.js';

/**
 * A layout the reader does not know (no header, two columns that could each be the amount):
 * merchant A maps the columns on a phone and sees the claim; merchant B is still asked while the
 * mapping is only proposed; the administrator approves it; merchant B's file of the same layout
 * is then read without asking. Screenshots of the mapping step at phone and desktop sizes.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'feeguard-e2e-mapping-files-'));
const file = (name: string, rows: string[]) => {
  const at = path.join(dir, name);
  writeFileSync(at, `${rows.join('\n')}\n`, 'utf8');
  return at;
};
const FIRST = file('shop-a.csv', [
  '2026-03-01,消费,100.00,12.00',
  '2026-03-02,消费,200.00,13.00',
  '2026-03-03,流量费,99.00,14.00',
  '2026-03-04,消费,300.00,15.00',
]);
const SECOND = file('shop-b.csv', [
  '2026-05-11,消费,80.00,2.00',
  '2026-05-12,流量费,99.00,3.00',
  '2026-05-13,消费,60.00,4.00',
]);

/** Dates without a year and no period stated above the table: no choice of columns can help. */
const YEARLESS = file('yearless.csv', [
  '某某支付商户交易明细',
  '交易时间,交易类型,交易金额,手续费,结算金额',
  '12-30 10:51,消费,100.00,0.60,99.40',
  '01-02 09:10,消费,200.00,1.20,198.80',
  '01-03 14:00,流量费,-99.00,0.00,-99.00',
]);

describe.skipIf(!E2E_READY)('mapping the columns of an unknown layout in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    const { server: started } = await startFreshServer('feeguard-e2e-mapping-');
    server = started;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  async function merchant(width: number, height: number, email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(server.url);
    await registerInBrowser(page, server, { email, name: '王芳' });
    await page.getByText('先告诉我们您的 POS 机情况').waitFor();
    await page.getByLabel('您的姓名').fill('王芳');
    await page.getByLabel('店铺名称').fill(`芳芳小吃-${email}`);
    await page.getByLabel('收单机构（签购单或 App 上的公司名称）').fill('鑫联支付有限公司');
    await page.getByLabel('借记卡费率（%）').fill('0.5');
    await page.getByLabel('借记卡封顶（元）').fill('25');
    await page.getByLabel('信用卡费率（%）').fill('0.6');
    await page.getByTestId('onboarding-save').click();
    await page.getByTestId('statement-upload').waitFor();
    return page;
  }

  it('A maps the columns, the admin approves, B is not asked', async () => {
    // Merchant A on a phone: asked, maps, sees the claim.
    const a = await merchant(360, 740, 'a@mapping.test');
    await uploadInput(a).setInputFiles(FIRST);
    await a.getByTestId('column-mapping').waitFor({ timeout: 30_000 });
    expect(await a.getByTestId('column-role-1').inputValue()).toBe('date');
    expect(await a.getByTestId('column-role-3').inputValue()).toBe('amount');
    await a.getByTestId('column-role-2').selectOption('description');
    await a.getByTestId('column-role-4').selectOption('fee');
    expect(await a.getByTestId('column-mapping').innerText()).toContain('流量费');
    await checkPage(a, 'phone-mapping', '[data-testid="column-mapping"]');
    await a.getByTestId('mapping-submit').click();
    await a.getByTestId('claim-total').waitFor({ timeout: 30_000 });
    expect(await a.getByTestId('claim-total').innerText()).toMatch(/\d+\.\d{2}/u);
    expect(await a.getByTestId('layout-mapping-note').innerText()).toContain('按您选择的格式读取');
    await checkPage(a, 'phone-mapping-claim');

    // Merchant B on a desktop, before approval: still asked.
    const b = await merchant(1280, 800, 'b@mapping.test');
    await uploadInput(b).setInputFiles(SECOND);
    await b.getByTestId('column-mapping').waitFor({ timeout: 30_000 });
    await checkPage(b, 'desktop-mapping', '[data-testid="column-mapping"]');
    await b.getByRole('button', { name: '取消' }).click();

    // The administrator approves the proposed mapping.
    const admin = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    await admin.goto(server.url);
    await admin.getByRole('tab', { name: '登录' }).click();
    await admin.locator('#login_email').fill('admin@e2e.test');
    await admin.locator('#login_password').fill('admin password 1');
    await admin.getByTestId('login-submit').click();
    await admin.getByRole('link', { name: '管理' }).click();
    await admin.getByTestId('layout-mapping-row').waitFor();
    expect(await admin.getByTestId('layout-mapping-row').innerText()).toContain('手续费 = 第 4 列');
    await checkPage(admin, 'desktop-mapping-admin', '[data-testid="layout-mappings-admin"]');
    await admin.getByTestId('layout-mapping-approve').click();
    await admin.getByText('没有待审核的格式').waitFor();

    // Merchant B again: read at once, and told so.
    await uploadInput(b).setInputFiles(SECOND);
    await b.getByTestId('layout-mapping-note').waitFor({ timeout: 30_000 });
    expect(await b.getByTestId('layout-mapping-note').innerText()).toContain('按已确认的格式读取');
    expect(await b.getByTestId('column-mapping').count()).toBe(0);
    await b.getByTestId('claim-total').waitFor();
    expect(await b.getByTestId('claim-total').innerText()).toMatch(/\d+\.\d{2}/u);
  }, 180_000);
});

describe.skipIf(!E2E_READY)('a statement whose dates have no year, in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    ({ server } = await startFreshServer('feeguard-e2e-yearless-'));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('says the dates have no year and what to do, and offers no column mapping — phone', async () => {
    const user = new HttpUser(server.url);
    await registerVerified(user, server, {
      name: '王芳',
      email: 'yearless@mapping.test',
      password: 'a long password',
    });
    await user.call('POST', '/api/merchants', {
      name: '王芳',
      providerName: '鑫联支付有限公司',
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
    });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const [name = '', value = ''] = user.cookie.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    await page.goto(server.url);
    await uploadInput(page).setInputFiles(YEARLESS);
    const error = page.getByTestId('upload-error');
    await error.waitFor({ timeout: 30_000 });
    const words = await error.innerText();
    expect(words).toContain('日期没有年份');
    expect(words).toContain('重新导出带年份的完整日期');
    expect(words).toContain('账单周期');
    expect(await page.getByTestId('column-mapping').count()).toBe(0);
    await checkPage(page, 'phone-yearless');
    await context.close();
  }, 120_000);
});

function uploadInput(p: Page) {
  return p.getByTestId('statement-upload');
}
