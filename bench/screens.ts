import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { addDaysIso } from '../src/audit/dates.js';
import { shanghaiToday } from '../src/deadlines/today.js';
import { seedSpikes } from '../src/server/alerts/testing.js';
import { HttpUser, registerVerified, type ServerProcess } from '../src/server/processes.js';

/**
 * `npm run screens`: the built server on a fresh SQLite database, seeded through its own API with
 * every role — the public, a new merchant, a merchant with a statement and cases at every stage,
 * a provider's member with an inbox and a fee schedule, a regulator's analyst with alerts to
 * review, an administrator — and a full-page PNG of every main page at 360×740 and 1280×800 in
 * Chinese, and of the main ones in English, written to test-results/screens/ (or SCREENS_DIR).
 * The pictures are for people to look at (docs/screens.md says what each shows); the e2e tests
 * are what checks the pages.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const OUT = path.resolve(process.env['SCREENS_DIR'] ?? path.join(ROOT, 'test-results/screens'));
const STATEMENT = readFileSync(path.join(ROOT, 'examples/statement.csv'));
const CONTRACT = JSON.parse(
  readFileSync(path.join(ROOT, 'examples/contract.json'), 'utf8'),
) as unknown;
const SCHEDULE = (
  JSON.parse(readFileSync(path.join(ROOT, 'examples/fee-schedule.json'), 'utf8')) as unknown[]
)[0];
const ADMIN = { email: 'admin@screens.test', password: 'admin password 1', name: '管理员' };
const PASSWORD = 'a long password';
const PROVIDER = '鑫联支付有限公司';
const OTHER_PROVIDER = '快付通收单服务有限公司';
const SIZES = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** `feeguard serve` from the package's own bin, on the port it prints; its output kept for e-mails. */
async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/feeguard.js'), 'serve'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (!url) {
    url = /running at (http:\/\/\S+)/u.exec(output)?.[1];
    if (child.exitCode !== null) throw new Error(`the server stopped: ${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function ok<T>(call: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const response = await call;
  if (response.status >= 300) {
    throw new Error(`${what} → ${String(response.status)} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

interface Deduction {
  id: string;
  category: string;
  verdict: string;
}

/** The ids of the pages to shoot, filled in by seeding. */
interface Seeded {
  users: Record<'admin' | 'merchant' | 'fresh' | 'empty' | 'provider' | 'officer', HttpUser>;
  stage: Record<'plan' | 'draft' | 'waiting' | 'decide' | 'escalated' | 'resolved', string>;
  owners: Record<'waiting' | 'escalated' | 'resolved', HttpUser>;
  groupId: string;
  alertId: string;
}

/** A verified merchant with a shop (and the statement uploaded, unless `upload` is false). */
async function merchant(
  server: ServerProcess,
  email: string,
  name: string,
  provider: string,
  city: { province: string; city: string },
  upload = true,
): Promise<{ user: HttpUser; merchantId: string; deductions: Deduction[] }> {
  const user = new HttpUser(server.url);
  await registerVerified(user, server, { email, password: PASSWORD, name });
  const m = await ok(
    user.call<{ id: string }>('POST', '/api/merchants', {
      name,
      businessName: `${name}便利店`,
      providerName: provider,
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      details: city,
      contract: CONTRACT,
    }),
    'createMerchant',
  );
  if (!upload) return { user, merchantId: m.id, deductions: [] };
  const status = await user.upload(m.id, 'statement.csv', STATEMENT);
  if (status !== 201) throw new Error(`upload → ${String(status)}`);
  const list = await ok(
    user.call<{ items: Deduction[] }>('GET', `/api/merchants/${m.id}/deductions`),
    'listDeductions',
  );
  return { user, merchantId: m.id, deductions: list.items };
}

async function caseOf(
  user: HttpUser,
  merchantId: string,
  deductions: Deduction[],
  category?: string,
): Promise<string> {
  const ids = deductions
    .filter((d) => d.verdict === 'unauthorized' && (!category || d.category === category))
    .map((d) => d.id);
  const c = await ok(
    user.call<{ id: string }>('POST', '/api/cases', {
      merchantId,
      ...(category ? { deductionIds: ids } : {}),
    }),
    'createCase',
  );
  return c.id;
}

async function fileWith(
  user: HttpUser,
  caseId: string,
  channelId: string,
  submittedAt?: string,
): Promise<string> {
  const filing = await ok(
    user.call<{ id: string }>('POST', `/api/cases/${caseId}/filings`, { channelId }),
    'createFiling',
  );
  if (submittedAt) {
    await ok(
      user.call('PATCH', `/api/filings/${filing.id}`, {
        action: 'submit',
        submittedAt,
        reference: `KF${submittedAt.replaceAll('-', '')}-${caseId.slice(0, 4)}`,
      }),
      'submitFiling',
    );
  }
  return filing.id;
}

async function seed(server: ServerProcess, dataDir: string): Promise<Seeded> {
  const admin = new HttpUser(server.url);
  admin.csrf = (
    await ok(admin.call<{ csrfToken: string }>('POST', '/api/auth/login', ADMIN), 'login')
  ).csrfToken;
  const providerOrg = await ok(
    admin.call<{ id: string }>('POST', '/api/organizations', {
      name: PROVIDER,
      kind: 'provider',
      providerName: PROVIDER,
    }),
    'createOrganization',
  );
  const otherOrg = await ok(
    admin.call<{ id: string }>('POST', '/api/organizations', {
      name: OTHER_PROVIDER,
      kind: 'provider',
      providerName: OTHER_PROVIDER,
    }),
    'createOrganization',
  );
  const regulator = await ok(
    admin.call<{ id: string }>('POST', '/api/organizations', {
      name: '中国人民银行杭州市分行',
      kind: 'regulator',
      channelId: 'pboc_12363',
    }),
    'createOrganization',
  );
  const invite = async (orgId: string, email: string, name: string) => {
    await ok(admin.call('POST', `/api/organizations/${orgId}/members`, { email }), 'invite');
    const user = new HttpUser(server.url);
    await registerVerified(user, server, { email, password: PASSWORD, name });
    return user;
  };
  const provider = await invite(providerOrg.id, 'kf@xinlian.test', '客服小陈');
  const otherStaff = await invite(otherOrg.id, 'kf@kuaifu.test', '客服小周');
  const officer = await invite(regulator.id, 'officer@pboc.test', '王科长');
  await ok(
    provider.call('POST', `/api/organizations/${providerOrg.id}/fee-schedules`, SCHEDULE),
    'publishFeeSchedule',
  );

  const yesterday = addDaysIso(shanghaiToday(new Date()), -1);
  const weekAgo = addDaysIso(yesterday, -6);
  const hangzhou = { province: '浙江省', city: '杭州市' };
  const shenzhen = { province: '广东省', city: '深圳市' };

  // The main merchant: three cases — new, a draft filing, and an answer to decide on.
  const main = await merchant(server, 'zhangli@shop.test', '张丽', PROVIDER, hangzhou);
  const plan = await caseOf(main.user, main.merchantId, main.deductions);
  const draft = await caseOf(main.user, main.merchantId, main.deductions, 'deposit');
  await fileWith(main.user, draft, 'payment_institution_customer_service');
  const decide = await caseOf(main.user, main.merchantId, main.deductions, 'traffic_fee');
  const decideFiling = await fileWith(
    main.user,
    decide,
    'payment_institution_customer_service',
    weekAgo,
  );
  await ok(
    provider.call('POST', `/api/filings/${decideFiling}/response`, {
      kind: 'refund',
      refundYuan: '20',
      message: '已退还部分流量费，押金按协议不予退还。',
    }),
    'respond',
  );

  // Another merchant of the same provider, waiting for an answer, in a group with the first.
  const waiting = await merchant(server, 'wangqiang@shop.test', '王强', PROVIDER, hangzhou);
  const waitingCase = await caseOf(waiting.user, waiting.merchantId, waiting.deductions);
  await fileWith(waiting.user, waitingCase, 'payment_institution_customer_service', yesterday);
  const group = await ok(
    waiting.user.call<{ groupId: string }>('POST', '/api/groups/join', {
      caseId: waitingCase,
      category: 'traffic_fee',
      consent: true,
    }),
    'joinGroup',
  );
  await ok(
    main.user.call('POST', '/api/groups/join', {
      caseId: decide,
      category: 'traffic_fee',
      consent: true,
      shareName: true,
    }),
    'joinGroup',
  );

  // Rejected, disputed and escalated to the regulator, whose inbox it reaches.
  const escalated = await merchant(server, 'lina@shop.test', '李娜', PROVIDER, shenzhen);
  const escalatedCase = await caseOf(escalated.user, escalated.merchantId, escalated.deductions);
  const first = await fileWith(
    escalated.user,
    escalatedCase,
    'payment_institution_customer_service',
    addDaysIso(weekAgo, -14),
  );
  await ok(
    provider.call('POST', `/api/filings/${first}/response`, {
      kind: 'rejection',
      message: '流量费为代理商收取，与我司无关。',
    }),
    'respond',
  );
  await ok(
    escalated.user.call('POST', `/api/filings/${first}/review`, { decision: 'dispute' }),
    'dispute',
  );
  await fileWith(escalated.user, escalatedCase, 'pboc_12363', weekAgo);

  // Refunded in full, accepted and published; a second provider's rejection, published too.
  const resolved = await merchant(server, 'zhaomin@shop.test', '赵敏', PROVIDER, shenzhen);
  const resolvedCase = await caseOf(resolved.user, resolved.merchantId, resolved.deductions);
  const refunded = await fileWith(
    resolved.user,
    resolvedCase,
    'payment_institution_customer_service',
    addDaysIso(weekAgo, -20),
  );
  const claim = await ok(
    resolved.user.call<{ claim: string }>('GET', `/api/cases/${resolvedCase}`),
    'getCase',
  );
  await ok(
    provider.call('POST', `/api/filings/${refunded}/response`, {
      kind: 'refund',
      refundYuan: claim.claim,
      message: '经核实，已全额退还流量费和押金。',
    }),
    'respond',
  );
  await ok(
    resolved.user.call('POST', `/api/filings/${refunded}/review`, { decision: 'accept' }),
    'accept',
  );
  await ok(
    resolved.user.call('PUT', `/api/cases/${resolvedCase}/publication`, {
      consent: true,
      narrative: 'POS 机每年被扣流量费 59 元，还扣了押金，我从没同意过。打客服电话后全额退回。',
    }),
    'publish',
  );
  const other = await merchant(server, 'chengang@shop.test', '陈刚', OTHER_PROVIDER, hangzhou);
  const otherCase = await caseOf(other.user, other.merchantId, other.deductions);
  const otherFiling = await fileWith(
    other.user,
    otherCase,
    'payment_institution_customer_service',
    addDaysIso(weekAgo, -10),
  );
  await ok(
    otherStaff.call('POST', `/api/filings/${otherFiling}/response`, {
      kind: 'rejection',
      message: '押金为机具押金，按协议不予退还。',
    }),
    'respond',
  );
  await ok(
    other.user.call('POST', `/api/filings/${otherFiling}/review`, { decision: 'accept' }),
    'accept',
  );
  await ok(
    other.user.call('PUT', `/api/cases/${otherCase}/publication`, {
      consent: true,
      narrative: '刷卡机被扣了 99 元押金，从来没人告诉过我要交押金。',
    }),
    'publish',
  );

  // A merchant who has only signed up, and one who described the shop but uploaded nothing.
  const fresh = new HttpUser(server.url);
  await registerVerified(fresh, server, {
    email: 'new@shop.test',
    password: PASSWORD,
    name: '刘洋',
  });
  const empty = await merchant(server, 'zhoujie@shop.test', '周杰', PROVIDER, hangzhou, false);

  // Two spikes: one published for the public pages, one left for the analyst to review.
  await seedSpikes(dataDir, ['汇通支付', '易收银科技']);
  const alerts = await ok(
    officer.call<{ items: { id: string; provider: string }[] }>(
      'GET',
      '/api/alerts?status=proposed',
    ),
    'listAlerts',
  );
  const toPublish = alerts.items.find((a) => a.provider === '易收银科技');
  if (!toPublish) throw new Error('no alert was proposed');
  await ok(officer.call('POST', `/api/alerts/${toPublish.id}/publish`), 'publishAlert');

  return {
    users: { admin, merchant: main.user, fresh, empty: empty.user, provider, officer },
    stage: {
      plan,
      draft,
      waiting: waitingCase,
      decide,
      escalated: escalatedCase,
      resolved: resolvedCase,
    },
    owners: { waiting: waiting.user, escalated: escalated.user, resolved: resolved.user },
    groupId: group.groupId,
    alertId: toPublish.id,
  };
}

interface Shot {
  readonly name: string;
  readonly user: HttpUser | null;
  readonly path: string;
  /** Shown once the page has what it is about (a test id, or any selector). */
  readonly ready?: string;
  /** Also in English. */
  readonly en?: boolean;
  /** Something to do on the page before the picture (a tab to open). */
  readonly then?: (page: Page) => Promise<void>;
}

function shots(s: Seeded): Shot[] {
  const u = s.users;
  const tid = (id: string) => `[data-testid="${id}"]`;
  return [
    { name: 'public-01-signup', user: null, path: '/', ready: tid('signup-submit'), en: true },
    {
      name: 'public-02-login',
      user: null,
      path: '/',
      ready: tid('signup-submit'),
      then: async (page) => {
        await page.getByRole('tab').nth(1).click();
        await page.locator(tid('login-submit')).waitFor();
      },
    },
    { name: 'public-03-stats', user: null, path: '/public', ready: 'canvas', en: true },
    { name: 'public-04-complaints', user: null, path: '/public/complaints', en: true },
    { name: 'public-05-alerts', user: null, path: '/public/alerts' },
    { name: 'public-06-alert', user: null, path: `/public/alerts/${s.alertId}` },
    { name: 'public-07-guides', user: null, path: '/guides', en: true },
    { name: 'public-08-guide-statements', user: null, path: '/guides/reading-statements' },
    { name: 'public-09-guide-rights', user: null, path: '/guides/merchant-rights' },
    { name: 'public-10-guide-channels', user: null, path: '/guides/channels' },
    { name: 'merchant-01-onboarding', user: u.fresh, path: '/', en: true },
    { name: 'merchant-02-no-statement', user: u.empty, path: '/' },
    {
      name: 'merchant-03-findings',
      user: u.merchant,
      path: '/',
      ready: tid('claim-total'),
      en: true,
    },
    { name: 'merchant-04-cases', user: u.merchant, path: '/cases', en: true },
    {
      name: 'merchant-05-case-new',
      user: u.merchant,
      path: `/cases/${s.stage.plan}`,
      ready: tid('case-plan'),
    },
    {
      name: 'merchant-06-case-draft',
      user: u.merchant,
      path: `/cases/${s.stage.draft}`,
      ready: tid('how-to-file'),
      en: true,
    },
    {
      name: 'merchant-07-case-waiting',
      user: s.owners.waiting,
      path: `/cases/${s.stage.waiting}`,
      ready: tid('case-status'),
    },
    {
      name: 'merchant-08-case-decide',
      user: u.merchant,
      path: `/cases/${s.stage.decide}`,
      ready: tid('next-action'),
      en: true,
    },
    {
      name: 'merchant-09-case-escalated',
      user: s.owners.escalated,
      path: `/cases/${s.stage.escalated}`,
      ready: tid('case-status'),
    },
    {
      name: 'merchant-10-case-resolved',
      user: s.owners.resolved,
      path: `/cases/${s.stage.resolved}`,
      ready: tid('case-status'),
    },
    { name: 'merchant-11-group', user: u.merchant, path: `/groups/${s.groupId}` },
    { name: 'merchant-12-settings', user: u.merchant, path: '/settings', en: true },
    {
      name: 'provider-01-inbox',
      user: u.provider,
      path: '/inbox',
      ready: tid('inbox-row'),
      en: true,
    },
    {
      name: 'provider-02-case',
      user: u.provider,
      path: `/cases/${s.stage.decide}`,
      ready: tid('case-status'),
    },
    { name: 'provider-03-fee-schedules', user: u.provider, path: '/fee-schedules', en: true },
    { name: 'provider-04-settings', user: u.provider, path: '/settings' },
    { name: 'regulator-01-inbox', user: u.officer, path: '/inbox', ready: tid('inbox-row') },
    {
      name: 'regulator-02-alerts-review',
      user: u.officer,
      path: '/alerts/review',
      ready: tid('alert-proposed'),
      en: true,
    },
    { name: 'admin-01-admin', user: u.admin, path: '/admin', en: true },
    { name: 'admin-02-home', user: u.admin, path: '/' },
  ];
}

/** Network quiet, the static first page gone, no spinner or skeleton left, charts drawn. */
async function settle(page: Page, ready?: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  if (ready) await page.locator(ready).first().waitFor({ timeout: 30_000 });
  await page.locator('#shell').waitFor({ state: 'detached', timeout: 30_000 });
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 });
  // The app's own loading line is plain text, not a spinner.
  await page
    .getByText(/^(加载中…|Loading…|正在打开…)$/u)
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  // ECharts animates for about a second.
  if ((await page.locator('canvas').count()) > 0) await page.waitForTimeout(1500);
}

