// Red team rt10: ~25 statements in fresh variants of issue #11's list. `node bench/outside/rt10/gen.mjs`
// (OUT_DIR=dir to write elsewhere; extra args: only stems starting with them).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLedger, label, rng, int, pick, yuan } from './ledger.mjs';
import { grid, toText, toHtml, toSpreadsheetML, toWorkbook } from './render.mjs';
import { smsStatement } from './sms.mjs';
import { pdfStatement } from './pdf.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = process.env.OUT_DIR || path.join(here, '../../../test/fixtures/outside/rt10');
const only = process.argv.slice(2);
fs.mkdirSync(OUT, { recursive: true });

const C = (over) => ({
  provider: '瑞通支付有限公司',
  providerType: 'payment_institution',
  merchantId: '898310058120394',
  signedAt: '2024-01-05',
  rates: [
    { cardType: 'debit', percent: 0.5, capYuan: 20 },
    { cardType: 'credit', percent: 0.6 },
  ],
  perTransactionFeeYuan: 0,
  agreedCharges: [],
  ...over,
});
const FEES = (y, list) =>
  list.map(([md, cat, amt, text]) => ({ date: `${y}-${md}`, cat, amt, text }));

const common = FEES('2025', [
  ['01-15', 'traffic_fee', 9900, '流量费'],
  ['02-15', 'service_fee', 3900, '系统服务费'],
  ['03-10', 'service_fee', 3900, '系统服务费'],
  ['03-20', 'other_deduction', 1520, '差错调账'],
  ['04-02', 'deposit', 19900, '机具押金'],
  ['04-18', 'traffic_fee', 9900, 'SIM卡年费'],
]);
const contractA = C({
  agreedCharges: [
    { category: 'service_fee', amountYuan: '39.00', every: 'month' },
    { category: 'traffic_fee', amountYuan: 60, every: 'year', startsAfter: '2025-02-01' },
  ],
});

function emit(stem, ext, buf, ev, contract, meta) {
  if (only.length && !only.some((p) => stem.startsWith(p))) return;
  fs.writeFileSync(path.join(OUT, `${stem}.${ext}`), buf);
  if (contract)
    fs.writeFileSync(
      path.join(OUT, `${stem}.contract.json`),
      JSON.stringify(contract, null, 2) + '\n',
    );
  const lab = label(ev, contract, (e) => e.row);
  const exp = {
    file: `${stem}.${ext}`,
    contract: contract ? `${stem}.contract.json` : null,
    format: meta.format,
    encoding: meta.encoding ?? null,
    ...(meta.sheets ? { sheets: meta.sheets } : {}),
    headerRow: meta.headerRow ?? null,
    records: ev.length,
    period: { from: ev[0].date, to: ev[ev.length - 1].date },
    claim: lab.claim,
    counts: lab.counts,
    findings: lab.findings.map((f) => ({ file: `${stem}.${ext}`, ...f })),
    generator: meta.gen,
  };
  fs.writeFileSync(path.join(OUT, `${stem}.expected.json`), JSON.stringify(exp, null, 1) + '\n');
  console.log(stem, ev.length, 'claim', lab.claim.total, 'unauth', lab.counts.unauthorized);
}
const withRefs = (ev, seed) => {
  const r = rng(seed);
  for (const e of ev) e.ref = String(int(r, 100000000, 999999999)) + String(int(r, 100, 999));
  return ev;
};

