import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HttpUser,
  registerVerified,
  startServerProcess,
  type ServerProcess,
} from '../../src/server/processes.js';
import { E2E_READY, ROOT, SHOTS, SIZES, checkPage, launchChromium } from './harness.js';

/**
 * Group complaints in Debian's Chromium: a merchant whose case shares an unauthorized charge
 * with another merchant of the same provider sees the offer, consents and joins, leaves and
 * joins again, reads the joint letter and records its filing. Phone and desktop size, no
 * sideways scroll, no serious axe-core violation; screenshots in test-results/.
 */
const STATEMENT = readFileSync(path.join(ROOT, 'examples/statement.csv'));
const CONTRACT = JSON.parse(
  readFileSync(path.join(ROOT, 'examples/contract.json'), 'utf8'),
) as unknown;

/** A merchant with a case of its SIM/data fees only, made through the API. */
async function merchantWithCase(
  server: ServerProcess,
  email: string,
  shop: string,
  provider: string,
): Promise<{ user: HttpUser; caseId: string }> {
  const user = new HttpUser(server.url);
  await registerVerified(user, server, { email, password: 'a long password', name: shop });
  const merchant = await user.call<{ id: string }>('POST', '/api/merchants', {
    name: shop,
    businessName: shop,
    providerName: provider,
    providerType: 'payment_institution',
    complainantType: 'individual_merchant',
    details: { city: '杭州' },
    contract: CONTRACT,
  });
  expect(await user.upload(merchant.body.id, 'statement.csv', STATEMENT)).toBe(201);
  const deductions = await user.call<{
    items: { id: string; category: string; verdict: string }[];
  }>('GET', `/api/merchants/${merchant.body.id}/deductions`);
  const c = await user.call<{ id: string }>('POST', '/api/cases', {
    merchantId: merchant.body.id,
    deductionIds: deductions.body.items
      .filter((d) => d.verdict === 'unauthorized' && d.category === 'traffic_fee')
      .map((d) => d.id),
  });
  return { user, caseId: c.body.id };
}

describe.skipIf(!E2E_READY)('group complaints in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'feeguard-e2e-groups-'));
    server = await startServerProcess({
      FEEGUARD_DATA_DIR: dataDir,
      DATABASE_URL: '',
      SWEEP_SECONDS: '0',
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  async function shot(page: Page, name: string) {
    await checkPage(page, name);
  }

  for (const size of SIZES) {
    it(`offer, consent, join, leave, the joint letter and its filing — ${size.name}`, async () => {
      const provider = `汇通支付-${size.name}`;
      const me = await merchantWithCase(
        server,
        `me-${size.name}@shop.test`,
        '老王小卖部',
        provider,
      );

      const other = await merchantWithCase(
        server,
        `other-${size.name}@shop.test`,
        '李记面馆',
        provider,
      );
      const joined = await other.user.call<{ groupId: string }>('POST', '/api/groups/join', {
        caseId: other.caseId,
        category: 'traffic_fee',
        consent: true,
      });
      expect(joined.status).toBe(201);
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
      });
      await context.addCookies([
        { name: 'fg_session', value: me.user.cookie.slice('fg_session='.length), url: server.url },
      ]);
      const page = await context.newPage();
      await page.goto(`${server.url}/cases/${me.caseId}`);
      const offer = page.getByTestId('group-offer');
      await offer.waitFor();
      expect(await offer.innerText()).toContain('另有 1 户商户');
      await expect.poll(() => page.getByTestId('group-join').isDisabled()).toBe(true);
      await shot(page, `${size.name}-group-01-offer`);
      await page.getByTestId('group-consent').click();
      await page.getByTestId('group-join').click();
      await page.getByTestId('group-leave').waitFor();
      expect(await offer.innerText()).toContain('118.00');
      await shot(page, `${size.name}-group-02-joined`);

      await page.getByTestId('group-leave').click();
      await page.getByTestId('group-join').waitFor();
      await page.getByTestId('group-consent').click();
      await page.getByTestId('group-join').click();
      await page.getByTestId('group-leave').waitFor();

      await page.getByRole('button', { name: '查看联名信' }).click();
      await expect.poll(() => page.getByTestId('group-letter').innerText()).toContain('联名投诉书');
      expect(await page.getByTestId('group-letter').innerText()).toContain('118.00');
      await shot(page, `${size.name}-group-03-letter`);
      await page.getByLabel('工单号 / 受理编号').first().fill('PBC-E2E-1');
      await page.getByTestId('group-filing-submit').click();
      await expect.poll(() => page.getByTestId('group-status').innerText()).toBe('已提交');
      await page.getByText('PBC-E2E-1').waitFor();
      await shot(page, `${size.name}-group-04-filed`);

      await page.getByTestId('lang-switch').click();
      await expect.poll(() => page.getByTestId('group-status').innerText()).toBe('Filed');
      await expect
        .poll(() => page.getByTestId('group-letter').innerText())
        .toContain('Joint Letter of Complaint');
      await shot(page, `${size.name}-group-05-english`);
      await context.close();
    }, 120_000);
  }
});
