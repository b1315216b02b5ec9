#!/usr/bin/env node
// Outside red-team corpus rt4: acquirer back-office exports (拉卡拉, 银联商务, 收钱吧, 乐刷, 随行付, 通联,
// 富友, 合利宝, 汇付 and bank merchant accounts) in the containers they really use.
//   node bench/outside/rt4/gen.mjs            -> test/fixtures/outside/rt4
//   OUT_DIR=/tmp/x node bench/outside/rt4/gen.mjs
// Labels come from sim.mjs's reading of spec §2, applied to what each file shows (e.g. a file without a
// card-type column is audited with the card type unknown).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit, fmtYuan, pad2 } from './sim.mjs';
import { makeActivity } from './activity.mjs';
import { delimited, htmlXls, spreadsheetML, xlsx, biff8, encodeText } from './render.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = process.env.OUT_DIR || path.resolve(HERE, '../../../test/fixtures/outside/rt4');
fs.mkdirSync(OUT, { recursive: true });

// ---- value formatting ---------------------------------------------------------------------------
function signed(r) {
  if (r.kind === 'txn' || r.kind === 'refund')
    return { a: r.amountFen, f: r.feeFen, s: r.settledFen };
  if (r.kind === 'payout' || r.kind === 'fee') return { a: -r.amountFen, f: 0, s: -r.amountFen };
  if (r.kind === 'credit') return { a: r.amountFen, f: 0, s: r.amountFen };
  return null;
}
const y = (fen) => fmtYuan(fen);
const thousands = (fen) => {
  const s = fmtYuan(Math.abs(fen));
  const [i, d] = s.split('.');
  return `${fen < 0 ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${d}`;
};
const num = (fen) => Number(fmtYuan(fen));
const CARD = {
  full: { debit: '借记卡', credit: '贷记卡' },
  short: { debit: '借记', credit: '贷记' },
  plain: { debit: '储蓄卡', credit: '信用卡' },
  one: { debit: '借', credit: '贷' },
};
const TYPES = {
  lkl: {
    sale: '消费',
    preauth: '预授权完成',
    void: '消费撤销',
    refund: '退货',
    payout: '结算划款',
    fee: '其他扣款',
    credit: '退还',
    notice: '系统通知',
  },
  ums: {
    sale: '消费',
    preauth: '预授权完成(请求)',
    void: '撤销',
    refund: '退货',
    payout: '清算划付',
    fee: '费用扣收',
    credit: '费用退还',
    notice: '公告',
  },
  sqb: {
    sale: '收款',
    preauth: '收款',
    void: '撤单',
    refund: '退款',
    payout: '提现',
    fee: '扣费',
    credit: '返还',
    notice: '通知',
  },
  misc: {
    sale: '刷卡消费',
    preauth: '预授权完成',
    void: '撤销',
    refund: '退货',
    payout: 'T1结算',
    fee: '扣款',
    credit: '入账',
    notice: '通知',
  },
};
const typeOf = (r, T) =>
  r.sub ? r.sub : r.kind === 'txn' ? T[r.txType] : r.kind === 'refund' ? T[r.txType] : T[r.kind];
const compact = (d) => d.replace(/-/g, '');
const slash = (d) => {
  const [a, b, c] = d.split('-');
  return `${a}/${Number(b)}/${Number(c)}`;
};
const cn = (d) => {
  const [a, b, c] = d.split('-');
  return `${a}年${Number(b)}月${Number(c)}日`;
};
const jsDate = (r) => new Date(`${r.date}T${r.time}Z`); // exceljs/SheetJS write the wall-clock value as given

// ---- statement assembly -------------------------------------------------------------------------
const manifest = [];
async function statement(st) {
  const recs = st.recs;
  const contract = st.contract || null;
  const shown = recs.map((r) => {
    const v = { ...r };
    if (st.noCard) v.card = null;
    if (st.noFee && v.kind === 'txn') {
      v.feeFen = v.amountFen - v.settledFen; // the statement's own arithmetic is all there is
      v.settledFen = null;
    }
    if (st.noSettled) v.settledFen = null;
    if (st.ledgerOnly && (v.kind === 'txn' || v.kind === 'refund')) v.kind = 'hidden-in-ledger';
    v.orig = r;
    return v;
  });
  const findings = audit(shown, contract);
  const built = await st.render(recs);
  const where = built.rowOf;
  const out = [];
  for (const f of findings) {
    const w = where.get(f.rec.orig);
    if (!w) throw new Error(`${st.stem}: a finding's record is not in the file`);
    const o = { file: built.file, row: w.row };
    if (built.sheets && built.sheets.length > 1) o.sheet = w.sheet;
    Object.assign(o, {
      date: f.rec.date,
      category: f.category,
      verdict: f.verdict,
      overcharge: fmtYuan(f.overcharge),
      amount: fmtYuan(f.amount),
      text: f.text,
    });
    out.push(o);
  }
  out.sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row);
  const byCat = {};
  let total = 0;
  for (const f of findings) {
    if (f.verdict !== 'unauthorized') continue;
    total += f.overcharge;
    byCat[f.category] = (byCat[f.category] || 0) + f.overcharge;
  }
  const counts = { unauthorized: 0, authorized: 0, needs_review: 0 };
  for (const f of findings) counts[f.verdict]++;
  const dates = recs.map((r) => r.date).sort();
  const exp = {
    file: built.file,
    contract: contract ? `${st.stem}.contract.json` : null,
    format: built.format,
    encoding: built.encoding,
    ...(built.sheets ? { sheets: built.sheets } : {}),
    headerRow: built.headerRow,
    records: recs.length,
    period: { from: dates[0], to: dates[dates.length - 1] },
    claim: {
      total: fmtYuan(total),
      currency: 'CNY',
      byCategory: Object.fromEntries(Object.entries(byCat).map(([k, v]) => [k, fmtYuan(v)])),
    },
    counts,
    findings: out,
    generator: { corpus: 'rt4', layout: st.layout, seed: st.seed, note: st.note },
  };
  fs.writeFileSync(path.join(OUT, built.file), built.buf);
  if (contract)
    fs.writeFileSync(
      path.join(OUT, `${st.stem}.contract.json`),
      JSON.stringify(contract, null, 2) + '\n',
    );
  fs.writeFileSync(path.join(OUT, `${st.stem}.expected.json`), JSON.stringify(exp, null, 1) + '\n');
  manifest.push(`| ${built.file} | ${st.layout} | ${st.note} | ${exp.claim.total} |`);
}

// rows of a table: preamble lines (single cell), a header, one row per record, trailing rows
function tableRows(recs, { preamble = [], header, cells, trailer = [], skip }) {
  const rows = [];
  const rowOf = new Map();
  for (const p of preamble) rows.push({ cells: Array.isArray(p) ? p : [p], span: true });
  rows.push({ cells: header, head: true });
  const headerRow = rows.length;
  for (const r of recs) {
    if (skip && skip(r)) continue;
    rows.push({ cells: cells(r), rec: r });
    rowOf.set(r, { row: rows.length });
  }
  for (const t of typeof trailer === 'function' ? trailer(recs) : trailer) rows.push({ cells: t });
  return { rows, rowOf, headerRow };
}
const sumOf = (recs, key) => recs.reduce((s, r) => s + (signed(r)?.[key] ?? 0), 0);

function baseCfg(seed, over = {}) {
  return {
    seed,
    from: '2025-01-01',
    days: 120,
    txPerDay: [3, 9],
    pricing: { debit: { pct: '0.5', cap: 20 }, credit: { pct: '0.6' } },
    streams: [],
    ...over,
  };
}
const stdContract = (over = {}) => ({
  provider: '示例支付有限公司',
  providerType: 'payment_institution',
  merchantId: '8983100' + String(Math.abs(hash(JSON.stringify(over))) % 100000000).padStart(8, '0'),
  signedAt: '2024-06-01',
  rates: [
    { cardType: 'debit', percent: 0.5, capYuan: 20 },
    { cardType: 'credit', percent: 0.6 },
  ],
  perTransactionFeeYuan: 0,
  agreedCharges: [],
  ...over,
});
function hash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

export const S = [];
const add = (st) => S.push(st);

// ---- 拉卡拉: GBK CSV, 11 preamble lines, date and time in separate columns, 合计 -----------------------
function lklCsv(stem, merchant, opts = {}) {
  const xq = (v) => (opts.excelText ? { raw: `="${v}"` } : v); // written as Excel does, unquoted
  return (recs) => {
    const T = TYPES.lkl;
    const { rows, rowOf, headerRow } = tableRows(recs, {
      preamble: [
        '拉卡拉商户交易明细查询',
        `商户名称：${merchant}`,
        '商户编号：822290058120345',
        '终端号：全部',
        `查询区间：${recs[0].date} 至 ${recs[recs.length - 1].date}`,
        '交易类型：全部',
        '结算类型：T1',
        `导出时间：${recs[recs.length - 1].date} 23:10:05`,
        '说明：清算金额=交易金额-手续费；其他扣款在清算金额中扣除',
        '',
        '',
      ],
      header: opts.rateCol
        ? [
            '交易日期',
            '交易时间',
            '商户编号',
            '终端号',
            '卡号',
            '卡类型',
            '交易类型',
            '交易金额(元)',
            '费率',
            '手续费(元)',
            '清算金额(元)',
            '参考号',
            '备注',
          ]
        : [
            '交易日期',
            '交易时间',
            '商户编号',
            '终端号',
            '卡号',
            '卡类型',
            '交易类型',
            '交易金额(元)',
            '手续费(元)',
            '清算金额(元)',
            '参考号',
            '备注',
          ],
      cells: (r) => {
        const v = signed(r);
        const isTx = r.kind === 'txn' || r.kind === 'refund';
        // the rate column shows the rate the provider *says* it charges, whatever it took
        const rate = isTx
          ? (r.card === 'debit' ? '0.50%' : '0.60%') +
            (r.card === 'debit' && opts.rateCol ? '(封顶20元)' : '')
          : '';
        const mid = opts.rateCol ? [y(v.a), rate, y(v.f), y(v.s)] : [y(v.a), y(v.f), y(v.s)];
        return [
          xq(compact(r.date)),
          xq(r.time.replace(/:/g, '')),
          xq('822290058120345'),
          xq(r.terminal),
          r.cardNo || '',
          r.card && isTx ? CARD.full[r.card] : '',
          opts.feeType && r.kind === 'fee' ? opts.feeType : typeOf(r, T),
          ...mid,
          xq(r.ref),
          r.text,
        ];
      },
      trailer: (rs) => [
        opts.rateCol
          ? [
              '合计',
              '',
              '',
              '',
              '',
              '',
              `笔数：${rs.length}`,
              y(sumOf(rs, 'a')),
              '',
              y(sumOf(rs, 'f')),
              y(sumOf(rs, 's')),
              '',
              '',
            ]
          : [
              '合计',
              '',
              '',
              '',
              '',
              '',
              `笔数：${rs.length}`,
              y(sumOf(rs, 'a')),
              y(sumOf(rs, 'f')),
              y(sumOf(rs, 's')),
              '',
              '',
            ],
        ['本报表仅供参考，以实际清算为准'],
      ],
    });
    return {
      file: `${stem}.csv`,
      buf: delimited(rows, { encoding: 'gbk', trailingDelims: opts.trailing ? 1 : 0 }),
      rowOf,
      headerRow,
      format: 'csv',
      encoding: 'gb18030',
    };
  };
}