// tabular statements: [stem, ledgerOpts, gridSpec, container]
const T = [];
const L = (seed, x = {}) => ({
  seed,
  from: '2025-01',
  months: 4,
  fees: common,
  contract: contractA,
  payoutFeeMode: 'row',
  ...x,
});
// 1 bilingual headers, BIFF8 .xls, data at C6
T.push([
  'rt10-01-bilingual-biff8',
  L(101, { rateBump: 0.03 }),
  {
    headers: [
      'Trans Date/交易日期',
      'Type/类型',
      'Card/卡种',
      'Txn Amt/交易金额',
      'MDR/手续费',
      'Net Settle/结算净额',
      'Memo/备注',
    ],
    cols: [['date', 'iso'], ['type'], ['cardEn'], ['amt'], ['fee'], ['net'], ['desc']],
    colOff: 2,
    pre: [
      [],
      ['Merchant Statement 商户对账单'],
      ['商户编号 MID: 898310058120394'],
      ['Period: 2025-01-01 ~ 2025-04-30'],
      [],
    ],
  },
  'biff8',
]);
// 2 synonyms 清算日期/交易本金/到账金额 in GBK HTML .xls with meta
T.push([
  'rt10-02-synonyms-html-gbk',
  L(102, { shortfalls: 0.02 }),
  {
    headers: ['清算日期', '业务类型', '借贷记标识', '交易本金', '手续费金额', '到账金额', '备注'],
    cols: [['date', 'slash'], ['type'], ['card'], ['amt'], ['fee'], ['net'], ['desc']],
    pre: [['商户结算明细查询'], ['查询时间：2025-05-03 10:00:00']],
  },
  'html-gbk-meta',
]);
// 3 HTML GBK without meta, 入账金额, fen amounts
T.push([
  'rt10-03-fen-html-nometa',
  L(103, { rateBump: 0.02 }),
  {
    headers: [
      '交易日期',
      '交易类型',
      '卡类型',
      '交易金额(分)',
      '手续费(分)',
      '入账金额(分)',
      '交易说明',
    ],
    money: 'fen',
    cols: [['date', 'compact'], ['type'], ['card'], ['amt'], ['fee'], ['net'], ['desc']],
    pre: [['收单交易明细（单位：分）']],
  },
  'html-gbk',
]);
// 4 debit/credit columns with running balance, no fee column, UTF-16 LE
T.push([
  'rt10-04-dc-balance-utf16le',
  L(104, { noCard: true }),
  {
    headers: ['记账日期', '摘要', '借方发生额', '贷方发生额'],
    balance: '余额',
    openBal: 1234500,
    cols: [['date', 'cn'], ['typedesc'], ['debit'], ['credit']],
    pre: [['账户：6222 **** 1234'], ['币种：人民币']],
  },
  'utf16le',
  { rateCheck: false },
]);
// 5 发生额 + 收/付 direction, UTF-16 BE
T.push([
  'rt10-05-dir-utf16be',
  L(105, { rateBump: 0.03 }),
  {
    headers: ['日期', '时间', '收/付', '发生额', '手续费', '业务摘要', '卡种'],
    cols: [['date', 'dateOnly'], ['time'], ['dir'], ['absAmt'], ['fee'], ['typedesc'], ['card']],
  },
  'utf16be',
]);
// 6 SpreadsheetML .xls, data at D8, daily summary rows
T.push([
  'rt10-06-xmlss-daily',
  L(106, { rateBump: 0.02 }),
  {
    headers: ['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要'],
    cols: [['date', 'iso'], ['type'], ['card'], ['amt'], ['fee'], ['net'], ['desc']],
    colOff: 3,
    pre: [
      [],
      [],
      ['商户交易流水'],
      ['商户名称：便民小超市'],
      ['统计区间：2025-01-01至2025-04-30'],
      [],
      [],
    ],
    daily: { word: '当日合计' },
  },
  'xmlss',
]);
// 7 xlsx with payouts carrying speed fee in the fee column (col mode), ¥ amounts
T.push([
  'rt10-07-payoutfeecol-xlsx',
  L(107, { payoutFeeMode: 'col', payoutP: 0.7 }),
  {
    headers: ['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要'],
    money: 'yuanSym',
    cols: [['date', 'iso'], ['type'], ['card'], ['amt'], ['fee'], ['net'], ['desc']],
    pre: [['POS交易及提现明细']],
  },
  'xlsx',
]);
// 8 GBK csv, semicolon, Amount(CNY) headers
T.push([
  'rt10-08-english-csv-gbk',
  L(108, { rateBump: 0.02, refunds: 0.1, credits: 0.1 }),
  {
    headers: [
      'Settle Date',
      'Txn Type',
      'Card Type',
      'Amount(CNY)',
      'Fee(CNY)',
      'Net Amount(CNY)',
      'Remark',
    ],
    cols: [['date', 'isoT'], ['type'], ['cardEn'], ['amt'], ['fee'], ['net'], ['desc']],
  },
  'csv-gbk-semi',
]);
// 9 HTML UTF-8 without meta; payouts only named by speed, no separate fee
T.push([
  'rt10-09-speednames-html-utf8',
  L(109, { payoutFeeMode: 'none', payoutP: 0.9 }),
  {
    headers: ['交易日期', '类型', '金额', '手续费', '到账金额', '说明'],
    cols: [['date', 'iso'], ['type'], ['amt'], ['fee'], ['net'], ['desc']],
  },
  'html-utf8',
]);
// 10 BIFF8, 借方/贷方 with fee column, two sheets (notes first)
T.push([
  'rt10-10-dcfee-biff8-2sheets',
  L(110, { rateBump: 0.03 }),
  {
    headers: ['交易日期', '摘要', '卡类型', '借方发生额', '贷方发生额', '手续费'],
    cols: [['date', 'slash'], ['typedesc'], ['card'], ['debitG'], ['creditG'], ['fee']],
    pre: [['商户资金明细']],
  },
  'biff8-2',
  { dcFee: true },
]);
// 11 UTF-8 BOM tab, terminals, 交易本金 / 清算金额, quarterly contract
T.push([
  'rt10-11-terminals-tsv',
  L(111, {
    months: 6,
    fees: FEES('2025', [
      ['01-05', 'traffic_fee', 3600, '通讯服务费'],
      ['02-05', 'traffic_fee', 3600, '通讯服务费'],
      ['04-06', 'traffic_fee', 3600, '通讯服务费'],
      ['05-01', 'service_fee', 9900, '会员权益费'],
      ['06-01', 'service_fee', 9900, '会员权益费'],
    ]),
    contract: C({
      agreedCharges: [
        { category: 'traffic_fee', amountYuan: 36, every: 'quarter' },
        { category: 'service_fee', amountYuan: '99', every: 'year', startsAfter: '2025-05-01' },
      ],
    }),
  }),
  {
    headers: [
      '终端号',
      '交易时间',
      '交易类型',
      '卡类型',
      '交易本金',
      '手续费',
      '清算金额',
      '参考号',
      '附言',
    ],
    cols: [
      ['term'],
      ['date', 'iso'],
      ['type'],
      ['card'],
      ['amt'],
      ['fee'],
      ['net'],
      ['ref'],
      ['desc'],
    ],
  },
  'tsv-bom',
]);
// 12 once + per-card caps; GB18030 csv, 2025年 dates
T.push([
  'rt10-12-once-caps-csv',
  L(112, {
    rateBump: 0.01,
    fees: FEES('2025', [
      ['01-08', 'deposit', 9900, '激活费'],
      ['02-08', 'deposit', 9900, '激活费'],
      ['03-08', 'instant_settlement_fee', 500, '秒到服务费'],
      ['03-09', 'traffic_fee', 4800, '数据服务费'],
    ]),
    contract: C({
      rates: [
        { cardType: 'debit', percent: 0.55, capYuan: 25 },
        { cardType: 'credit', percent: 0.63, capYuan: 60 },
      ],
      agreedCharges: [
        { category: 'deposit', amountYuan: 99, every: 'once' },
        { category: 'traffic_fee', amountYuan: 48, every: 'year' },
      ],
    }),
  }),
  {
    headers: ['交易日期', '交易类型', '卡类别', '交易金额', '手续费', '结算金额', '备注'],
    cols: [['date', 'cn'], ['type'], ['card'], ['amt'], ['fee'], ['net'], ['desc']],
    pre: [['商户名称：老王面馆'], ['导出时间：2025-05-02']],
  },
  'csv-gbk',
]);
// 13 no contract, UTF-8 csv with 自动结算 and 代付
T.push([
  'rt10-13-nocontract-csv',
  L(113, { contract: null }),
  {
    headers: ['交易时间', '交易类型', '交易金额', '手续费', '结算金额', '摘要'],
    cols: [['date', 'iso'], ['type'], ['amt'], ['fee'], ['net'], ['desc']],
  },
  'csv-utf8',
  { noContract: true },
]);
// 14 xlsx data at E9 with title, bilingual MDR/Net, fen? no: yuan; month agreed with startsAfter
T.push([
  'rt10-14-e9-xlsx',
  L(114, { rateBump: 0.02, shortfalls: 0.02 }),
  {
    headers: ['Date 日期', 'Txn 类型', 'Card 卡', 'Gross 交易额', 'MDR', 'Net Settle', 'Note 备注'],
    cols: [['date', 'iso'], ['type'], ['card'], ['amt'], ['fee'], ['net'], ['desc']],
    colOff: 4,
    pre: [[], [], ['月度对账单 Monthly Statement'], [], ['Merchant: 便民小超市'], [], [], []],
  },
  'xlsx',
]);
// 15 HTML utf-8 with meta, fen in 金额（分）, daily summaries
T.push([
  'rt10-15-fen-daily-html',
  L(115, { rateBump: 0.02 }),
  {
    headers: ['日期', '类型', '卡类型', '金额（分）', '手续费（分）', '到账（分）', '备注'],
    money: 'fen',
    cols: [['date', 'dateOnly'], ['type'], ['card'], ['amt'], ['fee'], ['net'], ['desc']],
    daily: { word: '日汇总' },
  },
  'html-utf8-meta',
]);

