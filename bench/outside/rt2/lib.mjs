// Red team 2: ledger simulation, spec labeller (shared/spec/audit.md) and file writers.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const req = createRequire(import.meta.url);
export const ExcelJS = req('exceljs');
export const XLSX = req('@e965/xlsx');
export const iconv = req('iconv-lite');
export const PDFDocument = req('pdfkit');

// OUT_DIR writes elsewhere (to compare with the committed fixtures); the default overwrites them.
export const OUT = path.resolve(
  process.env.OUT_DIR ??
    fileURLToPath(new URL('../../../test/fixtures/outside/rt2', import.meta.url)),
);

// ---- random ---------------------------------------------------------------------------------
export function rng(seed) {
  let a = seed >>> 0;
  const r = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  r.int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  r.pick = (xs) => xs[Math.floor(r() * xs.length)];
  r.chance = (p) => r() < p;
  return r;
}

// ---- money ----------------------------------------------------------------------------------
export const yuan = (fen) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
export const comma = (fen) => {
  const s = yuan(Math.abs(fen));
  const [i, d] = s.split('.');
  return `${fen < 0 ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${d}`;
};
/** amount × bp / 10000, half-up to the fen (bp = hundredths of a percent: 0.60 % = 60) */
export const rateFee = (amount, bp) => Math.floor((amount * bp * 2 + 10000) / 20000);
export const pctToBp = (p) => Math.round(Number(p) * 100);

// ---- time (Beijing local fields) ------------------------------------------------------------
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export function T(y, m, d, hh = 0, mm = 0, ss = 0) {
  const ms = Date.UTC(y, m - 1, d, hh, mm, ss);
  return local(ms);
}
function local(ms) {
  const dt = new Date(ms);
  return {
    ms, // Beijing wall clock as if UTC
    y: dt.getUTCFullYear(),
    m: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    hh: dt.getUTCHours(),
    mm: dt.getUTCMinutes(),
    ss: dt.getUTCSeconds(),
  };
}
export const addMin = (t, min) => local(t.ms + min * 60000);
export const addDays = (t, n) => local(t.ms + n * 86400000);
const p2 = (n) => String(n).padStart(2, '0');
export const fmt = {
  date: (t) => `${t.y}-${p2(t.m)}-${p2(t.d)}`,
  time: (t) => `${p2(t.hh)}:${p2(t.mm)}:${p2(t.ss)}`,
  dt: (t) => `${fmt.date(t)} ${fmt.time(t)}`,
  slash: (t) => `${t.y}/${t.m}/${t.d}`,
  compact: (t) => `${t.y}${p2(t.m)}${p2(t.d)}`,
  cn: (t) => `${t.y}年${t.m}月${t.d}日`,
  dmy: (t) => `${p2(t.d)}-${MON[t.m - 1]}-${t.y}`,
  mdy: (t) => `${MON[t.m - 1]} ${t.d}, ${t.y}`,
  hm: (t) => `${p2(t.hh)}:${p2(t.mm)}`,
  /** 12-hour clock: 下午 3:05:12 */
  cn12: (t) =>
    `${t.hh < 12 ? '上午' : '下午'} ${t.hh % 12 === 0 ? 12 : t.hh % 12}:${p2(t.mm)}:${p2(t.ss)}`,
  en12: (t) => `${t.hh % 12 === 0 ? 12 : t.hh % 12}:${p2(t.mm)} ${t.hh < 12 ? 'AM' : 'PM'}`,
  /** UTC instant with Z */
  isoZ: (t) => new Date(t.ms - 8 * 3600000).toISOString().replace('.000Z', 'Z'),
  isoUtcOffset: (t) => new Date(t.ms - 8 * 3600000).toISOString().replace('.000Z', '+00:00'),
  iso8: (t) => `${fmt.date(t)}T${fmt.time(t)}+08:00`,
  serial: (t) => Math.round(Date.UTC(t.y, t.m - 1, t.d) / 86400000) + 25569,
};