async function shoot(browser: Browser, base: string, shot: Shot): Promise<string[]> {
  const written: string[] = [];
  for (const lang of shot.en ? (['zh', 'en'] as const) : (['zh'] as const)) {
    for (const size of SIZES) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        locale: lang === 'zh' ? 'zh-CN' : 'en-US',
        timezoneId: 'Asia/Shanghai',
      });
      await context.addInitScript({
        content: `localStorage.setItem('feeguard-lang', '${lang}')`,
      });
      if (shot.user) {
        await context.addCookies([
          { name: 'fg_session', value: shot.user.cookie.slice('fg_session='.length), url: base },
        ]);
      }
      const page = await context.newPage();
      await page.goto(`${base}${shot.path}`);
      await settle(page, shot.ready);
      if (shot.then) await shot.then(page);
      const file = path.join(OUT, `${shot.name}-${size.name}${lang === 'en' ? '-en' : ''}.png`);
      await page.screenshot({ path: file, fullPage: true });
      written.push(path.relative(ROOT, file));
      await context.close();
    }
  }
  return written;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'feeguard-screens-'));
  const env = { FEEGUARD_DATA_DIR: dataDir, DATABASE_URL: '', SWEEP_SECONDS: '0' };
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'bin/feeguard.js'),
      ...['admin', 'create', '--email', ADMIN.email, '--name', ADMIN.name],
      ...['--password', ADMIN.password],
    ],
    { env: { ...process.env, ...env } },
  );
  const server = await startServer(env);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const seeded = await seed(server, dataDir);
    const list = shots(seeded).filter(
      (s) => only.length === 0 || only.some((o) => s.name.includes(o)),
    );
    let count = 0;
    for (const shot of list) {
      const written = await shoot(browser, server.url, shot);
      count += written.length;
      console.log(written.join('\n'));
    }
    console.log(`${String(count)} screenshots in ${path.relative(ROOT, OUT) || '.'}`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
