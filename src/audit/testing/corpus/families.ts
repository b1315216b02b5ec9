import { cellText, toPdf, type Cell, type PdfLine, type Sheet } from './containers.js';
import type { Entry, Ledger } from './ledger.js';
import {
  chineseColumns,
  compactDate,
  xlsxLayout,
  serial,
  smsLayout,
  stamp,
  textLayout,
  textOf,
  typeOf,
  type Layout,
  type Position,
  type TablePlan,
} from './layouts.js';
import {
  CHINESE_WORDS,
  feeOf,
  grouped,
  isSubsidy,
  kindWord,
  netOf,
  plain,
  positionsOf,
  signed,
  sum,
  usualColumns,
  yuanNumber,
  type Column,
  type Words,
} from './print.js';
import { FULL_VIEW, type View } from './truth.js';
import { ENGLISH_FEE_NAMES } from './vocabulary.js';

/**
 * The families of issue #11 item 6: wallet bills (WeChat Pay, Alipay), a paper statement's PDF
 * with a two-line heading and carried-forward lines, a bank statement's 摘要 beside its 附言, a
 * 结算状态 column with failed deductions, English and UTC dates, bank SMS that name the fee after
 * the amount, English SMS, a signed export with fee rows written positive, a 扣款金额 column,
 * amounts as spaced text, a workbook with a summary and a hidden sheet before the detail, and
 * amounts in 万. Each renders the same ledger, so the metamorphic test covers it.
 */

const NO_CARD: View = { card: false, fee: true, net: true };