// ---- ledger ---------------------------------------------------------------------------------
/**
 * Events: { kind: sale|refund|payout|deduction|credit|other, t, amount (fen, positive), ... }
 * sale: fee, net, card ('debit'|'credit'|null), bp (actual rate), hidden {fen, category|null, name}
 * deduction: category, name;   other: name (other_deduction, needs_review);   credit: name
 */
export function simulate(r, o) {
  const ev = [];
  const start = T(...o.from);
  for (let day = 0; day < o.days; day++) {
    const d0 = addDays(start, day);
    const n = r.int(o.perDay[0], o.perDay[1]);
    const sales = [];
    for (let i = 0; i < n; i++) {
      const t = T(d0.y, d0.m, d0.d, r.int(8, 21), r.int(0, 59), r.int(0, 59));
      const amount = o.amount
        ? o.amount(r)
        : r.chance(0.08)
          ? r.int(300000, 2500000)
          : r.int(500, 90000);
      const card = o.card ? o.card(r, t) : r.pick(['debit', 'credit']);
      const s = { kind: 'sale', t, amount, card };
      const { bp, cap, perTx = 0 } = o.actual(s);
      s.bp = bp;
      s.fee = Math.min(rateFee(amount, bp), cap ?? Infinity) + perTx;
      s.net = amount - s.fee;
      sales.push(s);
    }
    sales.sort((a, b) => a.t.ms - b.t.ms);
    ev.push(...sales);
    if (o.refunds && sales.length > 2 && r.chance(o.refunds)) {
      const s = sales[0];
      const t = addMin(s.t, r.int(3, 40));
      ev.push({ kind: 'refund', t, amount: s.amount, fee: s.fee, net: s.net, card: s.card, of: s });
    }
  }
  ev.sort((a, b) => a.t.ms - b.t.ms);
  if (o.payouts !== false) addPayouts(r, ev);
  return ev;
}

/** a daily payout early next morning of what the previous day's sales settled */
export function addPayouts(r, ev) {
  const byDay = new Map();
  for (const e of ev) {
    if (e.kind !== 'sale' && e.kind !== 'refund') continue;
    const k = fmt.date(e.t);
    byDay.set(k, (byDay.get(k) ?? 0) + (e.kind === 'sale' ? e.net : -e.net));
  }
  for (const [k, fen] of byDay) {
    if (fen <= 0) continue;
    const [y, m, d] = k.split('-').map(Number);
    const t = addDays(T(y, m, d, r.int(1, 5), r.int(0, 59), r.int(0, 59)), 1);
    ev.push({ kind: 'payout', t, amount: fen });
  }
  ev.sort((a, b) => a.t.ms - b.t.ms);
}

export function add(ev, e) {
  ev.push(e);
  ev.sort((a, b) => a.t.ms - b.t.ms);
  return e;
}

/** takes a hidden fee out of a sale's payout (net), named or not */
export function hide(sale, fen, category = null, name = '') {
  sale.hidden = { fen, category, name };
  sale.net -= fen;
}

// ---- the spec's verdicts ----------------------------------------------------------------------
function rateFor(contract, card) {
  const rs = contract.rates ?? [];
  return rs.find((x) => x.cardType === card) ?? rs.find((x) => x.cardType === 'any') ?? null;
}
export function expectedFee(contract, amount, card) {
  const perTx = Math.round(Number(contract.perTransactionFeeYuan ?? 0) * 100);
  const one = (rate) => {
    if (!rate) return null;
    let f = rateFee(amount, pctToBp(rate.percent));
    if (rate.capYuan !== undefined && rate.capYuan !== null)
      f = Math.min(f, Math.round(Number(rate.capYuan) * 100));
    return f + perTx;
  };
  if (card) return one(rateFor(contract, card));
  const cands = [one(rateFor(contract, 'debit')), one(rateFor(contract, 'credit'))].filter(
    (x) => x !== null,
  );
  return cands.length ? Math.max(...cands) : null;
}

