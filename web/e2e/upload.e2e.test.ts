import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpUser, registerVerified, type ServerProcess } from '../../src/server/processes.js';
import {
  E2E_READY,
  ROOT,
  SHOTS,
  SIZES,
  checkPage,
  launchChromium,
  startFreshServer,
} from './harness.js';

/**
 * Issue 13 in Debian's Chromium, at phone and desktop sizes: the upload says what it read and
 * found; a statement with nothing to claim says so and why; every deduction of a kind is answered
 * with one tap; and at 00:30 and 23:30 in Beijing the date the app fills in is Beijing's.
 */
const STATEMENT = path.join(ROOT, 'examples/statement.csv');
const CONTRACT = path.join(ROOT, 'examples/contract.json');

describe.skipIf(!E2E_READY)('the upload and the dates in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    ({ server } = await startFreshServer('feeguard-e2e-upload-'));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  /** A merchant with a shop, signed in over the API; the browser carries their session. */
  async function merchantBrowser(
    email: string,
    size: { width: number; height: number },
    contract?: unknown,
  ): Promise<{ context: BrowserContext; user: HttpUser; merchantId: string }> {
    const user = new HttpUser(server.url);
    await registerVerified(user, server, { name: '张丽', email, password: 'a long password' });
    const shop = await user.call<{ id: string }>('POST', '/api/merchants', {
      name: '张丽',
      businessName: '丽丽便利店',
      providerName: '鑫联支付有限公司',
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      ...(contract ? { contract } : {}),
    });
    const context = await browser.newContext({ viewport: size });
    const [name = '', value = ''] = user.cookie.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
    return { context, user, merchantId: shop.body.id };
  }

  it('an empty shop says where to get a statement, in Chinese and English, and stops once one is uploaded — phone', async () => {
    const phone = SIZES.find((s) => s.name === 'phone') ?? SIZES[0];
    const { context } = await merchantBrowser('empty-phone@shop.test', phone);
    const page = await context.newPage();
    await page.goto(server.url);
    const help = page.getByTestId('where-to-get-statement');
    await help.waitFor({ timeout: 30_000 });
    const zh = await help.innerText();
    for (const words of ['商户 App', '导出', '网页商户后台', '银行', '扣费短信', '.xlsx', 'PDF']) {
      expect(zh).toContain(words);
    }
    // the upload control is right there, above the help, within the first screen
    const upload = await page.getByTestId('statement-dropzone').boundingBox();
    expect(upload && upload.y + upload.height).toBeLessThan(phone.height);
    await checkPage(page, 'phone-12-empty-shop');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => help.innerText()).toContain('merchant app');
    expect(await help.innerText()).not.toMatch(/\p{Script=Han}/u);
    await checkPage(page, 'phone-13-empty-shop-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByTestId('statement-upload').setInputFiles(STATEMENT);
    await page.getByTestId('upload-summary').waitFor({ timeout: 30_000 });
    expect(await help.count()).toBe(0);
    // and not again on the next visit
    await page.reload();
    await page.getByTestId('claim-total').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('where-to-get-statement').count()).toBe(0);
    await context.close();
  }, 120_000);

  for (const size of SIZES) {
    it(`an upload tells what it read; unclear deductions are answered a kind at a time — ${size.name}`, async () => {
      const { context } = await merchantBrowser(`story-${size.name}@shop.test`, size);
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByTestId('statement-upload').setInputFiles(STATEMENT);
      await page.getByTestId('upload-summary').waitFor({ timeout: 30_000 });
      const rows = await page.getByTestId('upload-rows').innerText();
      expect(rows).toContain('行记录');
      expect(rows).toMatch(/2024-02-01 至 2024-\d{2}-\d{2}/u);
      expect(await page.getByTestId('upload-columns').innerText()).toContain('“交易时间” → 日期');
      expect(await page.getByTestId('upload-category').count()).toBeGreaterThan(0);
      // Without a contract nothing is known to be agreed: no red zero, the question instead.
      const claim = page.getByTestId('claim-total');
      await expect.poll(() => claim.innerText()).toContain('还没有确定可以追回的金额');
      await page.getByTestId('bulk-review').waitFor();
      await checkPage(page, `${size.name}-10-upload-story`);
      const kinds = await page.getByTestId('bulk-kind').count();
      expect(kinds).toBeGreaterThan(0);
      await page.getByTestId('bulk-not-agreed').first().click();
      await expect.poll(() => claim.innerText()).toMatch(/\d+\.\d{2}/u);
      await expect.poll(() => page.getByTestId('bulk-kind').count()).toBe(kinds - 1);
      await page.getByTestId('create-case').waitFor();
      await checkPage(page, `${size.name}-11-after-bulk`);
      await context.close();
    }, 120_000);

    it(`a statement with nothing to claim says so and why — ${size.name}`, async () => {
      const { context } = await merchantBrowser(`clean-${size.name}@shop.test`, size);
      const page = await context.newPage();
      const file = path.join(SHOTS, `clean-${size.name}.csv`);
      const lines = (await import('node:fs')).readFileSync(STATEMENT, 'utf8').split('\n');
      writeFileSync(file, `${lines.slice(0, 8).join('\n')}\n`);
      await page.goto(server.url);
      await page.getByTestId('statement-upload').setInputFiles(file);
      await page.getByTestId('nothing-to-claim').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('nothing-to-claim').innerText()).toContain('没有需要追讨的钱');
      expect(await page.getByTestId('upload-rows').innerText()).toContain('7 行记录');
      expect(await page.getByTestId('create-case').count()).toBe(0);
      await checkPage(page, `${size.name}-12-nothing-to-claim`);
      await context.close();
    }, 120_000);
  }

  for (const [label, hhmm] of [
    ['00:30', 'T00:30:00+08:00'],
    ['23:30', 'T23:30:00+08:00'],
  ] as const) {
    it(`a filing recorded at ${label} Beijing time is dated that Beijing day`, async () => {
      const contract = JSON.parse(
        (await import('node:fs')).readFileSync(CONTRACT, 'utf8'),
      ) as unknown;
      const { context, user, merchantId } = await merchantBrowser(
        `clock-${label.replace(':', '')}@shop.test`,
        { width: 360, height: 740 },
        contract,
      );
      // Today in Beijing (what the server counts from), at the chosen hour.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
        new Date(),
      );
      await context.clock.setFixedTime(new Date(`${today}${hhmm}`));
      const page = await context.newPage();
      expect(await page.evaluate(() => new Date().toISOString().slice(0, 10))).not.toBe(
        label === '00:30' ? today : 'never',
      );
      await page.goto(server.url);
      await page.getByTestId('statement-upload').setInputFiles(STATEMENT);
      await page.getByTestId('create-case').click({ timeout: 30_000 });
      await page.getByTestId('case-plan').waitFor();
      await page.getByTestId('file-with').click();
      await page.getByTestId('filing-reference').fill('KF-CLOCK-1');
      await page.getByTestId('filing-submitted').click();
      await expect.poll(() => page.getByTestId('case-status').innerText()).toBe('等待答复');
      const cases = await user.call<{ items: { id: string }[] }>('GET', '/api/cases');
      const detail = await user.call<{ filings: { submittedAt: string | null }[] }>(
        'GET',
        `/api/cases/${cases.body.items[0]?.id ?? ''}`,
      );
      expect(detail.body.filings[0]?.submittedAt?.slice(0, 10)).toBe(today);
      expect(merchantId).not.toBe('');
      await context.close();
    }, 120_000);
  }
});