// 23 UTF-8 csv, 收入金额/支出金额 in fen with 交易金额 absent, payouts 自动结算/代付
T.push([
  'rt10-23-inout-fen-csv',
  L(123, {
    payoutNames: ['自动结算至尾号{t}', '代付到卡', '结算'],
    payoutFeeMode: 'none',
    rateBump: 0.02,
  }),
  {
    headers: ['入账日期', '交易摘要', '卡种', '收入金额（分）', '支出金额（分）', '手续费（分）'],
    money: 'fen',
    cols: [['date', 'compact'], ['typedesc'], ['card'], ['creditG'], ['debitG'], ['fee']],
  },
  'csv-utf8',
]);
// 24 HTML GBK with meta, English-only headers, speed fee in the fee column of payouts
T.push([
  'rt10-24-english-html-gbk',
  L(124, { payoutFeeMode: 'col', rateBump: 0.02 }),
  {
    headers: ['Txn Date', 'Txn Type', 'Card', 'Txn Amt', 'MDR', 'Net Settle', 'Remarks'],
    cols: [['date', 'iso'], ['type'], ['cardEn'], ['amt'], ['fee'], ['net'], ['desc']],
    pre: [['Settlement Report']],
  },
  'html-gbk-meta',
]);
// 25 SpreadsheetML, 借方/贷方 in fen with balance and no fee column
T.push([
  'rt10-25-xmlss-dc-fen',
  L(125, { noCard: true }),
  {
    headers: ['交易日期', '摘要', '借方发生额(分)', '贷方发生额(分)'],
    balance: '余额(分)',
    money: 'fen',
    cols: [['date', 'iso'], ['typedesc'], ['debit'], ['credit']],
    pre: [['对公账户明细'], []],
  },
  'xmlss',
  { rateCheck: false },
]);