function periodIndex(start, d, every) {
  const [y0, m0, d0] = start.split('-').map(Number);
  const [y, m, dd] = d.split('-').map(Number);
  if (every === 'year') return y - y0 - (m < m0 || (m === m0 && dd < d0) ? 1 : 0);
  const months = (y - y0) * 12 + (m - m0) - (dd < d0 ? 1 : 0);
  if (every === 'month') return months;
  if (every === 'quarter') return Math.floor(months / 3);
  if (every === 'once') return 0;
  throw new Error(every);
}

/**
 * Labels every event per spec §2. opts.showsNet: sales carry a settled amount; opts.showsFee: a
 * fee column. Returns the findings on each event (e.findings) and the claim.
 */
export function label(ev, contract, opts = {}) {
  const state = new Map();
  const ordered = [...ev].sort((a, b) => a.t.ms - b.t.ms);
  const deductionVerdict = (category, amount, date) => {
    if (!contract) return { verdict: 'needs_review', overcharge: 0 };
    if (category === 'other_deduction') return { verdict: 'needs_review', overcharge: 0 };
    if (category === 'settlement_shortfall') return { verdict: 'unauthorized', overcharge: amount };
    const ag = (contract.agreedCharges ?? []).find((a) => a.category === category);
    if (!ag) return { verdict: 'unauthorized', overcharge: amount };
    if (ag.startsAfter && date < ag.startsAfter)
      return { verdict: 'unauthorized', overcharge: amount };
    let st = state.get(category);
    if (!st) state.set(category, (st = { start: date, used: new Set() }));
    const idx = periodIndex(st.start, date, ag.every);
    if (st.used.has(idx)) return { verdict: 'unauthorized', overcharge: amount };
    st.used.add(idx);
    const over = Math.max(0, amount - Math.round(Number(ag.amountYuan) * 100));
    return over > 0
      ? { verdict: 'unauthorized', overcharge: over }
      : { verdict: 'authorized', overcharge: 0 };
  };
  for (const e of ordered) {
    e.findings = [];
    const date = fmt.date(e.t);
    if (e.kind === 'deduction' || e.kind === 'other') {
      const category = e.kind === 'other' ? 'other_deduction' : e.category;
      e.findings.push({
        category,
        amount: e.amount,
        ...deductionVerdict(category, e.amount, date),
      });
    } else if (e.kind === 'sale') {
      if (contract && opts.showsFee !== false && e.fee !== undefined && !e.noRateCheck) {
        const want = expectedFee(contract, e.amount, e.card);
        if (want !== null && e.fee - want >= 2)
          e.findings.push({
            category: 'rate_overcharge',
            amount: e.fee,
            verdict: 'unauthorized',
            overcharge: e.fee - want,
          });
      }
      if (e.hidden) {
        if (!opts.showsNet)
          throw new Error('hidden deduction in a layout without a settled amount');
        const category = e.hidden.category ?? 'settlement_shortfall';
        const v = contract
          ? deductionVerdict(category, e.hidden.fen, date)
          : { verdict: 'needs_review', overcharge: 0 };
        e.findings.push({ category, amount: e.hidden.fen, ...v });
      }
    }
  }
  return ev;
}

// ---- the expected file ----------------------------------------------------------------------
/**
 * Writes <stem>.<ext>, <stem>.contract.json, <stem>.expected.json. Each event with findings must
 * carry .row (and .sheet when the workbook has several sheets).
 */
