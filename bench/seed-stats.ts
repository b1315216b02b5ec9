import { publicPlace } from '../src/stats/public-dimensions.js';
import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import {
  contributionOf,
  deltasBetween,
  type CaseFacts,
  type Contribution,
  type FilingFacts,
} from '../src/stats/contribution.js';
import type { DB, FilingsTable } from '../src/server/db/schema.js';
import { AggregateRows, insertAggregates } from '../src/server/stats/stats.repository.js';

/**
 * Generates complaints for `npm run bench:stats` and bulk-loads them: users, merchants (with a
 * province and city), statements, deductions, cases, filings with the provider's answers, the
 * cases' stored contributions, the pre-aggregated cells and some published complaints. The
 * spread is meant to look like the real thing: a few providers with most complaints, big
 * provinces with many shops, more complaints in recent months, providers that answer late.
 */

/** mulberry32: the same data on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Picks by weight: cumulative weights and a binary search. */
function weighted<T>(items: readonly T[], weights: readonly number[]): (r: number) => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return (r) => {
    const x = r * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    const item = items[lo];
    if (item === undefined) throw new Error('nothing to pick');
    return item;
  };
}

/** Province, relative number of shops, and its cities (or districts), biggest first. */
const PLACES: readonly [string, number, string][] = [
  ['北京市', 4, '朝阳区 海淀区 丰台区 东城区 西城区 通州区 昌平区 大兴区 顺义区 房山区'],
  ['天津市', 2, '滨海新区 和平区 河西区 南开区 河东区 河北区 红桥区 东丽区 西青区 武清区'],
  ['上海市', 5, '浦东新区 闵行区 徐汇区 黄浦区 长宁区 静安区 普陀区 虹口区 杨浦区 宝山区'],
  ['重庆市', 3, '渝北区 渝中区 江北区 南岸区 九龙坡区 沙坪坝区 巴南区 万州区 涪陵区 永川区'],
  [
    '河北省',
    5,
    '石家庄市 唐山市 保定市 邯郸市 沧州市 廊坊市 邢台市 秦皇岛市 张家口市 衡水市 承德市',
  ],
  ['山西省', 2, '太原市 大同市 运城市 临汾市 长治市 晋中市 晋城市 忻州市 吕梁市 阳泉市 朔州市'],
  [
    '内蒙古自治区',
    2,
    '呼和浩特市 包头市 鄂尔多斯市 赤峰市 通辽市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 乌海市',
  ],
  [
    '辽宁省',
    3,
    '沈阳市 大连市 鞍山市 锦州市 营口市 抚顺市 丹东市 盘锦市 铁岭市 葫芦岛市 辽阳市 朝阳市 本溪市 阜新市',
  ],
  ['吉林省', 2, '长春市 吉林市 四平市 松原市 通化市 延边朝鲜族自治州 白城市 辽源市 白山市'],
  [
    '黑龙江省',
    2,
    '哈尔滨市 大庆市 齐齐哈尔市 牡丹江市 佳木斯市 绥化市 鸡西市 黑河市 双鸭山市 伊春市 鹤岗市 七台河市',
  ],
  [
    '江苏省',
    8,
    '苏州市 南京市 无锡市 徐州市 常州市 南通市 盐城市 扬州市 泰州市 镇江市 淮安市 连云港市 宿迁市',
  ],
  ['浙江省', 7, '杭州市 宁波市 温州市 金华市 台州市 嘉兴市 绍兴市 湖州市 丽水市 衢州市 舟山市'],
  [
    '安徽省',
    4,
    '合肥市 芜湖市 阜阳市 蚌埠市 安庆市 六安市 滁州市 宿州市 马鞍山市 亳州市 淮南市 宣城市 淮北市 铜陵市 池州市 黄山市',
  ],
  ['福建省', 4, '福州市 厦门市 泉州市 漳州市 莆田市 龙岩市 宁德市 三明市 南平市'],
  ['江西省', 3, '南昌市 赣州市 九江市 上饶市 宜春市 吉安市 抚州市 萍乡市 景德镇市 新余市 鹰潭市'],
  [
    '山东省',
    7,
    '济南市 青岛市 临沂市 潍坊市 烟台市 济宁市 淄博市 菏泽市 德州市 聊城市 泰安市 威海市 滨州市 东营市 枣庄市 日照市',
  ],
  [
    '河南省',
    6,
    '郑州市 洛阳市 南阳市 新乡市 商丘市 周口市 驻马店市 信阳市 许昌市 平顶山市 安阳市 开封市 焦作市 濮阳市 漯河市 三门峡市 鹤壁市',
  ],
  [
    '湖北省',
    4,
    '武汉市 襄阳市 宜昌市 荆州市 黄冈市 孝感市 十堰市 荆门市 咸宁市 黄石市 随州市 鄂州市',
  ],
  [
    '湖南省',
    4,
    '长沙市 衡阳市 株洲市 岳阳市 常德市 邵阳市 湘潭市 郴州市 永州市 益阳市 怀化市 娄底市 张家界市',
  ],
  [
    '广东省',
    12,
    '深圳市 广州市 东莞市 佛山市 惠州市 中山市 珠海市 江门市 汕头市 湛江市 揭阳市 茂名市 肇庆市 清远市 梅州市 潮州市 阳江市 韶关市 河源市 汕尾市 云浮市',
  ],
  [
    '广西壮族自治区',
    3,
    '南宁市 柳州市 桂林市 玉林市 贵港市 钦州市 北海市 百色市 梧州市 河池市 贺州市 来宾市 崇左市 防城港市',
  ],
  ['海南省', 1, '海口市 三亚市 儋州市 琼海市'],
  [
    '四川省',
    6,
    '成都市 绵阳市 南充市 宜宾市 德阳市 泸州市 达州市 乐山市 眉山市 内江市 遂宁市 自贡市 广安市 资阳市 广元市 攀枝花市 巴中市 雅安市',
  ],
  ['贵州省', 2, '贵阳市 遵义市 毕节市 黔南布依族苗族自治州 六盘水市 铜仁市 安顺市'],
  [
    '云南省',
    3,
    '昆明市 曲靖市 红河哈尼族彝族自治州 玉溪市 大理白族自治州 昭通市 保山市 丽江市 普洱市',
  ],
  ['西藏自治区', 0.3, '拉萨市 日喀则市 昌都市 林芝市 山南市 那曲市'],
  ['陕西省', 3, '西安市 咸阳市 宝鸡市 榆林市 渭南市 汉中市 延安市 安康市 商洛市 铜川市'],
  [
    '甘肃省',
    1.5,
    '兰州市 天水市 庆阳市 白银市 酒泉市 平凉市 武威市 张掖市 定西市 陇南市 金昌市 嘉峪关市',
  ],
  ['青海省', 0.5, '西宁市 海东市 海西蒙古族藏族自治州'],
  ['宁夏回族自治区', 0.6, '银川市 石嘴山市 吴忠市 固原市 中卫市'],
  [
    '新疆维吾尔自治区',
    1.5,
    '乌鲁木齐市 昌吉回族自治州 伊犁哈萨克自治州 喀什地区 克拉玛依市 巴音郭楞蒙古自治州 哈密市 吐鲁番市',
  ],
];