// ---- 银联商务: SpreadsheetML 2003 saved as .xls -------------------------------------------------------
function umsXml(
  stem,
  {
    encoding = 'utf-8',
    declared = 'UTF-8',
    gaps = false,
    dateCells = false,
    summarySheet = false,
    sparse = false,
  } = {},
) {
  return (recs) => {
    const T = TYPES.ums;
    const { rows, rowOf, headerRow } = tableRows(recs, {
      preamble: [
        '银联商务股份有限公司 商户对账单',
        `商户编号：898440157310021    商户名称：广州市天河区美佳便利店`,
        `清算日期：${recs[0].date}～${recs[recs.length - 1].date}`,
      ],
      header: [
        '清算日期',
        '交易日期',
        '交易时间',
        '终端号',
        '交易类型',
        '卡种',
        '卡号',
        '交易金额',
        '手续费',
        '入账金额',
        '系统参考号',
        '摘要',
      ],
      cells: (r) => {
        if (r.kind === 'notice')
          return [r.date, r.date, '', '', T.notice, '', '', '', '', '', '', r.text];
        const v = signed(r);
        const t = dateCells ? { dateTime: `${r.date}T${r.time}.000` } : r.time;
        return [
          r.kind === 'txn' || r.kind === 'refund' ? r.date : r.date,
          dateCells ? t : r.date,
          dateCells ? '' : r.time,
          r.terminal,
          typeOf(r, T),
          r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.short[r.card] : '',
          r.cardNo || '',
          num(v.a),
          num(v.f),
          num(v.s),
          r.ref,
          r.text,
        ];
      },
      trailer: (rs) => [
        [
          '合计',
          '',
          '',
          '',
          `共${rs.length}笔`,
          '',
          '',
          num(sumOf(rs, 'a')),
          num(sumOf(rs, 'f')),
          num(sumOf(rs, 's')),
          '',
          '',
        ],
      ],
    });
    const sheets = [];
    if (gaps) {
      // a blank row after the title block and before the totals, written as ss:Index jumps
      let idx = 0;
      for (const r of rows) {
        idx += 1;
        if (r.head || (r.cells[0] === '合计' && !r.rec)) idx += 1;
        r.index = idx;
        if (r.rec) rowOf.set(r.rec, { row: idx });
      }
    }
    const hdr = gaps ? rows.find((r) => r.head).index : headerRow;
    const names = [];
    if (summarySheet) {
      sheets.push({
        name: '汇总',
        rows: [
          { cells: ['项目', '金额'] },
          { cells: ['交易总额', num(sumOf(recs, 'a'))] },
          { cells: ['手续费合计', num(sumOf(recs, 'f'))] },
        ],
      });
      names.push('汇总');
    }
    sheets.push({ name: '交易明细', rows });
    names.push('交易明细');
    for (const [k, v] of rowOf) rowOf.set(k, { ...v, sheet: '交易明细' });
    return {
      file: `${stem}.xls`,
      buf: spreadsheetML(sheets, { encoding, declared, sparse }),
      rowOf,
      headerRow: hdr,
      format: 'xls',
      encoding: encoding === 'utf-8' ? 'utf-8' : 'gb18030',
      ...(summarySheet ? { sheets: names } : {}),
    };
  };
}

// ---- 收钱吧: HTML table saved as .xls (GBK) -----------------------------------------------------------
function sqbHtml(stem, { noFee = false, encoding = 'gbk' } = {}) {
  return (recs) => {
    const T = TYPES.sqb;
    const pay = (r) =>
      r.kind === 'txn' || r.kind === 'refund'
        ? ['微信', '支付宝', '银行卡', '云闪付'][Number(r.ref.slice(-1)) % 4]
        : '';
    const header = noFee
      ? [
          '交易时间',
          '门店名称',
          '收款设备',
          '交易类型',
          '支付方式',
          '订单号',
          '交易金额',
          '商户实收',
          '备注',
        ]
      : [
          '交易时间',
          '门店名称',
          '收款设备',
          '交易类型',
          '支付方式',
          '订单号',
          '交易金额',
          '手续费',
          '商户实收',
          '备注',
        ];
    const { rows, rowOf, headerRow } = tableRows(recs, {
      preamble: [
        '收钱吧 交易流水',
        `商户：成都市武侯区小林面馆    统计时间：${recs[0].date} 00:00:00 至 ${recs[recs.length - 1].date} 23:59:59`,
      ],
      header,
      cells: (r) => {
        const v = signed(r);
        const base = [
          `${r.date} ${r.time}`,
          '小林面馆(武侯店)',
          r.terminal,
          typeOf(r, T),
          pay(r),
          `7895${r.ref}`,
          y(v.a),
        ];
        return noFee ? [...base, y(v.s), r.text] : [...base, y(v.f), y(v.s), r.text];
      },
      trailer: (rs) => [
        noFee
          ? ['总计', '', '', '', '', `${rs.length}笔`, y(sumOf(rs, 'a')), y(sumOf(rs, 's')), '']
          : [
              '总计',
              '',
              '',
              '',
              '',
              `${rs.length}笔`,
              y(sumOf(rs, 'a')),
              y(sumOf(rs, 'f')),
              y(sumOf(rs, 's')),
              '',
            ],
      ],
    });
    return {
      file: `${stem}.xls`,
      buf: htmlXls(rows, {
        encoding,
        charsetWord: encoding === 'gbk' ? 'gb2312' : 'utf-8',
        title: '交易流水',
      }),
      rowOf,
      headerRow,
      format: 'xls',
      encoding: encoding === 'gbk' ? 'gb18030' : 'utf-8',
    };
  };
}

// ---- 乐刷: semicolon CSV, UTF-8 BOM, every field quoted, multi-line notes ------------------------------
function leshuaSemi(stem, { noCard = false, multiline = true } = {}) {
  return (recs) => {
    const T = TYPES.misc;
    const { rows, rowOf, headerRow } = tableRows(recs, {
      preamble: [
        ['乐刷商户对账单'],
        ['商户号', '8480000312'],
        ['商户名称', '杭州西湖区一品茶社'],
        ['账单周期', `${recs[0].date}~${recs[recs.length - 1].date}`],
        [''],
      ],
      header: [
        '交易时间',
        '终端编号',
        '卡类型',
        '业务类型',
        '交易金额',
        '手续费',
        '结算金额',
        '流水号',
        '备注',
      ],
      cells: (r) => {
        const v = signed(r);
        let note = r.text;
        if (multiline && r.kind === 'fee')
          note = `${r.text}\n依据《商户服务协议》补充条款\n如有疑问请致电客服`;
        if (multiline && r.kind === 'payout') note = `${r.text}\n到账时间以银行为准`;
        return [
          `${r.date} ${r.time}`,
          r.terminal,
          !noCard && r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.full[r.card] : '',
          typeOf(r, T),
          y(v.a),
          y(v.f),
          y(v.s),
          r.ref,
          note,
        ];
      },
      trailer: (rs) => [
        [
          '合计',
          '',
          '',
          `${rs.length}笔`,
          y(sumOf(rs, 'a')),
          y(sumOf(rs, 'f')),
          y(sumOf(rs, 's')),
          '',
          '',
        ],
      ],
    });
    return {
      file: `${stem}.csv`,
      buf: delimited(rows, { delim: ';', quoteAll: true, encoding: 'utf-8-bom', eol: '\n' }),
      rowOf,
      headerRow,
      format: 'csv',
      encoding: 'utf-8',
    };
  };
}

// ---- 随行付: GBK tab-separated .txt, amounts in 分 ------------------------------------------------------
function sxfTabFen(stem) {
  return (recs) => {
    const T = TYPES.misc;
    const { rows, rowOf, headerRow } = tableRows(recs, {
      preamble: [
        '随行付商户交易明细',
        '商户编号:\t399441061120087',
        '商户名称:\t长沙市岳麓区湘味小厨',
        `起止日期:\t${compact(recs[0].date)}-${compact(recs[recs.length - 1].date)}`,
        '金额单位:\t分',
        '',
      ],
      header: [
        '交易日期',
        '交易时间',
        '终端号',
        '借贷记标识',
        '交易类型',
        '交易金额(分)',
        '手续费(分)',
        '结算金额(分)',
        '检索参考号',
        '附言',
      ],
      cells: (r) => {
        const v = signed(r);
        return [
          compact(r.date),
          r.time,
          r.terminal,
          r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.short[r.card] : '',
          typeOf(r, T),
          String(v.a),
          String(v.f),
          String(v.s),
          r.ref,
          r.text,
        ];
      },
      trailer: (rs) => [
        [
          '合计',
          '',
          '',
          '',
          `${rs.length}`,
          String(sumOf(rs, 'a')),
          String(sumOf(rs, 'f')),
          String(sumOf(rs, 's')),
          '',
          '',
        ],
      ],
    });
    // preamble cells containing a tab become two cells
    for (const r of rows)
      if (r.cells.length === 1 && r.cells[0].includes('\t')) r.cells = r.cells[0].split('\t');
    return {
      file: `${stem}.txt`,
      buf: delimited(rows, { delim: '\t', encoding: 'gbk' }),
      rowOf,
      headerRow,
      format: 'csv',
      encoding: 'gb18030',
    };
  };
}

// ---- 通联 / 富友: workbooks -----------------------------------------------------------------------------
function tlWorkbook(
  stem,
  { kind = 'biff8', colOffset = 1, serialDates = false, textDates = false } = {},
) {
  return async (recs) => {
    const T = TYPES.misc;
    const { rows, rowOf, headerRow } = tableRows(recs, {
      preamble: [
        '通联支付网络服务股份有限公司',
        '商户交易明细表',
        '商户号：660290053112201',
        '商户名称：武汉市洪山区佳佳乐超市',
        `交易日期：${recs[0].date} 至 ${recs[recs.length - 1].date}`,
        '',
      ],
      header: [
        '交易日期',
        '终端号',
        '卡类别',
        '交易类型',
        '交易金额',
        '手续费',
        '清算金额',
        '凭证号',
        '备注',
      ],
      cells: (r) => {
        const v = signed(r);
        const d = serialDates
          ? { date: jsDate(r), fmt: 'yyyy/m/d h:mm' }
          : textDates
            ? `${cn(r.date)} ${r.time.slice(0, 5)}`
            : `${r.date} ${r.time}`;
        return [
          kind === 'biff8' && serialDates ? jsDate(r) : d,
          r.terminal,
          r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.plain[r.card] : '',
          typeOf(r, T),
          num(v.a),
          num(v.f),
          num(v.s),
          r.ref.slice(-6),
          r.text,
        ];
      },
      trailer: (rs) => [
        [
          '合计',
          '',
          '',
          `${rs.length}笔`,
          num(sumOf(rs, 'a')),
          num(sumOf(rs, 'f')),
          num(sumOf(rs, 's')),
          '',
          '',
        ],
      ],
    });
    const sheets = [{ name: '明细', rows, colOffset }];
    const buf = kind === 'biff8' ? biff8(sheets) : await xlsx(sheets);
    return {
      file: `${stem}.${kind === 'biff8' ? 'xls' : 'xlsx'}`,
      buf,
      rowOf,
      headerRow,
      format: kind === 'biff8' ? 'xls' : 'xlsx',
      encoding: null,
    };
  };
}

