import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSpikes } from '../../src/server/alerts/testing.js';
import { type ServerProcess } from '../../src/server/processes.js';
import {
  E2E_READY,
  checkPage,
  launchChromium,
  registerInBrowser,
  startFreshServer,
} from './harness.js';

/**
 * The consumer-alert review in Chromium: weekly complaints are written to the running server's
 * database, the alert job proposes a spike, and a regulator's member reviews, edits and
 * publishes it from the web app at phone and desktop sizes; it then appears in the public API.
 */

const SIZES = [
  { name: 'phone', width: 360, height: 740, provider: '鑫联支付' },
  { name: 'desktop', width: 1280, height: 800, provider: '汇通支付' },
] as const;

describe.skipIf(!E2E_READY)('consumer alerts review in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    const { server: started, admin, dataDir } = await startFreshServer('feeguard-e2e-alerts-');
    server = started;
    const org = await admin.call<{ id: string }>('POST', '/api/organizations', {
      name: '人民银行某分行',
      kind: 'regulator',
      channelId: 'pboc_12363',
    });
    for (const size of SIZES) {
      await admin.call('POST', `/api/organizations/${org.body.id}/members`, {
        email: `officer-${size.name}@pboc.test`,
      });
    }

    // Two providers with a usual two complaints a week and twenty this week.
    const run = await seedSpikes(
      dataDir,
      SIZES.map((size) => size.provider),
    );
    expect(run.proposed).toBe(2);

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
    it(`a regulator's member edits and publishes a proposed alert — ${size.name}`, async () => {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
      });
      const page = await context.newPage();
      await page.goto(server.url);
      // The first page of a cold server on a busy machine can take a while to come up.
      await page.getByLabel('您的姓名').waitFor({ timeout: 60_000 });
      await registerInBrowser(page, server, {
        email: `officer-${size.name}@pboc.test`,
        name: '王科长',
      });
      await page.getByRole('link', { name: '消费提示审核' }).click();
      const card = page.getByTestId('alert-proposed').filter({ hasText: size.provider });
      await card.waitFor();
      await expect.poll(() => card.getByTestId('alert-evidence').innerText()).toContain('20 起');
      await card.getByRole('img').first().waitFor();
      await shot(page, `${size.name}-alerts-review`);

      const title = `消费提示：${size.provider}流量费投诉增多（已核实）`;
      await card.getByLabel('标题').fill(title);
      await card.getByTestId('alert-publish').click();
      await page.getByRole('dialog').getByRole('button', { name: '发布' }).click();
      await expect
        .poll(() => page.getByTestId('alert-proposed').filter({ hasText: size.provider }).count())
        .toBe(0);
      await page.getByText('已发布', { exact: true }).click();
      await page.getByTestId('alert-published').filter({ hasText: title }).waitFor();
      await shot(page, `${size.name}-alerts-published`);

      const response = await fetch(`${server.url}/api/public/alerts`);
      const list = (await response.json()) as { items: { title: string }[] };
      expect(list.items.map((i) => i.title)).toContain(title);
      await context.close();
    }, 150_000);
  }
});