const CITIES = PLACES.flatMap(([province, weight, cities]) => {
  const names = cities.split(' ');
  // Within a province the biggest city has the most shops.
  const zipf = names.map((_, i) => 1 / (i + 1));
  const total = zipf.reduce((a, b) => a + b, 0);
  return names.map((city, i) => ({ province, city, weight: (weight * (zipf[i] ?? 0)) / total }));
});
export const PLACE_COUNT = { provinces: PLACES.length, cities: CITIES.length };

const FIRST = '鑫汇瑞恒富安捷嘉融华';
const SECOND = '联通付信达盛宝易银合';
/** Sixty providers (fictional): fifty payment companies and ten banks, a few with most complaints. */
export const PROVIDERS = [
  ...Array.from(
    { length: 50 },
    (_, i) =>
      `${FIRST[i % 10] ?? ''}${SECOND[(i * 3 + Math.floor(i / 10)) % 10] ?? ''}支付有限公司`,
  ),
  ...'东海 北岭 南江 西山 中原 长城 江淮 岭南 黄河 天山'
    .split(' ')
    .map((name) => `${name}农村商业银行`),
].map((name, i) => ({
  name,
  type: i < 50 ? 'payment_institution' : 'bank',
  weight: 1 / (i + 1) ** 1.1,
  /** How often this provider answers at all, and how fast. */
  answers: 0.55 + (0.4 * ((i * 7919) % 100)) / 100,
  meanDays: 4 + ((i * 104_729) % 17),
}));

