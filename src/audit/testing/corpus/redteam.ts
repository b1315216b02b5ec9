import {
  cellText,
  encodeText,
  excelSerial,
  toXlsx,
  type Cell,
  type Sheet,
  type TextEncoding,
} from './containers.js';
import type { Entry, Ledger } from './ledger.js';
import type { Layout, Rendered } from './layouts.js';
import {
  cardOf as card,
  delimited,
  feeOf,
  grouped,
  isSubsidy,
  kindWord,
  netOf,
  plain,
  positionsOf,
  recordsOf,
  signed,
  sum,
  type Grid,
  type Position,
} from './print.js';
import { FULL_VIEW, type View } from './truth.js';

/**
 * The shapes an independent red team found the audit failing on (issue #11), each rendered from
 * the same ledger as every other layout so that the metamorphic test keeps the fixes covered:
 * an account ledger whose fee rows have money only in 收入/支出; a 交易摘要 of row kinds beside a
 * 备注 naming the fee; a workbook whose fees are listed on a sheet of their own; fee rows of
 * amount 0.00 whose charge is in the fee column; totals that name themselves in the date cell
 * (2024-03-05 小计, 2024年03月 合计); receipts that name the card; negatives in parentheses with
 * the currency outside them ((17,415.05)元, ¥(8.00)).
 *
 * Kept apart from layouts.ts on purpose: its own words, columns and containers, so that none of
 * these reuses a header set of the first 40 layouts.
 */

// ---- money, dates and row kinds as these exports print them -------------------------------------

/** (17,415.05)元 — the negative in parentheses, the unit after them. */
const parenYuan = (fen: number) => (fen < 0 ? `(${grouped(-fen)})元` : `${grouped(fen)}元`);
/** ¥(8.00) — the currency before the parentheses. */
const yenParens = (fen: number) => (fen < 0 ? `¥(${grouped(-fen)})` : `¥${grouped(fen)}`);

const dotted = (e: Entry) => e.date.replace(/-/g, '.');
const padSlash = (e: Entry) => e.date.replace(/-/g, '/');

/** What a merchant sees in the row: the sale's own remark, the payout's wording, the fee's name. */
const remark = (e: Entry) => e.text;

/** A table: rows above the header, the header, the records and what a plan adds between them. */
function grid(
  above: Cell[][],
  header: Cell[],
  entries: readonly Entry[],
  record: (e: Entry) => Cell[],
  between?: {
    /** After the last row of a day. */
    day?: (date: string, rows: readonly Entry[]) => Cell[];
    /** After the last row of a month (after its last day's row). */
    month?: (month: string, rows: readonly Entry[]) => Cell[];
    /** After the table. */
    end?: (rows: readonly Entry[]) => Cell[][];
  },
): Grid {
  const rows: Cell[][] = [...above, header];
  const seqs: (number | null)[] = [...above.map(() => null), null];
  const headerRow = rows.length;
  const extra = (r: Cell[]) => {
    rows.push(r);
    seqs.push(null);
  };
  let day: Entry[] = [];
  let month: Entry[] = [];
  entries.forEach((e, i) => {
    rows.push(record(e));
    seqs.push(e.seq);
    day.push(e);
    month.push(e);
    const next = entries[i + 1];
    if (between?.day && next?.date !== e.date) {
      extra(between.day(e.date, day));
      day = [];
    }
    if (between?.month && next?.date.slice(0, 7) !== e.date.slice(0, 7)) {
      extra(between.month(e.date.slice(0, 7), month));
      month = [];
    }
  });
  for (const r of between?.end?.(entries) ?? []) extra(r);
  return { rows, seqs, headerRow };
}

// ---- 1. an account ledger: 收入 / 支出 / 余额 ------------------------------------------------------

/**
 * A bank-style account ledger: 交易金额 (unsigned) and 手续费 on sales and payouts only, every
 * row's money in 收入金额 / 支出金额 and a running 账户余额 — so a fee, a refund or a credit has
 * its money only in those two columns. No card type. A sale's 收入 is what was settled for it.
 */
const ACCOUNT_VIEW: View = { card: false, fee: true, net: true };

