// rt8: seeded PRNG, integer-fen money, a ledger of events and the spec §2 labeller.
export function rngFor(seed) {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
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
    chance: (p) => next() < p,
  };
}

export const yuan = (fen) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
export const fenOf = (y) => Math.round(Number(y) * 100);

// percent -> fee in fen, half-up, capped
export function pctFee(amt, percent, capYuan) {
  const micro = Math.round(percent * 10000); // percent * 1e4
  const num = amt * micro;
  const den = 1e6;
  let q = Math.floor(num / den);
  if (2 * (num - q * den) >= den) q += 1;
  if (capYuan !== undefined && capYuan !== null) q = Math.min(q, fenOf(capYuan));
  return q;
}

// date helpers on 'YYYY-MM-DD'
export function addDays(d, n) {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
export function addMonths(d, n) {
  const [y, m, day] = d.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + n, day));
  return t.toISOString().slice(0, 10);
}
const pad2 = (n) => String(n).padStart(2, '0');
export const timeOf = (rng) =>
  `${pad2(rng.int(8, 21))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}`;

/** expected card fee in fen under the contract (null card = unknown: highest that could apply) */
export function expectedFee(contract, amt, card) {
  const rates = contract.rates || [];
  const specific = rates.find((r) => r.cardType === card);
  const anyR = rates.find((r) => r.cardType === 'any');
  let cands;
  if (card === 'debit' || card === 'credit') cands = [specific || anyR].filter(Boolean);
  else cands = rates;
  let best = 0;
  for (const r of cands) best = Math.max(best, pctFee(amt, r.percent, r.capYuan));
  return best + fenOf(contract.perTransactionFeeYuan || 0);
}

/**
 * Build a ledger: sales every day, daily payouts of the previous day's net, plus given extra events.
 * opts: { start, days, perDay:[lo,hi], amount:[lo,hi] (yuan), cards:[...], feeOf(amt, card, date, rng) -> fen,
 *         payouts: bool, payoutNames:[...] }
 */
export function ledger(rng, opts) {
  const ev = [];
  let carry = 0;
  for (let i = 0; i < opts.days; i++) {
    const date = addDays(opts.start, i);
    if (opts.payouts !== false && carry > 0) {
      ev.push({
        kind: 'payout',
        date,
        time: `0${rng.int(1, 6)}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}`,
        amt: carry,
        text: rng.pick(opts.payoutNames || ['结算']),
      });
      carry = 0;
    }
    const n = rng.int(opts.perDay[0], opts.perDay[1]);
    for (let k = 0; k < n; k++) {
      const big = rng.chance(opts.bigShare || 0.05);
      const amt = big
        ? rng.int(opts.big ? opts.big[0] * 100 : 300000, opts.big ? opts.big[1] * 100 : 1200000)
        : rng.int(opts.amount[0] * 100, opts.amount[1] * 100);
      const card = rng.pick(opts.cards);
      const fee = opts.feeOf(amt, card, date, rng);
      ev.push({ kind: 'sale', date, time: timeOf(rng), amt, fee, card, text: '' });
      carry += amt - fee;
    }
  }
  return ev;
}

export function sortEvents(ev) {
  return ev.sort((a, b) =>
    a.date + a.time < b.date + b.time ? -1 : a.date + a.time > b.date + b.time ? 1 : 0,
  );
}

/** spec §2 labeller. ev rows must already carry .row (and .sheet/.page if any). */
export function label(events, contract, { cardVisible = true } = {}) {
  const findings = [];
  const state = new Map();
  const deduction = (e, cat, amt, text) => {
    const f = { row: e.row, date: e.date, category: cat, amount: amt, text };
    if (e.sheet) f.sheet = e.sheet;
    if (e.page) f.page = e.page;
    if (!contract || cat === 'other_deduction') {
      f.verdict = 'needs_review';
      f.over = 0;
    } else {
      const ch = (contract.agreedCharges || []).find((c) => c.category === cat);
      let over = amt;
      if (ch && !(ch.startsAfter && e.date < ch.startsAfter)) {
        const s = state.get(ch) || {};
        if (ch.every === 'once') {
          if (!s.used) {
            s.used = true;
            over = Math.max(0, amt - fenOf(ch.amountYuan));
          }
        } else if (!s.end || e.date >= s.end) {
          s.end = addMonths(e.date, { month: 1, quarter: 3, year: 12 }[ch.every]);
          over = Math.max(0, amt - fenOf(ch.amountYuan));
        }
        state.set(ch, s);
      }
      f.verdict = over > 0 ? 'unauthorized' : 'authorized';
      f.over = over;
    }
    findings.push(f);
  };
  for (const e of events) {
    if (e.kind === 'sale') {
      if (contract && e.fee !== undefined) {
        const exp = expectedFee(contract, e.amt, cardVisible ? e.card : null);
        if (e.fee - exp >= 2) {
          const f = {
            row: e.row,
            date: e.date,
            category: 'rate_overcharge',
            amount: e.fee,
            text: e.text || '',
            verdict: 'unauthorized',
            over: e.fee - exp,
          };
          if (e.sheet) f.sheet = e.sheet;
          if (e.page) f.page = e.page;
          findings.push(f);
        }
      }
      for (const x of e.extra || []) deduction(e, x.cat, x.amt, x.name);
      if (e.settled !== undefined) {
        const gap = e.amt - e.fee - (e.extra || []).reduce((s, x) => s + x.amt, 0) - e.settled;
        if (gap >= 2) {
          if (e.hiddenCat) deduction(e, e.hiddenCat, gap, e.text);
          else {
            const f = {
              row: e.row,
              date: e.date,
              category: 'settlement_shortfall',
              amount: gap,
              text: e.text || '',
            };
            if (e.sheet) f.sheet = e.sheet;
            if (e.page) f.page = e.page;
            f.verdict = contract ? 'unauthorized' : 'needs_review';
            f.over = contract ? gap : 0;
            findings.push(f);
          }
        }
      }
    } else if (e.kind === 'fee') {
      deduction(e, e.cat, e.amt, e.text);
      for (const x of e.extra || []) deduction(e, x.cat, x.amt, x.name);
    } else for (const x of e.extra || []) deduction(e, x.cat, x.amt, x.name);
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
  records,
  events,
  findings,
  generator,
}) {
  const by = {};
  let total = 0;
  const counts = { unauthorized: 0, authorized: 0, needs_review: 0 };
  for (const f of findings) {
    counts[f.verdict]++;
    if (f.verdict === 'unauthorized') {
      by[f.category] = (by[f.category] || 0) + f.over;
      total += f.over;
    }
  }
  const byCategory = {};
  for (const k of Object.keys(by).sort()) byCategory[k] = yuan(by[k]);
  const dates = events.map((e) => e.date).sort();
  const out = { file, contract: contractFile, format, encoding };
  if (sheets) out.sheets = sheets;
  Object.assign(out, {
    headerRow,
    records,
    period: { from: dates[0], to: dates[dates.length - 1] },
    claim: { total: yuan(total), currency: 'CNY', byCategory },
    counts,
    findings: findings.map((f) => {
      const o = { file, row: f.row };
      if (f.sheet) o.sheet = f.sheet;
      if (f.page) o.page = f.page;
      return Object.assign(o, {
        date: f.date,
        category: f.category,
        verdict: f.verdict,
        overcharge: yuan(f.over),
        amount: yuan(f.amount),
        text: f.text,
      });
    }),
    generator,
  });
  return out;
}