const CATEGORIES = [
  ['traffic_fee', 30, 5_900, 9_900],
  ['service_fee', 24, 3_900, 29_900],
  ['deposit', 14, 9_900, 29_900],
  ['instant_settlement_fee', 11, 300, 5_000],
  ['rate_overcharge', 10, 1_000, 40_000],
  ['other_deduction', 7, 500, 20_000],
  ['settlement_shortfall', 4, 2_000, 100_000],
] as const;

const MONTHS = Array.from({ length: 24 }, (_, i) => {
  const d = new Date(Date.UTC(2024, 11 + i, 1));
  return d.toISOString().slice(0, 7);
});
/** The day the data is as of: later deadlines are still running. */
export const AS_OF = '2026-12-01';

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const NARRATIVES = [
  '我在{m}发现POS机每月被扣{a}元{c}，办理时业务员说免费，合同里也没有这项费用，要求全额退还。',
  '机器从来没有开通过这项服务，却在{m}连续扣了{c}，共{a}元，客服一直说在处理。',
  '服务商未经同意把费率调高，{m}多扣了{a}元，联系代理商无人接听。',
  '{m}开始出现{c}扣款{a}元，我没有签过任何同意书，请求退回并停止扣费。',
];
const CATEGORY_WORDS: Record<string, string> = {
  traffic_fee: '流量费',
  service_fee: '服务费',
  deposit: '押金',
  instant_settlement_fee: '秒到费',
  rate_overcharge: '手续费',
  other_deduction: '不明扣款',
  settlement_shortfall: '结算款',
};

export interface Batch {
  users: DB['users'][];
  merchants: DB['merchants'][];
  statements: DB['statements'][];
  deductions: DB['deductions'][];
  cases: DB['cases'][];
  caseDeductions: DB['case_deductions'][];
  filings: FilingsTable[];
  contributions: DB['case_stats'][];
  published: DB['public_complaints'][];
}

function emptyBatch(): Batch {
  return {
    users: [],
    merchants: [],
    statements: [],
    deductions: [],
    cases: [],
    caseDeductions: [],
    filings: [],
    contributions: [],
    published: [],
  };
}

/** Multi-row inserts sized to stay under SQLite's and PostgreSQL's limits on parameters. */
function chunks<T extends object>(rows: readonly T[]): T[][] {
  const first = rows[0];
  if (first === undefined) return [];
  const per = Math.max(1, Math.floor(30_000 / Object.keys(first).length));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += per) out.push(rows.slice(i, i + per));
  return out;
}

/** Writes a batch through Kysely, in one transaction, with multi-row inserts. */
export function kyselyWriter(db: Kysely<DB>): (b: Batch) => Promise<void> {
  return (b) =>
    db.transaction().execute(async (trx) => {
      for (const c of chunks(b.users)) await trx.insertInto('users').values(c).execute();
      for (const c of chunks(b.merchants)) await trx.insertInto('merchants').values(c).execute();
      for (const c of chunks(b.statements)) await trx.insertInto('statements').values(c).execute();
      for (const c of chunks(b.deductions)) await trx.insertInto('deductions').values(c).execute();
      for (const c of chunks(b.cases)) await trx.insertInto('cases').values(c).execute();
      for (const c of chunks(b.caseDeductions)) {
        await trx.insertInto('case_deductions').values(c).execute();
      }
      for (const c of chunks(b.filings)) await trx.insertInto('filings').values(c).execute();
      for (const c of chunks(b.contributions)) {
        await trx.insertInto('case_stats').values(c).execute();
      }
      for (const c of chunks(b.published)) {
        await trx.insertInto('public_complaints').values(c).execute();
      }
    });
}