export function emit(stem, ext, bytes, ev, contract, meta = {}) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = `${stem}.${ext}`;
  fs.writeFileSync(path.join(OUT, file), bytes);
  if (contract)
    fs.writeFileSync(path.join(OUT, `${stem}.contract.json`), JSON.stringify(contract, null, 2));
  const findings = [];
  const byCategory = {};
  let total = 0;
  const counts = { unauthorized: 0, authorized: 0, needs_review: 0 };
  for (const e of ev) {
    for (const f of e.findings ?? []) {
      if (e.row === undefined)
        throw new Error(`${stem}: finding without a row (${e.kind} ${e.name ?? ''})`);
      findings.push({
        file,
        row: e.row,
        ...(e.sheet ? { sheet: e.sheet } : {}),
        ...(e.page ? { page: e.page } : {}),
        date: fmt.date(e.t),
        category: f.category,
        verdict: f.verdict,
        overcharge: yuan(f.overcharge),
        amount: yuan(f.amount),
        text: e.text ?? e.name ?? '',
      });
      counts[f.verdict]++;
      if (f.verdict === 'unauthorized') {
        total += f.overcharge;
        byCategory[f.category] = (byCategory[f.category] ?? 0) + f.overcharge;
      }
    }
  }
  findings.sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row);
  const dates = ev.map((e) => fmt.date(e.t)).sort();
  const expected = {
    file,
    contract: contract ? `${stem}.contract.json` : null,
    format: meta.format ?? ext,
    encoding: meta.encoding ?? null,
    ...(meta.sheets ? { sheets: meta.sheets } : {}),
    headerRow: meta.headerRow ?? null,
    records: meta.records ?? null,
    period: { from: dates[0], to: dates.at(-1) },
    claim: {
      total: yuan(total),
      currency: 'CNY',
      byCategory: Object.fromEntries(
        Object.entries(byCategory)
          .sort()
          .map(([k, v]) => [k, yuan(v)]),
      ),
    },
    counts,
    findings,
    generator: meta.generator ?? 'redteam2',
  };
  fs.writeFileSync(path.join(OUT, `${stem}.expected.json`), JSON.stringify(expected, null, 1));
  return expected;
}

// ---- writers -------------------------------------------------------------------------------
export const csvCell = (v, d = ',') => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) || (d !== ',' && s.includes(d)) ? `"${s.replace(/"/g, '""')}"` : s;
};
/** lines: arrays of cells or a raw string; returns text; sets each line's 1-based number via cb */
export function csvText(lines, d = ',', eol = '\n') {
  return (
    lines.map((l) => (typeof l === 'string' ? l : l.map((c) => csvCell(c, d)).join(d))).join(eol) +
    eol
  );
}