function fyMonthly(stem, { kind = 'xlsx' } = {}) {
  return async (recs) => {
    const T = TYPES.misc;
    const byMonth = new Map();
    for (const r of recs) {
      const m = r.date.slice(0, 7);
      if (!byMonth.has(m)) byMonth.set(m, []);
      byMonth.get(m).push(r);
    }
    const sheets = [];
    const rowOf = new Map();
    let headerRow = 0;
    for (const [m, rs] of byMonth) {
      const name = `${m.slice(0, 4)}年${m.slice(5)}月`;
      const t = tableRows(rs, {
        preamble: [
          `富友支付 商户交易明细（${name}）`,
          '商户代码：0002900F0312445    商户名称：南京市鼓楼区福满楼餐厅',
          '',
        ],
        header: [
          '交易时间',
          '终端号',
          '卡类型',
          '交易类型',
          '交易金额(元)',
          '手续费(元)',
          '到账金额(元)',
          '交易流水号',
          '说明',
        ],
        cells: (r) => {
          const v = signed(r);
          return [
            { date: jsDate(r) },
            r.terminal,
            r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.full[r.card] : '',
            typeOf(r, T),
            num(v.a),
            num(v.f),
            num(v.s),
            r.ref,
            r.text,
          ];
        },
        trailer: (x) => [
          [
            '本月合计',
            '',
            '',
            `${x.length}笔`,
            num(sumOf(x, 'a')),
            num(sumOf(x, 'f')),
            num(sumOf(x, 's')),
            '',
            '',
          ],
        ],
      });
      headerRow = t.headerRow;
      for (const [k, v] of t.rowOf) rowOf.set(k, { ...v, sheet: name });
      sheets.push({ name, rows: t.rows });
    }
    const buf =
      kind === 'biff8'
        ? biff8(
            sheets.map((s) => ({
              ...s,
              rows: s.rows.map((r) => ({
                ...r,
                cells: r.cells.map((c) => (c && c.date ? c.date : c)),
              })),
            })),
          )
        : await xlsx(sheets);
    return {
      file: `${stem}.${kind === 'biff8' ? 'xls' : 'xlsx'}`,
      buf,
      rowOf,
      headerRow,
      format: kind === 'biff8' ? 'xls' : 'xlsx',
      encoding: null,
      sheets: sheets.map((s) => s.name),
    };
  };
}

// ---- 合利宝: UTF-16LE "Unicode 文本", tab separated, D0/T1 column ------------------------------------------
function hlbUtf16(stem, { be = false } = {}) {
  return (recs) => {
    const T = TYPES.misc;
    const { rows, rowOf, headerRow } = tableRows(recs, {
      preamble: ['合利宝 商户结算明细', `商户编号\t${'E1801234567'}`, ''],
      header: [
        '交易日期',
        '交易时间',
        '终端号',
        '卡类型',
        '交易类型',
        '结算周期',
        '交易金额',
        '手续费金额',
        '实际结算金额',
        '订单号',
        '备注',
      ],
      cells: (r) => {
        const v = signed(r);
        return [
          slash(r.date),
          r.time,
          r.terminal,
          r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.full[r.card] : '',
          typeOf(r, T),
          r.kind === 'payout' ? 'D0' : r.kind === 'txn' ? 'T1' : '',
          y(v.a),
          y(v.f),
          y(v.s),
          `HLB${r.ref}`,
          r.text,
        ];
      },
      trailer: (rs) => [
        [
          '总计',
          '',
          '',
          '',
          `${rs.length}笔`,
          '',
          y(sumOf(rs, 'a')),
          y(sumOf(rs, 'f')),
          y(sumOf(rs, 's')),
          '',
          '',
        ],
      ],
    });
    for (const r of rows)
      if (r.cells.length === 1 && r.cells[0].includes('\t')) r.cells = r.cells[0].split('\t');
    return {
      file: `${stem}.txt`,
      buf: delimited(rows, { delim: '\t', encoding: be ? 'utf-16be' : 'utf-16le' }),
      rowOf,
      headerRow,
      format: 'csv',
      encoding: be ? 'utf-16be' : 'utf-16le',
    };
  };
}

// ---- 汇付 / bank: ledgers with 借方/贷方 (or 收入/支出) and a running balance ------------------------------
function ledger(stem, { style = 'huifu', opening = 523411 } = {}) {
  return (recs) => {
    // a ledger shows what moves through the account: daily settlements in, payouts and charges out
    const lines = [];
    let bal = opening;
    const byDay = new Map();
    for (const r of recs) {
      if (r.kind === 'txn' || r.kind === 'refund')
        byDay.set(r.date, (byDay.get(r.date) || 0) + r.settledFen);
    }
    const emitted = new Set();
    for (const r of recs) {
      if (r.kind === 'txn' || r.kind === 'refund') {
        if (emitted.has(r.date)) continue;
        emitted.add(r.date);
        const net = byDay.get(r.date);
        bal += net;
        lines.push({
          r: { ...r, kind: 'settle-in', time: '23:30:00' },
          cr: net,
          dr: 0,
          bal,
          text: style === 'huifu' ? '交易结算入账' : 'POS商户结算',
        });
        continue;
      }
      if (r.kind === 'payout') {
        bal -= r.amountFen;
        lines.push({
          r,
          cr: 0,
          dr: r.amountFen,
          bal,
          text: style === 'huifu' ? '提现' : '转账支取',
        });
        continue;
      }
      if (r.kind === 'fee') {
        bal -= r.amountFen;
        lines.push({ r, cr: 0, dr: r.amountFen, bal, text: r.text });
        continue;
      }
      if (r.kind === 'credit') {
        bal += r.amountFen;
        lines.push({ r, cr: r.amountFen, dr: 0, bal, text: r.text });
      }
    }
    lines.sort((a, b) => (a.r.date + a.r.time < b.r.date + b.r.time ? -1 : 1));
    const rows = [];
    const rowOf = new Map();
    if (style === 'huifu') {
      rows.push(
        { cells: ['汇付天下 账户资金明细'] },
        { cells: ['账户名称', '上海市徐汇区阿芳水果店'] },
        { cells: ['账户号', '6666000101234567'] },
        { cells: ['查询区间', `${recs[0].date} 至 ${recs[recs.length - 1].date}`] },
        { cells: ['期初余额', y(opening)] },
        { cells: [''] },
      );
      rows.push({
        cells: ['记账时间', '业务类型', '收入(元)', '支出(元)', '账户余额(元)', '流水号', '备注'],
        head: true,
      });
    } else if (style === 'ccb') {
      rows.push(
        { cells: ['中国建设银行 单位账户交易明细'] },
        {
          cells: [
            `账号：44050110001200001234    户名：佛山市禅城区顺景茶餐厅    起止日期：${slash(recs[0].date)}-${slash(recs[recs.length - 1].date)}`,
          ],
        },
      );
      rows.push({
        cells: ['序号', '交易时间', '摘要', '借贷标志', '交易金额', '账户余额', '对方户名', '备注'],
        head: true,
      });
    } else {
      rows.push(
        { cells: ['中国工商银行对公账户明细'] },
        { cells: ['账号', '1202021109900123456'] },
        { cells: ['户名', '天津市和平区鸿运五金店'] },
        { cells: ['币种', '人民币'] },
        {
          cells: [
            '起始日期',
            compact(recs[0].date),
            '截止日期',
            compact(recs[recs.length - 1].date),
          ],
        },
        { cells: [''] },
      );
      rows.push({
        cells: [
          '交易日期',
          '交易时间',
          '摘要',
          '借方发生额',
          '贷方发生额',
          '余额',
          '对方户名',
          '凭证号',
        ],
        head: true,
      });
    }
    const headerRow = rows.length;
    for (const l of lines) {
      const seq = rows.length - headerRow + 1;
      const cells =
        style === 'ccb'
          ? [
              String(seq),
              `${cn(l.r.date)} ${l.r.time}`,
              l.text,
              l.dr ? '借' : '贷',
              thousands(l.dr || l.cr),
              thousands(l.bal),
              l.r.kind === 'settle-in' ? '银联商务股份有限公司' : '',
              l.r.kind === 'fee' ? '收单机构扣收' : '',
            ]
          : style === 'huifu'
            ? [
                `${l.r.date} ${l.r.time}`,
                l.text,
                l.cr ? y(l.cr) : '',
                l.dr ? y(l.dr) : '',
                y(l.bal),
                l.r.ref || '',
                l.r.kind === 'fee' ? '系统自动扣收' : '',
              ]
            : [
                compact(l.r.date),
                l.r.time,
                l.text,
                l.dr ? thousands(l.dr) : '',
                l.cr ? thousands(l.cr) : '',
                thousands(l.bal),
                l.r.kind === 'settle-in'
                  ? '银联商务股份有限公司'
                  : l.r.kind === 'fee'
                    ? '工行收单中心'
                    : '',
                l.r.ref || '',
              ];
      rows.push({ cells, rec: l.r });
      if (l.r.kind !== 'settle-in') rowOf.set(l.r, { row: rows.length });
    }
    if (style === 'huifu')
      rows.push({
        cells: [
          '合计',
          `${lines.length}笔`,
          y(lines.reduce((s, l) => s + l.cr, 0)),
          y(lines.reduce((s, l) => s + l.dr, 0)),
          '',
          '',
          '',
        ],
      });
    else if (style === 'ccb')
      rows.push({
        cells: [
          '',
          '合计',
          `借方${lines.filter((l) => l.dr).length}笔`,
          thousands(lines.reduce((s, l) => s + l.dr, 0)),
          `贷方${lines.filter((l) => l.cr).length}笔`,
          thousands(lines.reduce((s, l) => s + l.cr, 0)),
        ],
      });
    else
      rows.push({
        cells: [
          '借方合计',
          thousands(lines.reduce((s, l) => s + l.dr, 0)),
          '贷方合计',
          thousands(lines.reduce((s, l) => s + l.cr, 0)),
        ],
      });
    if (style === 'ccb')
      return {
        file: `${stem}.xls`,
        buf: htmlXls(rows, { encoding: 'utf-8', charsetWord: 'utf-8', title: '账户明细' }),
        rowOf,
        headerRow,
        format: 'xls',
        encoding: 'utf-8',
      };
    return {
      file: `${stem}.csv`,
      buf: delimited(rows, { encoding: 'gbk' }),
      rowOf,
      headerRow,
      format: 'csv',
      encoding: 'gb18030',
    };
  };
}

