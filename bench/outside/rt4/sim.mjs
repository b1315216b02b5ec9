// Simulation of an acquirer merchant's activity and an independent reading of spec §2
// (shared/spec/audit.md) that labels it. Money is integer fen throughout.

export function rngFrom(seedStr) {
  let h = 1779033703 ^ seedStr.length;
  for (let i = 0; i < seedStr.length; i++) {
    h = Math.imul(h ^ seedStr.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
}

// ---- dates (plain calendar dates, no time zones involved) ---------------------------------------
export const pad2 = (n) => String(n).padStart(2, '0');
export function ymd(d) {
  return `${d.y}-${pad2(d.m)}-${pad2(d.d)}`;
}
export function parseYmd(s) {
  const [y, m, d] = s.split('-').map(Number);
  return { y, m, d };
}
function dim(y, m) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
export function addDays(s, n) {
  const t = new Date(`${s}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
export function addMonths(s, n) {
  const { y, m, d } = parseYmd(s);
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return ymd({ y: ny, m: nm, d: Math.min(d, dim(ny, nm)) });
}
export function periodEnd(start, every) {
  if (every === 'month') return addMonths(start, 1);
  if (every === 'quarter') return addMonths(start, 3);
  if (every === 'year') return addMonths(start, 12);
  return '9999-12-31';
}

export const fmtYuan = (fen) => {
  const neg = fen < 0;
  const a = Math.abs(fen);
  return `${neg ? '-' : ''}${Math.floor(a / 100)}.${pad2(a % 100)}`;
};

// percent given as a string like "0.6" -> basis of 1/10000 percent to keep integer arithmetic
function pctMicro(p) {
  const [i, f = ''] = String(p).split('.');
  return Number(i) * 10000 + Number((f + '0000').slice(0, 4));
}
// amount*percent/100, half-up to the fen, capped first (cap applies to the exact product)
export function feeFor(amountFen, percent, capYuan, mode = 'half-up') {
  const num = amountFen * pctMicro(percent); // fen * 1e4 * percent ; fee = num / 1e6
  const capFen = capYuan == null ? null : Math.round(Number(capYuan) * 100);
  if (capFen != null && num >= capFen * 1e6) return capFen;
  const q = Math.floor(num / 1e6);
  const r = num - q * 1e6;
  if (mode === 'ceil') return r > 0 ? q + 1 : q;
  if (mode === 'floor') return q;
  return r * 2 >= 1e6 ? q + 1 : q;
}

// ---- the audit as the spec states it ------------------------------------------------------------
function expectedFee(contract, card, amountFen) {
  const rates = contract.rates || [];
  const pick = (ct) => rates.find((r) => r.cardType === ct);
  const any = pick('any');
  const forCard = (ct) => pick(ct) || any;
  const cands = card ? [forCard(card)] : [forCard('debit'), forCard('credit')];
  let best = null;
  for (const r of cands) {
    if (!r) continue;
    const f = feeFor(amountFen, r.percent, r.capYuan ?? null);
    if (best === null || f > best) best = f;
  }
  if (best === null) return null;
  return best + Math.round(Number(contract.perTransactionFeeYuan || 0) * 100);
}

/**
 * records: in file order. Each: {kind:'txn'|'refund'|'payout'|'fee'|'credit'|'other', date, amountFen(abs),
 * feeFen, settledFen, card (null when the file does not show it), category (fee), hiddenCat (txn with named hidden fee)}
 * returns findings [{rec, category, verdict, overcharge, amount, text}]
 */
export function audit(records, contract) {
  const out = [];
  const charges = new Map(); // category -> {agreed, periodStart, periodEnd, used}
  if (contract)
    for (const a of contract.agreedCharges || [])
      charges.set(a.category, { a, start: null, end: null, used: false });
  const deduction = (rec, category, amountFen, text) => {
    if (category === 'other_deduction') {
      out.push({ rec, category, verdict: 'needs_review', overcharge: 0, amount: amountFen, text });
      return;
    }
    if (!contract) {
      out.push({ rec, category, verdict: 'needs_review', overcharge: 0, amount: amountFen, text });
      return;
    }
    const st = charges.get(category);
    let covered = false;
    let over = amountFen;
    if (st && (!st.a.startsAfter || rec.date >= st.a.startsAfter)) {
      const agreed = Math.round(Number(st.a.amountYuan) * 100);
      if (st.a.every === 'once') {
        if (!st.used) {
          st.used = true;
          covered = true;
        }
      } else if (st.start === null || rec.date >= st.end) {
        st.start = rec.date;
        st.end = periodEnd(rec.date, st.a.every);
        covered = true;
      }
      if (covered) over = Math.max(0, amountFen - agreed);
    }
    out.push({
      rec,
      category,
      verdict: over > 0 ? 'unauthorized' : 'authorized',
      overcharge: over,
      amount: amountFen,
      text,
    });
  };
  for (const rec of records) {
    if (rec.kind === 'fee') deduction(rec, rec.category, rec.amountFen, rec.text);
    if (rec.kind === 'txn') {
      if (contract && rec.feeFen != null) {
        const exp = expectedFee(contract, rec.card, rec.amountFen);
        if (exp !== null && rec.feeFen - exp >= 2) {
          out.push({
            rec,
            category: 'rate_overcharge',
            verdict: 'unauthorized',
            overcharge: rec.feeFen - exp,
            amount: rec.feeFen,
            text: rec.text || '',
          });
        }
      }
      if (rec.settledFen != null && rec.feeFen != null) {
        const gap = rec.amountFen - rec.feeFen - rec.settledFen;
        if (gap >= 2) {
          if (rec.hiddenCat) deduction(rec, rec.hiddenCat, gap, rec.text || '');
          else
            out.push({
              rec,
              category: 'settlement_shortfall',
              verdict: contract ? 'unauthorized' : 'needs_review',
              overcharge: contract ? gap : 0,
              amount: gap,
              text: rec.text || '',
            });
        }
      }
    }
  }
  return out;
}