function accountLedger(ledger: Ledger): Rendered {
  let balance = 50_000;
  const money = (e: Entry): { in: number; out: number } => {
    const net = netOf(e);
    return net >= 0 ? { in: net, out: 0 } : { in: 0, out: -net };
  };
  const first = ledger.entries[0]?.date ?? '';
  const last = ledger.entries.at(-1)?.date ?? '';
  const g = grid(
    [
      ['账户交易明细查询'],
      [`户名：${ledger.merchant}`],
      [`账号：6217 **** **** ${ledger.cardTail}`],
      [`起止日期：${first} 至 ${last}`],
      [],
    ],
    [
      '序号',
      '记账时间',
      '业务类型',
      '交易金额',
      '手续费',
      '收入金额',
      '支出金额',
      '账户余额',
      '备注',
    ],
    ledger.entries,
    (e) => {
      const m = money(e);
      balance += m.in - m.out;
      const shown = e.kind === 'sale' || e.kind === 'payout';
      return [
        String(e.seq + 1),
        `${e.date} ${e.time}`,
        e.kind === 'sale' || e.kind === 'refund'
          ? e.type
          : e.kind === 'payout'
            ? '结算出款'
            : e.kind === 'fee'
              ? '费用代扣'
              : isSubsidy(e.text)
                ? '补贴入账'
                : '资金返还',
        shown ? plain(e.amount) : '',
        e.kind === 'sale' ? plain(e.fee) : e.kind === 'payout' ? '0.00' : '',
        m.in > 0 ? plain(m.in) : '',
        m.out > 0 ? plain(m.out) : '',
        plain(balance),
        remark(e),
      ];
    },
    {
      end: (rows) => [
        [
          '合计',
          '',
          '',
          '',
          '',
          plain(sum(rows, (e) => Math.max(0, netOf(e)))),
          plain(sum(rows, (e) => Math.max(0, -netOf(e)))),
          '',
          `共${rows.length}笔`,
        ],
      ],
    },
  );
  // UTF-8, so that a reader of UTF-8 records from their bytes meets 收入/支出 beside 交易金额 too
  return delimited(g, 'utf-8', { eol: '\r\n' });
}

// ---- 2. 交易摘要 of row kinds, 备注 naming the fee -----------------------------------------------

const rowKind = (e: Entry): string =>
  e.kind === 'sale'
    ? /扫码|云闪付/u.test(e.type)
      ? '扫码消费'
      : 'POS消费'
    : kindWord(e, { payout: '资金结算', fee: '费用扣收', credit: '资金返还', subsidy: '营销补贴' });

function summaryKinds(ledger: Ledger): Rendered {
  const g = grid(
    [[`${ledger.provider} 商户资金明细`], []],
    ['交易日期', '交易摘要', '交易金额', '手续费', '净额', '备注', '终端编号'],
    ledger.entries,
    (e) => [
      padSlash(e),
      rowKind(e),
      plain(signed(e)),
      plain(feeOf(e)),
      plain(netOf(e)),
      remark(e),
      e.kind === 'sale' ? ledger.terminal : '',
    ],
    { end: () => [[], ['制表：商户服务中心'], ['说明：净额＝交易金额－手续费']] },
  );
  return delimited(g, 'utf-8-bom', { eol: '\r\n' });
}

// ---- 3. a workbook with the fees on a sheet of their own -------------------------------------------