// ---- xlsx with a 说明 and a 汇总 sheet in front, details third, money as numbers in 分 ------------------------
function xlsxThird(stem) {
  return async (recs) => {
    const T = TYPES.lkl;
    const { rows, rowOf, headerRow } = tableRows(recs, {
      preamble: [
        ['商户名称', '青岛市市南区海之味海鲜'],
        ['商户编号', '831452058120099'],
        ['查询区间', `${recs[0].date}至${recs[recs.length - 1].date}`],
        ['金额单位', '分'],
        [],
      ],
      header: [
        '交易日期',
        '交易时间',
        '终端号',
        '借贷记标识',
        '交易类型',
        '交易金额(分)',
        '手续费(分)',
        '入账金额(分)',
        '参考号',
        '摘要',
      ],
      cells: (r) => {
        const v = signed(r);
        return [
          r.date.replace(/-/g, '.'),
          r.time,
          r.terminal,
          r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.short[r.card] : '',
          typeOf(r, T),
          v.a,
          v.f,
          v.s,
          r.ref,
          r.text,
        ];
      },
      trailer: (rs) => [
        [
          '合计',
          '',
          '',
          '',
          `${rs.length}笔`,
          sumOf(rs, 'a'),
          sumOf(rs, 'f'),
          sumOf(rs, 's'),
          '',
          '',
        ],
      ],
    });
    for (const [k, v] of rowOf) rowOf.set(k, { ...v, sheet: '交易明细' });
    const sheets = [
      {
        name: '说明',
        rows: [
          { cells: ['本文件由商户服务平台导出'] },
          { cells: ['金额单位：分'] },
          { cells: ['如对账单有疑问，请联系客服 95016'] },
        ],
      },
      {
        name: '汇总',
        rows: [
          { cells: ['日期', '笔数', '交易金额(分)', '手续费(分)'] },
          { cells: [recs[0].date, recs.length, sumOf(recs, 'a'), sumOf(recs, 'f')] },
        ],
      },
      { name: '交易明细', rows },
    ];
    return {
      file: `${stem}.xlsx`,
      buf: await xlsx(sheets),
      rowOf,
      headerRow,
      format: 'xlsx',
      encoding: null,
      sheets: sheets.map((x) => x.name),
    };
  };
}

// ---- GBK semicolon CSV with a 收/支 column and unsigned amounts -------------------------------------------
function dirSemi(stem) {
  return (recs) => {
    const T = TYPES.misc;
    const { rows, rowOf, headerRow } = tableRows(recs, {
      preamble: [
        ['商户名称', '昆明市五华区云岭米线'],
        ['商户号', '5310001234'],
        ['统计区间', `${recs[0].date}至${recs[recs.length - 1].date}`],
        [''],
      ],
      header: [
        '日期',
        '时间',
        '类型',
        '收/支',
        '金额(元)',
        '手续费(元)',
        '实收(元)',
        '卡类型',
        '订单号',
        '说明',
      ],
      cells: (r) => {
        const v = signed(r);
        const dir = v.a < 0 ? '支' : '收';
        return [
          r.date.replace(/-/g, '.'),
          r.time,
          typeOf(r, T),
          dir,
          y(Math.abs(v.a)),
          y(Math.abs(v.f)),
          y(Math.abs(v.s)),
          r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.plain[r.card] : '',
          r.ref,
          r.text,
        ];
      },
      trailer: (rs) => [
        [
          '收入合计',
          '',
          '',
          '收',
          y(rs.filter((r) => signed(r).a > 0).reduce((s2, r) => s2 + signed(r).a, 0)),
        ],
        [
          '支出合计',
          '',
          '',
          '支',
          y(-rs.filter((r) => signed(r).a < 0).reduce((s2, r) => s2 + signed(r).a, 0)),
        ],
      ],
    });
    return {
      file: `${stem}.csv`,
      buf: delimited(rows, { delim: ';', encoding: 'gbk' }),
      rowOf,
      headerRow,
      format: 'csv',
      encoding: 'gb18030',
    };
  };
}

// ---- HTML .xls with the preamble outside the table and <thead>/<tbody> ------------------------------------
function htmlOutsidePreamble(stem) {
  return (recs) => {
    const T = TYPES.ums;
    const esc = (x) =>
      String(x ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;');
    const rowOf = new Map();
    let tr = 0;
    let h =
      '<html><head><meta charset="gbk"><title>商户对账单</title></head><body>\n<div>商户名称：重庆市渝中区山城火锅</div><div>商户编号：898500058121234</div><div>对账周期：' +
      recs[0].date +
      ' 至 ' +
      recs[recs.length - 1].date +
      '</div><br/>\n<table border="1">\n<thead><tr><th>交易时间</th><th>交易类型</th><th>卡类型</th><th>交易金额</th><th>手续费</th><th>清算金额</th><th>摘要</th></tr></thead>\n<tbody>\n';
    tr++;
    for (const r of recs) {
      const v = signed(r);
      tr++;
      rowOf.set(r, { row: tr });
      h += `<tr><td>${r.date} ${r.time}</td><td>${esc(typeOf(r, T))}</td><td>${r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.full[r.card] : ''}</td><td>${y(v.a)}</td><td>${y(v.f)}</td><td>${y(v.s)}</td><td>${esc(r.text)}</td></tr>\n`;
    }
    h += `</tbody>\n<tfoot><tr><td>合计</td><td>${recs.length}笔</td><td></td><td>${y(sumOf(recs, 'a'))}</td><td>${y(sumOf(recs, 'f'))}</td><td>${y(sumOf(recs, 's'))}</td><td></td></tr></tfoot>\n</table></body></html>\n`;
    return {
      file: `${stem}.xls`,
      buf: encodeText(h, 'gbk'),
      rowOf,
      headerRow: 1,
      format: 'xls',
      encoding: 'gb18030',
    };
  };
}

// ---- lakala-like csv with a 日小计 line after every day ----------------------------------------------------
function dailySubtotals(stem) {
  return (recs) => {
    const T = TYPES.lkl;
    const rows = [
      { cells: ['商户名称：沈阳市和平区老边饺子馆'] },
      { cells: ['商户编号：822210058129876'] },
      { cells: [''] },
      {
        cells: [
          '交易日期',
          '交易时间',
          '终端号',
          '卡类型',
          '交易类型',
          '交易金额',
          '手续费',
          '清算金额',
          '参考号',
          '备注',
        ],
        head: true,
      },
    ];
    const headerRow = rows.length;
    const rowOf = new Map();
    let day = null;
    let acc = [];
    const flush = () => {
      if (!acc.length) return;
      rows.push({
        cells: [
          `${day} 日小计`,
          '',
          '',
          '',
          `笔数:${acc.length}`,
          y(sumOf(acc, 'a')),
          y(sumOf(acc, 'f')),
          y(sumOf(acc, 's')),
          '',
          '',
        ],
      });
      acc = [];
    };
    for (const r of recs) {
      if (r.date !== day) {
        flush();
        day = r.date;
      }
      const v = signed(r);
      rows.push({
        cells: [
          r.date,
          r.time,
          r.terminal,
          r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.full[r.card] : '',
          typeOf(r, T),
          y(v.a),
          y(v.f),
          y(v.s),
          r.ref,
          r.text,
        ],
        rec: r,
      });
      rowOf.set(r, { row: rows.length });
      acc.push(r);
    }
    flush();
    rows.push({
      cells: [
        '总计',
        '',
        '',
        '',
        `笔数:${recs.length}`,
        y(sumOf(recs, 'a')),
        y(sumOf(recs, 'f')),
        y(sumOf(recs, 's')),
        '',
        '',
      ],
    });
    return {
      file: `${stem}.csv`,
      buf: delimited(rows, { encoding: 'utf-8' }),
      rowOf,
      headerRow,
      format: 'csv',
      encoding: 'utf-8',
    };
  };
}

// ---- a fee-only export (扣费明细): positive 扣款金额 means money taken, credits are negative -------------------
function feeOnly(stem) {
  return async (recs) => {
    const list = recs.filter((r) => r.kind === 'fee' || r.kind === 'credit');
    const { rows, rowOf, headerRow } = tableRows(list, {
      preamble: [
        ['扣费明细查询'],
        ['商户编号', '0002900F0398765'],
        ['商户名称', '苏州市姑苏区平江茶楼'],
        ['查询日期', `${recs[0].date} 至 ${recs[recs.length - 1].date}`],
        [],
      ],
      header: ['扣款日期', '终端号', '扣款类型', '扣款金额(元)', '扣款说明', '扣款状态'],
      cells: (r) => [
        { date: new Date(`${r.date}T00:00:00Z`), fmt: 'yyyy-mm-dd' },
        r.terminal,
        r.kind === 'credit' ? '退款' : '扣款',
        r.kind === 'credit' ? -num(r.amountFen) : num(r.amountFen),
        r.text,
        '成功',
      ],
      trailer: (rs) => [
        [
          '合计',
          '',
          `${rs.length}笔`,
          num(rs.reduce((a, r) => a + (r.kind === 'credit' ? -r.amountFen : r.amountFen), 0)),
          '',
          '',
        ],
      ],
    });
    return {
      file: `${stem}.xlsx`,
      buf: await xlsx([{ name: 'Sheet1', rows }]),
      rowOf,
      headerRow,
      format: 'xlsx',
      encoding: null,
    };
  };
}

// ---- a statement whose summary block sits on top: 15 preamble lines, several of them numbers --------------
function topSummary(stem) {
  return (recs) => {
    const T = TYPES.misc;
    const pos = recs.filter((r) => r.kind === 'txn');
    const { rows, rowOf, headerRow } = tableRows(recs, {
      preamble: [
        ['通联支付 商户对账单'],
        ['商户名称', '太原市迎泽区晋味面馆', '商户编号', '660230058127777'],
        ['对账周期', recs[0].date, '至', recs[recs.length - 1].date],
        [''],
        ['汇总信息'],
        ['交易笔数', String(pos.length), '交易金额', y(pos.reduce((a, r) => a + r.amountFen, 0))],
        [
          '手续费合计',
          y(pos.reduce((a, r) => a + r.feeFen, 0)),
          '结算金额',
          y(pos.reduce((a, r) => a + r.settledFen, 0)),
        ],
        [
          '退货笔数',
          String(recs.filter((r) => r.kind === 'refund').length),
          '退货金额',
          y(-recs.filter((r) => r.kind === 'refund').reduce((a, r) => a + r.amountFen, 0)),
        ],
        [
          '其他扣款笔数',
          String(recs.filter((r) => r.kind === 'fee').length),
          '其他扣款金额',
          y(recs.filter((r) => r.kind === 'fee').reduce((a, r) => a + r.amountFen, 0)),
        ],
        [
          '划款笔数',
          String(recs.filter((r) => r.kind === 'payout').length),
          '划款金额',
          y(recs.filter((r) => r.kind === 'payout').reduce((a, r) => a + r.amountFen, 0)),
        ],
        [''],
        ['交易明细'],
        [''],
      ],
      header: [
        '序号',
        '交易日期',
        '交易时间',
        '终端号',
        '卡类型',
        '交易类型',
        '交易金额',
        '手续费',
        '结算金额',
        '参考号',
        '备注',
      ],
      cells: (r) => {
        const v = signed(r);
        return [
          '',
          slash(r.date),
          r.time,
          r.terminal,
          r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.full[r.card] : '',
          typeOf(r, T),
          y(v.a),
          y(v.f),
          y(v.s),
          r.ref,
          r.text,
        ];
      },
    });
    let n = 0;
    for (const r of rows) if (r.rec) r.cells[0] = String(++n);
    return {
      file: `${stem}.csv`,
      buf: delimited(rows, { encoding: 'gbk' }),
      rowOf,
      headerRow,
      format: 'csv',
      encoding: 'gb18030',
    };
  };
}

// ---- xlsx with a two-level header: group titles above the column names -----------------------------------
function twoLevelHeader(stem) {
  return async (recs) => {
    const T = TYPES.ums;
    const { rows, rowOf, headerRow } = tableRows(recs, {
      preamble: [
        ['招商银行 商户收单交易明细'],
        ['商户号：308584012345678    商户名称：宁波市海曙区甬江海鲜排档'],
        [''],
        ['交易信息', '', '', '', '', '清算信息', '', '', '其他', ''],
      ],
      header: [
        '交易日期',
        '交易时间',
        '卡类型',
        '交易类型',
        '交易金额',
        '手续费',
        '清算金额',
        '清算日期',
        '参考号',
        '备注',
      ],
      cells: (r) => {
        const v = signed(r);
        return [
          { date: new Date(`${r.date}T00:00:00Z`), fmt: 'yyyy-mm-dd' },
          r.time,
          r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.full[r.card] : '',
          typeOf(r, T),
          num(v.a),
          num(v.f),
          num(v.s),
          r.kind === 'txn' ? addDaysY(r.date, 1) : r.date,
          r.ref,
          r.text,
        ];
      },
      trailer: (rs) => [
        [
          '合计',
          '',
          '',
          `${rs.length}笔`,
          num(sumOf(rs, 'a')),
          num(sumOf(rs, 'f')),
          num(sumOf(rs, 's')),
          '',
          '',
          '',
        ],
      ],
    });
    return {
      file: `${stem}.xlsx`,
      buf: await xlsx([{ name: '交易明细', rows }]),
      rowOf,
      headerRow,
      format: 'xlsx',
      encoding: null,
    };
  };
}
const addDaysY = (d, n) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};

