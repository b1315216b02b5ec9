// Statement model and the labeller: spec §2 applied to generated events, independent of any reader.

export function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}
export const pick = (r, a) => a[Math.floor(r() * a.length)];
export const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

export const yuan = (fen) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
const pad2 = (n) => String(n).padStart(2, '0');

export function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function addMonths(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + n, d));
  return t.toISOString().slice(0, 10);
}

// fee at percent of amount, capped, half-up to the fen (percent given in hundredths of a percent to stay integer)
function pctFee(amountFen, percent, capYuan) {
  const bp = Math.round(percent * 1000); // thousandths of a percent
  let num = amountFen * bp; // fee = amount*bp/100000
  let fee = Math.floor((num * 2 + 100000) / 200000);
  if (capYuan !== undefined && capYuan !== null) {
    const cap = Math.round(capYuan * 100);
    if (amountFen * bp > cap * 100000) fee = cap;
  }
  return fee;
}

export function expectedFee(contract, amountFen, card /* 'debit'|'credit'|null */) {
  const rates = contract.rates;
  let applicable;
  if (card) {
    const specific = rates.filter((r) => r.cardType === card);
    applicable = specific.length ? specific : rates.filter((r) => r.cardType === 'any');
  } else {
    // unknown card: any rate that could apply (a card-specific one, or any when no specific for that card)
    applicable = [];
    for (const c of ['debit', 'credit']) {
      const specific = rates.filter((r) => r.cardType === c);
      applicable.push(...(specific.length ? specific : rates.filter((r) => r.cardType === 'any')));
    }
  }
  let best = 0;
  for (const r of applicable) best = Math.max(best, pctFee(amountFen, r.percent, r.capYuan));
  return best + Math.round((contract.perTransactionFeeYuan || 0) * 100);
}

/**
 * Generate events for one statement.
 * opts: seed, start (iso), days, perDay, contract, cardVisible, hasNet, rise {from, percentExtra}, addOn (fen added to fee on some rows),
 * fees: [{day, text, cat, fen, credit?}], shortfalls: n, payout: 'T1'|'D0', payoutName, payoutFeeText/fen (per payout fee row)
 */
export function generate(o) {
  const r = rng(o.seed);
  const ev = [];
  const c = o.contract;
  const baseRates =
    o.baseRates ||
    (c
      ? c.rates
      : [
          { cardType: 'debit', percent: 0.55, capYuan: 20 },
          { cardType: 'credit', percent: 0.6 },
          { cardType: 'any', percent: 0.6 },
        ]);
  const baseC = { rates: baseRates, perTransactionFeeYuan: c ? c.perTransactionFeeYuan || 0 : 0 };
  for (let d = 0; d < o.days; d++) {
    const date = addDays(o.start, d);
    const n = int(r, Math.max(1, o.perDay - 3), o.perDay + 3);
    let secs = 8 * 3600 + int(r, 0, 1800);
    let dayNet = 0;
    const dayEvents = [];
    for (let i = 0; i < n; i++) {
      secs += int(r, 300, Math.floor((13 * 3600) / n));
      const time = `${pad2(Math.floor(secs / 3600) % 24)}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}`;
      const card = r() < 0.55 ? 'debit' : 'credit';
      const amount = r() < 0.1 ? int(r, 200000, 1200000) : int(r, 800, 90000);
      let fee = expectedFee(baseC, amount, card);
      if (o.rise && date >= o.rise.from) fee += pctFee(amount, o.rise.percentExtra);
      if (o.addOnFen && r() < o.addOnShare) fee += o.addOnFen;
      const ref = String(int(r, 100000, 999999)) + String(int(r, 100000, 999999));
      const e = { kind: 'sale', date, time, amount, fee, card, ref, net: amount - fee };
      dayEvents.push(e);
      if (r() < 0.04) {
        secs += 120;
        const rt = `${pad2(Math.floor(secs / 3600) % 24)}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}`;
        dayEvents.push({
          kind: 'refund',
          date,
          time: rt,
          amount: -amount,
          fee: 0,
          card,
          ref: ref.split('').reverse().join(''),
          net: -amount,
          text: pick(r, o.refundNames || ['退货']),
        });
      }
    }
    for (const e of dayEvents) ev.push(e);
    // scheduled fee rows / credits on this day
    for (const f of o.fees.filter((x) => x.day === d)) {
      ev.push({
        kind: f.credit ? 'credit' : 'fee',
        date,
        time: f.time || '02:15:00',
        amount: f.credit ? f.fen : -f.fen,
        fee: 0,
        net: f.credit ? f.fen : -f.fen,
        text: f.text,
        cat: f.cat,
        ref: String(int(r, 10000000, 99999999)),
      });
    }
    for (const e of dayEvents) dayNet += e.net;
    if (o.payoutEvery && d % o.payoutEvery === o.payoutEvery - 1 && dayNet > 0) {
      ev.push({
        kind: 'payout',
        date,
        time: '23:30:00',
        amount: -dayNet,
        fee: 0,
        net: -dayNet,
        text: o.payoutName || '结算划款',
        ref: String(int(r, 10000000, 99999999)),
      });
      if (o.payoutFee)
        ev.push({
          kind: 'fee',
          date,
          time: '23:30:05',
          amount: -o.payoutFee.fen,
          fee: 0,
          net: -o.payoutFee.fen,
          text: o.payoutFee.text,
          cat: 'instant_settlement_fee',
          ref: String(int(r, 10000000, 99999999)),
        });
    }
  }
  // hidden shortfalls: some sales pay out less with no fee named
  if (o.shortfalls) {
    const sales = ev.filter((e) => e.kind === 'sale');
    for (let k = 0; k < o.shortfalls; k++) {
      const s = sales[Math.floor(((k + 0.5) * sales.length) / o.shortfalls)];
      s.net -= o.shortfallFen || 2000;
    }
  }
  return ev;
}

