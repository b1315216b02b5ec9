// Labels ledger events by spec §2 (independent of any rendering).
import { expectedFee } from './gen.mjs';

const MONTHS = { month: 1, quarter: 3, year: 12 };
function plusMonths(d, n) {
  let [y, m, dd] = d.split('-').map(Number);
  m += n;
  while (m > 12) {
    m -= 12;
    y++;
  }
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(dd, last)).padStart(2, '0')}`;
}

export function label(events, contract, L) {
  const out = [];
  const state = {};
  const judge = (e, cat, amt, text) => {
    if (!contract)
      return out.push({ e, category: cat, verdict: 'needs_review', over: 0, amount: amt, text });
    if (cat === 'other_deduction')
      return out.push({ e, category: cat, verdict: 'needs_review', over: 0, amount: amt, text });
    const ag = contract.agreedCharges.find((a) => a.category === cat);
    const agAmt = ag ? Math.round(ag.amountYuan * 100) : 0;
    let covered = false;
    if (ag && (!ag.startsAfter || e.date >= ag.startsAfter)) {
      // periods form a grid anchored at the first covered deduction; each covers its first deduction
      const st = (state[cat] ||= { anchor: null, used: new Set() });
      if (ag.every === 'once') {
        if (!st.used.size) {
          covered = true;
          st.used.add(0);
        }
      } else {
        if (st.anchor === null) st.anchor = e.date;
        let k = 0;
        while (plusMonths(st.anchor, (k + 1) * MONTHS[ag.every]) <= e.date) k++;
        if (!st.used.has(k)) {
          covered = true;
          st.used.add(k);
        }
      }
    }
    const over = covered ? Math.max(0, amt - agAmt) : amt;
    out.push({
      e,
      category: cat,
      verdict: over > 0 ? 'unauthorized' : 'authorized',
      over,
      amount: amt,
      text,
    });
  };
  for (const e of events) {
    if (e.kind === 'ded') judge(e, e.cat, e.amt, e.text);
    if (e.kind !== 'sale') continue;
    if (contract) {
      const exp = expectedFee(contract, L.hasCard ? e.card : null, e.amt);
      if (e.fee - exp >= 2)
        out.push({
          e,
          category: 'rate_overcharge',
          verdict: 'unauthorized',
          over: e.fee - exp,
          amount: e.fee,
          text: e.text,
        });
    }
    if (e.hidden > 0) {
      if (e.hiddenText) judge(e, 'traffic_fee', e.hidden, e.hiddenText);
      else
        out.push({
          e,
          category: 'settlement_shortfall',
          verdict: contract ? 'unauthorized' : 'needs_review',
          over: contract ? e.hidden : 0,
          amount: e.hidden,
          text: e.text,
        });
    }
  }
  return out;
}