// ---- plain UTF-8 csv with one twist in how signs and fees are written ----------------------------------
// negFee: the fee column is negative (手续费 -1.45, 结算 = 金额 + 手续费); unsigned: every amount is positive and
// only 交易类型 says which way the money went; feeInFeeCol: a charge sits in the fee column of a zero-amount row.
function twist(stem, { negFee = false, unsigned = false, feeInFeeCol = false } = {}) {
  return (recs) => {
    const T = { ...TYPES.misc, fee: '扣款', payout: '结算划款' };
    const { rows, rowOf, headerRow } = tableRows(recs, {
      preamble: [
        `商户名称：大连市中山区渔港人家`,
        `查询区间：${recs[0].date}至${recs[recs.length - 1].date}`,
        '',
      ],
      header: [
        '交易时间',
        '终端号',
        '卡类型',
        '交易类型',
        '交易金额',
        '手续费',
        '结算金额',
        '流水号',
        '摘要',
      ],
      cells: (r) => {
        const v = signed(r);
        let a = v.a;
        let f = v.f;
        let st = v.s;
        if (feeInFeeCol && r.kind === 'fee') {
          a = 0;
          f = r.amountFen;
          st = -r.amountFen;
        }
        if (negFee) f = -f;
        if (unsigned) {
          a = Math.abs(a);
          f = Math.abs(f);
          st = Math.abs(st);
        }
        return [
          `${r.date} ${r.time}`,
          r.terminal,
          r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.full[r.card] : '',
          typeOf(r, T),
          y(a),
          y(f),
          y(st),
          r.ref,
          r.text,
        ];
      },
      trailer: (rs) => [['合计', '', '', `${rs.length}笔`, '', '', '', '', '']],
    });
    return {
      file: `${stem}.csv`,
      buf: delimited(rows, { encoding: 'utf-8' }),
      rowOf,
      headerRow,
      format: 'csv',
      encoding: 'utf-8',
    };
  };
}

// ---- a printed-report export: the header repeats on every page, with 第N页 lines between --------------------
function paged(stem, perPage = 45) {
  return (recs) => {
    const T = TYPES.lkl;
    const header = [
      '交易日期',
      '交易时间',
      '终端号',
      '卡类型',
      '交易类型',
      '交易金额',
      '手续费',
      '清算金额',
      '检索参考号',
      '备注',
    ];
    const rows = [
      { cells: ['商户交易明细报表'] },
      { cells: ['商户名称：石家庄市长安区燕赵酒家', '', '', '商户编号：831121058125555'] },
      { cells: [`打印日期：${recs[recs.length - 1].date}`] },
    ];
    const rowOf = new Map();
    let headerRow = 0;
    let page = 0;
    for (let i = 0; i < recs.length; i++) {
      if (i % perPage === 0) {
        page++;
        if (page > 1)
          rows.push(
            { cells: [`第${page - 1}页 共${Math.ceil(recs.length / perPage)}页`] },
            { cells: [''] },
          );
        rows.push({ cells: header, head: true });
        if (!headerRow) headerRow = rows.length;
      }
      const r = recs[i];
      const v = signed(r);
      const card =
        r.card && (r.kind === 'txn' || r.kind === 'refund')
          ? r.card === 'debit'
            ? '借记卡(境内)'
            : '贷记卡(境内)'
          : '';
      rows.push({
        cells: [
          r.date,
          r.time,
          r.terminal,
          card,
          r.kind === 'fee' ? '扣款' : typeOf(r, T),
          y(v.a),
          y(v.f),
          y(v.s),
          r.ref,
          r.text,
        ],
        rec: r,
      });
      rowOf.set(r, { row: rows.length });
    }
    rows.push({ cells: [`第${page}页 共${page}页`] });
    return {
      file: `${stem}.csv`,
      buf: delimited(rows, { encoding: 'gbk' }),
      rowOf,
      headerRow,
      format: 'csv',
      encoding: 'gb18030',
    };
  };
}