const ENGLISH_WORDS: Words = {
  date: 'Date',
  type: 'Type',
  card: 'Card Type',
  amount: 'Amount',
  fee: 'Fee',
  net: 'Net Amount',
  text: 'Description',
  ref: 'Reference No',
};
const ENGLISH_CARDS = ['Debit', 'Credit'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthName = (e: Entry) => MONTHS[Number(e.date.slice(5, 7)) - 1] ?? '';
/** 05-Mar-2024 */
const dayMonYear = (e: Entry) => `${e.date.slice(8)}-${monthName(e)}-${e.date.slice(0, 4)}`;
/** Mar 5, 2024 */
const monDayYear = (e: Entry) =>
  `${monthName(e)} ${Number(e.date.slice(8))}, ${e.date.slice(0, 4)}`;
/** The Beijing instant in UTC: 2024-03-05 00:30 in Beijing is 2024-03-04T16:30:00Z. */
const utcInstant = (e: Entry) =>
  new Date(Date.parse(`${e.date}T${e.time}+08:00`)).toISOString().replace('.000Z', 'Z');
const TIME_COLUMN = (h: string): Column => ({ h, v: (e) => e.time });

// ---- wallet bills --------------------------------------------------------------------------------

/** A WeChat Pay bill's cell: a backtick first, so that a spreadsheet keeps the digits as text. */
const tick = (c: Cell): Cell => `\`${cellText(c)}`;
const period = (l: Ledger) => ({
  from: l.entries[0]?.date ?? '',
  to: l.entries.at(-1)?.date ?? '',
});

const wechatBill = (): TablePlan => ({
  preamble: (l) => [
    ['微信支付商户交易账单明细'],
    [`起始时间：[${period(l).from} 00:00:00] 终止时间：[${period(l).to} 23:59:59]`],
    [],
  ],
  columns: (
    [
      { h: '交易时间', v: stamp },
      { h: '商户号', v: (_e, ledger) => ledger.merchantId.slice(0, 10) },
      { h: '微信订单号', v: (e) => `4200001${e.ref}` },
      { h: '商户订单号', v: (e) => e.ref },
      { h: '交易类型', v: typeOf },
      { h: '交易状态', v: () => 'SUCCESS' },
      { h: '付款银行', v: (e) => (e.kind === 'sale' ? 'OTHERS' : '') },
      { h: '货币种类', v: () => 'CNY' },
      { h: '订单金额', v: (e) => plain(signed(e)) },
      { h: '手续费', v: (e) => plain(feeOf(e)) },
      { h: '结算金额', v: (e) => plain(netOf(e)) },
      { h: '商品名称', v: textOf },
    ] as Column[]
  ).map((c) => ({ h: c.h, v: (e: Entry, ledger: Ledger) => tick(c.v(e, ledger)) })),
  totals: (entries) => [
    [],
    ['总交易单数', '应结订单总金额', '手续费总金额', '结算总金额'],
    [
      entries.length,
      `¥${plain(sum(entries, signed))}`,
      `¥${plain(sum(entries, feeOf))}`,
      `¥${plain(sum(entries, netOf))}`,
    ].map(tick),
  ],
});

/** An Alipay bill: # comment lines around the list, a tab after every value, the sums at the end. */
const alipayBill = (): TablePlan => {
  const rule = '-'.repeat(40);
  const tab = (c: Cell): Cell => `${cellText(c)}\t`;
  return {
    preamble: (l) => [
      ['#支付宝交易记录明细查询'],
      [`#账号：[2088${l.merchantId.slice(-12)}]`],
      [`#起始日期：[${period(l).from} 00:00:00]    终止日期：[${period(l).to} 23:59:59]`],
      [`#${rule}交易记录明细列表${rule}`],
    ],
    columns: [
      { h: '支付宝交易号', v: (e: Entry) => `2024${e.ref}` },
      { h: '商户订单号', v: (e: Entry) => e.ref },
      { h: '完成时间', v: stamp },
      { h: '业务类型', v: typeOf },
      { h: '商品名称', v: textOf },
      { h: '订单金额（元）', v: (e: Entry) => plain(signed(e)) },
      { h: '服务费（元）', v: (e: Entry) => plain(feeOf(e)) },
      { h: '商家实收（元）', v: (e: Entry) => plain(netOf(e)) },
    ].map((c) => ({ h: c.h, v: (e: Entry, ledger: Ledger) => tab(c.v(e, ledger)) })),
    totals: (entries) => [
      [`#${rule}交易记录明细列表结束${rule}`],
      [
        `#交易合计：${entries.length}笔，商家实收共${plain(sum(entries, netOf))}元，服务费共${plain(sum(entries, feeOf))}元`,
      ],
      [`#导出时间：[${entries.at(-1)?.date ?? ''} 23:59:59]`],
    ],
  };
};

// ---- a paper statement as PDF: a heading on two lines, 过次页 / 承前页 -----------------------------

function pdfCarriedLayout(name: string, about: string): Layout {
  const columns = usualColumns(
    { ...CHINESE_WORDS, ref: undefined },
    { date: stamp, type: typeOf, text: textOf, money: plain },
  );
  // the heading's words broken over two lines, as a narrow printed column does
  const top = ['交易', '交易', '卡', '交易', '手续费', '结算', '摘要'];
  const bottom = ['时间', '类型', '类型', '金额', '(元)', '金额', ''];
  return {
    name,
    about,
    ext: 'pdf',
    view: FULL_VIEW,
    async render(ledger) {
      const entries = ledger.entries;
      const lines: PdfLine[] = [
        { cells: [`${ledger.provider} 商户对账单`], kind: 'title' },
        { cells: [`商户名称：${ledger.merchant}`], kind: 'title' },
        { cells: top, kind: 'header' },
        { cells: bottom, kind: 'header' },
        ...entries.map((e): PdfLine => ({
          cells: columns.map((c) => cellText(c.v(e, ledger))),
          kind: 'record',
        })),
      ];
      // the running sums a page carries over, of the amount, fee and settled columns
      const carried = (label: string) => (n: number) => {
        const done = entries.slice(0, n);
        return [
          label,
          '',
          '',
          plain(sum(done, signed)),
          plain(sum(done, feeOf)),
          plain(sum(done, netOf)),
        ];
      };
      const placed = await toPdf(lines, [110, 60, 60, 80, 60, 80, 200], 36, {
        out: carried('过次页'),
        in: carried('承前页'),
      });
      const positions = new Map<number, Position>();
      entries.forEach((e, i) =>
        positions.set(e.seq, { row: i + 1, page: placed.pages[i + 4] ?? 1 }),
      );
      return {
        bytes: placed.bytes,
        positions,
        format: 'pdf',
        encoding: null,
        headerRow: null,
        records: entries.length,
      };
    },
  };
}

// ---- a bank statement: 摘要 says the kind of movement, 附言 what it was ----------------------------

const bankKind = (e: Entry) =>
  kindWord(e, {
    sale: 'POS收单',
    refund: '退货退款',
    payout: '转账支出',
    fee: '代扣',
    credit: '退费入账',
    subsidy: '补贴入账',
  });

function bankPostscript(): TablePlan {
  let balance = 20_000_00;
  let last = -1;
  return {
    preamble: (l) => [[`${l.bank}对公账户交易明细`], [`户名：${l.merchant}`], []],
    columns: [
      { h: '记账日期', v: compactDate },
      TIME_COLUMN('交易时间'),
      { h: '摘要', v: bankKind },
      { h: '交易金额', v: (e) => plain(signed(e)) },
      { h: '手续费', v: (e) => plain(feeOf(e)) },
      { h: '入账金额', v: (e) => plain(netOf(e)) },
      {
        h: '账户余额',
        v: (e) => {
          if (e.seq !== last) balance += netOf(e);
          last = e.seq;
          return plain(balance);
        },
      },
      { h: '对方户名', v: (e, l) => (e.kind === 'payout' ? l.merchant : l.provider) },
      { h: '附言', v: textOf },
    ],
  };
}

// ---- a 结算状态 column: a failed deduction took no money -------------------------------------------

/**
 * The ledger with a failed first attempt before about one deduction in three (the same charge, 失败),
 * as a provider retries a deduction the account could not pay. The attempts are entries of their
 * own (after every seq of the ledger), so that the truth sees them and must pass them over.
 */
function withFailedAttempts(ledger: Ledger): Ledger {
  const entries: Entry[] = [];
  const base = ledger.entries.length;
  for (const e of ledger.entries) {
    if (e.kind === 'fee' && e.seq % 3 === 0)
      entries.push({ ...e, seq: base + e.seq, ref: `9${e.ref.slice(1)}`, failed: true });
    entries.push(e);
  }
  return { ...ledger, entries };
}

const STATUS_COLUMNS: Column[] = [
  ...chineseColumns(stamp),
  { h: '结算状态', v: (e) => (e.kind === 'fee' && e.failed ? '失败' : '成功') },
];

// ---- SMS -----------------------------------------------------------------------------------------

/** A bank's notice naming the movement after its amount: …扣收人民币68.00元，用途：流量服务费。 */
function bankPurposeMessage(e: Entry, l: Ledger): string {
  const head = `【${l.bank}】您尾号${l.cardTail}的账户${e.date.slice(0, 4)}年${e.date.slice(5, 7)}月${e.date.slice(8)}日${e.time.slice(0, 5)}`;
  switch (e.kind) {
    case 'sale':
      return `${head}收入人民币${grouped(e.amount)}元，用途：${e.type}，手续费${plain(e.fee)}元。`;
    case 'refund':
      return `${head}支出人民币${grouped(e.amount)}元，用途：${e.type}。`;
    case 'payout':
      return `${head}转出人民币${grouped(e.amount)}元，用途：${e.text}。`;
    case 'fee':
      return `${head}扣收人民币${plain(e.amount)}元，用途：${e.text}。`;
    case 'credit':
      return `${head}收入人民币${plain(e.amount)}元，用途：${e.text}。`;
  }
}

const englishFeeName = (e: Entry & { kind: 'fee' }) => {
  const names = ENGLISH_FEE_NAMES[e.category];
  return names[e.seq % names.length] ?? '';
};

/** A bank's English notice. */
function englishMessage(e: Entry, l: Ledger): string {
  const head = `[${l.bank} Merchant Services]`;
  const account = `your merchant account ending ${l.cardTail}`;
  const on = `on ${dayMonYear(e)} ${e.time.slice(0, 5)}`;
  switch (e.kind) {
    case 'sale':
      return `${head} You received CNY ${grouped(e.amount)} by card ${on}. Fee CNY ${plain(e.fee)}.`;
    case 'refund':
      return `${head} A refund of CNY ${grouped(e.amount)} was paid from ${account} ${on}.`;
    case 'payout':
      return `${head} Settlement of CNY ${grouped(e.amount)} was transferred to your bank card ending ${l.cardTail} ${on}.`;
    case 'fee':
      return `${head} ${account.replace(/^y/, 'Y')} was debited CNY ${plain(e.amount)} ${on} for ${englishFeeName(e)}.`;
    case 'credit':
      return `${head} CNY ${plain(e.amount)} was credited to ${account} ${on} (${isSubsidy(e.text) ? 'merchant subsidy' : 'fee rebate'}).`;
  }
}

// ---- a workbook: a summary sheet, a hidden sheet, then the detail --------------------------------

function summaryHiddenLayout(name: string, about: string): Layout {
  const columns = chineseColumns(serial, yuanNumber);
  return xlsxLayout(name, about, (ledger) => {
    const entries = ledger.entries;
    const fees = entries.filter((e) => e.kind === 'fee');
    const summary: Sheet = {
      name: '汇总',
      rows: [
        ['商户对账单汇总'],
        ['商户名称', ledger.merchant],
        ['统计期间', `${period(ledger).from} 至 ${period(ledger).to}`],
        [],
        ['项目', '笔数', '金额(元)'],
        ['交易', entries.filter((e) => e.kind === 'sale').length, sum(entries, signed) / 100],
        ['手续费', '', sum(entries, feeOf) / 100],
        ['扣费', fees.length, -sum(fees, (e) => -signed(e)) / 100],
        ['结算', '', sum(entries, netOf) / 100],
      ],
    };
    const lookup: Sheet = {
      name: '费率参数',
      hidden: true,
      rows: [
        ['卡类型', '费率(%)', '封顶(元)'],
        ...ledger.contract.rates.map((r): Cell[] => [
          r.cardType === 'debit' ? '借记卡' : '贷记卡',
          r.percentE4 / 10_000,
          r.capFen === undefined ? '' : r.capFen / 100,
        ]),
      ],
    };
    const detail: Cell[][] = [columns.map((c) => c.h)];
    for (const e of entries) detail.push(columns.map((c) => c.v(e, ledger)));
    const sheets = [summary, lookup, { name: '交易明细', rows: detail }];
    const positions = new Map<number, Position>();
    entries.forEach((e, i) => positions.set(e.seq, { row: i + 2, sheet: '交易明细' }));
    return { sheets, positions, headerRow: 1 };
  });
}

/** A workbook of one sheet whose dates are text in English (Mar 5, 2024). */
function englishWorkbookLayout(name: string, about: string): Layout {
  const columns = usualColumns(ENGLISH_WORDS, {
    date: monDayYear,
    afterDate: [TIME_COLUMN('Time')],
    type: typeOf,
    text: textOf,
    money: yuanNumber,
    cards: ENGLISH_CARDS,
  });
  return xlsxLayout(name, about, (ledger) => {
    const rows: Cell[][] = [['Merchant Statement'], [ledger.merchant], columns.map((c) => c.h)];
    const seqs: (number | null)[] = [null, null, null];
    for (const e of ledger.entries) {
      rows.push(columns.map((c) => c.v(e, ledger)));
      seqs.push(e.seq);
    }
    const grid = { rows, seqs, headerRow: 3 };
    return {
      sheets: [{ name: 'Transactions', rows }],
      positions: positionsOf(grid, 'Transactions'),
      headerRow: 3,
    };
  });
}

// ---- amounts in 万 ---------------------------------------------------------------------------------

/** 12,345.67 yuan as 1.234567万: every digit kept, so the row's arithmetic can confirm the unit. */
function wan(fen: number): string {
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 1_000_000);
  const rest = String(abs % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${fen < 0 ? '-' : ''}${whole}${rest ? `.${rest}` : ''}万`;
}
/** What a summary-minded export does: amounts of ten thousand yuan and more in 万. */
const wanOrPlain = (fen: number) => (Math.abs(fen) >= 1_000_000 ? wan(fen) : plain(fen));

/**
 * The ledger as a reader of 万 amounts can take it: a sale in 万 whose settled amount is short of
 * amount − fee (a deduction held back from it) has no arithmetic that confirms the unit, so the
 * row is unreadable and nothing can be claimed from it (spec: a claim is never a guess).
 */
function wanConfirmed(ledger: Ledger): Ledger {
  return {
    ...ledger,
    entries: ledger.entries.filter(
      (e) => !(e.kind === 'sale' && e.amount >= 1_000_000 && e.net !== e.amount - e.fee),
    ),
  };
}

/** The layout with its truth stated for `readable` only: the other rows are printed but no records. */
function confirmedOnly(layout: Layout, readable: (ledger: Ledger) => Ledger): Layout {
  return {
    ...layout,
    shows: readable,
    async render(ledger) {
      const rendered = await layout.render(ledger);
      const kept = new Set(readable(ledger).entries.map((e) => e.seq));
      for (const seq of [...rendered.positions.keys()])
        if (!kept.has(seq)) rendered.positions.delete(seq);
      return { ...rendered, records: kept.size };
    },
  };
}

// ---- the layouts ---------------------------------------------------------------------------------

export const FAMILY_LAYOUTS: readonly Layout[] = [
  textLayout(
    'csv-wechat-bill-backticks',
    'a WeChat Pay merchant bill: every field after a backtick (`2024-03-05 10:22:33), 微信订单号/商户订单号, newest first, a 总交易单数 summary block at the end',
    wechatBill,
    { encoding: 'utf-8-bom', view: NO_CARD, newestFirst: true },
  ),
  textLayout(
    'csv-alipay-bill-hash-tabs',
    'an Alipay bill in GBK: # comment lines around the list, a tab after every value, 订单金额（元）/服务费（元）/商家实收（元）, #交易合计 at the end',
    alipayBill,
    { encoding: 'gbk', view: NO_CARD },
  ),
  pdfCarriedLayout(
    'pdf-two-line-heading-carried',
    'a PDF statement whose heading is broken over two lines (交易 / 金额), with 过次页 and 承前页 lines carrying the sums over each page break',
  ),
  textLayout(
    'csv-bank-summary-postscript',
    'a bank statement: 摘要 says the kind (POS收单, 代扣, 转账支出) and 附言 names it (流量费…), dates 20240305, a running 账户余额, 对方户名',
    bankPostscript,
    { encoding: 'gb18030', eol: '\r\n', view: NO_CARD },
  ),
  textLayout(
    'csv-settlement-status-failed',
    'a 结算状态 column: about one deduction in three first tried and 失败 (no money taken), then 成功',
    () => ({ columns: STATUS_COLUMNS }),
    { encoding: 'utf-8', shows: withFailedAttempts },
  ),
  textLayout(
    'csv-english-day-month-year',
    'English headers, dates 05-Mar-2024 and a separate Time column',
    () => ({
      columns: usualColumns(ENGLISH_WORDS, {
        date: dayMonYear,
        afterDate: [TIME_COLUMN('Time')],
        type: typeOf,
        text: textOf,
        money: plain,
        cards: ENGLISH_CARDS,
      }),
    }),
    { encoding: 'utf-8' },
  ),
  englishWorkbookLayout(
    'xlsx-english-month-day-year',
    'XLSX with dates as English text (Mar 5, 2024), a Time column, numbers as numbers',
  ),
  textLayout(
    'csv-utc-iso-instants',
    'instants in UTC (2024-03-04T16:30:00Z is 5 March in Beijing), English headers',
    () => ({
      columns: usualColumns(
        { ...ENGLISH_WORDS, date: 'Created (UTC)' },
        { date: utcInstant, type: typeOf, text: textOf, money: plain, cards: ENGLISH_CARDS },
      ),
    }),
    { encoding: 'utf-8' },
  ),
  smsLayout(
    'sms-bank-purpose-after-amount',
    'bank notices naming the movement after the amount (…扣收人民币68.00元，用途：流量服务费。), the full date in each',
    (l) => l.entries.map((e) => bankPurposeMessage(e, l)),
    '\n',
  ),
  smsLayout(
    'sms-english-bank',
    'English bank notices (…was debited CNY 68.00 on 05-Mar-2024 02:10 for POS SIM data fee.)',
    (l) => l.entries.map((e) => englishMessage(e, l)),
    '\n',
  ),
  textLayout(
    'csv-signed-fee-rows-positive',
    'a signed export (sales +, refunds and payouts −) whose deduction rows are written positive, typed 扣费',
    () => ({
      columns: usualColumns(
        { ...CHINESE_WORDS, amount: '金额' },
        {
          date: stamp,
          type: (e) => (e.kind === 'fee' ? '扣费' : typeOf(e)),
          text: textOf,
          money: plain,
        },
      ).map((c) =>
        c.h === '金额' || c.h === '结算金额'
          ? { h: c.h, v: (e: Entry, l: Ledger) => (e.kind === 'fee' ? plain(e.amount) : c.v(e, l)) }
          : c,
      ),
    }),
    { encoding: 'utf-8' },
  ),
  textLayout(
    'csv-deduction-amount-column',
    'a 扣款金额 column beside 交易金额: a deduction row has its money there only, a sale its fee in 手续费',
    () => ({
      columns: [
        { h: '交易时间', v: stamp },
        { h: '交易类型', v: typeOf },
        {
          h: '卡类型',
          v: (e) => (e.kind === 'sale' ? (e.card === 'debit' ? '借记卡' : '贷记卡') : ''),
        },
        { h: '交易金额', v: (e) => (e.kind === 'fee' ? '' : plain(signed(e))) },
        { h: '扣款金额', v: (e) => (e.kind === 'fee' ? plain(e.amount) : '') },
        { h: '手续费', v: (e) => (e.kind === 'sale' ? plain(e.fee) : '') },
        { h: '结算金额', v: (e) => plain(netOf(e)) },
        { h: '摘要', v: textOf },
      ],
    }),
    { encoding: 'utf-8' },
  ),
  textLayout(
    'csv-amounts-spaced-text',
    'amounts as text with spaces and units (1 234.56 元, ¥ 0.96, -1 234.56 元), dates 20240305 beside a time column',
    () => ({
      columns: usualColumns(
        { ...CHINESE_WORDS, date: '交易日期' },
        {
          date: compactDate,
          afterDate: [TIME_COLUMN('交易时间')],
          type: typeOf,
          text: textOf,
          money: (fen) => `${grouped(fen).replace(/,/g, ' ')} 元`,
          fee: (fen) => `¥ ${plain(fen)}`,
          net: (fen) => `${grouped(fen)}元`,
        },
      ),
    }),
    { encoding: 'utf-8', quoteAll: true },
  ),
  summaryHiddenLayout(
    'xlsx-summary-hidden-detail',
    'XLSX: a 汇总 sheet (交易/手续费/扣费/结算 sums), a hidden 费率参数 sheet, then the 交易明细 sheet',
  ),
  confirmedOnly(
    textLayout(
      'csv-amounts-in-wan',
      'amounts of ten thousand yuan and more written in 万 (1.234567万) in 交易金额 only; the fee and the settled amount in yuan confirm the unit',
      () => ({
        columns: usualColumns(CHINESE_WORDS, {
          date: stamp,
          type: typeOf,
          text: textOf,
          money: wanOrPlain,
          fee: plain,
          net: plain,
        }),
      }),
      { encoding: 'utf-8' },
    ),
    wanConfirmed,
  ),
];