const TABLE_OF: Record<keyof Batch, keyof DB> = {
  users: 'users',
  merchants: 'merchants',
  statements: 'statements',
  deductions: 'deductions',
  cases: 'cases',
  caseDeductions: 'case_deductions',
  filings: 'filings',
  contributions: 'case_stats',
  published: 'public_complaints',
};

/**
 * Writes a batch straight through better-sqlite3 with one prepared statement per table, in one
 * transaction: SQLite parses a statement once instead of once per multi-row insert.
 */
export function sqliteWriter(file: string): { write: (b: Batch) => Promise<void>; close(): void } {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const statements = new Map<string, SQLite.Statement>();
  const insert = (table: string, row: object) => {
    let statement = statements.get(table);
    if (!statement) {
      const columns = Object.keys(row);
      statement = sqlite.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      statements.set(table, statement);
    }
    statement.run(row);
  };
  const writeAll = sqlite.transaction((b: Batch) => {
    for (const key of Object.keys(TABLE_OF) as (keyof Batch)[]) {
      for (const row of b[key]) insert(TABLE_OF[key], row);
    }
  });
  return {
    write: (b) => {
      writeAll(b);
      return Promise.resolve();
    },
    close: () => sqlite.close(),
  };
}

export interface SeedResult {
  readonly cases: number;
  readonly published: number;
  readonly rows: number;
  readonly seconds: number;
  readonly cells: { readonly cells: number; readonly days: number; readonly weeks: number };
}

/**
 * Writes `complaints` cases in transactions of `perTransaction`, reporting progress on stderr.
 * Also returns the sample of case facts generated, to check them against what the server reads.
 */
