import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { HttpUser, registerVerified, startServerProcess } from '../src/server/processes.js';

/**
 * `npm run bench:web`: the built server on a fresh SQLite database, and Debian's Chromium at
 * 360×740 on a slow phone network — 400 kbit/s down and up, 400 ms round trip, the CPU slowed
 * 4× — through the DevTools protocol. Prints, cold (empty cache) and warm (the same browser
 * again), the time until the sign-up form can be used, until the findings of a signed-in
 * merchant show, until the claim shows after an upload finishes, and until /public shows its
 * figures, with the bytes that crossed the wire. Targets (issue 13): sign-up form ≤ 4 s cold,
 * claim ≤ 6 s after the upload, /public figures ≤ 5 s cold.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const STATEMENT = path.join(
  ROOT,
  process.env['BENCH_STATEMENT'] ?? 'test/fixtures/samples/02-plain.csv',
);
const KBIT = 400;
const LATENCY_MS = 400;
const CPU_SLOWDOWN = 4;

interface Measure {
  readonly what: string;
  readonly cache: 'cold' | 'warm';
  readonly ms: number;
  readonly bytes: number;
  readonly target?: number;
}

/** One page on the slow network, counting the bytes that cross it. */
async function slowPage(context: BrowserContext): Promise<{ page: Page; bytes: () => number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: (KBIT * 1000) / 8,
    uploadThroughput: (KBIT * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  return { page, bytes: () => bytes };
}

async function timed(
  context: BrowserContext,
  url: string,
  ready: string,
): Promise<{ ms: number; bytes: number; appMs: number; appBytes: number }> {
  const { page, bytes } = await slowPage(context);
  const start = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: 120_000 });
  const ms = performance.now() - start;
  const atReady = bytes();
  // The static first page (if any) gives way once the app has drawn its own.
  await page.locator('#shell').waitFor({ state: 'detached', timeout: 120_000 });
  const appMs = performance.now() - start;
  await page.close();
  return { ms, bytes: atReady, appMs, appBytes: bytes() };
}

/** The sign-up form: the static shell's or the app's, whichever is there first. */
const SIGNUP = '[data-testid="signup-submit"], [data-testid="register-submit"]';
const FIGURES = '[data-testid="public-totals"]';
const CLAIM = '[data-testid="claim-total"]';

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    throw new Error('dist/web is missing: run `npm run build` first');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'feeguard-bench-web-'));
  const server = await startServerProcess({
    FEEGUARD_DATA_DIR: dataDir,
    DATABASE_URL: '',
    SWEEP_SECONDS: '0',
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  const results: Measure[] = [];
  try {
    const viewport = { width: 360, height: 740 };

    // Sign-up form and /public, cold then warm, each in a browser of its own.
    for (const [what, url, ready, target] of [
      ['sign-up form', '/', SIGNUP, 4000],
      ['/public figures', '/public', FIGURES, 5000],
    ] as const) {
      const context = await browser.newContext({ viewport });
      for (const cache of ['cold', 'warm'] as const) {
        const r = await timed(context, `${server.url}${url}`, ready);
        results.push({
          what,
          cache,
          ms: r.ms,
          bytes: r.bytes,
          ...(cache === 'cold' ? { target } : {}),
        });
        results.push({ what: `${what}: app drawn`, cache, ms: r.appMs, bytes: r.appBytes });
      }
      await context.close();
    }

    // A merchant with a shop (made over the API, fast), in a browser with their session.
    const user = new HttpUser(server.url);
    // Sign-up is verified by e-mail: the development server prints the link.
    await registerVerified(user, server, {
      name: '张丽',
      email: 'bench@shop.test',
      password: 'a long password',
    });
    await user.call('POST', '/api/merchants', {
      name: '张丽',
      providerName: '鑫联支付有限公司',
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
    });
    const context = await browser.newContext({ viewport });
    const [name, value] = user.cookie.split('=');
    await context.addCookies([{ name: name ?? '', value: value ?? '', url: server.url }]);

    // The upload: from the moment the server's answer has arrived to the claim on the page.
    {
      const { page, bytes } = await slowPage(context);
      await page.goto(server.url, { waitUntil: 'commit', timeout: 120_000 });
      const input = page.getByTestId('statement-upload');
      await input.waitFor({ state: 'attached', timeout: 120_000 });
      const before = bytes();
      const answered = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/statements'),
        { timeout: 300_000 },
      );
      await input.setInputFiles(STATEMENT);
      await answered;
      const start = performance.now();
      await page.locator(CLAIM).first().waitFor({ state: 'visible', timeout: 120_000 });
      results.push({
        what: 'claim after the upload',
        cache: 'warm',
        ms: performance.now() - start,
        bytes: bytes() - before,
        target: 6000,
      });
      await page.close();
    }
    await context.close();

    // The findings of a signed-in merchant who has uploaded, cold then warm.
    // A returning merchant whose browser dropped its HTTP cache but kept the site's storage
    // (the cache is evicted long before localStorage): the app's "signed in before" mark is there.
    const again = await browser.newContext({ viewport });
    await again.addCookies([{ name: name ?? '', value: value ?? '', url: server.url }]);
    await again.addInitScript({ content: "localStorage.setItem('feeguard-signed-in', '1');" });
    for (const cache of ['cold', 'warm'] as const) {
      const r = await timed(again, server.url, CLAIM);
      results.push({
        what: 'findings of a signed-in merchant',
        cache,
        ms: r.ms,
        bytes: r.appBytes,
      });
    }
    await again.close();
  } finally {
    await browser.close();
    await server.stop();
  }

  const size = readFileSync(STATEMENT).length;
  console.log(
    `web bench: 360×740, ${String(KBIT)} kbit/s, ${String(LATENCY_MS)} ms latency, CPU ${String(CPU_SLOWDOWN)}× slower; statement ${path.basename(STATEMENT)} (${String(Math.round(size / 1024))} KB)`,
  );
  for (const r of results) {
    const verdict =
      r.target === undefined
        ? ''
        : r.ms <= r.target
          ? '  ok'
          : `  over ${String(r.target / 1000)} s`;
    console.log(
      `${r.what.padEnd(34)} ${r.cache.padEnd(5)} ${(r.ms / 1000).toFixed(1).padStart(6)} s ${String(Math.round(r.bytes / 1024)).padStart(6)} KB${verdict}`,
    );
  }
}

await main();
