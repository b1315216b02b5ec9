import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HttpUser,
  printedVerificationToken,
  startServerProcess,
  type ServerProcess,
} from '../../src/server/processes.js';
import { E2E_READY, ROOT, SHOTS, launchChromium } from './harness.js';

/**
 * The merchant's main flow with the keyboard only — Tab, Shift+Tab, Enter, Space, arrow keys and
 * typing; no click anywhere — in Debian's Chromium on a server started on a fresh database. On
 * every main page it also walks the whole tab order and checks that each stop shows a focus
 * indicator, that the walk comes back round (no keyboard trap) and that every control is a tap
 * target of at least 44×44 px.
 */
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** Two SMS notices of fees (会员费, 通讯费) and a payment: without a contract both fees need review. */
const SMS = [
  '【鑫联支付】尊敬的商户，您的POS终端于2024年3月13日从结算款中扣除会员费39.00元，如有疑问请致电400-641-1359。',
  '【鑫联支付】收款提醒：您的商户于2024-03-13 08:10成功收款16.15元，手续费3.10元。',
  '【鑫联支付】尊敬的商户，您的POS终端于2024年3月20日从结算款中扣除通讯费79.00元，如有疑问请致电400-641-1359。',
].join('\n');

interface Stop {
  /** A short description of the focused element, for messages. */
  what: string;
  key: number;
}

/** Runs in the page: names the focused element and remembers how it looked while focused. */
const SNAPSHOT_FOCUSED = `(() => {
  const w = window;
  w.__kb = w.__kb || { n: 0, ids: new WeakMap(), focusedLook: new Map(), elements: new Map() };
  const kb = w.__kb;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  let key = kb.ids.get(el);
  if (key === undefined) { key = ++kb.n; kb.ids.set(el, key); kb.elements.set(key, el); }
  kb.focusedLook.set(key, w.__kbLook(el));
  const label = (el.getAttribute('aria-label') || el.getAttribute('data-testid') || el.textContent || el.getAttribute('placeholder') || el.id || '').trim().slice(0, 40);
  return { key, what: el.tagName.toLowerCase() + (el.getAttribute('type') ? '[' + el.getAttribute('type') + ']' : '') + ' "' + label + '"' };
})()`;

/** Installed before every page: how an element and what draws its focus ring look right now. */
const INIT = `window.__kbLook = (el) => {
  const parts = [el, el.nextElementSibling];
  let up = el.parentElement;
  for (let i = 0; i < 4 && up && up !== document.body; i++) { parts.push(up); up = up.parentElement; }
  return parts.filter(Boolean).map((p) => {
    const s = getComputedStyle(p);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' ');
  }).join('|');
};
// Transitions end at once: the walk checks the look they end in, and waiting for each one (858
// key presses, 0.14 s each) was two minutes of the CI run.
document.addEventListener('DOMContentLoaded', () => {
  const style = document.createElement('style');
  style.textContent = '*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important; animation-duration: 0s !important; animation-delay: 0s !important; }';
  document.head.append(style);
});`;