// ---- HTML saved by Excel: x:num attributes, accounting display (1,234.50 and (99.00)), &nbsp; padding -------
function excelHtml(stem) {
  return (recs) => {
    const T = TYPES.ums;
    const acc = (fen) => (fen < 0 ? `(${thousands(-fen)})` : thousands(fen));
    const td = (fen) => `<td class=xl66 align=right x:num="${fmtYuan(fen)}">${acc(fen)}</td>`;
    const esc2 = (x) =>
      String(x ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;');
    const rowOf = new Map();
    let tr = 0;
    let h =
      '<html xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=Generator content="Microsoft Excel 15"></head>\n<body link=blue vlink=purple>\n<table border=0 cellpadding=0 cellspacing=0 width=1200 style=\'border-collapse:collapse\'>\n';
    const line = (cells) => {
      tr++;
      h += ` <tr height=18>${cells}</tr>\n`;
    };
    line(`<td colspan=8 class=xl65>哈尔滨市道里区冰城饺子馆&nbsp;&nbsp;交易明细</td>`);
    line(`<td colspan=8>统计区间：${recs[0].date}&nbsp;至&nbsp;${recs[recs.length - 1].date}</td>`);
    line(
      '<td>交易时间</td><td>交易类型</td><td>卡类型</td><td>交易金额</td><td>手续费</td><td>入账金额</td><td>参考号</td><td>摘要</td>',
    );
    const headerRow = tr;
    for (const r of recs) {
      const v = signed(r);
      line(
        `<td>${r.date}&nbsp;${r.time}</td><td>${esc2(typeOf(r, T))}</td><td>${r.card && (r.kind === 'txn' || r.kind === 'refund') ? CARD.full[r.card] : '&nbsp;'}</td>${td(v.a)}${td(v.f)}${td(v.s)}<td x:str>${r.ref}</td><td>${esc2(r.text) || '&nbsp;'}</td>`,
      );
      rowOf.set(r, { row: tr });
    }
    line(
      `<td>合计</td><td>${recs.length}笔</td><td></td>${td(sumOf(recs, 'a'))}${td(sumOf(recs, 'f'))}${td(sumOf(recs, 's'))}<td></td><td></td>`,
    );
    h += '</table>\n</body>\n</html>\n';
    return {
      file: `${stem}.xls`,
      buf: encodeText(h, 'gbk'),
      rowOf,
      headerRow,
      format: 'xls',
      encoding: 'gb18030',
    };
  };
}

export {
  lklCsv,
  umsXml,
  sqbHtml,
  leshuaSemi,
  sxfTabFen,
  tlWorkbook,
  fyMonthly,
  hlbUtf16,
  ledger,
  statement,
  baseCfg,
  stdContract,
  add,
  makeActivity,
  pad2,
  OUT,
  manifest,
};

// ---- the statements -----------------------------------------------------------------------------
const F = (category, names, fen, every, first, n, extra = {}) => ({
  category,
  names,
  fen,
  every,
  first,
  n,
  ...extra,
});
const D = (category, names, fen, dates, extra = {}) => ({ category, names, fen, dates, ...extra });
const C = (names, fen, dates) => ({ kind: 'credit', category: null, names, fen, dates });

function defs() {
  const L = [];
  const st = (stem, layout, note, cfg, contract, render, extra = {}) =>
    L.push({ stem, layout, note, cfg, contract, render, ...extra });

  st(
    '01-lkl-gbk',
    'lakala GBK csv, 11-line preamble, date/time split (20250302 / 102233), 合计+footnote',
    '流量费 before free year ends; unagreed monthly 权益包; 调账',
    baseCfg('rt4-01', {
      from: '2025-01-02',
      days: 150,
      streams: [
        F('traffic_fee', ['终端流量费'], 5900, 'year', '2025-02-10', 1),
        F('service_fee', ['权益包(月)', '权益包服务费'], 1990, 'month', '2025-01-15', 5),
        D('other_deduction', ['调账'], 3327, ['2025-03-03']),
      ],
    }),
    stdContract({
      agreedCharges: [
        { category: 'traffic_fee', amountYuan: 59, every: 'year', startsAfter: '2025-06-01' },
      ],
    }),
    (s) => lklCsv(s, '深圳市南山区百味轩餐饮店'),
  );
  st(
    '02-ums-xml',
    'SpreadsheetML 2003 as .xls (UTF-8), title block, string dates, rate rise after a notice',
    'credit rate 0.6 -> 0.68 from 03-01 after a 公告 row; agreed deposit + second deposit; 押金退还',
    baseCfg('rt4-02', {
      from: '2025-01-01',
      days: 110,
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        rise: { from: '2025-03-01', credit: { pct: '0.68' } },
      },
      streams: [
        D('deposit', ['机具押金'], 19900, ['2025-01-08', '2025-02-19']),
        C(['押金退还'], 9900, ['2025-03-20']),
        {
          kind: 'notice',
          category: null,
          names: ['自2025年3月1日起贷记卡费率调整为0.68%'],
          fen: 0,
          dates: ['2025-02-20'],
        },
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'deposit', amountYuan: 199, every: 'once' }] }),
    (s) => umsXml(s),
  );
  st(
    '03-ums-xml-gbk-gaps',
    'SpreadsheetML declared GB2312 and GBK-encoded, ss:Index row gaps, DateTime cells',
    'debit cap dropped from 02-15 (big debit sales overcharged); unagreed 通讯费 monthly',
    baseCfg('rt4-03', {
      from: '2025-01-05',
      days: 100,
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        dropCapFrom: '2025-02-15',
      },
      streams: [F('traffic_fee', ['通讯费'], 1500, 'month', '2025-01-20', 3)],
    }),
    stdContract(),
    (s) => umsXml(s, { encoding: 'gbk', declared: 'GB2312', gaps: true, dateCells: true }),
  );
  st(
    '04-sqb-html',
    'HTML table saved as .xls, GBK, 支付方式 instead of card type, 总计 row',
    'card type unknown (any 0.38 vs provider 0.6 after 03-01); 服务费 yearly per terminal (2 terminals, one agreed)',
    baseCfg('rt4-04', {
      from: '2025-01-01',
      days: 100,
      terminals: ['SQB2201', 'SQB2202'],
      pricing: {
        debit: { pct: '0.38' },
        credit: { pct: '0.38' },
        rise: { from: '2025-03-01', debit: { pct: '0.6' }, credit: { pct: '0.6' } },
      },
      streams: [
        F('service_fee', ['设备服务年费'], 36000, 'year', '2025-01-10', 1, { perTerminal: true }),
      ],
    }),
    stdContract({
      rates: [{ cardType: 'any', percent: 0.38 }],
      agreedCharges: [{ category: 'service_fee', amountYuan: 360, every: 'year' }],
    }),
    (s) => sqbHtml(s),
    { noCard: true },
  );
  st(
    '05-sqb-nofee',
    'HTML .xls (UTF-8) with 交易金额 and 商户实收 only — no fee column',
    'the fee is implied by 交易金额-商户实收: rises from 0.38 to 0.55 on 02-10; unagreed 流量费 rows',
    baseCfg('rt4-05', {
      from: '2025-01-01',
      days: 90,
      pricing: {
        debit: { pct: '0.38' },
        credit: { pct: '0.38' },
        rise: { from: '2025-02-10', debit: { pct: '0.55' }, credit: { pct: '0.55' } },
      },
      streams: [D('traffic_fee', ['流量卡费'], 4800, ['2025-01-18'])],
    }),
    stdContract({ rates: [{ cardType: 'any', percent: 0.38 }] }),
    (s) => sqbHtml(s, { noFee: true, encoding: 'utf-8' }),
    { noCard: true, noFee: true },
  );
  st(
    '06-leshua-semicolon',
    'semicolon CSV, UTF-8 BOM, all fields quoted, 3-line quoted notes on fee/payout rows',
    'yearly 服务费 agreed but charged twice within a year; VIP会员费 (same category) inside the used year',
    baseCfg('rt4-06', {
      from: '2025-03-01',
      days: 130,
      streams: [
        D('service_fee', ['年度服务费'], 29900, ['2025-03-12', '2025-06-12']),
        F('service_fee', ['VIP会员费'], 3900, 'month', '2025-03-20', 4),
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'service_fee', amountYuan: 299, every: 'year' }] }),
    (s) => leshuaSemi(s),
  );
  st(
    '07-sxf-tab-fen',
    'GBK tab-separated .txt, amounts in 分, 借/贷 flag, preamble with 金额单位:分',
    'silent settlement shortfalls (no fee named); agreed yearly 流量费 on the startsAfter day itself',
    baseCfg('rt4-07', {
      from: '2025-01-01',
      days: 120,
      hidden: [
        { date: '2025-01-20', fen: 3600 },
        { date: '2025-02-21', fen: 1288 },
        { date: '2025-04-02', fen: 500 },
      ],
      streams: [D('traffic_fee', ['流量费'], 3600, ['2025-03-01'])],
    }),
    stdContract({
      agreedCharges: [
        { category: 'traffic_fee', amountYuan: 36, every: 'year', startsAfter: '2025-03-01' },
      ],
    }),
    (s) => sxfTabFen(s),
  );
  st(
    '08-tl-biff8',
    'BIFF8 .xls written by SheetJS, data from column B, 6 preamble rows, 储蓄卡/信用卡',
    '流量费 per SIM per year on 2 terminals, one SIM agreed; 激活费 unagreed',
    baseCfg('rt4-08', {
      from: '2025-02-01',
      days: 120,
      terminals: ['10283341', '10283342'],
      streams: [
        F('traffic_fee', ['SIM卡年费'], 4800, 'year', '2025-02-16', 1, { perTerminal: true }),
        D('deposit', ['激活费'], 9900, ['2025-02-03']),
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'traffic_fee', amountYuan: 48, every: 'year' }] }),
    (s) => tlWorkbook(s),
  );
  st(
    '09-fy-monthly-sheets',
    'xlsx, one sheet per month with its own preamble/header/本月合计, real date cells',
    'monthly 系统使用费 agreed quarterly (sheets cross); 秒到费 unagreed',
    baseCfg('rt4-09', {
      from: '2025-01-01',
      days: 120,
      streams: [
        F('service_fee', ['系统使用费'], 2000, 'month', '2025-01-05', 4),
        D('instant_settlement_fee', ['秒到费'], 200, [
          '2025-01-11',
          '2025-02-03',
          '2025-03-17',
          '2025-04-22',
        ]),
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'service_fee', amountYuan: 20, every: 'quarter' }] }),
    (s) => fyMonthly(s),
  );
  st(
    '10-hlb-utf16',
    'UTF-16LE "Unicode 文本", tab, D0/T1 column, slash dates',
    'hidden deductions named in 备注 (含流量费) — first covered by the yearly agreement, second not; unnamed shortfall',
    baseCfg('rt4-10', {
      from: '2025-01-01',
      days: 100,
      hidden: [
        { date: '2025-01-15', fen: 4800, cat: 'traffic_fee', text: '结算含流量费扣除' },
        { date: '2025-03-15', fen: 4800, cat: 'traffic_fee', text: '扣流量费' },
        { date: '2025-02-07', fen: 2371 },
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'traffic_fee', amountYuan: 48, every: 'year' }] }),
    (s) => hlbUtf16(s),
  );
  st(
    '11-huifu-ledger',
    '汇付-style account ledger, GBK CSV, 收入/支出 columns and running 账户余额, 期初余额',
    '押金 agreed (authorized) + 押金退还; VIP会员费 monthly unagreed; 提现手续费 per withdrawal unagreed',
    baseCfg('rt4-11', {
      from: '2025-01-01',
      days: 90,
      streams: [
        D('deposit', ['押金'], 9900, ['2025-01-04']),
        C(['押金退还'], 9900, ['2025-03-25']),
        F('service_fee', ['VIP会员费'], 2990, 'month', '2025-01-09', 3),
        D('instant_settlement_fee', ['提现手续费'], 300, [
          '2025-01-21',
          '2025-02-11',
          '2025-03-02',
        ]),
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'deposit', amountYuan: 99, every: 'once' }] }),
    (s) => ledger(s),
    { ledgerOnly: true },
  );
  st(
    '12-icbc-ledger',
    'bank merchant account statement: GBK CSV, 借方发生额/贷方发生额/余额 with thousands separators, yyyymmdd',
    'POS机具年费 agreed yearly + duplicate; POS终端流量费 quarterly agreed yearly',
    baseCfg('rt4-12', {
      from: '2025-01-01',
      days: 150,
      streams: [
        D('service_fee', ['POS机具年费'], 20000, ['2025-01-06', '2025-04-06']),
        F('traffic_fee', ['POS终端流量费'], 1800, 'quarter', '2025-01-08', 2),
      ],
    }),
    stdContract({
      providerType: 'bank',
      provider: '中国工商银行天津分行',
      agreedCharges: [
        { category: 'service_fee', amountYuan: 200, every: 'year' },
        { category: 'traffic_fee', amountYuan: 18, every: 'year' },
      ],
    }),
    (s) => ledger(s, { style: 'icbc' }),
    { ledgerOnly: true },
  );
  st(
    '13-lkl-nocontract',
    'lakala GBK csv with trailing delimiters, no contract',
    'no contract: every deduction and shortfall needs_review, claim 0',
    baseCfg('rt4-13', {
      from: '2025-05-01',
      days: 90,
      hidden: [{ date: '2025-05-20', fen: 900 }],
      streams: [
        F('traffic_fee', ['流量费'], 9900, 'year', '2025-05-08', 1),
        F('service_fee', ['会员费'], 990, 'month', '2025-05-10', 3),
      ],
    }),
    null,
    (s) => lklCsv(s, '西安市雁塔区秦味面馆', { trailing: true }),
  );
  st(
    '14-tl-xlsx-textdates',
    'xlsx from column B, 6 preamble rows, text dates 2025年3月2日 10:22',
    'monthly 服务费 agreed yearly (all but first unauthorized); 信用保障服务费 unagreed',
    baseCfg('rt4-14', {
      from: '2025-03-01',
      days: 120,
      streams: [
        F('service_fee', ['服务费'], 3000, 'month', '2025-03-10', 4),
        F('service_fee', ['信用保障服务费'], 500, 'month', '2025-03-25', 3),
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'service_fee', amountYuan: 360, every: 'year' }] }),
    (s) => tlWorkbook(s, { kind: 'xlsx', textDates: true }),
  );
  st(
    '15-ums-summary-sheet',
    'SpreadsheetML with a 汇总 sheet first, details on the second',
    'perTransactionFeeYuan 1 agreed, provider takes 2 from 03-10; 垫资费 unagreed',
    baseCfg('rt4-15', {
      from: '2025-02-01',
      days: 90,
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        addOn: { fen: 100 },
        addOnRise: { from: '2025-03-10', fen: 100 },
      },
      streams: [D('instant_settlement_fee', ['垫资费'], 500, ['2025-02-14', '2025-03-14'])],
    }),
    stdContract({ perTransactionFeeYuan: 1 }),
    (s) => umsXml(s, { summarySheet: true }),
  );
  st(
    '16-lkl-ceil',
    'lakala GBK csv; provider rounds fees up (ceil)',
    'ceil rounding stays within one fen (no findings); 差错扣款 needs_review; 保证金 unagreed',
    baseCfg('rt4-16', {
      from: '2025-01-01',
      days: 100,
      pricing: { debit: { pct: '0.5', cap: 20 }, credit: { pct: '0.6' }, rounding: 'ceil' },
      streams: [
        D('other_deduction', ['差错扣款'], 12050, ['2025-02-02']),
        D('deposit', ['保证金'], 50000, ['2025-01-12']),
      ],
    }),
    stdContract(),
    (s) => lklCsv(s, '郑州市金水区好再来烩面'),
  );
  st(
    '17-fy-biff8-sheets',
    'BIFF8 .xls (SheetJS) one sheet per month, date cells',
    '数据服务费 monthly agreed quarterly amount 30 charged 35 (excess on covered ones)',
    baseCfg('rt4-17', {
      from: '2025-04-01',
      days: 91,
      streams: [F('traffic_fee', ['数据服务费'], 3500, 'month', '2025-04-06', 3)],
    }),
    stdContract({ agreedCharges: [{ category: 'traffic_fee', amountYuan: 30, every: 'quarter' }] }),
    (s) => fyMonthly(s, { kind: 'biff8' }),
  );
  st(
    '18-hlb-utf16be',
    'UTF-16BE with BOM, tab, D0 payouts',
    'D0手续费 rows agreed monthly: second in a month unauthorized; credit rate rise',
    baseCfg('rt4-18', {
      from: '2025-01-01',
      days: 75,
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        rise: { from: '2025-02-15', credit: { pct: '0.63' } },
      },
      streams: [
        D('instant_settlement_fee', ['D0手续费'], 300, [
          '2025-01-03',
          '2025-01-17',
          '2025-02-05',
          '2025-03-06',
          '2025-03-09',
        ]),
      ],
    }),
    stdContract({
      agreedCharges: [{ category: 'instant_settlement_fee', amountYuan: 3, every: 'month' }],
    }),
    (s) => hlbUtf16(s, { be: true }),
  );
  st(
    '19-leshua-nocard',
    'semicolon CSV; card type blank on every row',
    'card unknown: debit 0.5 cap 20 vs credit 0.6 — highest applies; only fees above 0.6 are findings (provider 0.65 from 02-01)',
    baseCfg('rt4-19', {
      from: '2025-01-01',
      days: 80,
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        rise: { from: '2025-02-01', credit: { pct: '0.65' } },
      },
      streams: [F('traffic_fee', ['物联网卡流量费'], 3600, 'year', '2025-01-25', 1)],
    }),
    stdContract({ agreedCharges: [{ category: 'traffic_fee', amountYuan: 36, every: 'year' }] }),
    (s) => leshuaSemi(s, { noCard: true, multiline: false }),
    { noCard: true },
  );
  st(
    '20-sxf-tab-fen-deposit',
    'GBK tab .txt in 分; 押金 in two instalments',
    'deposit agreed once 99: instalment 1 authorized, instalment 2 unauthorized; 流量费退还 credit',
    baseCfg('rt4-20', {
      from: '2025-06-01',
      days: 90,
      streams: [
        D('deposit', ['押金（第1期）', '押金（第2期）'], 9900, ['2025-06-05', '2025-07-05']),
        C(['流量费退还'], 3600, ['2025-07-20']),
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'deposit', amountYuan: 99, every: 'once' }] }),
    (s) => sxfTabFen(s),
  );
  st(
    '21-ccb-html-direction',
    'bank statement as HTML .xls (UTF-8): 借贷标志 column with unsigned amounts, 序号, 2025年3月2日 dates',
    '商户服务年费 charged monthly, agreed yearly; 流量费 unagreed; 押金退还 credit',
    baseCfg('rt4-21', {
      from: '2025-01-01',
      days: 120,
      streams: [
        F('service_fee', ['商户服务年费'], 9900, 'month', '2025-01-12', 4),
        D('traffic_fee', ['流量费'], 6000, ['2025-02-26']),
        C(['押金退还'], 19900, ['2025-03-03']),
      ],
    }),
    stdContract({
      providerType: 'bank',
      provider: '中国建设银行佛山分行',
      agreedCharges: [{ category: 'service_fee', amountYuan: 99, every: 'year' }],
    }),
    (s) => ledger(s, { style: 'ccb' }),
    { ledgerOnly: true },
  );
  st(
    '22-xlsx-third-sheet-fen',
    'xlsx: 说明 and 汇总 sheets first, details on the third; numeric cells in 分; 2025.03.02 dates',
    'credit rate 0.6 -> 0.7 from 03-15; hidden 通讯费 named in 摘要 (agreed monthly 10, taken 15)',
    baseCfg('rt4-22', {
      from: '2025-02-01',
      days: 90,
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        rise: { from: '2025-03-15', credit: { pct: '0.7' } },
      },
      hidden: [
        { date: '2025-02-10', fen: 1500, cat: 'traffic_fee', text: '结算扣除通讯费' },
        { date: '2025-03-10', fen: 1500, cat: 'traffic_fee', text: '结算扣除通讯费' },
        { date: '2025-04-10', fen: 1500, cat: 'traffic_fee', text: '结算扣除通讯费' },
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'traffic_fee', amountYuan: 10, every: 'month' }] }),
    (s) => xlsxThird(s),
  );
  st(
    '23-tl-biff8-serial',
    'BIFF8 .xls (SheetJS), real date cells (serial numbers), data from column C',
    'VIP权益包 quarterly agreed yearly; 秒到费 unagreed; 其他扣款 needs_review',
    baseCfg('rt4-23', {
      from: '2025-01-01',
      days: 180,
      txPerDay: [2, 6],
      streams: [
        F('service_fee', ['VIP权益包'], 6800, 'quarter', '2025-01-20', 2),
        D('instant_settlement_fee', ['秒到费'], 100, ['2025-02-02', '2025-05-09']),
        D('other_deduction', ['其他扣款'], 2045, ['2025-04-11']),
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'service_fee', amountYuan: 68, every: 'year' }] }),
    (s) => tlWorkbook(s, { serialDates: true, colOffset: 2 }),
  );
  st(
    '24-huifu-nocontract',
    '汇付 ledger, no contract',
    'no contract: every deduction needs_review, claim 0',
    baseCfg('rt4-24', {
      from: '2025-03-01',
      days: 60,
      streams: [
        D('traffic_fee', ['流量费'], 9900, ['2025-03-05']),
        D('deposit', ['激活费'], 29900, ['2025-03-02']),
        D('other_deduction', ['调账'], 1500, ['2025-04-01']),
      ],
    }),
    null,
    (s) => ledger(s),
    { ledgerOnly: true },
  );
  st(
    '25-lkl-big',
    'lakala GBK csv, a full year, 3 terminals, ~5,000 rows',
    'per-terminal yearly 流量费 (1 agreed), debit cap dropped from 07-01, monthly 会员费 agreed monthly + one duplicate',
    baseCfg('rt4-25', {
      from: '2025-01-01',
      days: 365,
      txPerDay: [8, 18],
      terminals: ['Q1000101', 'Q1000102', 'Q1000103'],
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        dropCapFrom: '2025-07-01',
      },
      streams: [
        F('traffic_fee', ['流量费'], 3600, 'year', '2025-03-15', 1, { perTerminal: true }),
        F('service_fee', ['会员费'], 990, 'month', '2025-01-28', 11),
        D('service_fee', ['会员费'], 990, ['2025-06-03']),
      ],
    }),
    stdContract({
      agreedCharges: [
        { category: 'traffic_fee', amountYuan: 36, every: 'year' },
        { category: 'service_fee', amountYuan: 9.9, every: 'month' },
      ],
    }),
    (s) => lklCsv(s, '北京市朝阳区老街坊便利店'),
  );
  st(
    '27-semicolon-gbk-direction',
    'GBK semicolon CSV, 收/支 column with unsigned amounts, 2025.03.02 dates, 收入合计/支出合计',
    'unagreed 年费; agreed quarterly 流量费 charged monthly; refunds and payouts as 支',
    baseCfg('rt4-27', {
      from: '2025-01-01',
      days: 100,
      streams: [
        D('service_fee', ['年费'], 9900, ['2025-01-09']),
        F('traffic_fee', ['流量费'], 1200, 'month', '2025-01-16', 3),
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'traffic_fee', amountYuan: 12, every: 'quarter' }] }),
    (s) => dirSemi(s),
  );
  st(
    '28-ums-type-names-fee',
    'SpreadsheetML (UTF-8); the fee is named only in 交易类型 — 摘要 empty',
    'type column says 服务费扣收/流量费扣收/押金扣收; none agreed',
    baseCfg('rt4-28', {
      from: '2025-02-01',
      days: 80,
      streams: [
        D('service_fee', [''], 16800, ['2025-02-15'], { sub: '服务费扣收' }),
        D('traffic_fee', [''], 6900, ['2025-03-02'], { sub: '流量费扣收' }),
        D('deposit', [''], 29900, ['2025-02-03'], { sub: '押金扣收' }),
      ],
    }),
    stdContract(),
    (s) => umsXml(s),
  );
  st(
    '29-html-preamble-outside',
    'HTML .xls (GBK) with the preamble in <div>s outside the table, <thead>/<tbody>/<tfoot>; <tr> 1 is the header',
    'unagreed 激活费 and 会员费; debit uncapped from 03-01',
    baseCfg('rt4-29', {
      from: '2025-01-15',
      days: 90,
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        dropCapFrom: '2025-03-01',
      },
      streams: [
        D('deposit', ['激活费'], 19900, ['2025-01-20']),
        F('service_fee', ['会员费'], 2900, 'month', '2025-01-25', 3),
      ],
    }),
    stdContract(),
    (s) => htmlOutsidePreamble(s),
  );
  st(
    '30-daily-subtotals',
    'UTF-8 csv with a 日小计 line after every day and a 总计 line',
    '秒到费 agreed monthly 2, taken 3 (excess); hidden unnamed shortfall',
    baseCfg('rt4-30', {
      from: '2025-03-01',
      days: 75,
      hidden: [{ date: '2025-04-08', fen: 4200 }],
      streams: [F('instant_settlement_fee', ['秒到费'], 300, 'month', '2025-03-04', 3)],
    }),
    stdContract({
      agreedCharges: [{ category: 'instant_settlement_fee', amountYuan: 2, every: 'month' }],
    }),
    (s) => dailySubtotals(s),
  );
  st(
    '31-fee-only-export',
    'xlsx 扣费明细 export: only deductions, positive 扣款金额, credits negative, date cells without time',
    'per-terminal 流量费 (3 SIMs, one agreed per year); 服务费 yearly agreed; 押金 agreed + 押金退还 credit',
    baseCfg('rt4-31', {
      from: '2025-01-01',
      days: 200,
      txPerDay: [1, 2],
      terminals: ['F0901', 'F0902', 'F0903'],
      streams: [
        F('traffic_fee', ['流量费'], 6000, 'year', '2025-02-11', 1, { perTerminal: true }),
        D('service_fee', ['服务费'], 12000, ['2025-01-20', '2025-06-20']),
        D('deposit', ['押金'], 19900, ['2025-01-03']),
        C(['押金退还'], 19900, ['2025-07-01']),
      ],
    }),
    stdContract({
      agreedCharges: [
        { category: 'traffic_fee', amountYuan: 60, every: 'year' },
        { category: 'service_fee', amountYuan: 120, every: 'year' },
        { category: 'deposit', amountYuan: 199, every: 'once' },
      ],
    }),
    (s) => feeOnly(s),
    { ledgerOnly: true },
  );
  st(
    '32-lkl-excel-text',
    'lakala GBK csv where ids and dates are written ="..." (Excel text formulas); fee rows typed 扣款',
    'silent credit rate rise to 0.65 from 02-20; unagreed 流量费; agreed monthly 服务费',
    baseCfg('rt4-32', {
      from: '2025-01-01',
      days: 90,
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        rise: { from: '2025-02-20', credit: { pct: '0.65' } },
      },
      streams: [
        D('traffic_fee', ['流量费'], 8800, ['2025-01-22']),
        F('service_fee', ['服务费'], 1500, 'month', '2025-01-05', 3),
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'service_fee', amountYuan: 15, every: 'month' }] }),
    (s) => lklCsv(s, '合肥市蜀山区皖味小馆', { excelText: true, feeType: '扣款' }),
  );
  st(
    '33-lkl-rate-column',
    'lakala GBK csv with a 费率 column (0.60%, 0.50%(封顶20元)) before 手续费(元); fee rows typed 扣款',
    'the stated rate hides an uncapped debit fee from 02-01 and a +0.05 credit rise from 03-01',
    baseCfg('rt4-33', {
      from: '2025-01-01',
      days: 100,
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        dropCapFrom: '2025-02-01',
        rise: { from: '2025-03-01', credit: { pct: '0.65' } },
      },
      streams: [D('service_fee', ['年费'], 19900, ['2025-01-17'])],
    }),
    stdContract(),
    (s) => lklCsv(s, '南昌市东湖区赣味轩', { rateCol: true, feeType: '扣款' }),
  );
  st(
    '34-ums-xml-sparse',
    'SpreadsheetML (UTF-8) as Excel saves it: empty cells omitted, next cell carries ss:Index',
    'unagreed 秒到费 and 通讯费; deposit agreed; credit rise 0.6 -> 0.62 (+2 fen threshold cases)',
    baseCfg('rt4-34', {
      from: '2025-01-01',
      days: 90,
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        rise: { from: '2025-02-01', credit: { pct: '0.62' } },
      },
      streams: [
        D('instant_settlement_fee', ['秒到费'], 200, ['2025-01-13', '2025-02-13']),
        D('traffic_fee', ['通讯费'], 2400, ['2025-03-01']),
        D('deposit', ['押金'], 9900, ['2025-01-02']),
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'deposit', amountYuan: 99, every: 'once' }] }),
    (s) => umsXml(s, { sparse: true }),
  );
  st(
    '35-top-summary-block',
    'GBK csv: 13 preamble lines holding a numeric 汇总信息 block (key,value pairs), 序号 column, no trailer',
    'unagreed 物联网卡流量费 and 会员费; credit rise 0.6 -> 0.66 from 02-15',
    baseCfg('rt4-35', {
      from: '2025-01-01',
      days: 80,
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        rise: { from: '2025-02-15', credit: { pct: '0.66' } },
      },
      streams: [
        D('traffic_fee', ['物联网卡流量费'], 6600, ['2025-01-12']),
        F('service_fee', ['会员费'], 1800, 'month', '2025-01-06', 3),
      ],
    }),
    stdContract(),
    (s) => topSummary(s),
  );
  st(
    '36-cmb-two-level-header',
    'xlsx (bank): group-title row (交易信息/清算信息) above the real header, date cells without time, a 清算日期 column too',
    'POS年费 agreed yearly at 300, taken 365; 差错扣款 needs_review; hidden unnamed shortfalls',
    baseCfg('rt4-36', {
      from: '2025-01-01',
      days: 90,
      hidden: [
        { date: '2025-02-03', fen: 1999 },
        { date: '2025-03-03', fen: 1999 },
      ],
      streams: [
        D('service_fee', ['POS年费'], 36500, ['2025-01-15']),
        D('other_deduction', ['差错扣款'], 8800, ['2025-02-25']),
      ],
    }),
    stdContract({
      providerType: 'bank',
      provider: '招商银行宁波分行',
      agreedCharges: [{ category: 'service_fee', amountYuan: 300, every: 'year' }],
    }),
    (s) => twoLevelHeader(s),
  );
  const twistCfg = (seed) =>
    baseCfg(seed, {
      from: '2025-01-01',
      days: 90,
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        rise: { from: '2025-02-10', credit: { pct: '0.66' } },
      },
      hidden: [{ date: '2025-03-05', fen: 2500 }],
      streams: [
        D('traffic_fee', ['流量费'], 9900, ['2025-01-14']),
        F('service_fee', ['服务费'], 2000, 'month', '2025-01-20', 3),
        D('deposit', ['押金'], 19900, ['2025-01-03']),
        C(['手续费返还'], 1234, ['2025-02-02']),
      ],
    });
  const twistContract = stdContract({
    agreedCharges: [
      { category: 'service_fee', amountYuan: 20, every: 'quarter' },
      { category: 'deposit', amountYuan: 199, every: 'once' },
    ],
  });
  st(
    '37-negative-fee-column',
    'UTF-8 csv whose 手续费 column is negative (结算金额 = 交易金额 + 手续费)',
    'credit rise; unagreed 流量费; monthly 服务费 agreed quarterly; agreed deposit; hidden shortfall; 手续费返还',
    twistCfg('rt4-37'),
    twistContract,
    (s) => twist(s, { negFee: true }),
  );
  st(
    '38-unsigned-amounts',
    'UTF-8 csv, every amount positive: only 交易类型 (退货/撤销/结算划款/扣款/入账) gives the direction',
    'same scenario as 37',
    twistCfg('rt4-38'),
    twistContract,
    (s) => twist(s, { unsigned: true }),
  );
  st(
    '39-charge-in-fee-column',
    'UTF-8 csv; charges are zero-amount rows with the money in the 手续费 column (交易金额 0.00, 手续费 99.00, 结算金额 -99.00)',
    'same scenario as 37',
    twistCfg('rt4-39'),
    twistContract,
    (s) => twist(s, { feeInFeeCol: true }),
  );
  st(
    '40-paged-report',
    'GBK csv printed-report style: header repeated every 45 rows with 第N页 共M页 lines; 借记卡(境内)/贷记卡(境内)',
    'credit rise 0.6 -> 0.7 from 02-01; unagreed SIM卡费 per terminal; agreed yearly 会员费 + duplicate',
    baseCfg('rt4-40', {
      from: '2025-01-01',
      days: 90,
      terminals: ['K0000071', 'K0000072'],
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        rise: { from: '2025-02-01', credit: { pct: '0.7' } },
      },
      streams: [
        F('traffic_fee', ['SIM卡费'], 3000, 'year', '2025-01-09', 1, { perTerminal: true }),
        D('service_fee', ['会员费'], 29900, ['2025-01-21', '2025-03-21']),
      ],
    }),
    stdContract({ agreedCharges: [{ category: 'service_fee', amountYuan: 299, every: 'year' }] }),
    (s) => paged(s),
  );
  st(
    '41-excel-html-accounting',
    'HTML saved by Excel (GB2312 meta, GBK bytes): x:num attributes, accounting display 1,234.50 / (99.00), &nbsp; in cells',
    'unagreed 流量费 and 年费 shown as (99.00); debit cap dropped from 02-20; agreed 秒到费 monthly + extras',
    baseCfg('rt4-41', {
      from: '2025-01-01',
      days: 90,
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        dropCapFrom: '2025-02-20',
      },
      streams: [
        D('traffic_fee', ['流量费'], 9900, ['2025-01-25']),
        D('service_fee', ['年费'], 36000, ['2025-02-08']),
        D('instant_settlement_fee', ['秒到费'], 300, [
          '2025-01-06',
          '2025-01-19',
          '2025-02-06',
          '2025-03-10',
          '2025-03-12',
        ]),
      ],
    }),
    stdContract({
      agreedCharges: [{ category: 'instant_settlement_fee', amountYuan: 3, every: 'month' }],
    }),
    (s) => excelHtml(s),
  );
  st(
    '42-payout-names-and-notes',
    'UTF-8 csv (twist layout): payouts named D0提现/秒到提现/T0出款, sale notes that mention fees without any shortfall',
    'precision probe: payouts and fee-mentioning notes are not findings; only the separate 秒到费 rows (unagreed) and a credit rise are',
    baseCfg('rt4-42', {
      from: '2025-01-01',
      days: 75,
      payoutText: ['D0提现', '秒到提现', 'T0出款', '提现至尾号4471'],
      notes: ['含服务费', '流量费已于上月扣除', '会员日活动', 'VIP客户', '押金活动咨询'],
      pricing: {
        debit: { pct: '0.5', cap: 20 },
        credit: { pct: '0.6' },
        rise: { from: '2025-02-15', credit: { pct: '0.63' } },
      },
      streams: [
        D('instant_settlement_fee', ['秒到费'], 200, [
          '2025-01-05',
          '2025-01-26',
          '2025-02-16',
          '2025-03-09',
        ]),
      ],
    }),
    stdContract(),
    (s) => twist(s),
  );
  return L;
}

