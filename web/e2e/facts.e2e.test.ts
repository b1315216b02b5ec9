import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditStatements } from '../../src/audit/audit.js';
import { parseContract } from '../../src/audit/contract.js';
import { type ServerProcess } from '../../src/server/processes.js';
import {
  E2E_READY,
  ROOT,
  SHOTS,
  SIZES,
  checkPage,
  launchChromium,
  registerInBrowser,
  startFreshServer,
} from './harness.js';

/**
 * The whole contract, entered once in the web onboarding — a ¥299 deposit, a quarterly service
 * fee, a quarterly SIM fee and a fixed fee per transaction — gives the same claim as
 * `feeguard audit` with the same contract JSON; then the merchant answers the facts questions on
 * the case page and the letter says exactly that.
 */
const STATEMENT = path.join(ROOT, 'test/fixtures/samples/03-plain.csv');
const CONTRACT = {
  rates: [{ cardType: 'any', percent: 0.6 }],
  perTransactionFeeYuan: 0.5,
  agreedCharges: [
    { category: 'deposit', amountYuan: 299, every: 'once' },
    { category: 'service_fee', amountYuan: 19, every: 'quarter' },
    { category: 'traffic_fee', amountYuan: 59, every: 'quarter' },
  ],
} as const;

/** The same contract with the deposit left out, as a merchant correcting it on the case page. */
const WITHOUT_DEPOSIT = {
  ...CONTRACT,
  agreedCharges: CONTRACT.agreedCharges.filter((c) => c.category !== 'deposit'),
};

/** The claim `feeguard audit 03-plain.csv --contract contract.json` computes, through the same function. */
async function cliClaim(contract: unknown = CONTRACT): Promise<string> {
  const report = await auditStatements(
    [{ file: '03-plain.csv', chunks: Readable.from([readFileSync(STATEMENT)]) }],
    { contract: parseContract(contract) },
  );
  return report.claim.total;
}

const CATEGORY_LABELS = {
  deposit: '押金/激活费',
  service_fee: '服务费/会员费',
  traffic_fee: '流量费',
};
const PERIOD_LABELS = { once: '一次', quarter: '每季度' };

/** Chooses an option of an Ant Design select, and waits until the select shows it. */
async function pick(page: Page, label: string, nth: number, option: string) {
  const select = page.getByLabel(label).nth(nth);
  const item = page.locator(
    `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`,
  );
  await expect
    .poll(async () => {
      if (!(await item.first().isVisible())) await select.click();
      await item
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      return select
        .locator('xpath=ancestor::div[contains(@class, "ant-form-item")][1]')
        .innerText()
        .catch(() => '');
    })
    .toContain(option);
  await expect.poll(() => item.count()).toBe(0);
}