describe.skipIf(!E2E_READY)('the web app with the keyboard only', () => {
  let server: ServerProcess;
  let browser: Browser;
  let receiver: Server;
  let hookUrl = '';
  const hooks: { headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'feeguard-kb-'));
    // The webhook receiver below listens on loopback, which only an allow-list lets through.
    const env = {
      FEEGUARD_DATA_DIR: dataDir,
      DATABASE_URL: '',
      SWEEP_SECONDS: '0',
      WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    };
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'bin/feeguard.js'),
        'admin',
        'create',
        '--email',
        'admin@kb.test',
        '--name',
        'admin',
        '--password',
        'admin password 1',
      ],
      { env: { ...process.env, ...env } },
    );
    server = await startServerProcess(env);
    // A provider with an account, so the onboarding's provider list has it to pick.
    const admin = new HttpUser(server.url);
    const me = await admin.call<{ csrfToken: string }>('POST', '/api/auth/login', {
      email: 'admin@kb.test',
      password: 'admin password 1',
    });
    admin.csrf = me.body.csrfToken;
    await admin.call('POST', '/api/organizations', {
      name: '鑫联支付有限公司',
      kind: 'provider',
      providerName: '鑫联支付有限公司',
    });
    // The merchant's own webhook receiver, for the settings page's test delivery.
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        hooks.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => {
      receiver.listen(0, '127.0.0.1', resolve);
    });
    hookUrl = `http://127.0.0.1:${String((receiver.address() as AddressInfo).port)}/feeguard`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.stop();
    receiver.closeAllConnections();
    receiver.close();
  });

  /** Waits for transitions (focus rings fade in) to settle, at most half a second. */
  async function settle(page: Page) {
    await page.evaluate(async () => {
      const running = document
        .getAnimations()
        .filter(
          (a) => a.playState === 'running' && Number.isFinite(a.effect?.getTiming().duration),
        );
      await Promise.race([
        Promise.all(running.map((a) => a.finished.catch(() => undefined))),
        new Promise((resolve) => setTimeout(resolve, 500)),
      ]);
    });
  }

  /**
   * Puts the keyboard back at the top of the page, as on a fresh load: the next Tab reaches the
   * first control (blur alone would leave Chromium's starting point where focus was).
   */
  async function fromTop(page: Page) {
    await page.evaluate(() => {
      // An empty, unfocusable-by-Tab mark at the very start of the page.
      let mark = document.getElementById('kb-top');
      if (!mark) {
        mark = document.createElement('span');
        mark.id = 'kb-top';
        mark.tabIndex = -1;
        document.body.prepend(mark);
      }
      mark.focus();
      mark.blur();
      window.scrollTo(0, 0);
    });
  }

  /** Presses a key and returns the new focus stop; records the stop's focused look. */
  async function press(page: Page, key: string): Promise<Stop | null> {
    await page.keyboard.press(key);
    await settle(page);
    return page.evaluate<Stop | null>(SNAPSHOT_FOCUSED);
  }

  /** Stops whose look is the same focused as not: no visible focus indicator. */
  async function withoutIndicator(page: Page, stops: Stop[]): Promise<string[]> {
    const keys = stops.map((s) => s.key);
    const same = await page.evaluate((list: number[]) => {
      const kb = (
        window as unknown as {
          __kb: { focusedLook: Map<number, string>; elements: Map<number, Element> };
          __kbLook: (el: Element) => string;
        }
      ).__kb;
      const look = (window as unknown as { __kbLook: (el: Element) => string }).__kbLook;
      return list.filter((key) => {
        const el = kb.elements.get(key);
        if (!el?.isConnected || el === document.activeElement) return false;
        return kb.focusedLook.get(key) === look(el);
      });
    }, keys);
    return stops.filter((s) => same.includes(s.key)).map((s) => s.what);
  }

  const failures: string[] = [];

  /**
   * Tabs through the whole page from the top: every stop must show focus and the walk must come
   * back to where it began (or leave the page), not circle inside a part of it. Then every
   * control on the page must be at least 44×44 px.
   */
  async function audit(page: Page, name: string) {
    await fromTop(page);
    const stops: Stop[] = [];
    let ended = false;
    for (let i = 0; i < 200; i++) {
      const stop = await press(page, 'Tab');
      if (!stop) {
        ended = true;
        break;
      }
      if (stops.some((s) => s.key === stop.key)) {
        if (stops[0]?.key !== stop.key) {
          failures.push(`${name}: keyboard trap — Tab circles back to ${stop.what}`);
        }
        ended = true;
        break;
      }
      // Shift+Tab goes back the way it came, and Tab forward again.
      const previous = stops.at(-1);
      if (previous) {
        const back = await press(page, 'Shift+Tab');
        const again = await press(page, 'Tab');
        if (back?.key !== previous.key || again?.key !== stop.key) {
          failures.push(
            `${name}: Shift+Tab from ${stop.what} went to ${back?.what ?? 'nothing'}, not ${previous.what}`,
          );
        }
      }
      stops.push(stop);
    }
    if (!ended) failures.push(`${name}: 200 Tab presses did not come round`);
    await fromTop(page);
    for (const what of await withoutIndicator(page, stops)) {
      failures.push(`${name}: no visible focus indicator on ${what}`);
    }
    const small = await page.evaluate(() => {
      const controls = document.querySelectorAll<HTMLElement>(
        'a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=tab], [tabindex="0"]',
      );
      const out: string[] = [];
      for (const el of controls) {
        if (el.closest('[aria-hidden=true]')) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        const own = el.getBoundingClientRect();
        if (own.width === 0 || own.height === 0) continue;
        // The box a finger hits: a checkbox's label, an input's styled wrapper.
        const target =
          el.closest(
            'label, .ant-input-affix-wrapper, .ant-select, .ant-picker, .ant-input-number',
          ) ?? el;
        // A skip link is off-screen (1×1) until it is focused.
        if (own.width <= 1 && own.height <= 1) continue;
        const box = target.getBoundingClientRect();
        if (box.width < 44 || box.height < 44) {
          const label = (
            el.getAttribute('aria-label') ??
            el.getAttribute('data-testid') ??
            el.textContent
          )
            .trim()
            .slice(0, 30);
          out.push(
            `${el.tagName.toLowerCase()} "${label}" (in .${String(el.parentElement?.className).split(' ')[0] ?? ''}) ${String(Math.round(box.width))}×${String(Math.round(box.height))}`,
          );
        }
      }
      return out;
    });
    for (const s of small) failures.push(`${name}: tap target under 44×44 px: ${s}`);
    return stops;
  }

  /** Tabs (or Shift+Tabs) until the locator's element has focus; fails after `max` presses. */
  async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
    for (let i = 0; i < max; i++) {
      if (
        await target.evaluate(
          (el) => el === document.activeElement || el.contains(document.activeElement),
        )
      ) {
        return;
      }
      await press(page, back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`could not reach ${target.toString()} with ${back ? 'Shift+Tab' : 'Tab'}`);
  }

  async function focusShot(page: Page, name: string) {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  it('signs up, describes the shop, audits pasted SMS, settles a deduction and files a complaint', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    await context.addInitScript(INIT);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(server.url);
    await page.getByRole('tab', { name: '注册' }).waitFor();
    // A new visitor's first page loads the entry and its preloads only: none of the signed-in
    // pages' chunks (forms, tables, messages, the chart).
    const html = readFileSync(path.join(ROOT, 'dist/web/index.html'), 'utf8');
    // (and the static first page's own small script, /shell.js)
    const first = [...html.matchAll(/"(\/(?:assets\/[^"]+|shell)\.js)"/gu)].map((m) => m[1]);
    expect(first.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => !first.includes(s))).toEqual([]);

    // The first Tab offers the skip link, visible while focused.
    const skip = await press(page, 'Tab');
    expect(skip?.what).toContain('跳到正文');
    await focusShot(page, 'keyboard-phone-01-skip-link');
    await audit(page, 'sign-up');

    // Sign up: the tab list is one stop; the form submits with Enter.
    await fromTop(page);
    await tabTo(page, page.getByLabel('您的姓名'));
    await page.keyboard.type('张丽');
    await press(page, 'Tab');
    await page.keyboard.type('kb-merchant@shop.test');
    await press(page, 'Tab');
    await page.keyboard.type('a long password');
    await focusShot(page, 'keyboard-phone-02-sign-up-field');
    await page.keyboard.press('Enter');
    // 请查收验证邮件: the link from the e-mail (printed by a server without SMTP) logs in.
    await page.getByTestId('verify-sent').waitFor();
    await audit(page, 'verify-sent');
    const token = await printedVerificationToken(server, 'kb-merchant@shop.test');
    await page.goto(`${server.url}/verify?token=${token}`);

    // Onboarding: focus is already in the page's content.
    await page.getByText('先告诉我们您的 POS 机情况').waitFor();
    await audit(page, 'onboarding');
    await fromTop(page);
    await tabTo(page, page.getByLabel('您的姓名'));
    await page.keyboard.type('张丽');
    await press(page, 'Tab');
    await page.keyboard.type('丽丽便利店');
    // The provider: type part of the name, pick it from the list with the arrow keys.
    await press(page, 'Tab');
    await page.keyboard.type('鑫联');
    // (The role="option" list is Ant Design's hidden one for screen readers; this is the visible one.)
    await page.locator('.ant-select-item-option', { hasText: '鑫联支付有限公司' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByLabel('收单机构（签购单或 App 上的公司名称）').inputValue())
      .toBe('鑫联支付有限公司');
    // The kind of provider: arrow keys move within the radio group; one Tab stop for the group.
    // (Tab until it is reached: the select may still be closing its list when the first Tab goes.)
    // The name has set the kind already (支付公司 for …支付有限公司); the group is one Tab stop.
    await tabTo(page, page.locator('#providerType'));
    for (
      let i = 0;
      i < 3 && !(await page.getByRole('radio', { name: '支付公司' }).isChecked());
      i++
    )
      await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('radio', { name: '银行' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByRole('radio', { name: '支付公司' }).isChecked()).toBe(true);
    await tabTo(page, page.getByLabel('商户号（签购单上的“商户编号”）'));
    await page.keyboard.type('898310058120001');
    await tabTo(page, page.getByRole('checkbox', { name: '我不知道合同内容' }));
    await focusShot(page, 'keyboard-phone-03-checkbox');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByLabel('借记卡费率（%）').count()).toBe(0);
    await tabTo(page, page.getByTestId('onboarding-save'));
    await page.keyboard.press('Enter');

    // Paste SMS notices and audit them.
    const sms = page.getByTestId('sms-paste');
    await sms.waitFor();
    await tabTo(page, sms);
    await page.keyboard.insertText(SMS);
    await press(page, 'Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('claim-total').isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect.poll(() => page.getByTestId('finding-row').count()).toBeGreaterThanOrEqual(2);
    const before = await page.getByTestId('claim-total').innerText();
    // Mark the 通讯费 as never agreed: the claim grows.
    const row = page.getByTestId('finding-row').filter({ hasText: '79.00' });
    await tabTo(page, row.getByTestId('review-not-agreed'));
    await focusShot(page, 'keyboard-phone-04-review-button');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('claim-total').innerText()).not.toBe(before);
    await audit(page, 'findings');

    // Back up to "start a complaint" with Shift+Tab.
    await tabTo(page, row.getByTestId('review-not-agreed'));
    await tabTo(page, page.getByTestId('create-case'), { back: true });
    await page.keyboard.press('Enter');

    // The case: the plan, the letter preview, then the filing with its reference.
    await page.getByTestId('case-plan').waitFor();
    await expect.poll(() => page.getByTestId('letter-preview').innerText()).toContain('投诉书');
    await audit(page, 'case');
    const caseUrl = page.url();
    await fromTop(page);
    const letter = page.getByTestId('letter-preview');
    await tabTo(page, letter, { max: 120 });
    // The preview scrolls with the arrow keys once focused.
    const top = await letter.evaluate((el) => el.scrollTop);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => letter.evaluate((el) => el.scrollTop)).toBeGreaterThan(top);
    await focusShot(page, 'keyboard-phone-05-letter-preview');
    await tabTo(page, page.getByTestId('file-with'), { back: true, max: 120 });
    await page.keyboard.press('Enter');
    const reference = page.getByTestId('filing-reference');
    await reference.waitFor();
    await tabTo(page, reference);
    await page.keyboard.type('KF-KB-001');
    await focusShot(page, 'keyboard-phone-06-reference');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('case-status').innerText()).toBe('等待答复');
    await expect.poll(() => page.getByText('KF-KB-001').count()).toBeGreaterThan(0);

    // My cases, from the menu.
    await fromTop(page);
    await tabTo(page, page.getByRole('link', { name: '我的投诉' }));
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: '鑫联支付有限公司' }).waitFor();
    await audit(page, 'cases');

    // Settings: set the webhook, see the secret once, send a test delivery.
    await fromTop(page);
    await tabTo(page, page.getByRole('link', { name: '设置' }));
    await page.keyboard.press('Enter');
    // The webhook is an advanced setting, folded away until opened.
    const advanced = page.locator('[data-testid="advanced-settings"] > summary');
    await advanced.waitFor();
    await tabTo(page, advanced);
    await page.keyboard.press('Enter');
    const url = page.getByTestId('webhook-url');
    await url.waitFor();
    await page.getByTestId('email-state').waitFor();
    await audit(page, 'settings');
    await fromTop(page);
    await tabTo(page, url);
    await page.keyboard.type(hookUrl);
    await press(page, 'Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('webhook-secret').waitFor();
    await expect.poll(() => page.getByTestId('webhook-current').innerText()).toContain(hookUrl);
    await tabTo(page, page.getByTestId('webhook-test'));
    await focusShot(page, 'keyboard-phone-07-settings-focus');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('webhook-test-result').innerText(), { timeout: 15_000 })
      .toContain('204');
    expect(hooks.some((h) => h.headers['x-feeguard-event'] === 'test')).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'phone-08-settings.png'), fullPage: true });

    // The same pages at desktop size, signed in as the same merchant.
    const desktop = await browser.newContext({ viewport: DESKTOP });
    await desktop.addInitScript(INIT);
    const wide = await desktop.newPage();
    await wide.goto(server.url);
    await wide.getByRole('tab', { name: '登录' }).waitFor();
    await wide.keyboard.press('Tab');
    await tabTo(wide, wide.getByRole('tab', { name: '注册' }));
    await wide.keyboard.press('ArrowRight');
    await expect
      .poll(() => wide.getByRole('tab', { name: '登录' }).getAttribute('aria-selected'))
      .toBe('true');
    await tabTo(wide, wide.locator('#login_email'));
    await wide.keyboard.type('kb-merchant@shop.test');
    await press(wide, 'Tab');
    await wide.keyboard.type('a long password');
    await wide.keyboard.press('Enter');
    await wide.getByTestId('findings-table').waitFor();
    await audit(wide, 'desktop findings');
    await tabTo(wide, wide.getByTestId('review-agreed').first());
    await focusShot(wide, 'keyboard-desktop-01-findings-focus');
    await wide.goto(caseUrl);
    await wide.getByTestId('case-plan').waitFor();
    await audit(wide, 'desktop case');
    await wide.goto(`${server.url}/settings`);
    await wide.locator('[data-testid="advanced-settings"] > summary').click();
    await wide.getByTestId('webhook-url').waitFor();
    await wide.getByTestId('email-state').waitFor();
    await audit(wide, 'desktop settings');
    await fromTop(wide);
    await tabTo(wide, wide.getByTestId('webhook-url'));
    await focusShot(wide, 'keyboard-desktop-02-settings-focus');
    await wide.screenshot({ path: path.join(SHOTS, 'desktop-08-settings.png'), fullPage: true });
    // The same page in English, switched with the keyboard.
    await fromTop(wide);
    await tabTo(wide, wide.getByTestId('lang-switch'));
    await wide.keyboard.press('Enter');
    await wide.getByRole('heading', { name: 'Notification settings' }).waitFor();
    await wide.getByLabel('Receiving address (https://…)').waitFor();
    await wide.screenshot({
      path: path.join(SHOTS, 'desktop-09-settings-english.png'),
      fullPage: true,
    });
    await desktop.close();
    await context.close();

    expect(failures).toEqual([]);
  }, 240_000);
});
