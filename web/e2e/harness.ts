import { existsSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

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

/** Headless Chromium with a fresh profile, nothing reaching outside this machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * A full-page screenshot in test-results/, then what every page owes: no sideways scroll, and no
 * serious or critical axe-core violation (within `include` when only part of the page is ours).
 */
export async function checkPage(page: Page, name: string, include?: string): Promise<void> {
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
