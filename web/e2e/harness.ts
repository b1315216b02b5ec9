import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  HttpUser,
  printedVerificationToken,
  startServerProcess,
  type ServerProcess,
} from '../../src/server/processes.js';

/** What every end-to-end test shares: Debian's Chromium, the built app, and the page checks. */
export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHOTS = path.join(ROOT, 'test-results');

/** The tests need `npm run build` (the server and the web app) and Debian's Chromium. */
export const E2E_READY =
  existsSync(path.join(ROOT, 'dist/web/index.html')) &&
  existsSync(path.join(ROOT, 'dist/src/server/main.js')) &&
  existsSync(CHROMIUM);

export const SIZES = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** Content-security-policy violations Chromium reported, per page. */
const CSP_VIOLATIONS = new WeakMap<Page, string[]>();

/**
 * Headless Chromium with a fresh profile, nothing reaching outside this machine. Every page it
 * opens records what the content security policy blocked, for checkPage to fail on.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    context.on('page', (page) => {
      const found: string[] = [];
      CSP_VIOLATIONS.set(page, found);
      page.on('console', (message) => {
        if (/Content Security Policy/iu.test(message.text())) found.push(message.text());
      });
    });
    return context;
  };
  return browser;
}

/**
 * Nothing blocked by the content security policy so far, a full-page screenshot in test-results/,
 * then what every page owes: no sideways scroll, and no
 * serious or critical axe-core violation (within `include` when only part of the page is ours).
 */
export async function checkPage(page: Page, name: string, include?: string): Promise<void> {
  expect(CSP_VIOLATIONS.get(page) ?? [], `${name} content security policy`).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `${name} scrolls horizontally`).toBeLessThanOrEqual(1);
  const builder = new AxeBuilder({ page });
  const axe = await (include ? builder.include(include) : builder).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `${name} accessibility`,
  ).toEqual([]);
}

/**
 * `feeguard serve` on a fresh SQLite database in its own folder, with an administrator made by
 * `feeguard admin create` and logged in, as a new user of the product would start.
 */
export async function startFreshServer(prefix: string) {
  mkdirSync(SHOTS, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  const env = { FEEGUARD_DATA_DIR: dataDir, DATABASE_URL: '', SWEEP_SECONDS: '0' };
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'bin/feeguard.js'),
      ...['admin', 'create', '--email', ADMIN.email, '--name', 'admin'],
      ...['--password', ADMIN.password],
    ],
    { env: { ...process.env, ...env } },
  );
  const server = await startServerProcess(env);
  const admin = new HttpUser(server.url);
  const me = await admin.call<{ csrfToken: string }>('POST', '/api/auth/login', ADMIN);
  admin.csrf = me.body.csrfToken;
  return { server, admin, dataDir, env };
}

const ADMIN = { email: 'admin@e2e.test', password: 'admin password 1' };

/**
 * Signs up in the browser as a new user would: the form, the "check your e-mail" notice, then
 * the verification link (printed by the server, which has no SMTP) — logged in.
 */
export async function registerInBrowser(
  page: Page,
  server: ServerProcess,
  account: { email: string; name: string; password?: string },
): Promise<void> {
  await page.getByLabel('您的姓名').fill(account.name);
  await page.getByLabel('邮箱').first().fill(account.email);
  await page
    .getByLabel('密码（至少 8 位）')
    .first()
    .fill(account.password ?? 'a long password');
  await page.getByTestId('signup-submit').click();
  await page.getByTestId('verify-sent').waitFor();
  const token = await printedVerificationToken(server, account.email);
  await page.goto(`${server.url}/verify?token=${token}`);
}