const sheetName = '交易明细';
for (const [stem, lo, gs, kind, flags = {}] of T) {
  const ev = withRefs(buildLedger(lo), lo.seed);
  if (flags.rateCheck === false) for (const e of ev) e.rateCheck = false;
  const r = rng(lo.seed + 7);
  for (const e of ev) e.term = pick(r, ['T0012345', 'T0012346', 'T0098765']);
  const rows = grid(ev, gs);
  const contract = flags.noContract ? null : lo.contract;
  const headerRow = (gs.pre || []).length + 1;
  const gen = `rt10 ${kind}`;
  if (kind === 'biff8' || kind === 'biff8-2') {
    const sheets =
      kind === 'biff8'
        ? [[sheetName, rows]]
        : [
            ['说明', [['本文件由商户服务平台导出'], ['金额单位：元']]],
            [sheetName, rows],
          ];
    emit(stem, 'xls', toWorkbook(sheets, 'biff8'), ev, contract, {
      format: 'xls',
      sheets: sheets.map((s) => s[0]),
      headerRow,
      gen,
    });
    if (kind === 'biff8-2') {
      const p = path.join(OUT, `${stem}.expected.json`);
      if (fs.existsSync(p)) {
        const x = JSON.parse(fs.readFileSync(p, 'utf8'));
        for (const f of x.findings) f.sheet = sheetName;
        fs.writeFileSync(p, JSON.stringify(x, null, 1) + '\n');
      }
    }
  } else if (kind === 'xlsx')
    emit(stem, 'xlsx', toWorkbook([[sheetName, rows]], 'xlsx'), ev, contract, {
      format: 'xlsx',
      sheets: [sheetName],
      headerRow,
      gen,
    });
  else if (kind === 'xmlss')
    emit(stem, 'xls', toSpreadsheetML(rows, sheetName), ev, contract, {
      format: 'xls',
      headerRow,
      gen,
    });
  else if (kind.startsWith('html')) {
    const enc = kind.includes('gbk') ? 'gbk' : 'utf-8';
    emit(
      stem,
      'xls',
      toHtml(rows, { enc, meta: kind.endsWith('meta'), title: '对账单' }),
      ev,
      contract,
      { format: 'xls', encoding: enc, headerRow, gen },
    );
  } else if (kind === 'utf16le' || kind === 'utf16be')
    emit(
      stem,
      'txt',
      toText(rows, { delim: '\t', enc: kind === 'utf16le' ? 'utf-16le' : 'utf-16be' }),
      ev,
      contract,
      { format: 'csv', encoding: kind, headerRow, gen },
    );
  else if (kind === 'tsv-bom')
    emit(stem, 'txt', toText(rows, { delim: '\t', bom: true, eol: '\n' }), ev, contract, {
      format: 'csv',
      encoding: 'utf-8',
      headerRow,
      gen,
    });
  else if (kind === 'csv-gbk-semi')
    emit(stem, 'csv', toText(rows, { delim: ';', enc: 'gbk' }), ev, contract, {
      format: 'csv',
      encoding: 'gbk',
      headerRow,
      gen,
    });
  else if (kind === 'csv-gbk')
    emit(stem, 'csv', toText(rows, { enc: 'gb18030' }), ev, contract, {
      format: 'csv',
      encoding: 'gb18030',
      headerRow,
      gen,
    });
  else
    emit(stem, 'csv', toText(rows, {}), ev, contract, {
      format: 'csv',
      encoding: 'utf-8',
      headerRow,
      gen,
    });
}

