// Ledger model and labeller for the rt9 red team: events first, verdicts by spec §2, rendering elsewhere.

export function prng(seedStr) {
  let h = 1779033703 ^ seedStr.length;
  for (let i = 0; i < seedStr.length; i++) {
    h = Math.imul(h ^ seedStr.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
  };
}

const pad2 = (n) => String(n).padStart(2, '0');
export function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function addMonths(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${pad2((t % 12) + 1)}-${pad2(d)}`;
}
export const yuan = (fen) => {
  const s = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${s}${Math.floor(a / 100)}.${pad2(a % 100)}`;
};
const toFen = (y) => Math.round(Number(y) * 100);

/** Build events: sales, refunds, payouts (with look-alike names), fee deductions, fee refunds, subsidies. */
export function buildLedger(o) {
  const r = prng(o.seed);
  const ev = [];
  let ref = 100000000000 + r.int(0, 899999999999);
  const nextRef = () => String((ref = (ref * 7 + 13) % 900000000000) + 100000000000);
  const payoutNames = o.payoutNames || ['结算', 'D0提现', 'T1结算款', '秒到出款', '结算划款'];
  let pendingNet = 0;
  const overSet = new Set(o.overchargeDays || []);
  const shortSet = new Map((o.shortfalls || []).map((s) => [s.day, s]));
  for (let day = 0; day < o.days; day++) {
    const date = addDays(o.start, day);
    if (pendingNet > 0 && !o.noSales) {
      ev.push({
        kind: 'payout',
        date,
        time: `0${r.int(1, 3)}:${pad2(r.int(0, 59))}:${pad2(r.int(0, 59))}`,
        amount: -pendingNet,
        fee: 0,
        net: -pendingNet,
        type: r.pick(payoutNames),
        desc: `尾号${o.card || '6612'}`,
        ref: nextRef(),
      });
      pendingNet = 0;
    }
    if (o.noSales) continue;
    const n = o.salesPerDay ? r.int(o.salesPerDay[0], o.salesPerDay[1]) : r.int(1, 4);
    for (let i = 0; i < n; i++) {
      const card = o.cards ? r.pick(o.cards) : r.pick(['借记卡', '贷记卡', '贷记卡', '']);
      let amount = r.next() < 0.1 ? r.int(100, 9000) * 100 : r.int(500, 60000);
      if (o.centsZero) amount = Math.round(amount / 100) * 100;
      const ev1 = {
        kind: 'sale',
        date,
        time: `${pad2(9 + i * 3 + r.int(0, 2))}:${pad2(r.int(0, 59))}:${pad2(r.int(0, 59))}`,
        card,
        amount,
        type: r.pick(['消费', '刷卡消费', '扫码消费']),
        desc: '',
        ref: nextRef(),
      };
      const exp = o.contract
        ? expectedFee(o.contract, amount, card)
        : Math.round((amount * 0.6) / 100);
      ev1.fee = exp;
      if (i === 0 && overSet.has(day)) ev1.fee = exp + r.int(3, 300);
      ev1.net = amount - ev1.fee;
      if (i === 0 && shortSet.has(day)) {
        const s = shortSet.get(day);
        ev1.net -= s.fen;
        ev1.desc = s.desc || '';
        ev1.hidden = { fen: s.fen, cat: s.cat || 'settlement_shortfall', text: s.desc || '' };
      }
      ev.push(ev1);
      pendingNet += ev1.net;
    }
    if ((o.refundDays || []).includes(day)) {
      const a = r.int(1000, 20000);
      ev.push({
        kind: 'refund',
        date,
        time: '20:11:05',
        amount: -a,
        fee: 0,
        net: -a,
        type: '退货',
        desc: '',
        ref: nextRef(),
      });
      pendingNet -= a;
    }
  }
  for (const d of o.deductions || []) {
    const fen = toFen(d.yuan);
    ev.push({
      kind: 'fee',
      date: addDays(o.start, d.day),
      time: d.time || '04:30:00',
      amount: -fen,
      fee: 0,
      net: -fen,
      type: d.type || '扣费',
      desc: d.name,
      cat: d.cat,
      ref: nextRef(),
    });
  }
  for (const d of o.credits || []) {
    const fen = toFen(d.yuan);
    ev.push({
      kind: d.kind || 'feeRefund',
      date: addDays(o.start, d.day),
      time: '05:10:00',
      amount: fen,
      fee: 0,
      net: fen,
      type: d.type || '返还',
      desc: d.name,
      ref: nextRef(),
    });
  }
  for (const d of o.extraPayouts || []) {
    const fen = toFen(d.yuan);
    ev.push({
      kind: 'payout',
      date: addDays(o.start, d.day),
      time: '06:00:00',
      amount: -fen,
      fee: 0,
      net: -fen,
      type: d.type,
      desc: d.name || '',
      ref: nextRef(),
    });
  }
  ev.sort((a, b) =>
    a.date + a.time < b.date + b.time ? -1 : a.date + a.time > b.date + b.time ? 1 : 0,
  );
  return ev;
}

export function expectedFee(contract, amount, card) {
  const kind = card === '借记卡' ? 'debit' : card === '贷记卡' ? 'credit' : null;
  const rates = contract.rates;
  const one = (rt) => {
    let f = (amount * rt.percent) / 100; // fen, exact enough: amounts are integers, percents 1-2 decimals
    if (rt.capYuan !== undefined) f = Math.min(f, rt.capYuan * 100);
    return Math.floor(f + 0.5 + 1e-9);
  };
  let cand;
  if (kind) {
    const spec = rates.filter((x) => x.cardType === kind);
    cand = spec.length ? spec : rates.filter((x) => x.cardType === 'any');
  } else {
    const kinds = ['debit', 'credit'].map((k) => {
      const s = rates.filter((x) => x.cardType === k);
      return s.length ? s : rates.filter((x) => x.cardType === 'any');
    });
    cand = [...kinds.flat(), ...rates.filter((x) => x.cardType === 'any')];
  }
  return Math.max(...cand.map(one)) + toFen(contract.perTransactionFeeYuan || 0);
}

/** Label events by spec §2. Returns findings with ev references. */
export function label(events, contract) {
  const findings = [];
  const state = new Map(); // agreed charge index -> {anchor, used:Set}
  const cover = (cat, date, fen) => {
    if (!contract)
      return { verdict: cat === 'other_deduction' ? 'needs_review' : 'needs_review', over: 0 };
    if (cat === 'other_deduction') return { verdict: 'needs_review', over: 0 };
    const idx = (contract.agreedCharges || []).findIndex((c) => c.category === cat);
    if (idx < 0) return { verdict: 'unauthorized', over: fen };
    const c = contract.agreedCharges[idx];
    if (c.startsAfter && date < c.startsAfter) return { verdict: 'unauthorized', over: fen };
    let s = state.get(idx);
    if (!s) state.set(idx, (s = { anchor: date, used: new Set() }));
    let k = 0;
    if (c.every === 'once') k = 0;
    else {
      const step = c.every === 'month' ? 1 : c.every === 'quarter' ? 3 : 12;
      while (addMonths(s.anchor, (k + 1) * step) <= date) k++;
    }
    if (s.used.has(k)) return { verdict: 'unauthorized', over: fen };
    s.used.add(k);
    const agreed = toFen(c.amountYuan);
    if (fen > agreed) return { verdict: 'unauthorized', over: fen - agreed };
    return { verdict: 'authorized', over: 0 };
  };
  for (const e of events) {
    if (e.kind === 'fee') {
      const fen = -e.amount;
      const v = cover(e.cat, e.date, fen);
      findings.push({ ev: e, category: e.cat, amount: fen, ...v, text: e.desc });
    } else if (e.kind === 'sale') {
      if (contract) {
        const exp = expectedFee(contract, e.amount, e.card);
        if (e.fee - exp >= 2)
          findings.push({
            ev: e,
            category: 'rate_overcharge',
            amount: e.fee - exp,
            verdict: 'unauthorized',
            over: e.fee - exp,
            text: e.desc,
          });
      }
      if (e.hidden) {
        const h = e.hidden;
        if (h.cat === 'settlement_shortfall') {
          findings.push({
            ev: e,
            category: h.cat,
            amount: h.fen,
            verdict: contract ? 'unauthorized' : 'needs_review',
            over: contract ? h.fen : 0,
            text: h.text,
          });
        } else {
          const v = cover(h.cat, e.date, h.fen);
          findings.push({ ev: e, category: h.cat, amount: h.fen, ...v, text: h.text });
        }
      }
    }
  }
  return findings;
}

export function expectedJson({
  file,
  contractFile,
  format,
  encoding,
  sheets,
  headerRow,
  events,
  findings,
  rowOf,
  extra,
}) {
  const by = {};
  let total = 0;
  const counts = { unauthorized: 0, authorized: 0, needs_review: 0 };
  const out = [];
  for (const f of findings) {
    counts[f.verdict]++;
    if (f.verdict === 'unauthorized') {
      total += f.over;
      by[f.category] = (by[f.category] || 0) + f.over;
    }
    out.push({
      file,
      row: rowOf(f.ev),
      date: f.ev.date,
      category: f.category,
      verdict: f.verdict,
      overcharge: yuan(f.verdict === 'unauthorized' ? f.over : 0),
      amount: yuan(f.amount),
      text: f.text,
    });
  }
  out.sort((a, b) => a.row - b.row);
  const byCategory = {};
  for (const k of Object.keys(by).sort()) byCategory[k] = yuan(by[k]);
  const dates = events.map((e) => e.date).sort();
  return {
    file,
    contract: contractFile,
    format,
    encoding,
    ...(sheets ? { sheets } : {}),
    headerRow,
    records: events.length,
    period: { from: dates[0], to: dates[dates.length - 1] },
    claim: { total: yuan(total), currency: 'CNY', byCategory },
    counts,
    findings: out,
    generator: { team: 'rt9', ...extra },
  };
}
