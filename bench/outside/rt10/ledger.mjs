// Ledger model and labelling by spec §2 (red team rt10). Money in integer fen.
export function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}
export const pick = (r, a) => a[Math.floor(r() * a.length)];
export const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
export const yuan = (f) => {
  const neg = f < 0;
  const a = Math.abs(f);
  return (neg ? '-' : '') + Math.floor(a / 100) + '.' + String(a % 100).padStart(2, '0');
};
const pad = (n) => String(n).padStart(2, '0');
export const ymd = (d) => `${d.y}-${pad(d.m)}-${pad(d.d)}`;
function addMonths(s, k) {
  const [y, m, d] = s.split('-').map(Number);
  const t = y * 12 + (m - 1) + k;
  return `${Math.floor(t / 12)}-${pad((t % 12) + 1)}-${pad(d)}`;
}
function bpOf(p) {
  return Math.round(p * 10000); // percent*10000 → e.g. 0.6 → 6000 ; fee = amt*bp/1e6
}
export function expectedFee(contract, card, amt) {
  const rates = contract.rates;
  const cand = [];
  const spec = rates.filter((x) => x.cardType === card);
  if (card && spec.length) cand.push(...spec);
  else if (card) cand.push(...rates.filter((x) => x.cardType === 'any'));
  else {
    // unknown: every rate that could apply (card-specific ones, and any when some card type lacks its own)
    cand.push(...rates.filter((x) => x.cardType !== 'any'));
    const anyR = rates.filter((x) => x.cardType === 'any');
    const kinds = new Set(rates.map((x) => x.cardType));
    if (!(kinds.has('debit') && kinds.has('credit'))) cand.push(...anyR);
  }
  let best = 0;
  for (const r of cand) {
    let f = Math.floor((amt * bpOf(r.percent) * 2 + 1000000) / 2000000); // half-up of amt*bp/1e6
    if (r.capYuan !== undefined) f = Math.min(f, Math.round(Number(r.capYuan) * 100));
    best = Math.max(best, f);
  }
  return best + Math.round(Number(contract.perTransactionFeeYuan || 0) * 100);
}
// ev: {date:'YYYY-MM-DD', time, kind:'sale'|'refund'|'payout'|'fee'|'credit'|'other', amt (fen, positive),
//      fee (fen), card:'debit'|'credit'|null, text, cat (fee category), hidden (fen), hiddenCat}
export function label(events, contract, rowOf) {
  const findings = [];
  const used = {}; // category → {periodEnd, count}
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) =>
      a.e.date + a.e.time < b.e.date + b.e.time
        ? -1
        : a.e.date + a.e.time > b.e.date + b.e.time
          ? 1
          : a.i - b.i,
    );
  const ded = (e, cat, amt, text) => {
    const f = { row: rowOf(e), date: e.date, category: cat, amount: yuan(amt), text };
    if (e.page) f.page = e.page;
    if (!contract || cat === 'other_deduction') {
      f.verdict = 'needs_review';
      f.overcharge = '0.00';
      return f;
    }
    if (cat === 'settlement_shortfall') {
      f.verdict = 'unauthorized';
      f.overcharge = yuan(amt);
      return f;
    }
    const ag = (contract.agreedCharges || []).find((a) => a.category === cat);
    let covered = false;
    let agreed = 0;
    if (ag && (!ag.startsAfter || e.date >= ag.startsAfter)) {
      // periods form a fixed grid from the first covered deduction; each period covers its first deduction
      const n = { month: 1, quarter: 3, year: 12 }[ag.every];
      const u = (used[cat] ??= { anchor: e.date, taken: new Set() });
      let k = 0;
      if (n) while (addMonths(u.anchor, (k + 1) * n) <= e.date) k++;
      if (!u.taken.has(k)) {
        u.taken.add(k);
        covered = true;
        agreed = Math.round(Number(ag.amountYuan) * 100);
      }
    }
    if (covered && amt <= agreed) {
      f.verdict = 'authorized';
      f.overcharge = '0.00';
    } else {
      f.verdict = 'unauthorized';
      f.overcharge = yuan(covered ? amt - agreed : amt);
    }
    return f;
  };
  for (const { e } of sorted) {
    if (
      e.kind === 'sale' &&
      e.fee !== undefined &&
      e.fee !== null &&
      contract &&
      e.rateCheck !== false
    ) {
      const x = expectedFee(contract, e.card, e.amt);
      if (e.fee - x >= 2) {
        const f = {
          row: rowOf(e),
          date: e.date,
          category: 'rate_overcharge',
          verdict: 'unauthorized',
          overcharge: yuan(e.fee - x),
          amount: yuan(e.fee),
          text: e.text || '消费',
        };
        if (e.page) f.page = e.page;
        findings.push(f);
      }
    }
    if (e.kind === 'sale' && e.hidden)
      findings.push(ded(e, e.hiddenCat || 'settlement_shortfall', e.hidden, e.text || '消费'));
    if (e.kind === 'fee') findings.push(ded(e, e.cat, e.amt, e.text));
    if (e.kind === 'payout' && e.fee)
      findings.push(ded(e, 'instant_settlement_fee', e.fee, e.text));
  }
  findings.sort((a, b) => a.row - b.row || a.category.localeCompare(b.category));
  const byCategory = {};
  let total = 0;
  const counts = { unauthorized: 0, authorized: 0, needs_review: 0 };
  for (const f of findings) {
    counts[f.verdict]++;
    if (f.verdict !== 'unauthorized') continue;
    const o = Math.round(Number(f.overcharge) * 100);
    total += o;
    byCategory[f.category] = yuan(Math.round(Number(byCategory[f.category] || 0) * 100) + o);
  }
  const sortedBC = Object.fromEntries(Object.entries(byCategory).sort());
  return { findings, claim: { total: yuan(total), currency: 'CNY', byCategory: sortedBC }, counts };
}