const list = defs();
// one merchant's quarter exported month by month: three files, each audited on its own
{
  const cfg = baseCfg('rt4-26', {
    from: '2025-04-01',
    days: 91,
    streams: [
      F('service_fee', ['月服务费'], 2900, 'month', '2025-04-03', 3),
      D('service_fee', ['月服务费(补扣)'], 2900, ['2025-05-19']),
      D('traffic_fee', ['SIM卡费'], 5000, ['2025-06-08']),
    ],
  });
  const recs = makeActivity(cfg);
  const contract = stdContract({
    agreedCharges: [{ category: 'service_fee', amountYuan: 29, every: 'month' }],
  });
  for (const m of ['04', '05', '06']) {
    const stem = `26-lkl-split-2025${m}`;
    const sub = recs.filter((r) => r.date.slice(5, 7) === m);
    await statement({
      stem,
      layout: 'lakala GBK csv, one file per month',
      note: 'monthly 服务费 agreed; a 补扣 second charge in May; unagreed SIM卡费 in June',
      seed: cfg.seed,
      recs: sub,
      contract,
      render: lklCsv(stem, '厦门市思明区鹭岛小吃'),
    });
  }
}
for (const d of list) {
  const recs = makeActivity(d.cfg);
  await statement({
    stem: d.stem,
    layout: d.layout,
    note: d.note,
    seed: d.cfg.seed,
    recs,
    contract: d.contract,
    render: d.render(d.stem),
    noCard: d.noCard,
    noFee: d.noFee,
    ledgerOnly: d.ledgerOnly,
  });
}
fs.writeFileSync(
  path.join(OUT, 'README.md'),
  `# rt4 outside corpus\n\nGenerated by bench/outside/rt4/gen.mjs.\n\n| file | layout | what it tests | claim |\n|---|---|---|---|\n${manifest.join('\n')}\n`,
);
console.log(`rt4: ${list.length} statements in ${OUT}`);
