// Statement model and the labeller: spec §2 applied to generated events, in integer fen.
export function rng(seed) {
  let a = seed >>> 0;
  const f = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  f.int = (lo, hi) => lo + Math.floor(f() * (hi - lo + 1));
  f.pick = (xs) => xs[Math.floor(f() * xs.length)];
  return f;
}
export const yuan = (fen) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
const D = (s) => new Date(`${s}T00:00:00Z`);
const iso = (d) => d.toISOString().slice(0, 10);
export const addDays = (s, n) => iso(new Date(D(s).getTime() + n * 86400000));
export function addMonths(s, n) {
  const d = D(s);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate())));
}
export function days(from, to) {
  const out = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
const hms = (r, lo = 8, hi = 21) =>
  `${String(r.int(lo, hi)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`;

// percent as a decimal string -> thousandths of a percent, so fees are integer arithmetic
const pm = (p) => Math.round(Number(p) * 1000);
function pctFee(amt, p, capYuan) {
  // amt × p / 100, capped, half-up to the fen: amt*pm/100000
  let num = amt * pm(p); // fee*100000
  if (capYuan !== undefined && num > capYuan * 100 * 100000) num = capYuan * 100 * 100000;
  return Math.floor((2 * num + 100000) / 200000);
}
export function expectedFee(contract, card, amt) {
  const rates = contract.rates;
  const any = rates.find((r) => r.cardType === 'any');
  const f = (r) => pctFee(amt, r.percent, r.capYuan);
  let e;
  if (card === 'debit' || card === 'credit') {
    const r = rates.find((x) => x.cardType === card) ?? any;
    e = f(r);
  } else e = Math.max(...rates.map(f));
  return e + Math.round(Number(contract.perTransactionFeeYuan || 0) * 100);
}

/**
 * cfg: { seed, from, to, contract, perDay:[lo,hi], cards:true|false, actualFee(sale, r) -> fen (optional),
 *   fees:[{date,name,cat,amt}], credits:[{date,name,amt}], hidden:[{date, text, amt, cat}],
 *   payoutNames:[...], cardFeeRow:false }
 */
export function simulate(cfg) {
  const r = rng(cfg.seed);
  const ev = [];
  let seq = 0;
  const ref = () =>
    String(100000000000 + cfg.seed * 7919 * 1000 + seq++ * 37 + r.int(0, 30)).slice(-12);
  const hidden = [...(cfg.hidden || [])];
  let pending = 0;
  for (const day of days(cfg.from, cfg.to)) {
    if (pending > 0) {
      ev.push({
        kind: 'payout',
        date: day,
        time: hms(r, 1, 3),
        amt: -pending,
        fee: 0,
        net: -pending,
        text: r.pick(cfg.payoutNames || ['结算']),
        ref: ref(),
      });
      pending = 0;
    }
    for (const f of cfg.fees.filter((x) => x.date === day))
      ev.push({
        kind: 'fee',
        date: day,
        time: hms(r, 3, 6),
        amt: -f.amt,
        fee: 0,
        net: -f.amt,
        text: f.name,
        cat: f.cat,
        ref: ref(),
      });
    for (const c of (cfg.credits || []).filter((x) => x.date === day)) {
      ev.push({
        kind: 'credit',
        date: day,
        time: hms(r, 3, 6),
        amt: c.amt,
        fee: 0,
        net: c.amt,
        text: c.name,
        cat: c.cat,
        ref: ref(),
      });
      pending += c.amt;
    }
    const n = r.int(cfg.perDay[0], cfg.perDay[1]);
    const sales = [];
    for (let i = 0; i < n; i++) {
      const card = cfg.cards === false ? null : r() < 0.55 ? 'debit' : 'credit';
      const big = r() < 0.12;
      const amt = big
        ? r.int(2000, 12000) * 100 + r.pick([0, 0, 50, r.int(0, 99)])
        : r.int(500, 60000);
      sales.push({ kind: 'sale', date: day, time: hms(r), card, amt, text: '', ref: ref() });
    }
    sales.sort((a, b) => (a.time < b.time ? -1 : 1));
    for (const s of sales) {
      s.fee = cfg.actualFee ? cfg.actualFee(s, r) : expectedFee(cfg.contract, s.card, s.amt);
      s.net = s.amt - s.fee;
      const h = hidden.findIndex((x) => x.date === day);
      if (h >= 0 && s.amt > hidden[h].amt * 3) {
        s.net -= hidden[h].amt;
        s.text = hidden[h].text;
        s.hiddenAmt = hidden[h].amt;
        s.hiddenCat = hidden[h].cat;
        hidden.splice(h, 1);
      }
      ev.push(s);
      pending += s.net;
      if (cfg.cardFeeRow) {
        s.feeOwnRow = true;
        ev.push({
          kind: 'cardfee',
          date: day,
          time: s.time,
          amt: -s.fee,
          fee: 0,
          net: -s.fee,
          text: cfg.cardFeeRow,
          ref: s.ref,
        });
      }
      if (r() < 0.03) {
        const ra = Math.min(s.amt, r.int(100, s.amt));
        ev.push({
          kind: 'refund',
          date: day,
          time: hms(r, 21, 23),
          card: s.card,
          amt: -ra,
          fee: 0,
          net: -ra,
          text: r.pick(cfg.refundNames || ['退货']),
          ref: ref(),
        });
        pending -= ra;
      }
    }
    for (const f of cfg.fees.filter((x) => x.date === day)) pending -= f.amt;
  }
  if (hidden.length) throw new Error(`hidden deductions not placed: ${JSON.stringify(hidden)}`);
  return ev;
}

/** §2 verdicts; mutates events with .findings */
export function label(ev, contract) {
  const state = {}; // category -> {anchor, used:Set(periodIndex)}
  const step = { month: 1, quarter: 3, year: 12 };
  function judge(cat, amt, date) {
    if (!contract) return { category: cat, verdict: 'needs_review', overcharge: 0, amount: amt };
    if (cat === 'other_deduction')
      return { category: cat, verdict: 'needs_review', overcharge: 0, amount: amt };
    const ag = (contract.agreedCharges || []).find((a) => a.category === cat);
    const un = (oc) => ({ category: cat, verdict: 'unauthorized', overcharge: oc, amount: amt });
    if (!ag) return un(amt);
    if (ag.startsAfter && date < ag.startsAfter) return un(amt);
    const cap = Math.round(Number(ag.amountYuan) * 100);
    const st = (state[cat] ??= { anchor: null, used: new Set() });
    if (st.anchor === null) st.anchor = date;
    let k = 0;
    if (ag.every !== 'once') {
      while (addMonths(st.anchor, (k + 1) * step[ag.every]) <= date) k++;
    }
    if (st.used.has(k)) return un(amt);
    st.used.add(k);
    return amt > cap
      ? un(amt - cap)
      : { category: cat, verdict: 'authorized', overcharge: 0, amount: amt };
  }
  for (const e of ev) {
    e.findings = [];
    if (e.kind === 'fee') e.findings.push(judge(e.cat, -e.amt, e.date));
    if (e.kind === 'credit' && e.cat === 'other_deduction')
      throw new Error('credit cannot be a deduction');
    if (e.kind === 'sale') {
      if (contract) {
        const exp = expectedFee(contract, e.card, e.amt);
        if (e.fee - exp >= 2)
          e.findings.push({
            category: 'rate_overcharge',
            verdict: 'unauthorized',
            overcharge: e.fee - exp,
            amount: e.fee - exp,
          });
      }
      if (e.hiddenAmt) {
        if (e.hiddenCat) e.findings.push(judge(e.hiddenCat, e.hiddenAmt, e.date));
        else
          e.findings.push({
            category: 'settlement_shortfall',
            verdict: contract ? 'unauthorized' : 'needs_review',
            overcharge: contract ? e.hiddenAmt : 0,
            amount: e.hiddenAmt,
          });
      }
    }
  }
  return ev;
}

export function expected(file, contractFile, ev, extra = {}) {
  const findings = [];
  const by = {};
  let total = 0;
  for (const e of ev) {
    for (const f of e.findings) {
      findings.push({
        file,
        row: e.row,
        ...(e.page ? { page: e.page } : {}),
        ...(e.sheet ? { sheet: e.sheet } : {}),
        date: e.date,
        category: f.category,
        verdict: f.verdict,
        overcharge: yuan(f.overcharge),
        amount: yuan(f.amount),
        text: e.text || '',
      });
      total += f.overcharge;
      if (f.overcharge) by[f.category] = (by[f.category] || 0) + f.overcharge;
    }
  }
  const counts = {};
  for (const f of findings) counts[f.verdict] = (counts[f.verdict] || 0) + 1;
  return {
    file,
    contract: contractFile,
    ...extra,
    records: ev.length,
    period: { from: ev[0].date, to: ev[ev.length - 1].date },
    claim: {
      total: yuan(total),
      currency: 'CNY',
      byCategory: Object.fromEntries(Object.entries(by).map(([k, v]) => [k, yuan(v)])),
    },
    counts,
    findings,
  };
}
