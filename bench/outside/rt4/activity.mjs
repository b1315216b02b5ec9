// Generates a merchant's activity: card sales with the fee the provider actually took, refunds,
// reversals, daily payouts and the non-transaction deductions and credits a config asks for.
import { rngFrom, addDays, addMonths, feeFor, pad2 } from './sim.mjs';

const STEP = { month: 1, quarter: 3, year: 12 };

export function makeActivity(cfg) {
  const rng = rngFrom(cfg.seed);
  const terminals = cfg.terminals || ['T' + String(rng.int(10000000, 99999999))];
  const time = (hLo, hHi) =>
    `${pad2(rng.int(hLo, hHi))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}`;
  const ref = () => String(rng.int(100000, 999999)) + String(rng.int(100000, 999999));
  const pr = cfg.pricing;
  const priceOf = (date, card, amountFen) => {
    let p = card === 'debit' ? pr.debit : pr.credit;
    if (pr.rise && date >= pr.rise.from)
      p = { ...p, ...(card === 'debit' ? pr.rise.debit || {} : pr.rise.credit || {}) };
    let cap = p.cap ?? null;
    if (pr.dropCapFrom && date >= pr.dropCapFrom) cap = null;
    let f = feeFor(amountFen, p.pct, cap, pr.rounding || 'half-up');
    if (pr.addOn && (!pr.addOn.from || date >= pr.addOn.from)) f += pr.addOn.fen;
    if (pr.addOnRise && date >= pr.addOnRise.from) f += pr.addOnRise.fen;
    return f;
  };
  const hidden = [...(cfg.hidden || [])].sort((a, b) => (a.date < b.date ? -1 : 1));
  const dayTx = new Map();
  for (let i = 0; i < cfg.days; i++) {
    const date = addDays(cfg.from, i);
    const n = rng.int(cfg.txPerDay[0], cfg.txPerDay[1]);
    const list = [];
    for (let k = 0; k < n; k++) {
      const card = rng.chance(cfg.debitShare ?? 0.55) ? 'debit' : 'credit';
      let amountFen;
      const u = rng.next();
      if (u < 0.6) amountFen = rng.int(800, 30000);
      else if (u < 0.9) amountFen = rng.int(30000, 300000);
      else amountFen = rng.int(300000, 1500000);
      if (rng.chance(0.3)) amountFen = Math.round(amountFen / 100) * 100;
      const feeFen = priceOf(date, card, amountFen);
      const t = {
        kind: 'txn',
        date,
        time: time(8, 22),
        terminal: rng.pick(terminals),
        card,
        txType: rng.chance(0.06) ? 'preauth' : 'sale',
        amountFen,
        feeFen,
        settledFen: amountFen - feeFen,
        ref: ref(),
        text: cfg.notes && rng.chance(0.15) ? rng.pick(cfg.notes) : '',
        cardNo: `${rng.pick(['622202', '621700', '436742', '622848', '625807', '518710'])}******${rng.int(1000, 9999)}`,
      };
      list.push(t);
    }
    list.sort((a, b) => (a.time < b.time ? -1 : 1));
    // a same-day reversal (撤销) returns the sale and its fee; a later 退货 keeps the fee
    if (rng.chance(cfg.reversalRate ?? 0.08) && list.length > 1) {
      const o = list[rng.int(0, list.length - 2)];
      list.push({
        ...o,
        kind: 'refund',
        txType: 'void',
        time:
          o.time < '22:00:00'
            ? o.time.replace(/^(\d\d)/, (h) => pad2(Math.min(23, Number(h) + 1)))
            : o.time,
        amountFen: -o.amountFen,
        feeFen: -o.feeFen,
        settledFen: -(o.amountFen - o.feeFen),
        ref: ref(),
        text: `原参考号${o.ref}`,
      });
    }
    if (i > 3 && rng.chance(cfg.refundRate ?? 0.06)) {
      const prev = dayTx.get(addDays(date, -rng.int(1, 3))) || [];
      const o = prev.find((x) => x.kind === 'txn');
      if (o)
        list.push({
          ...o,
          kind: 'refund',
          txType: 'refund',
          date,
          time: time(9, 21),
          amountFen: -o.amountFen,
          feeFen: 0,
          settledFen: -o.amountFen,
          ref: ref(),
          text: '',
        });
    }
    list.sort((a, b) => (a.time < b.time ? -1 : 1));
    for (const h of hidden) {
      if (h.date !== date || h.used) continue;
      const t =
        list.find((x) => x.kind === 'txn' && !x.hiddenFen && x.amountFen > h.fen * 3) ||
        list.find((x) => x.kind === 'txn' && !x.hiddenFen);
      if (!t) continue;
      h.used = true;
      t.hiddenFen = h.fen;
      t.settledFen -= h.fen;
      t.hiddenCat = h.cat || null;
      t.text = h.text || '';
    }
    dayTx.set(date, list);
  }
  for (const h of hidden)
    if (!h.used) throw new Error(`hidden deduction on ${h.date} found no sale`);
  // payouts: yesterday's net, paid early in the morning (T1)
  for (let i = 0; i < cfg.days; i++) {
    const date = addDays(cfg.from, i);
    const today = dayTx.get(date);
    if (i > 0 && cfg.payouts !== false) {
      const y = dayTx.get(addDays(date, -1)).filter((x) => x.kind === 'txn' || x.kind === 'refund');
      const net = y.reduce((s, x) => s + x.settledFen, 0);
      if (net > 0)
        today.push({
          kind: 'payout',
          date,
          time: time(1, 5),
          amountFen: net,
          feeFen: 0,
          settledFen: net,
          ref: ref(),
          text: cfg.payoutText ? rng.pick(cfg.payoutText) : '结算至尾号' + (cfg.cardTail || '6218'),
          terminal: terminals[0],
        });
    }
  }
  // streams of charges
  for (const s of cfg.streams || []) {
    const dates = [];
    if (s.dates) dates.push(...s.dates);
    else {
      let d = s.first;
      for (let k = 0; k < s.n; k++) {
        dates.push(d);
        d = addMonths(d, STEP[s.every]);
      }
    }
    let k = 0;
    for (const d of dates) {
      const list = dayTx.get(d);
      if (!list) throw new Error(`stream date ${d} outside the period`);
      const times = s.perTerminal ? terminals : [null];
      for (const term of times) {
        const name = typeof s.names === 'function' ? s.names(d, k) : s.names[k % s.names.length];
        const amountFen = Array.isArray(s.fen) ? s.fen[k % s.fen.length] : s.fen;
        list.push({
          kind: s.kind || 'fee',
          category: s.category,
          date: d,
          time: time(0, 6),
          amountFen,
          feeFen: 0,
          settledFen: -amountFen,
          ref: ref(),
          text: term ? `${name}(终端${term})` : name,
          terminal: term || terminals[0],
          sub: s.sub,
        });
        k++;
      }
    }
  }
  const all = [];
  for (let i = 0; i < cfg.days; i++) {
    const l = dayTx.get(addDays(cfg.from, i));
    l.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    all.push(...l);
  }
  return all;
}