export async function xlsxBytes(sheets) {
  // sheets: [{ name, rows: [[cell...]], widths?, dateFmt? }]; cells may be Date or {v, numFmt}
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, i) => {
      if (!row) return;
      const r = ws.getRow(i + 1);
      row.forEach((c, j) => {
        if (c === null || c === undefined) return;
        const cell = r.getCell(j + 1);
        if (typeof c === 'object' && !(c instanceof Date)) {
          cell.value = c.v;
          if (c.numFmt) cell.numFmt = c.numFmt;
        } else {
          cell.value = c;
          if (c instanceof Date) cell.numFmt = s.dateFmt ?? 'yyyy-mm-dd hh:mm:ss';
        }
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** a Beijing wall-clock time as an Excel date cell (exceljs writes the UTC fields) */
export const xDate = (t) => new Date(t.ms);

export function cjkFont() {
  return {
    path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    face: 'NotoSansCJKsc-Regular',
  };
}

/**
 * A PDF table. cols: [{ title, w, align, headAlign }]; rows: [{ cells, record: bool, more?: [cells] }]
 * (more = continuation lines of wrapped cells, drawn under the record, same columns).
 * Records are numbered 1.. in reading order (the spec's PDF row) into rows[i].n, and their page.
 */
export async function pdfTable(o) {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: o.size ?? 'A4',
    layout: o.landscape ? 'landscape' : 'portrait',
    margin: 30,
    autoFirstPage: false,
  });
  doc.registerFont('cjk', font.path, font.face);
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((res, rej) => {
    doc.on('end', res);
    doc.on('error', rej);
  });
  const fs8 = o.fontSize ?? 8;
  const lh = o.lineHeight ?? fs8 * 1.7;
  const x0 = o.left ?? 30;
  // paginate: body lines per page
  const pages = [];
  let cur = [];
  let used = 0;
  const per = o.perPage;
  for (const row of o.rows) {
    const h = 1 + (row.more?.length ?? 0);
    if (used + h > per && cur.length) {
      pages.push(cur);
      cur = [];
      used = 0;
    }
    cur.push(row);
    used += h;
  }
  if (cur.length) pages.push(cur);
  const summaryPages = o.summaryPages ? o.summaryPages.length : 0;
  const totalPages = pages.length + summaryPages;
  let pageNo = 0;
  const H = () => doc.page.height;
  const W = () => doc.page.width;
  const text = (s, x, y, w, align = 'left', size = fs8) => {
    doc.fontSize(size);
    if (align === 'left' || !w) doc.text(s, x + (w ? 2 : 0), y, { lineBreak: false });
    else {
      const tw = doc.widthOfString(s);
      const xx = align === 'right' ? x + w - tw - 3 : x + (w - tw) / 2;
      doc.text(s, xx, y, { lineBreak: false });
    }
  };
  const footer = () => {
    if (o.footer) text(o.footer(pageNo, totalPages), o.footerX ?? W() / 2 - 40, H() - 40);
    if (o.footNote) text(o.footNote, x0, H() - 28, 0, 'left', 6);
  };
  const newPage = () => {
    doc.addPage();
    doc.font('cjk').fontSize(fs8);
    pageNo += 1;
  };
  for (const sp of o.summaryPages ?? []) {
    newPage();
    let y = 40;
    for (const line of sp) {
      // line: [[text, x, size?]]
      for (const [s, x, size] of line) text(s, x, y, 0, 'left', size ?? fs8);
      y += lh * 1.3;
    }
    footer();
  }
  let n = 0;
  pages.forEach((rows, pi) => {
    newPage();
    let y = 40;
    if (pi === 0 || o.repeatTitle)
      for (const t of o.title ?? []) {
        text(t[0], t[1] ?? x0, y, 0, 'left', t[2] ?? fs8);
        y += lh * 1.2;
      }
    if (pi === 0 || o.repeatHeader !== false) {
      let x = x0;
      for (const c of o.cols) {
        text(c.title, x, y, c.w, c.headAlign ?? c.align ?? 'left');
        x += c.w;
      }
      y += lh;
      if (o.subHeader) {
        x = x0;
        o.cols.forEach((c, i) => {
          text(o.subHeader[i], x, y, c.w, c.headAlign ?? c.align ?? 'left');
          x += c.w;
        });
        y += lh;
      }
    }
    for (const row of rows) {
      const drawCells = (cells) => {
        let x = x0;
        cells.forEach((c, i) => {
          const col = o.cols[i];
          if (c !== null && c !== undefined && c !== '')
            text(String(c), x, y, col.w, col.align ?? 'left');
          x += col.w;
        });
        y += lh;
      };
      drawCells(row.cells);
      if (row.record) {
        n += 1;
        row.n = n;
        row.page = pageNo;
      }
      for (const m of row.more ?? []) drawCells(m);
    }
    if (o.pageTotal) {
      y += 2;
      drawCellsAt(o.pageTotal(rows), y);
      y += lh;
    }
    if (pi === pages.length - 1)
      for (const t of o.tail ?? []) {
        y += 4;
        const cells = t;
        let x = x0;
        cells.forEach((c, i) => {
          if (c) text(String(c), x, y, o.cols[i]?.w ?? 80, o.cols[i]?.align ?? 'left');
          x += o.cols[i]?.w ?? 80;
        });
        y += lh;
      }
    footer();
    function drawCellsAt(cells, yy) {
      let x = x0;
      cells.forEach((c, i) => {
        if (c) text(String(c), x, yy, o.cols[i].w, o.cols[i].align ?? 'left');
        x += o.cols[i].w;
      });
    }
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
