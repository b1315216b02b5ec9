import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditStatements } from '../../src/audit/audit.js';
import { parseContract } from '../../src/audit/contract.js';
import { beijingToday } from '../src/dates.js';
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
 * A merchant corrects the contract on the page of a complaint already filed with the provider's
 * customer service, at phone size: the complaint is not changed behind their back — the page
 * says how many more deductions are now claimable and offers to add them; once added, the claim
 * is the CLI's for the corrected contract. The contract card says when it was corrected.
 */
const SAMPLES = path.join(ROOT, 'test/fixtures/samples');
const STATEMENT = readFileSync(path.join(SAMPLES, '03-plain.csv'));
const FULL = JSON.parse(readFileSync(path.join(SAMPLES, '03-plain.contract.json'), 'utf8')) as {
  agreedCharges: { category: string }[];
};
const WITHOUT_DEPOSIT = {
  ...FULL,
  agreedCharges: FULL.agreedCharges.filter((c) => c.category !== 'deposit'),
};

async function cliClaim(contract: unknown): Promise<string> {
  const report = await auditStatements(
    [{ file: '03-plain.csv', chunks: Readable.from([STATEMENT]) }],
    { contract: parseContract(contract) },
  );
  return report.claim.total;
}

const PHONE = SIZES.find((s) => s.name === 'phone') ?? SIZES[0];

describe.skipIf(!E2E_READY)(
  'a corrected contract and a complaint already filed, in Chromium',
  () => {
    let server: ServerProcess;
    let browser: Browser;

    beforeAll(async () => {
      ({ server } = await startFreshServer('feeguard-e2e-correction-'));
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser.close();
      await server.stop();
    });

    it('offers the newly claimable deductions to the filed complaint and adds them on request — phone', async () => {
      const before = await cliClaim(FULL);
      const after = await cliClaim(WITHOUT_DEPOSIT);
      expect(after).not.toBe(before);
      const user = new HttpUser(server.url);
      await registerVerified(user, server, {
        name: '王芳',
        email: 'filed@shop.test',
        password: 'a long password',
      });
      const merchant = await user.call<{ id: string }>('POST', '/api/merchants', {
        name: '王芳',
        businessName: '芳芳水果店',
        providerName: '鑫联支付有限公司',
        providerType: 'payment_institution',
        complainantType: 'individual_merchant',
        contract: FULL,
      });
      expect(await user.upload(merchant.body.id, '03-plain.csv', STATEMENT)).toBe(201);
      const opened = await user.call<{ id: string }>('POST', '/api/cases', {
        merchantId: merchant.body.id,
      });
      const filing = await user.call<{ id: string }>(
        'POST',
        `/api/cases/${opened.body.id}/filings`,
        {
          channelId: 'payment_institution_customer_service',
        },
      );
      await user.call('PATCH', `/api/filings/${filing.body.id}`, {
        action: 'submit',
        submittedAt: beijingToday(),
        reference: 'KF-2026-1',
      });

      const context = await browser.newContext({
        viewport: { width: PHONE.width, height: PHONE.height },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const [name = '', value = ''] = user.cookie.split('=');
      await context.addCookies([{ name, value, url: server.url }]);
      const page = await context.newPage();
      await page.goto(`${server.url}/cases/${opened.body.id}`);
      await page.getByTestId('case-plan').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('case-claim').innerText()).toContain(before);
      expect(await page.getByTestId('case-offered').count()).toBe(0);

      // The deposit was never agreed: corrected on the case page.
      const card = page.getByTestId('contract-card');
      await card.getByTestId('contract-edit').click();
      await expect.poll(() => card.getByTestId('agreed-charge').count()).toBe(3);
      await card.getByTestId('agreed-charge').last().getByText('删除这一项').click();
      await expect.poll(() => card.getByTestId('agreed-charge').count()).toBe(2);
      await card.getByTestId('contract-save').click();
      const saved = card.getByTestId('contract-saved');
      await expect
        .poll(() => saved.innerText(), { timeout: 30_000 })
        .toContain('这件投诉已经提交过，没有自动改动');
      expect(await saved.innerText()).toContain(`追讨金额仍是 ${before} 元`);
      expect(await card.getByTestId('contract-changed-on').innerText()).toBe(
        `约定于 ${beijingToday()} 修改。`,
      );

      await card.screenshot({ path: path.join(SHOTS, 'phone-correction-00-contract.png') });

      // Offered, not added: the claim is what was filed.
      const offered = page.getByTestId('case-offered');
      await offered.waitFor();
      const count = await offered.getByTestId('offered-deduction').count();
      expect(count).toBeGreaterThan(0);
      expect(await offered.innerText()).toContain(`还有 ${String(count)} 笔扣款`);
      expect(await page.getByTestId('case-claim').innerText()).toContain(before);
      await offered.scrollIntoViewIfNeeded();
      await checkPage(page, 'phone-correction-01-offered');

      await offered.getByTestId('add-offered').click();
      await expect.poll(() => page.getByTestId('case-claim').innerText()).toContain(after);
      expect(await page.getByTestId('case-offered').count()).toBe(0);
      await checkPage(page, 'phone-correction-02-added');
      await context.close();
    }, 120_000);
  },
);