async function feeListSheet(ledger: Ledger): Promise<Rendered> {
  const moves = ledger.entries.filter((e) => e.kind !== 'fee');
  const fees = ledger.entries.filter((e) => e.kind === 'fee');
  const flow = grid(
    [],
    [
      '交易日期时间',
      '收单类型',
      '卡性质',
      '交易金额(元)',
      '手续费(元)',
      '清算金额(元)',
      '附言',
      '系统参考号',
    ],
    moves,
    (e) => [
      { serial: excelSerial(e.date, e.time), format: 'yyyy-mm-dd hh:mm:ss' },
      e.kind === 'sale'
        ? e.type
        : e.kind === 'refund'
          ? e.type
          : e.kind === 'payout'
            ? '清算划款'
            : '返还入账',
      card(e, '借记卡', '贷记卡'),
      signed(e) / 100,
      feeOf(e) / 100,
      netOf(e) / 100,
      remark(e),
      e.ref,
    ],
  );
  const list = grid([], ['扣费日期', '费用类型', '扣费金额(元)', '扣费方式'], fees, (e) => [
    { serial: Math.round(excelSerial(e.date)), format: 'yyyy/m/d' },
    e.text,
    e.kind === 'fee' ? e.amount / 100 : 0,
    '从结算款中扣收',
  ]);
  const sheets: Sheet[] = [
    { name: '交易流水', rows: flow.rows },
    { name: '扣费明细', rows: list.rows },
  ];
  const positions = new Map([...positionsOf(flow, '交易流水'), ...positionsOf(list, '扣费明细')]);
  return {
    bytes: await toXlsx(sheets),
    positions,
    format: 'xlsx',
    encoding: null,
    headerRow: 1,
    records: ledger.entries.length,
    sheets: sheets.map((s) => s.name),
  };
}

// ---- 4. a fee row of amount 0.00, its charge in the fee column ---------------------------------------

function zeroAmountFees(ledger: Ledger): Rendered {
  const g = grid(
    [
      [`${ledger.provider}商户结算明细`],
      [`商户编号：${ledger.merchantId}`, `终端号：${ledger.terminal}`],
    ],
    ['交易时间', '商户订单号', '交易类型', '卡种', '订单金额', '手续费', '清算金额', '摘要'],
    ledger.entries,
    (e) =>
      e.kind === 'fee'
        ? [
            `${e.date} ${e.time}`,
            e.ref,
            '费用',
            '',
            '0.00',
            plain(e.amount),
            plain(-e.amount),
            e.text,
          ]
        : [
            `${e.date} ${e.time}`,
            e.ref,
            e.kind === 'payout' ? '结算' : e.kind === 'credit' ? '返还' : e.type,
            card(e, '借记卡', '贷记卡'),
            plain(signed(e)),
            plain(feeOf(e)),
            plain(netOf(e)),
            remark(e),
          ],
  );
  return delimited(g, 'gbk', { eol: '\r\n' });
}

// ---- 5. totals that name themselves in the date cell -------------------------------------------------

/** `2024-03-05 小计` / `2024年03月 合计`, then the count and the sums in the money columns. */
function totalRow(
  label: string,
  rows: readonly Entry[],
  width: number,
  at: { count: number; amount: number },
  value: (fen: number) => Cell,
): Cell[] {
  const r: Cell[] = Array.from({ length: width }, () => '');
  r[0] = label;
  r[at.count] = `${rows.length}笔`;
  r[at.amount] = value(sum(rows, signed));
  r[at.amount + 1] = value(sum(rows, feeOf));
  r[at.amount + 2] = value(sum(rows, netOf));
  return r;
}

const monthLabel = (month: string) => `${month.slice(0, 4)}年${month.slice(5, 7)}月 合计`;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlSubtotals(ledger: Ledger): Rendered {
  const width = 8;
  const at = { count: 3, amount: 4 };
  const g = grid(
    [[`${ledger.merchant} 收单交易日报`]],
    ['日期', '时间', '类型', '卡类型', '金额', '手续费', '入账金额', '说明'],
    ledger.entries,
    (e) => [
      e.date,
      e.time,
      kindWord(e),
      card(e, '借记卡', '信用卡'),
      plain(signed(e)),
      plain(feeOf(e)),
      plain(netOf(e)),
      remark(e),
    ],
    {
      day: (date, rows) => totalRow(`${date} 小计`, rows, width, at, plain),
      month: (month, rows) => totalRow(monthLabel(month), rows, width, at, plain),
    },
  );
  const trs = g.rows.map((r, i) => {
    if (i + 1 < g.headerRow)
      return `<tr><td colspan="${width}" align="center"><b>${escapeHtml(cellText(r[0] ?? null))}</b></td></tr>`;
    const tag = i + 1 === g.headerRow ? 'th' : 'td';
    const cls = g.seqs[i] === null && i + 1 > g.headerRow ? ' class="sum"' : '';
    return `<tr${cls}>${r.map((c) => `<${tag}>${escapeHtml(cellText(c))}</${tag}>`).join('')}</tr>`;
  });
  const html = `<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><style>.sum td{font-weight:bold}</style></head>
<body>
<table border="1" cellpadding="2">
<thead>${trs.slice(0, g.headerRow).join('\n')}</thead>
<tbody>
${trs.slice(g.headerRow).join('\n')}
</tbody>
</table>
</body>
</html>
`;
  return {
    bytes: encodeText(html, 'gbk'),
    positions: positionsOf(g),
    format: 'html',
    encoding: 'gb18030',
    headerRow: g.headerRow,
    records: recordsOf(g),
  };
}

