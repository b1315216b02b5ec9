import path from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpUser, registerVerified, type ServerProcess } from '../../src/server/processes.js';
import { E2E_READY, ROOT, SIZES, checkPage, launchChromium, startFreshServer } from './harness.js';

/**
 * Issue 13 in Debian's Chromium, at phone and desktop sizes: a merchant whose statement has only
 * 需核实 rows starts a case from them; the case asks the provider to explain them (claiming
 * nothing), and a letter fetched after the filing is recorded says the filing was made.
 */
const STATEMENT = path.join(ROOT, 'examples/statement.csv');

describe.skipIf(!E2E_READY)('a case started from 需核实 rows in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    ({ server } = await startFreshServer('feeguard-e2e-questioned-'));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  for (const size of SIZES) {
    it(`a case started from 需核实 rows — ${size.name}`, async () => {
      const user = new HttpUser(server.url);
      await registerVerified(user, server, {
        name: '张丽',
        email: `questions-${size.name}@shop.test`,
        password: 'a long password',
      });
      // No contract on file: nothing is known to be agreed or not, every fee needs review.
      await user.call('POST', '/api/merchants', {
        name: '张丽',
        businessName: '丽丽便利店',
        providerName: '鑫联支付有限公司',
        providerType: 'payment_institution',
        complainantType: 'individual_merchant',
      });
      const context = await browser.newContext({ viewport: size });
      const [name = '', value = ''] = user.cookie.split('=');
      await context.addCookies([{ name, value, url: server.url }]);
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByTestId('statement-upload').setInputFiles(STATEMENT);
      const claim = page.getByTestId('claim-total');
      await expect
        .poll(() => claim.innerText(), { timeout: 30_000 })
        .toContain('还没有确定可以追回的金额');
      const start = page.getByTestId('create-case');
      expect(await start.innerText()).toMatch(/请服务商说明这 \d+ 笔扣款/u);
      expect(await page.getByTestId('ask-explain-help').innerText()).toContain(
        '不会说您没有同意过',
      );
      await checkPage(page, `${size.name}-20-ask-explain`);

      await start.click();
      await page.getByTestId('case-plan').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('case-claim').innerText()).toContain('0.00');
      expect(await page.getByTestId('case-questioned').innerText()).toMatch(/[1-9][\d,]*\.\d{2}/u);
      // the letter is fetched after the page is drawn: wait for it, as the other e2e tests do
      await expect
        .poll(() => page.getByTestId('letter-preview').innerText(), { timeout: 30_000 })
        .toContain('逐笔说明扣款用途和收费依据');
      const letter = await page.getByTestId('letter-preview').innerText();
      expect(letter).toContain('请对方说明依据的扣款');
      expect(letter).not.toMatch(/未经本人同意|没有约定依据|追讨|needs_review/u);
      const script = page.getByTestId('call-script');
      if ((await script.count()) > 0) {
        await script.locator('summary').click();
        expect(await script.innerText()).toContain('我不清楚是什么费用');
      }
      await checkPage(page, `${size.name}-21-questioned-case`);

      // The filing is recorded; a letter made afterwards says it was made and is awaiting its answer.
      const caseId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      await page.getByTestId('file-with').click();
      await page.getByTestId('filing-reference').fill('KF-Q-1');
      await page.getByTestId('filing-submitted').click();
      await expect.poll(() => page.getByTestId('case-status').innerText()).toBe('等待答复');
      const after = await context.request.get(
        `${server.url}/api/cases/${caseId}/letter?format=txt&channel=pboc_12363`,
      );
      expect(after.status()).toBe(200);
      const text = await after.text();
      expect(text).toMatch(/通过“支付机构客服投诉”提出（工单号 KF-Q-1），正在等待答复（答复期限/u);
      expect(text).not.toContain('至今未获答复');
      await context.close();
    }, 180_000);
  }
});