function periodEnd(start, every) {
  if (every === 'month') return addMonths(start, 1);
  if (every === 'quarter') return addMonths(start, 3);
  if (every === 'year') return addMonths(start, 12);
  return '9999-12-31';
}

/** Label every event: returns findings [{ev, category, verdict, overcharge, amount}] in statement order. */
export function label(ev, contract, { cardVisible, hasNet }) {
  const out = [];
  const state = new Map(); // category -> {anchor, used:Set(periodIndex)}
  for (const e of ev) {
    if (e.kind === 'sale') {
      if (contract) {
        const exp = expectedFee(contract, e.amount, cardVisible ? e.card : null);
        if (e.fee - exp >= 2)
          out.push({
            ev: e,
            category: 'rate_overcharge',
            verdict: 'unauthorized',
            overcharge: e.fee - exp,
            amount: e.fee - exp,
          });
      }
      if (hasNet && e.amount - e.fee - e.net >= 2) {
        const diff = e.amount - e.fee - e.net;
        out.push({
          ev: e,
          category: 'settlement_shortfall',
          verdict: contract ? 'unauthorized' : 'needs_review',
          overcharge: contract ? diff : 0,
          amount: diff,
        });
      }
      continue;
    }
    if (e.kind !== 'fee') continue;
    const fen = -e.amount;
    if (e.cat === 'other_deduction' || !contract) {
      out.push({ ev: e, category: e.cat, verdict: 'needs_review', overcharge: 0, amount: fen });
      continue;
    }
    const agreed = contract.agreedCharges.find((a) => a.category === e.cat);
    if (!agreed || (agreed.startsAfter && e.date < agreed.startsAfter)) {
      out.push({ ev: e, category: e.cat, verdict: 'unauthorized', overcharge: fen, amount: fen });
      continue;
    }
    let st = state.get(e.cat);
    if (!st) {
      st = { anchor: e.date, used: new Set() };
      state.set(e.cat, st);
    }
    let idx = 0;
    if (agreed.every !== 'once') {
      let p = st.anchor;
      while (periodEnd(p, agreed.every) <= e.date) {
        p = periodEnd(p, agreed.every);
        idx++;
      }
    }
    if (st.used.has(idx)) {
      out.push({ ev: e, category: e.cat, verdict: 'unauthorized', overcharge: fen, amount: fen });
      continue;
    }
    st.used.add(idx);
    const ag = Math.round(Number(agreed.amountYuan) * 100);
    if (fen > ag)
      out.push({
        ev: e,
        category: e.cat,
        verdict: 'unauthorized',
        overcharge: fen - ag,
        amount: fen,
      });
    else out.push({ ev: e, category: e.cat, verdict: 'authorized', overcharge: 0, amount: fen });
  }
  return out;
}

export function expectedJson({
  file,
  contractFile,
  format,
  encoding,
  sheets,
  headerRow,
  records,
  ev,
  findings,
  rowOf,
  text,
  extra,
}) {
  const claimBy = {};
  let total = 0;
  const counts = { unauthorized: 0, authorized: 0, needs_review: 0 };
  const fs = findings.map((f) => {
    counts[f.verdict]++;
    if (f.verdict === 'unauthorized') {
      total += f.overcharge;
      claimBy[f.category] = (claimBy[f.category] || 0) + f.overcharge;
    }
    const loc = rowOf(f.ev);
    return {
      file,
      ...loc,
      date: f.ev.date,
      category: f.category,
      verdict: f.verdict,
      overcharge: yuan(f.overcharge),
      amount: yuan(f.amount),
      text: f.ev.text || text?.(f.ev) || '',
    };
  });
  const byCategory = {};
  for (const k of Object.keys(claimBy).sort()) byCategory[k] = yuan(claimBy[k]);
  const dates = ev.map((e) => e.date).sort();
  return {
    file,
    contract: contractFile,
    format,
    encoding,
    ...(sheets ? { sheets } : {}),
    headerRow,
    records,
    period: { from: dates[0], to: dates[dates.length - 1] },
    claim: { total: yuan(total), currency: 'CNY', byCategory },
    counts,
    findings: fs,
    generator: { by: 'bench/outside/rt6/gen.mjs', ...extra },
  };
}