async function xlsxSubtotals(ledger: Ledger): Promise<Rendered> {
  const width = 9;
  const at = { count: 1, amount: 4 };
  const g = grid(
    [],
    ['交易时间', '笔数', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '备注', '流水号'],
    ledger.entries,
    (e) => [
      { serial: excelSerial(e.date, e.time), format: 'yyyy-mm-dd hh:mm:ss' },
      '',
      kindWord(e),
      card(e, '借记卡', '贷记卡'),
      signed(e) / 100,
      feeOf(e) / 100,
      netOf(e) / 100,
      remark(e),
      e.ref,
    ],
    {
      day: (date, rows) => totalRow(`${date} 小计`, rows, width, at, (fen) => fen / 100),
      month: (month, rows) => totalRow(monthLabel(month), rows, width, at, (fen) => fen / 100),
    },
  );
  return {
    bytes: await toXlsx([{ name: '收单明细', rows: g.rows }]),
    positions: positionsOf(g),
    format: 'xlsx',
    encoding: null,
    headerRow: g.headerRow,
    records: recordsOf(g),
    sheets: ['收单明细'],
  };
}

// ---- 6. receipts that name the card -----------------------------------------------------------------

/** Notices that name the card of each sale: the card's own contracted rate applies. */
const NAMED_CARD_VIEW: View = { card: true, fee: true, net: false };

function cardReceipt(e: Entry, l: Ledger): string {
  const when = `${e.date} ${e.time.slice(0, 5)}`;
  switch (e.kind) {
    case 'sale':
      return `${when} 收款成功：${plain(e.amount)}元（${e.card === 'debit' ? '借记卡' : '信用卡'}），手续费${plain(e.fee)}元。`;
    case 'refund':
      return `${when} ${e.type}交易${plain(e.amount)}元，款项将从待结算资金中扣回。`;
    case 'payout':
      return `${when} ${e.text}：结算款${plain(e.amount)}元已划入尾号${l.cardTail}的银行卡。`;
    case 'fee':
      return `${when} 本次从结算款中扣收${e.text}${plain(e.amount)}元。`;
    case 'credit':
      return `${when} ${e.text}${plain(e.amount)}元已存入您的结算账户。`;
  }
}

function paymentMethodNotice(e: Entry, l: Ledger): string {
  const at = `${e.date} ${e.time}`;
  const rmb = (fen: number) => `￥${plain(fen)}`;
  switch (e.kind) {
    case 'sale':
      return `交易成功提醒\n交易时间：${at}\n收款金额：${rmb(e.amount)}\n支付方式：${e.card === 'debit' ? '借记卡' : '信用卡'}\n手续费：${rmb(e.fee)}`;
    case 'refund':
      return `退款成功提醒\n退款时间：${at}\n退款金额：${rmb(e.amount)}\n退款类型：${e.type}`;
    case 'payout':
      return `结算到账提醒\n到账时间：${at}\n结算金额：${rmb(e.amount)}\n结算方式：${e.text}\n收款账户：尾号${l.cardTail}`;
    case 'fee':
      return `扣款提醒\n扣款时间：${at}\n扣款金额：${rmb(e.amount)}\n扣款项目：${e.text}`;
    case 'credit':
      return `入账提醒\n入账时间：${at}\n入账金额：${rmb(e.amount)}\n入账项目：${e.text}`;
  }
}