describe.skipIf(!E2E_READY)('the whole contract and the merchant’s facts in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let expected = '';
  let corrected = '';

  beforeAll(async () => {
    ({ server } = await startFreshServer('feeguard-facts-e2e-'));
    browser = await launchChromium();
    expected = await cliClaim();
    corrected = await cliClaim(WITHOUT_DEPOSIT);
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  for (const size of SIZES) {
    it(`onboarding with deposit, quarterly fees and a per-transaction fee gives the CLI's claim; the facts shape the letter — ${size.name}`, async () => {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const page = await context.newPage();
      await page.goto(server.url);
      await registerInBrowser(page, server, {
        email: `wangfang-${size.name}@shop.test`,
        name: '王芳',
      });
      await page.getByText('先告诉我们您的 POS 机情况').waitFor();

      await page.getByLabel('您的姓名').fill('王芳');
      await page.getByLabel('店铺名称').fill(`芳芳水果店-${size.name}`);
      await page.getByLabel('收单机构（签购单或 App 上的公司名称）').fill('鑫联支付有限公司');
      await page.getByLabel('不分卡种的费率').fill('0.6');
      await page.getByLabel('每笔固定手续费（元）').fill('0.5');
      for (const [i, charge] of CONTRACT.agreedCharges.entries()) {
        await page.getByTestId('add-agreed-charge').click();
        await pick(page, `收费项目 ${String(i + 1)}`, 0, CATEGORY_LABELS[charge.category]);
        await page.getByLabel('金额（元）').nth(i).fill(String(charge.amountYuan));
        await pick(page, '多久收一次', i, PERIOD_LABELS[charge.every]);
      }
      await expect.poll(() => page.getByTestId('agreed-charge').count()).toBe(3);
      await checkPage(page, `${size.name}-facts-01-onboarding`);
      await page.getByTestId('onboarding-save').click();

      await page.getByTestId('statement-upload').setInputFiles(STATEMENT);
      await expect
        .poll(() => page.getByTestId('claim-total').isVisible(), { timeout: 30_000 })
        .toBe(true);
      // The same claim as the CLI with the same contract: nothing agreed is claimed.
      await expect
        .poll(async () =>
          (await page.getByTestId('claim-total').innerText()).replace(/[^\d.]/gu, ''),
        )
        .toBe(expected);
      await checkPage(page, `${size.name}-facts-02-findings`);

      await page.getByTestId('create-case').click();
      await page.getByTestId('case-facts').waitFor();
      await expect.poll(() => page.getByTestId('letter-preview').innerText()).toContain('据我所知');
      await page.getByTestId('fact-signed').getByText('是', { exact: true }).click();
      await page.getByTestId('fact-told').getByText('否', { exact: true }).click();
      await page.getByTestId('fact-confirmed').getByText('记不清', { exact: true }).click();
      await page.getByTestId('fact-noticed').getByText('是', { exact: true }).click();
      await page.getByTestId('fact-noticed-at').fill('2024-10-08');
      await page.getByTestId('facts-save').click();
      await expect
        .poll(() => page.getByTestId('letter-preview').innerText())
        .toContain('本人从未收到过收费公示或收费变更的通知。');
      const letter = await page.getByTestId('letter-preview').innerText();
      expect(letter).toContain('本人与鑫联支付有限公司签署过收单服务协议。');
      expect(letter).toContain('本人于2024年10月8日发现上述扣款。');
      expect(letter).not.toContain('确认同意上述收费');
      await checkPage(page, `${size.name}-facts-03-case`);
      await page
        .getByTestId('case-facts')
        .screenshot({ path: path.join(SHOTS, `${size.name}-facts-04-questions.png`) });

      // The deposit was entered by mistake: corrected on the case page, in the same form.
      const card = page.getByTestId('contract-card');
      await card.getByTestId('contract-edit').click();
      await expect.poll(() => card.getByTestId('agreed-charge').count()).toBe(3);
      await card.getByTestId('agreed-charge').first().getByText('删除这一项').click();
      await expect.poll(() => card.getByTestId('agreed-charge').count()).toBe(2);
      await checkPage(page, `${size.name}-facts-05-contract`);
      await card.getByTestId('contract-save').click();
      // Nothing was filed yet: the deposit, claimable only under the corrected contract, joins
      // the case.
      await expect
        .poll(() => card.getByTestId('contract-saved').innerText(), { timeout: 30_000 })
        .toMatch(
          new RegExp(
            `已按新的约定重新核对 1 份对账单：追讨金额从 ${expected} 元变为 ${corrected} 元，新增 [1-9]\\d* 笔扣款`,
            'u',
          ),
        );
      await expect.poll(() => page.getByTestId('case-claim').innerText()).toContain(corrected);
      expect(await card.getByTestId('contract-changed-on').innerText()).toMatch(
        /^约定于 \d{4}-\d{2}-\d{2} 修改。$/u,
      );
      await checkPage(page, `${size.name}-facts-06-corrected`);
      await page.goto(`${server.url}/`);
      await expect
        .poll(async () =>
          (await page.getByTestId('claim-total').innerText()).replace(/[^\d.]/gu, ''),
        )
        .toBe(corrected);
      await context.close();
    }, 120_000);
  }
});
