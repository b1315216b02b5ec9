// Event model and spec §2 labelling for the rt11 red-team corpus.
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pad = (n, w = 2) => String(n).padStart(w, '0');
export const ymd = (d) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
export const yuan = (f) =>
  (f < 0 ? '-' : '') + Math.floor(Math.abs(f) / 100) + '.' + pad(Math.abs(f) % 100);
export function addDays(s, n) {
  const d = new Date(s + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return ymd(d);
}
function addPeriod(s, every, k) {
  const d = new Date(s + 'T00:00:00Z');
  const m = { month: 1, quarter: 3, year: 12 }[every] * k;
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + m);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return ymd(d);
}
// percent given as basis-points*100 integer avoidance: use rational p = num/10000 percent
export function expFee(amt, rate) {
  // rate.percent as decimal string e.g. '0.6'; exact: amt * p / 100 half-up
  const [i, f = ''] = String(rate.percent).split('.');
  const scale = 10 ** f.length;
  const pInt = Number(i) * scale + Number(f || 0);
  const num = amt * pInt; // fee*100*scale
  const den = 100 * scale;
  let fee = Math.floor((num * 2 + den) / (2 * den));
  if (rate.capYuan !== undefined) fee = Math.min(fee, Math.round(rate.capYuan * 100));
  return fee;
}

/*
 * spec: { seed, start, days, salesPerDay, card rates actually charged: chargeRates {debit, credit}
 *   (rate objects), riseFrom (date) riseRates, contract|null, streams: [{cat,name,amount,dates:[..]}],
 *   refunds: [{name, amount, date}], payoutName, shortfalls: [{date, amount, name?}], unknownCard }
 */
export function buildLedger(spec) {
  const r = prng(spec.seed);
  const ev = [];
  for (let d = 0; d < spec.days; d++) {
    const date = addDays(spec.start, d);
    const n = 1 + Math.floor(r() * spec.salesPerDay);
    let secs = 8 * 3600 + Math.floor(r() * 1800);
    let dayNet = 0;
    for (let k = 0; k < n; k++) {
      secs += 600 + Math.floor(r() * 6000);
      if (secs > 86000) break;
      const big = r() < 0.06;
      const amt = big ? 200000 + Math.floor(r() * 800000) : 500 + Math.floor(r() * 60000);
      let card = spec.unknownCard ? 'unknown' : r() < 0.55 ? 'debit' : 'credit';
      if (spec.cardMix) {
        const x = r();
        card = x < 0.35 ? 'debit' : x < 0.6 ? 'credit' : x < 0.8 ? 'foreign' : 'qr';
      }
      const rates = spec.riseFrom && date >= spec.riseFrom ? spec.riseRates : spec.chargeRates;
      const rk = card === 'unknown' || card === 'foreign' ? 'credit' : card;
      let fee = expFee(amt, rates[rk]) + (spec.chargedPerTx ?? 0);
      let net = amt - fee;
      const sf = (spec.shortfalls ?? []).find((s) => s.date === date && !s.used);
      let hidden = null;
      if (sf && k === 0) {
        sf.used = true;
        net -= sf.amount;
        hidden = sf;
      }
      ev.push({
        kind: 'sale',
        date,
        time: secs,
        amount: amt,
        fee,
        net,
        card,
        hidden,
        ref: String(Math.floor(r() * 1e12)).padStart(12, '0'),
      });
      dayNet += net;
      if (r() < 0.04) {
        ev.push({
          kind: 'refund',
          date,
          time: secs + 300,
          amount: -Math.min(amt, 3000),
          fee: 0,
          net: -Math.min(amt, 3000),
          card,
          ref: String(Math.floor(r() * 1e12)).padStart(12, '0'),
        });
        dayNet -= Math.min(amt, 3000);
      }
    }
    for (const s of spec.streams)
      for (const dt of s.dates)
        if (dt === date)
          ev.push({
            kind: 'fee',
            date,
            time: 23 * 3600 + 60,
            cat: s.cat,
            name: s.name,
            amount: s.amount,
            ref: String(Math.floor(r() * 1e12)).padStart(12, '0'),
          });
    for (const f of spec.refunds ?? [])
      if (f.date === date)
        ev.push({
          kind: 'feerefund',
          date,
          time: 23 * 3600 + 120,
          name: f.name,
          amount: f.amount,
          ref: String(Math.floor(r() * 1e12)).padStart(12, '0'),
        });
    if (dayNet > 0)
      ev.push({
        kind: 'payout',
        date: addDays(date, 1),
        time: 2 * 3600 + Math.floor(r() * 3000),
        amount: dayNet,
        name: spec.payoutName ?? '结算',
        ref: String(Math.floor(r() * 1e12)).padStart(12, '0'),
      });
  }
  ev.sort((a, b) => (a.date + pad(a.time, 6)).localeCompare(b.date + pad(b.time, 6)));
  return ev;
}

// Label events per spec §2; returns array parallel to events: list of findings (without row/file)
export function label(ev, contract) {
  const out = ev.map(() => []);
  const used = {}; // category -> {anchor, periodsUsed:Set, onceUsed}
  ev.forEach((e, i) => {
    if (e.kind === 'sale' && contract) {
      const rates = contract.rates;
      const known = e.card === 'debit' || e.card === 'credit';
      const cand = rates.filter((x) => (!known ? true : x.cardType === e.card));
      const use = cand.length ? cand : rates.filter((x) => x.cardType === 'any');
      let exp = Math.max(...use.map((x) => expFee(e.amount, x)));
      exp += Math.round((contract.perTransactionFeeYuan ?? 0) * 100);
      if (e.fee - exp >= 2)
        out[i].push({
          date: e.date,
          category: 'rate_overcharge',
          verdict: 'unauthorized',
          overcharge: e.fee - exp,
          amount: e.fee,
          text: '',
        });
    }
    if (e.kind === 'sale' && e.hidden) {
      const h = e.hidden;
      if (h.cat) out[i].push(deduct(e.date, h.cat, h.amount, h.name, contract, used));
      else
        out[i].push({
          date: e.date,
          category: 'settlement_shortfall',
          verdict: contract ? 'unauthorized' : 'needs_review',
          overcharge: contract ? h.amount : 0,
          amount: h.amount,
          text: '',
        });
    }
    if (e.kind === 'fee') out[i].push(deduct(e.date, e.cat, e.amount, e.name, contract, used));
  });
  return out;
}
function deduct(date, cat, amount, text, contract, used) {
  const f = { date, category: cat, amount, text };
  if (!contract || cat === 'other_deduction')
    return { ...f, verdict: 'needs_review', overcharge: 0 };
  const ag = (contract.agreedCharges ?? []).find((a) => a.category === cat);
  if (!ag || (ag.startsAfter && date < ag.startsAfter))
    return { ...f, verdict: 'unauthorized', overcharge: amount };
  const u = (used[cat] ??= { anchor: null, periods: new Set() });
  let key;
  if (ag.every === 'once') key = 'once';
  else {
    if (!u.anchor) u.anchor = date;
    let k = 0;
    while (addPeriod(u.anchor, ag.every, k + 1) <= date) k++;
    key = k;
  }
  if (u.periods.has(key)) return { ...f, verdict: 'unauthorized', overcharge: amount };
  u.periods.add(key);
  const agreed = Math.round(Number(ag.amountYuan) * 100);
  if (amount > agreed) return { ...f, verdict: 'unauthorized', overcharge: amount - agreed };
  return { ...f, verdict: 'authorized', overcharge: 0 };
}