export async function seedStats(
  db: Kysely<DB>,
  complaints: number,
  progress: (line: string) => void,
  write: (batch: Batch) => Promise<void> = kyselyWriter(db),
): Promise<SeedResult & { sample: Map<string, Contribution> }> {
  const started = performance.now();
  const rnd = random(20_261_201);
  const pickProvider = weighted(
    PROVIDERS,
    PROVIDERS.map((p) => p.weight),
  );
  const pickPlace = weighted(
    CITIES,
    CITIES.map((c) => c.weight),
  );
  // Complaints grow over the two years.
  const pickMonth = weighted(
    MONTHS,
    MONTHS.map((_, i) => 1 + i / 8),
  );
  const pickCategory = weighted(
    CATEGORIES,
    CATEGORIES.map((c) => c[1]),
  );
  const at = `${AS_OF}T00:00:00.000Z`;
  // Every provider answers on FeeGuard through its organization, which is what lets the public
  // figures name it (an unknown name counts under 其他服务商).
  await db
    .insertInto('organizations')
    .values(
      PROVIDERS.map((p) => ({
        id: crypto.randomUUID(),
        name: p.name,
        kind: 'provider',
        channel_id: null,
        provider_name: p.name,
        created_at: at,
      })),
    )
    .execute();
  const hash = '$argon2id$v=19$m=65536,t=3,p=4$bench$bench';
  const sums = new AggregateRows();
  const sample = new Map<string, Contribution>();
  let rows = 0;
  let published = 0;
  let batch = emptyBatch();
  let uid = 0;
  const id = (kind: string) => {
    uid++;
    return `00000000-${kind}-4000-8000-${uid.toString(16).padStart(12, '0')}`;
  };

  const flush = async () => {
    const b = batch;
    batch = emptyBatch();
    await write(b);
    rows += (Object.keys(TABLE_OF) as (keyof Batch)[]).reduce((sum, k) => sum + b[k].length, 0);
  };

  let made = 0;
  let lastReport = performance.now();
  while (made < complaints) {
    // A shop with its owner, 1–7 complaints (most have one or two).
    const userId = id('0001');
    const merchantId = id('0002');
    const statementId = id('0003');
    const provider = pickProvider(rnd());
    const place = pickPlace(rnd());
    const known = rnd() < 0.93;
    batch.users.push({
      id: userId,
      email: `shop${String(uid)}@bench.test`,
      name: '商户',
      password_hash: hash,
      is_admin: 0,
      created_at: at,
      email_verified_at: at,
    });
    batch.merchants.push({
      id: merchantId,
      owner_id: userId,
      name: '商户',
      business_name: null,
      merchant_no: null,
      provider_name: provider.name,
      provider_type: provider.type,
      complainant_type: 'individual_merchant',
      terminal_ids: '[]',
      details: JSON.stringify(known ? { province: place.province, city: place.city } : {}),
      created_at: at,
      updated_at: at,
    });
    batch.statements.push({
      id: statementId,
      merchant_id: merchantId,
      file_sha256: '0'.repeat(64),
      file_name: 'statement.csv',
      format: 'csv',
      uploaded_by: userId,
      uploaded_at: at,
      report: '{}',
      period_from: null,
      period_to: null,
      new_deductions: 0,
      claim: '0.00',
      counts: null,
      warnings: 0,
    });
    const count = Math.min(complaints - made, 1 + Math.floor(-Math.log(1 - rnd()) * 1.5));
    for (let c = 0; c < count; c++, made++) {
      const caseId = id('0004');
      const month = pickMonth(rnd());
      const createdOn = `${month}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const createdAt = `${createdOn}T0${String(1 + Math.floor(rnd() * 9))}:15:00.000Z`;
      const deductions: CaseFacts['deductions'][number][] = [];
      for (let d = 0, n = 1 + Math.floor(rnd() * rnd() * 4); d < n; d++) {
        const [category, , min, max] = pickCategory(rnd());
        const overchargeFen = Math.round((min + rnd() * (max - min)) / 100) * 100;
        const deductionId = id('0005');
        deductions.push({ category, overchargeFen });
        batch.deductions.push({
          id: deductionId,
          merchant_id: merchantId,
          fingerprint: deductionId,
          statement_id: statementId,
          date: addDays(createdOn, -10 - d),
          category,
          amount_fen: overchargeFen,
          verdict: 'unauthorized',
          overcharge_fen: overchargeFen,
          finding: '{}',
          audit_finding: null,
          created_at: createdAt,
        });
        batch.caseDeductions.push({ case_id: caseId, deduction_id: deductionId });
      }
      const claimFen = deductions.reduce((sum, d) => sum + d.overchargeFen, 0);
      let refundedFen = 0;
      const filings: FilingFacts[] = [];
      const providerChannel =
        provider.type === 'bank' ? 'bank_customer_service' : 'payment_institution_customer_service';
      const addFiling = (filing: FilingFacts, channel: string, response: string | null) => {
        filings.push(filing);
        batch.filings.push({
          id: id('0006'),
          case_id: caseId,
          channel_id: channel,
          organization_id: null,
          filing_type: 'complaint',
          state: filing.state,
          submitted_at: filing.submittedOn,
          reference: null,
          method: 'hotline',
          due_date: filing.dueDate,
          response,
          refund_fen: null,
          version: 1,
          created_at: createdAt,
          updated_at: createdAt,
        });
      };
      if (rnd() < 0.86) {
        const submittedOn = addDays(createdOn, Math.floor(rnd() * 6));
        const dueDate = addDays(submittedOn, 15);
        const answerIn = Math.round(-Math.log(1 - rnd()) * provider.meanDays);
        const answeredOn =
          rnd() < provider.answers && addDays(submittedOn, answerIn) <= AS_OF
            ? addDays(submittedOn, answerIn)
            : null;
        if (answeredOn) {
          const r = rnd();
          const kind = r < 0.45 ? 'refund' : r < 0.8 ? 'rejection' : 'explanation';
          const refundFen =
            kind === 'refund' ? (rnd() < 0.7 ? claimFen : Math.round(claimFen * 0.5)) : 0;
          refundedFen += refundFen;
          addFiling(
            {
              toProvider: true,
              state: kind === 'refund' ? 'accepted' : rnd() < 0.6 ? 'disputed' : 'responded',
              submittedOn,
              dueDate,
              answeredOn,
              answerKind: kind,
            },
            providerChannel,
            JSON.stringify({
              kind,
              message:
                kind === 'refund' ? '已核实，予以退还。' : '该费用为代理商收取，与我司无关。',
              ...(refundFen > 0 ? { refundFen } : {}),
              by: 'bench',
              at: `${answeredOn}T03:00:00.000Z`,
            }),
          );
        } else {
          addFiling(
            {
              toProvider: true,
              state: dueDate < AS_OF ? 'overdue' : 'submitted',
              submittedOn,
              dueDate,
              answeredOn: null,
              answerKind: null,
            },
            providerChannel,
            null,
          );
        }
        // Some go on to the central bank when the provider refused or did not answer.
        if (refundedFen === 0 && rnd() < 0.3 && addDays(submittedOn, 20) <= AS_OF) {
          const to = addDays(submittedOn, 20);
          addFiling(
            {
              toProvider: false,
              state: 'submitted',
              submittedOn: to,
              dueDate: addDays(to, 30),
              answeredOn: null,
              answerKind: null,
            },
            'pboc_12363',
            null,
          );
        }
      }
      const facts: CaseFacts = {
        provider: provider.name,
        // As the public figures name places: only names on the national list.
        province: known ? publicPlace(place.province, place.city).province || undefined : undefined,
        city: known ? publicPlace(place.province, place.city).city || undefined : undefined,
        createdOn,
        claimFen,
        refundedFen,
        deductions,
        filings,
      };
      const contribution = contributionOf(facts);
      for (const delta of deltasBetween(null, contribution)) sums.add(delta);
      batch.contributions.push({
        case_id: caseId,
        contribution: JSON.stringify(contribution),
        updated_at: at,
      });
      if (made % 997 === 0) sample.set(caseId, contribution);
      batch.cases.push({
        id: caseId,
        merchant_id: merchantId,
        owner_id: userId,
        respondent_name: provider.name,
        respondent_type: provider.type,
        claim_fen: claimFen,
        refunded_fen: refundedFen,
        status: 'waiting',
        next_deadline: null,
        summary: '{}',
        details: '{"othersAffected":false,"arbitrationAgreement":false}',
        affirmations: '{}',
        created_at: createdAt,
        updated_at: createdAt,
      });
      // One in five merchants agreed to publish.
      if (rnd() < 0.2) {
        published++;
        const d = contribution.dimensions;
        const template = NARRATIVES[Math.floor(rnd() * NARRATIVES.length)] ?? '';
        batch.published.push({
          case_id: caseId,
          public_id: id('0007'),
          provider: d.provider,
          category: d.category,
          province: d.province,
          city: d.city,
          month: d.month,
          claim_fen: claimFen,
          recovered_fen: refundedFen,
          outcome: contribution.outcome,
          narrative: template
            .replace('{m}', d.month)
            .replace('{a}', (claimFen / 100).toFixed(2))
            .replace('{c}', CATEGORY_WORDS[d.category] ?? '费用'),
          answer: null,
          answered_at: null,
          published_at: `${addDays(createdOn, 3)}T0${String(Math.floor(rnd() * 10))}:${String(10 + Math.floor(rnd() * 50))}:00.000Z`,
          updated_at: createdAt,
        });
      }
    }
    if (batch.cases.length >= 20_000) {
      await flush();
      if (performance.now() - lastReport > 5_000 || made === complaints) {
        lastReport = performance.now();
        const s = (performance.now() - started) / 1000;
        progress(
          `  ${String(made).padStart(9)} / ${String(complaints)} complaints, ${String(rows)} rows, ${s.toFixed(0)} s (${(made / s).toFixed(0)} complaints/s)`,
        );
      }
    }
  }
  await flush();
  const aggregated = await db.transaction().execute((trx) => insertAggregates(trx, sums));
  progress(
    `  aggregates: ${String(aggregated.cells)} cells, ${String(aggregated.days)} day buckets, ${String(aggregated.weeks)} weeks`,
  );
  return {
    cases: made,
    published,
    rows,
    seconds: (performance.now() - started) / 1000,
    cells: aggregated,
    sample,
  };
}
