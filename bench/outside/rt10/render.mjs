// Renderers: an event ledger → a grid of cells → a container (rt10).
import iconv from 'iconv-lite';
import XLSX from '@e965/xlsx';
import { yuan } from './ledger.mjs';

const fen = (f) => String(f);
const DATEF = {
  iso: (e) => `${e.date} ${e.time}`,
  slash: (e) => e.date.replace(/-0?/g, '/').replace(/^(\d+)\//, '$1/'),
  compact: (e) => e.date.replace(/-/g, ''),
  cn: (e) => {
    const [y, m, d] = e.date.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  },
  isoT: (e) => `${e.date}T${e.time}+08:00`,
  dateOnly: (e) => e.date,
};
export const signedAmt = (e) =>
  ({ sale: e.amt, refund: -e.amt, payout: -e.amt, fee: -e.amt, credit: e.amt })[e.kind];
const feeOf = (e) => (e.kind === 'sale' || e.kind === 'payout' ? e.fee || 0 : 0);
const netOf = (e) => signedAmt(e) - feeOf(e) - (e.hidden || 0);
const CARD = { debit: '借记卡', credit: '贷记卡' };
const typeWord = (e) =>
  e.kind === 'sale'
    ? e.text
    : e.kind === 'payout'
      ? e.text
      : e.kind === 'refund'
        ? e.text
        : e.kind === 'fee'
          ? '扣款'
          : '入账';
const descWord = (e) =>
  e.kind === 'fee' || e.kind === 'credit'
    ? e.text
    : e.note || (e.kind === 'payout' ? '出款成功' : '');
// column catalogue: id → (e, money) → cell
export const COL = {
  date: (df) => (e) => DATEF[df](e),
  time: () => (e) => e.time,
  type: () => typeWord,
  desc: () => descWord,
  typedesc: () => (e) =>
    e.kind === 'fee' || e.kind === 'credit'
      ? e.text
      : e.kind === 'sale'
        ? e.text + (e.note ? '(' + e.note + ')' : '')
        : e.text,
  card: () => (e) => (e.card ? CARD[e.card] : ''),
  cardEn: () => (e) => (e.card ? { debit: 'DEBIT', credit: 'CREDIT' }[e.card] : ''),
  amt: (m) => (e) => m(signedAmt(e)),
  absAmt: (m) => (e) => m(Math.abs(signedAmt(e))),
  dir: () => (e) => (signedAmt(e) >= 0 ? '收' : '付'),
  fee: (m) => (e) => m(feeOf(e)),
  net: (m) => (e) => m(netOf(e)),
  debit: (m) => (e) => (netOf(e) < 0 ? m(-netOf(e)) : ''),
  debitG: (m) => (e) => (signedAmt(e) < 0 ? m(-signedAmt(e)) : ''),
  creditG: (m) => (e) => (signedAmt(e) >= 0 ? m(signedAmt(e)) : ''),
  credit: (m) => (e) => (netOf(e) >= 0 ? m(netOf(e)) : ''),
  ref: () => (e) => e.ref,
  term: () => (e) => e.term,
};
export const MONEY = {
  yuan,
  fen,
  yuanSym: (f) => (f < 0 ? '-¥' : '¥') + yuan(Math.abs(f)).replace(/\B(?=(\d{3})+(?!\d))/g, ','),
};

// spec: {headers:[..], cols:[[id,arg]], money, pre:[[...]], colOff, blankBefore, daily:{at, words}, balance:true, totalRow}
export function grid(events, spec) {
  const money = MONEY[spec.money || 'yuan'];
  const fns = spec.cols.map(([id, arg]) =>
    COL[id](arg === undefined ? money : arg === 'm' ? money : arg),
  );
  const off = Array(spec.colOff || 0).fill('');
  const rows = [];
  for (const p of spec.pre || []) rows.push(p.length ? [...off, ...p] : []);
  rows.push([...off, ...spec.headers, ...(spec.balance ? [spec.balance] : [])]);
  let bal = spec.openBal || 0;
  let day = null;
  let dn = 0;
  let dAmt = 0;
  let dFee = 0;
  const flush = () => {
    if (spec.daily && day && dn) {
      const cells = spec.cols.map(([id]) =>
        id === 'date'
          ? day
          : id === 'type' || id === 'typedesc'
            ? spec.daily.word
            : id === 'desc'
              ? `笔数${dn}笔`
              : id === 'amt' || id === 'absAmt'
                ? money(dAmt)
                : id === 'fee'
                  ? money(dFee)
                  : id === 'net'
                    ? money(dAmt - dFee)
                    : '',
      );
      rows.push([...off, ...cells, ...(spec.balance ? [''] : [])]);
    }
    dn = dAmt = dFee = 0;
  };
  for (const e of events) {
    if (e.date !== day) {
      flush();
      day = e.date;
    }
    if (e.kind === 'sale') {
      dn++;
      dAmt += e.amt;
      dFee += e.fee;
    }
    bal += netOf(e);
    rows.push([
      ...off,
      ...fns.map((f) => f(e)),
      ...(spec.balance ? [spec.money === 'fen' ? money(bal) : yuan(bal)] : []),
    ]);
    e.row = rows.length;
  }
  flush();
  for (const t of spec.tail || []) rows.push([...off, ...t]);
  return rows;
}

const csvCell = (c, d) => {
  const s = String(c ?? '');
  return s.includes(d) || s.includes('"') || s.includes('\n')
    ? '"' + s.replace(/"/g, '""') + '"'
    : s;
};
export function toText(rows, { delim = ',', eol = '\r\n', enc = 'utf-8', bom = false }) {
  const text = rows.map((r) => r.map((c) => csvCell(c, delim)).join(delim)).join(eol) + eol;
  if (enc === 'utf-8')
    return Buffer.concat([
      bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
      Buffer.from(text, 'utf8'),
    ]);
  if (enc === 'utf-16le')
    return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  if (enc === 'utf-16be')
    return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
  return iconv.encode(text, enc);
}
const esc = (s) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
export function toHtml(rows, { enc = 'utf-8', meta = true, title = '' }) {
  const head = meta
    ? `<meta http-equiv="Content-Type" content="text/html; charset=${enc === 'utf-8' ? 'utf-8' : 'gbk'}">`
    : '';
  const body = rows
    .map((r) => '<tr>' + (r.length ? r : ['']).map((c) => `<td>${esc(c)}</td>`).join('') + '</tr>')
    .join('\n');
  const html = `<html><head>${head}<title>${esc(title)}</title></head><body>\n<table border="1">\n${body}\n</table>\n</body></html>\n`;
  return enc === 'utf-8' ? Buffer.from(html, 'utf8') : iconv.encode(html, 'gbk');
}
export function toSpreadsheetML(rows, sheet) {
  const isNum = (c) => typeof c === 'number';
  const xr = rows
    .map(
      (r) =>
        '<Row>' +
        r
          .map(
            (c) =>
              `<Cell><Data ss:Type="${isNum(c) ? 'Number' : 'String'}">${esc(c)}</Data></Cell>`,
          )
          .join('') +
        '</Row>',
    )
    .join('\n');
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n<Worksheet ss:Name="${esc(sheet)}"><Table>\n${xr}\n</Table></Worksheet></Workbook>\n`,
    'utf8',
  );
}
export function toWorkbook(sheets, bookType) {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of sheets)
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  wb.Props = { CreatedDate: new Date(Date.UTC(2025, 0, 1)) };
  return XLSX.write(wb, { type: 'buffer', bookType, compression: true });
}