// large files
{
  const lo = L(201, {
    from: '2024-01',
    months: 12,
    perDay: 9,
    skip: 0,
    rateBump: 0.0005,
    payoutP: 0.9,
    fees: [
      ...FEES('2024', [
        ['03-15', 'traffic_fee', 9900, '流量费'],
        ['06-15', 'service_fee', 3900, '系统服务费'],
      ]),
      ...common,
    ],
    contract: contractA,
  });
  for (const [stem, perDay, kind] of [
    ['rt10-16-large-gbk', 360, 'csv'],
    ['rt10-17-large-utf16', 150, 'utf16'],
  ]) {
    const ev = withRefs(buildLedger({ ...lo, perDay, seed: lo.seed + perDay }), perDay);
    const gs = {
      headers: [
        '交易时间',
        '交易类型',
        '卡类型',
        '交易金额',
        '手续费',
        '结算金额',
        '摘要',
        '参考号',
      ],
      cols: [['date', 'iso'], ['type'], ['card'], ['amt'], ['fee'], ['net'], ['desc'], ['ref']],
      pre: [['商户名称：城南便利店'], ['统计区间：2024-01-01至2025-04-30']],
    };
    const rows = grid(ev, gs);
    if (kind === 'csv')
      emit(stem, 'csv', toText(rows, { enc: 'gbk' }), ev, lo.contract, {
        format: 'csv',
        encoding: 'gbk',
        headerRow: 3,
        gen: 'rt10 large',
      });
    else
      emit(stem, 'txt', toText(rows, { delim: '\t', enc: 'utf-16le' }), ev, lo.contract, {
        format: 'csv',
        encoding: 'utf-16le',
        headerRow: 3,
        gen: 'rt10 large',
      });
  }
}
smsStatement(emit, C);
await pdfStatement(emit, C, L, buildLedger, withRefs);
void yuan;
