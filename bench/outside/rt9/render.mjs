// Renderers for rt9: CSV/TSV text with hygiene damage, SMS, XLSX.
import { yuan } from './ledger.mjs';

const FW = {
  0: '０',
  1: '１',
  2: '２',
  3: '３',
  4: '４',
  5: '５',
  6: '６',
  7: '７',
  8: '８',
  9: '９',
  '.': '．',
  ',': '，',
  '-': '－',
  ':': '：',
};
export const fullWidth = (s) => [...s].map((c) => FW[c] || c).join('');
export const thousands = (fen, sep = ',') => {
  const s = yuan(fen);
  const neg = s.startsWith('-');
  const [i, d] = s.replace('-', '').split('.');
  return `${neg ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, sep)}.${d}`;
};
export const money = {
  plain: (fen) => yuan(fen),
  fw: (fen) => fullWidth(thousands(fen)),
  nbsp: (fen) => thousands(fen, '\u00a0'),
  zwsp: (fen) => {
    const s = yuan(fen);
    return s.length > 4 ? `${s.slice(0, 1)}\u200b${s.slice(1)}` : `\u200b${s}`;
  },
  dec3: (fen) => `${yuan(fen)}0`,
  negzero: (fen) => (fen === 0 ? '-0.00' : yuan(fen)),
};

export const dt = (e) => `${e.date} ${e.time}`;

/**
 * events -> lines. cols: [{h, get(e)}]; preamble/after: arrays of raw lines (already joined);
 * notes: Map(index in events -> note line inserted before that event). Returns {text, rowOf, headerRow}.
 */
export function renderDelimited(events, o) {
  const d = o.delimiter || ',';
  const q = (s) => {
    s = String(s ?? '');
    if (o.cellSuffix) s += o.cellSuffix;
    if (o.raw) return s;
    return s.includes(d) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [...(o.preamble || [])];
  lines.push(o.cols.map((c) => q(c.h)).join(d));
  const headerRow = lines.length;
  const rows = new Map();
  events.forEach((e, i) => {
    if (o.notes && o.notes.has(i)) lines.push(o.notes.get(i));
    lines.push(o.cols.map((c) => q(c.get(e))).join(d) + (o.lineSuffix || ''));
    rows.set(e, lines.length);
  });
  lines.push(...(o.after || []));
  const eol = o.eol || '\r\n';
  return { text: lines.join(eol) + eol, rowOf: (e) => rows.get(e), headerRow };
}

export const stdCols = (m, names = {}) => [
  { h: names.date || '交易时间', get: dt },
  { h: names.type || '交易类型', get: (e) => e.type },
  { h: names.card || '卡类型', get: (e) => e.card || '' },
  { h: names.amount || '交易金额', get: (e) => m(e.amount) },
  { h: names.fee || '手续费', get: (e) => m(e.fee) },
  { h: names.net || '结算金额', get: (e) => m(e.net) },
  { h: names.desc || '摘要', get: (e) => e.desc },
  { h: names.ref || '流水号', get: (e) => e.ref },
];

/** SMS text, one message per event (or per group), blank-line separated. */
export function renderSms(events, o) {
  const sig = o.sig || '【汇银通】';
  const n = o.num || ((s) => s);
  const cnDate = (iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  };
  const msgs = [];
  const rows = new Map();
  for (const e of events) {
    let t;
    const a = (fen) => n(yuan(Math.abs(fen)));
    if (e.kind === 'sale')
      t = `${sig}收款通知：${n(e.date)} ${n(e.time.slice(0, 5))}收款${a(e.amount)}元，手续费${a(e.fee)}元，预计到账${a(e.net)}元。`;
    else if (e.kind === 'refund')
      t = `${sig}退款通知：${n(e.date)}退款${a(e.amount)}元已原路退回。`;
    else if (e.kind === 'payout')
      t = `${sig}您${cnDate(e.date)}的${e.type}${a(e.amount)}元已转入尾号${n('6612')}的银行卡。`;
    else if (e.kind === 'fee')
      t = `${sig}扣费提醒：${cnDate(e.date)}已从结算款中扣除${o.zw ? [...e.desc].join('\u200b') : e.desc}${a(e.amount)}元，详询客服。`;
    else t = `${sig}${cnDate(e.date)}，${e.desc}${a(e.amount)}元已退回您的结算账户。`;
    msgs.push(t);
    rows.set(e, msgs.length);
  }
  const sep = o.sep || '\n\n';
  return {
    text: (o.head || '') + msgs.join(sep) + '\n',
    rowOf: (e) => rows.get(e),
    headerRow: null,
  };
}