function notices(
  ledger: Ledger,
  compose: (e: Entry, l: Ledger) => string,
  join: string,
  encoding: TextEncoding,
  newestFirst: boolean,
): Rendered {
  const entries = newestFirst ? [...ledger.entries].reverse() : ledger.entries;
  const positions = new Map<number, Position>();
  entries.forEach((e, i) => positions.set(e.seq, { row: i + 1 }));
  return {
    bytes: encodeText(entries.map((e) => compose(e, ledger)).join(join) + join, encoding),
    positions,
    format: 'sms',
    encoding,
    headerRow: null,
    records: entries.length,
  };
}

// ---- 7. semicolons, negatives in parentheses with the currency outside -------------------------------

function semicolonParens(ledger: Ledger): Rendered {
  const g = grid(
    [],
    ['日期', '时间', '交易类别', '卡别', '金额', '费用', '实收金额', '说明', '凭证号'],
    ledger.entries,
    (e) => [
      dotted(e),
      e.time,
      kindWord(e, { payout: '结算划款', fee: '扣费', credit: '返还' }),
      card(e, '借记', '贷记'),
      parenYuan(signed(e)),
      yenParens(feeOf(e)),
      yenParens(netOf(e)),
      remark(e),
      e.ref,
    ],
  );
  return delimited(g, 'utf-8', { delimiter: ';', eol: '\r\n' });
}

// ---- the layouts ---------------------------------------------------------------------------------------

export const RED_TEAM_LAYOUTS: readonly Layout[] = [
  {
    name: 'csv-account-ledger-in-out',
    about:
      'an account ledger: 交易金额/手续费 on sales and payouts only, every row’s money in 收入金额/支出金额, a running 账户余额, 序号 first, no card type',
    ext: 'csv',
    view: ACCOUNT_VIEW,
    render: accountLedger,
  },
  {
    name: 'csv-summary-kinds-remark-fees',
    about:
      '交易摘要 holds the row kind (POS消费, 退货, 资金结算, 费用扣收) and 备注 names the fee (含SIM卡年费); 净额, dates 2024/03/05, no card type, footer notes',
    ext: 'csv',
    view: ACCOUNT_VIEW,
    render: summaryKinds,
  },
  {
    name: 'xlsx-fees-on-own-sheet',
    about:
      'XLSX of two sheets: the transactions (收单类型/卡性质/清算金额(元)) and only the fees (扣费日期 | 费用类型 | 扣费金额(元))',
    ext: 'xlsx',
    view: FULL_VIEW,
    render: feeListSheet,
  },
  {
    name: 'csv-gbk-zero-amount-fee-column',
    about:
      'GBK: a fee row’s 订单金额 is 0.00 and its charge is in the fee column (流量费 | 0.00 | 36.00 | -36.00); 商户订单号 second',
    ext: 'csv',
    view: FULL_VIEW,
    render: zeroAmountFees,
  },
  {
    name: 'html-xls-dated-subtotals',
    about:
      'HTML .xls declared gb2312: <thead> title and <th> header, a 2024-03-05 小计 row after each day and a 2024年03月 合计 row after each month',
    ext: 'xls',
    view: FULL_VIEW,
    render: htmlSubtotals,
  },
  {
    name: 'xlsx-dated-subtotals',
    about:
      'XLSX with real date cells, a 笔数 column, 2024-03-05 小计 rows after each day and 2024年03月 合计 rows after each month',
    ext: 'xlsx',
    view: FULL_VIEW,
    render: xlsxSubtotals,
  },
  {
    name: 'sms-receipts-name-card',
    about:
      'receipts that name the card (收款成功：160.00元（信用卡），手续费0.96元), no sender, one a line',
    ext: 'txt',
    view: NAMED_CARD_VIEW,
    render: (l) => notices(l, cardReceipt, '\n', 'utf-8', false),
  },
  {
    name: 'app-notice-payment-method',
    about:
      'payment-app notices with 支付方式：借记卡 among label：value lines, newest first, GB18030, separated by blank lines',
    ext: 'txt',
    view: NAMED_CARD_VIEW,
    render: (l) => notices(l, paymentMethodNotice, '\r\n\r\n', 'gb18030', true),
  },
  {
    name: 'csv-semicolon-paren-currency',
    about:
      'semicolons; negatives in parentheses with the currency outside them ((17,415.05)元, ¥(8.00)); dates 2024.03.05',
    ext: 'csv',
    view: FULL_VIEW,
    render: semicolonParens,
  },
];
