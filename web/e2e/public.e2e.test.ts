import { execFileSync } from 'node:child_process';
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
 * The public pages (no login) in Debian's Chromium, on a server started on a fresh database and
 * filled through the API: merchants complain, providers answer, some merchants publish their
 * complaint with consent. At phone and desktop sizes: statistics with charts and downloads, the
 * complaint database searched and filtered (planted personal data must not show), the guides
 * built from the knowledge base, the alerts. Screenshots in test-results/public-*.png.
 */
const STATEMENT = readFileSync(path.join(ROOT, 'examples/statement.csv'));
const CONTRACT = JSON.parse(
  readFileSync(path.join(ROOT, 'examples/contract.json'), 'utf8'),
) as unknown;

/** Planted in every published narrative; the scrubber must remove it. */
const PLANTED_PHONE = '13912345678';
const PROVIDERS = ['鑫联支付有限公司', '快付通收单服务有限公司'] as const;

interface Channel {
  id: string;
  name: { zh: string; en: string };
  contacts: { method: string; value: string }[];
}

async function expectOk<T>(call: Promise<{ status: number; body: T }>): Promise<T> {
  const response = await call;
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  return response.body;
}

describe.skipIf(!E2E_READY)('the public pages in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let channels: Channel[] = [];

  /** Eight merchants complain; six publish. Answers: full refund, part refund, rejection. */
  async function seed() {
    const admin = new HttpUser(server.url);
    const me = await expectOk(
      admin.call<{ csrfToken: string }>('POST', '/api/auth/login', {
        email: 'admin@e2e.test',
        password: 'admin password 1',
      }),
    );
    admin.csrf = me.csrfToken;
    const staff: HttpUser[] = [];
    for (const [i, provider] of PROVIDERS.entries()) {
      const org = await expectOk(
        admin.call<{ id: string }>('POST', '/api/organizations', {
          name: provider,
          kind: 'provider',
          providerName: provider,
        }),
      );
      const email = `kf${String(i)}@provider.test`;
      await expectOk(admin.call('POST', `/api/organizations/${org.id}/members`, { email }));
      const user = new HttpUser(server.url);
      await registerVerified(user, server, {
        email,
        password: 'a long password',
        name: `客服${String(i)}`,
      });
      staff.push(user);
    }
    const today = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 8; i += 1) {
      const providerIndex = i < 6 ? 0 : 1;
      const merchant = new HttpUser(server.url);
      const name = ['张丽', '王强', '李娜', '赵敏', '陈刚', '刘洋', '周杰', '吴芳'][i] ?? '商户';
      await registerVerified(merchant, server, {
        email: `m${String(i)}@shop.test`,
        password: 'a long password',
        name,
      });
      const m = await expectOk(
        merchant.call<{ id: string }>('POST', '/api/merchants', {
          name,
          businessName: `${name}便利店`,
          merchantNo: `89895930175718${String(i)}`,
          providerName: PROVIDERS[providerIndex],
          providerType: 'payment_institution',
          complainantType: 'individual_merchant',
          details: {
            phone: `1380013800${String(i)}`,
            province: i < 4 ? '广东省' : '上海市',
            city: i < 4 ? '深圳市' : '上海市',
          },
          contract: CONTRACT,
        }),
      );
      expect(await merchant.upload(m.id, 'statement.csv', STATEMENT)).toBe(201);
      const c = await expectOk(
        merchant.call<{ id: string; claim: string }>('POST', '/api/cases', { merchantId: m.id }),
      );
      const filing = await expectOk(
        merchant.call<{ id: string }>('POST', `/api/cases/${c.id}/filings`, {
          channelId: 'payment_institution_customer_service',
        }),
      );
      await expectOk(
        merchant.call('PATCH', `/api/filings/${filing.id}`, {
          action: 'submit',
          submittedAt: today,
          reference: `KF-${String(i)}`,
        }),
      );
      const answer =
        i % 3 === 0
          ? { kind: 'refund', refundYuan: c.claim, message: '经核实，已全额退还流量费和押金。' }
          : i % 3 === 1
            ? {
                kind: 'refund',
                refundYuan: '20',
                message: '已退还部分流量费，押金按协议不予退还。',
              }
            : { kind: 'rejection', message: '流量费为代理商收取，与我司无关。' };
      await expectOk(
        (staff[providerIndex] ?? admin).call('POST', `/api/filings/${filing.id}/response`, answer),
      );
      await expectOk(
        merchant.call('POST', `/api/filings/${filing.id}/review`, { decision: 'accept' }),
      );
      if (i < 6) {
        await expectOk(
          merchant.call('PUT', `/api/cases/${c.id}/publication`, {
            consent: true,
            narrative: `我是${name}，POS 机每年被扣流量费 59 元，还扣了押金，我从没同意过。打客服电话 ${PLANTED_PHONE} 也没人管。商户编号 89895930175718${String(i)}。`,
          }),
        );
      }
    }
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'feeguard-e2e-public-'));
    const env = { FEEGUARD_DATA_DIR: dataDir, DATABASE_URL: '', SWEEP_SECONDS: '0' };
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'bin/feeguard.js'),
        'admin',
        'create',
        '--email',
        'admin@e2e.test',
        '--name',
        'admin',
        '--password',
        'admin password 1',
      ],
      { env: { ...process.env, ...env } },
    );
    server = await startServerProcess(env);
    await seed();
    const kb = await new HttpUser(server.url).call<{ channels: Channel[] }>('GET', '/api/channels');
    channels = kb.body.channels;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  async function shot(page: Page, name: string) {
    await checkPage(page, name);
  }

  for (const size of SIZES) {
    it(`statistics, complaints, guides and alerts without logging in — ${size.name}`, async () => {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        acceptDownloads: true,
      });
      const page = await context.newPage();

      // Logged out, the sign-in page links to the public pages.
      await page.goto(server.url);
      await page.getByRole('link', { name: '公开统计' }).first().click();
      await page.getByTestId('public-stats').waitFor();
      const totals = page.getByTestId('public-totals');
      await totals.waitFor();
      await expect.poll(() => totals.innerText()).toContain('8');
      expect(await totals.innerText()).toContain('1,272.00'); // 8 × 159.00 claimed
      await expect
        .poll(() => page.locator('[data-testid="public-chart"] canvas').count(), {
          timeout: 20_000,
        })
        .toBeGreaterThanOrEqual(5);
      // The timeliness ranking has the provider with six filings answered.
      expect(await page.getByText('按期答复排名').count()).toBe(1);
      await shot(page, `${size.name}-stats`);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('public-download-csv').first().click(),
      ]);
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv.replace(/^\uFEFF/u, '').split('\r\n')[0]).toBe(
        'key,complaints,claimed_yuan,recovered_yuan,refunded,partly_refunded,rejected,no_answer,pending,filings_due,answered_on_time,on_time_share,median_days_to_answer',
      );

      // A filter changes the figures: one provider only.
      await page.locator('#stats-provider').click();
      await page.locator('.ant-select-item-option', { hasText: PROVIDERS[1] }).click();
      await expect.poll(() => totals.innerText()).toContain('318.00'); // 2 × 159.00

      // The complaint database: searched, filtered, scrubbed.
      await page.getByRole('link', { name: '投诉公示' }).first().click();
      await page.getByTestId('public-complaints').waitFor();
      const rows = page.getByTestId('public-complaint-row');
      await expect.poll(() => rows.count()).toBe(6);
      const text = await page.getByTestId('public-complaints').innerText();
      expect(text).not.toContain(PLANTED_PHONE);
      expect(text).not.toContain('张丽');
      expect(text).not.toContain('898959301757180');
      expect(text).toContain('[电话]');
      expect(text).toContain('流量费为代理商收取'); // a provider's answer beside its complaint
      await page.getByTestId('public-search').locator('input').fill('押金');
      await page.getByTestId('public-search').locator('input').press('Enter');
      await expect.poll(() => rows.count()).toBe(6);
      await page.getByTestId('public-search').locator('input').fill('没有这句话');
      await page.getByTestId('public-search').locator('input').press('Enter');
      await expect.poll(() => rows.count()).toBe(0);
      await page.getByTestId('public-search').locator('input').fill('流量费');
      await page.getByTestId('public-search').locator('input').press('Enter');
      await page.locator('#complaints-outcome').click();
      await page.locator('.ant-select-item-option', { hasText: '部分退款' }).click();
      await expect.poll(() => rows.count()).toBe(2);
      for (const row of await rows.all()) expect(await row.innerText()).toContain('部分退款');
      await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
      await shot(page, `${size.name}-complaints`);

      // The guides: every channel of the knowledge base, with its hotline as stored.
      await page.getByRole('link', { name: '维权指南' }).first().click();
      await page.getByTestId('guide-page').waitFor();
      await page.getByRole('link', { name: '各投诉渠道怎么用' }).click();
      await expect.poll(() => page.getByTestId('guide-section').count()).toBe(channels.length);
      // On a phone each channel's details are folded; open them all to read them.
      await page.getByTestId('guide-details').evaluateAll((els) => {
        els.forEach((el) => {
          el.setAttribute('open', '');
        });
      });
      const guide = await page.getByTestId('guide-page').innerText();
      for (const channel of channels) {
        expect(guide).toContain(channel.name.zh);
        for (const contact of channel.contacts.filter((c) => c.method === 'hotline')) {
          expect(guide).toContain(contact.value);
        }
      }
      expect(guide).toContain('请核实后再使用');
      await shot(page, `${size.name}-guide-channels`);
      await page.getByRole('link', { name: '全部指南' }).click();
      await page.getByRole('link', { name: '怎么看懂对账单' }).click();
      await page.getByTestId('guide-details').first().waitFor({ state: 'attached' });
      await page.getByTestId('guide-details').evaluateAll((els) => {
        els.forEach((el) => {
          el.setAttribute('open', '');
        });
      });
      await page.getByText('物联网').first().waitFor();
      await shot(page, `${size.name}-guide-statement`);

      // Alerts: published ones, or the empty state while none are.
      await page.getByRole('link', { name: '消费提示' }).first().click();
      await page.getByTestId('public-alerts').waitFor();
      await expect
        .poll(
          async () =>
            (await page.getByTestId('public-alert').count()) +
            (await page.getByTestId('public-alerts-empty').count()),
        )
        .toBeGreaterThan(0);
      await shot(page, `${size.name}-alerts`);

      // English through the switch.
      await page.getByRole('link', { name: '公开统计' }).first().click();
      await page.getByTestId('lang-switch').click();
      await page.getByRole('heading', { name: 'Statistics' }).waitFor();
      await expect
        .poll(() => page.locator('[data-testid="public-chart"] canvas').count())
        .toBeGreaterThanOrEqual(5);
      await shot(page, `${size.name}-stats-english`);
      await context.close();
    }, 180_000);
  }
});