const PAYOUT_NAMES = [
  'D0提现至尾号{t}',
  '秒到提现',
  'T0出款',
  '余额提现',
  '结算',
  '自动结算至尾号{t}',
  '代付到卡',
  'D0提现',
];
const SPEED_FEES = ['提现手续费', '秒到费', '垫资费', 'D0手续费'];
// Build a generic ledger. opts: {seed, from:'YYYY-MM', months, perDay, fees:[{date, cat, amt, text}], payoutFeeMode:'row'|'col'|'none', rateBump, shortfalls}
export function buildLedger(o) {
  const r = rng(o.seed);
  const ev = [];
  const [y0, m0] = o.from.split('-').map(Number);
  const tail = String(int(r, 1000, 9999));
  for (let k = 0; k < o.months; k++) {
    const t = y0 * 12 + m0 - 1 + k;
    const y = Math.floor(t / 12);
    const m = (t % 12) + 1;
    for (let d = 1; d <= 28; d++) {
      if (r() < (o.skip ?? 0.3)) continue;
      const n = int(r, 1, o.perDay ?? 4);
      const date = `${y}-${pad(m)}-${pad(d)}`;
      let gross = 0;
      for (let j = 0; j < n; j++) {
        const card = o.noCard ? null : pick(r, ['debit', 'credit', 'credit']);
        const amt = int(r, 500, 300000);
        const time = `${pad(8 + Math.floor((j * 14) / n))}:${pad(int(r, 0, 59))}:${pad(int(r, 0, 59))}`;
        let fee = o.contract ? expectedFee(o.contract, card, amt) : Math.round((amt * 6) / 1000);
        if (o.rateBump && r() < o.rateBump) fee += int(r, 2, 300);
        if (o.fuzzFee && r() < 0.2) fee += pick(r, [-1, 1]); // rounding noise ±1 fen: not findings
        const e = {
          date,
          time,
          kind: 'sale',
          amt,
          fee,
          card,
          text: pick(r, o.saleWords ?? ['消费']),
        };
        if (o.shortfalls && r() < o.shortfalls) {
          e.hidden = pick(r, [500, 990, 1200, 3000]);
          if (r() < 0.4) {
            e.hiddenCat = 'traffic_fee';
            e.note = '含流量费';
          }
        }
        ev.push(e);
        gross += amt - fee;
      }
      if (o.refunds && r() < o.refunds)
        ev.push({
          date,
          time: '21:10:00',
          kind: 'refund',
          amt: int(r, 500, 5000),
          fee: 0,
          card: null,
          text: pick(r, ['退货', '撤销', '冲正']),
        });
      if (o.credits && r() < o.credits)
        ev.push({
          date,
          time: '21:30:00',
          kind: 'credit',
          amt: int(r, 100, 3000),
          fee: 0,
          card: null,
          text: pick(r, ['手续费返还', '流量费退还', '营销补贴', '服务费退回']),
        });
      if (r() < (o.payoutP ?? 0.5)) {
        const name = pick(r, o.payoutNames ?? PAYOUT_NAMES).replace('{t}', tail);
        const speed =
          o.payoutFeeMode && o.payoutFeeMode !== 'none' && /D0|秒到|T0|余额|代付/.test(name);
        const pf = speed ? pick(r, [200, 300, 100]) : 0;
        const amt = Math.max(100, Math.floor(gross * 0.9));
        if (o.payoutFeeMode === 'col')
          ev.push({ date, time: '23:00:00', kind: 'payout', amt, fee: pf, card: null, text: name });
        else {
          ev.push({ date, time: '23:00:00', kind: 'payout', amt, fee: 0, card: null, text: name });
          if (pf)
            ev.push({
              date,
              time: '23:00:01',
              kind: 'fee',
              cat: 'instant_settlement_fee',
              amt: pf,
              text: pick(r, SPEED_FEES),
              card: null,
              fee: 0,
            });
        }
      }
    }
  }
  for (const f of o.fees ?? [])
    ev.push({
      time: '03:00:00',
      kind: f.cat === 'other_deduction' ? 'fee' : 'fee',
      card: null,
      fee: 0,
      ...f,
    });
  ev.sort((a, b) =>
    a.date + a.time < b.date + b.time ? -1 : a.date + a.time > b.date + b.time ? 1 : 0,
  );
  return ev;
}
