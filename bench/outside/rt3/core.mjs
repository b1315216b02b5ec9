// rt3 red team: the ledger of one merchant and the answer to it by spec §2.
// Money is integer fen; dates are Asia/Shanghai calendar dates held as {y,m,d,hh,mi,ss}.

export function rng(seed) {
  let a = seed >>> 0;
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

export const pad2 = (n) => String(n).padStart(2, '0');
export const iso = (t) => `${t.y}-${pad2(t.m)}-${pad2(t.d)}`;
export const yuan = (fen) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${pad2(Math.abs(fen) % 100)}`;
export const withSep = (fen) => {
  const s = yuan(Math.abs(fen));
  const [i, f] = s.split('.');
  return `${fen < 0 ? '-' : ''}${i.replace(/\B(?=(\d{3})+$)/g, ',')}.${f}`;
};

function dayList(from, to) {
  const out = [];
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (d <= end) {
    out.push({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() });
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}
export function addDays(dateIso, n) {
  const d = new Date(`${dateIso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function addPeriod(dateIso, every) {
  const [y, m, d] = dateIso.split('-').map(Number);
  const months = every === 'month' ? 1 : every === 'quarter' ? 3 : 12;
  const t = new Date(Date.UTC(y, m - 1 + months, d));
  return t.toISOString().slice(0, 10);
}
const parseIso = (s) => {
  const [y, m, d] = s.split('-').map(Number);
  return { y, m, d };
};

/**
 * Builds the chronological ledger.
 * opts: seed, from, to, salesPerDay [lo,hi], amountRange [lo,hi] yuan, cards (array incl. null for unknown),
 *   rates {debit, credit} percent charged, debitCap fen|null, perTx fen charged add-on,
 *   rise: {from: iso, rates:{debit,credit}} a silent rate rise, settledCol (bool),
 *   payouts ('daily'|'none'), refunds p, fees: [{date, time?, cat, fen, text, status?, form?}],
 *   shortfalls: [{date, fen, text?, cat?}] hidden deductions on that day's first sale,
 *   credits: [{date, fen, text}] fee refunds, round100 p of sales in whole hundreds,
 */
export function ledger(opts) {
  const r = rng(opts.seed);
  const ev = [];
  let ref = 100000 + r.int(0, 800000);
  const nextRef = () =>
    `${opts.refPrefix ?? '8'}${String((ref += r.int(1, 97))).padStart(11, '0')}`;
  const fees = [...(opts.fees ?? [])];
  const shortfalls = [...(opts.shortfalls ?? [])];
  const credits = [...(opts.credits ?? [])];
  let pendingNet = 0;
  for (const day of dayList(opts.from, opts.to)) {
    const di = iso(day);
    const todays = [];
    // payout of yesterday's net in the small hours
    if ((opts.payouts ?? 'daily') === 'daily' && pendingNet > 0) {
      todays.push({
        kind: 'payout',
        t: { ...day, hh: 1, mi: r.int(0, 59), ss: r.int(0, 59) },
        amt: pendingNet,
        text: opts.payoutText ?? '结算',
      });
      pendingNet = 0;
    }
    if (opts.noSales && r.chance(0.85)) {
      todays.push({
        kind: 'payout',
        t: { ...day, hh: 1, mi: r.int(0, 59), ss: r.int(0, 59) },
        amt: r.int(30000, 2500000),
        text: '结算',
      });
    }
    const n = opts.noSales ? 0 : r.int(opts.salesPerDay?.[0] ?? 2, opts.salesPerDay?.[1] ?? 6);
    const times = [];
    for (let i = 0; i < n; i++) times.push(r.int(8 * 3600, 22 * 3600));
    times.sort((a, b) => a - b);
    const rates = opts.rise && di >= opts.rise.from ? opts.rise.rates : opts.rates;
    let firstSale = true;
    for (const s of times) {
      const t = { ...day, hh: Math.floor(s / 3600), mi: Math.floor((s % 3600) / 60), ss: s % 60 };
      const [lo, hi] = opts.amountRange ?? [5, 3000];
      let amt = r.int(lo * 100, hi * 100);
      if (r.chance(opts.roundish ?? 0.3)) amt = Math.round(amt / 100) * 100 || 100;
      if (opts.round100 && r.chance(opts.round100)) amt = r.int(10, 60) * 100000;
      const card = r.pick(opts.cards ?? ['debit', 'credit']);
      const pct =
        card === 'debit'
          ? rates.debit
          : card === 'credit'
            ? rates.credit
            : Math.max(rates.debit, rates.credit);
      let fee = halfUp(amt * Math.round(pct * 10000), 100 * 10000);
      if (card === 'debit' && opts.debitCap != null && fee > opts.debitCap) fee = opts.debitCap;
      fee += opts.perTx ?? 0;
      const e = {
        kind: 'sale',
        t,
        amt,
        fee,
        card,
        pct,
        settled: amt - fee,
        ref: nextRef(),
        text: '',
      };
      if (firstSale) {
        const sIdx = shortfalls.findIndex((x) => x.date === di);
        if (sIdx >= 0) {
          const sf = shortfalls.splice(sIdx, 1)[0];
          e.settled -= sf.fen;
          e.hidden = sf;
          e.text = sf.text ?? '';
        }
      }
      firstSale = false;
      todays.push(e);
      pendingNet += e.settled;
      if (r.chance(opts.refunds ?? 0.03)) {
        const ra = Math.min(amt, r.int(1, amt));
        todays.push({
          kind: 'refund',
          t: { ...t, mi: Math.min(59, t.mi + 3) },
          amt: ra,
          fee: 0,
          card,
          pct,
          ref: nextRef(),
          text: '',
        });
        pendingNet -= ra;
      }
    }
    for (const f of fees.filter((x) => x.date === di)) {
      const [hh, mi] = (f.time ?? '02:30').split(':').map(Number);
      todays.push({
        ...f,
        kind: 'fee',
        t: { ...day, hh, mi, ss: r.int(0, 59) },
        amt: f.fen,
        status: f.status ?? 'ok',
        ref: nextRef(),
      });
    }
    for (const x of (opts.others ?? []).filter((y) => y.date === di)) {
      const [hh, mi] = (x.time ?? '11:05').split(':').map(Number);
      todays.push({
        ...x,
        kind: 'other',
        t: { ...day, hh, mi, ss: r.int(0, 59) },
        amt: x.fen,
        ref: nextRef(),
      });
    }
    for (const c of credits.filter((x) => x.date === di)) {
      todays.push({
        kind: 'credit',
        t: { ...day, hh: 3, mi: r.int(0, 59), ss: r.int(0, 59) },
        amt: c.fen,
        text: c.text,
        ref: nextRef(),
      });
    }
    todays.sort(
      (a, b) => a.t.hh * 3600 + a.t.mi * 60 + a.t.ss - (b.t.hh * 3600 + b.t.mi * 60 + b.t.ss),
    );
    ev.push(...todays);
  }
  for (const [i, e] of ev.entries()) e.i = i;
  return ev;
}

export function halfUp(num, den) {
  // num/den rounded half-up for non-negative values, integers only
  return Math.floor((num * 2 + den) / (den * 2));
}

function expectedFee(contract, e) {
  const candidates = [];
  const byCard = (ct) => contract.rates.filter((x) => x.cardType === ct);
  const rateFee = (rt) => {
    // amount(fen) × percent / 100, exact: percent has at most 4 decimals
    const p = Math.round(rt.percent * 10000);
    let f = halfUp(e.amt * p, 100 * 10000);
    if (rt.capYuan != null) f = Math.min(f, Math.round(rt.capYuan * 100));
    return f;
  };
  if (e.card) {
    const own = byCard(e.card);
    candidates.push(...(own.length ? own : byCard('any')));
  } else {
    for (const ct of ['debit', 'credit']) {
      const own = byCard(ct);
      candidates.push(...(own.length ? own : byCard('any')));
    }
    if (!contract.rates.some((x) => x.cardType !== 'any')) candidates.push(...byCard('any'));
  }
  const fee = Math.max(...candidates.map(rateFee));
  return fee + Math.round((contract.perTransactionFeeYuan ?? 0) * 100);
}

/** Findings by spec §2 for the ledger; returns [{e, category, verdict, overcharge, amount, text}] */
export function judge(ev, contract) {
  const out = [];
  const deductions = [];
  for (const e of ev) {
    if (e.kind === 'sale') {
      if (contract && !e.skipRate) {
        const exp = expectedFee(contract, e);
        if (e.fee - exp >= 2)
          out.push({
            e,
            category: 'rate_overcharge',
            verdict: 'unauthorized',
            overcharge: e.fee - exp,
            amount: e.fee - exp,
            text: e.text ?? '',
          });
      }
      const short = e.amt - e.fee - e.settled;
      if (short >= 2) {
        if (e.hidden?.cat)
          deductions.push({ e, category: e.hidden.cat, amount: short, text: e.text });
        else
          out.push({
            e,
            category: 'settlement_shortfall',
            verdict: contract ? 'unauthorized' : 'needs_review',
            overcharge: contract ? short : 0,
            amount: short,
            text: e.text ?? '',
          });
      }
    } else if (e.kind === 'fee' && e.status === 'ok') {
      deductions.push({ e, category: e.cat, amount: e.amt, text: e.text });
    }
  }
  const state = new Map();
  for (const d of deductions) {
    const date = iso(d.e.t);
    if (d.category === 'other_deduction' || !contract) {
      out.push({ ...d, verdict: 'needs_review', overcharge: 0 });
      continue;
    }
    const ag = contract.agreedCharges.find((a) => a.category === d.category);
    const agFen = ag ? Math.round(Number(ag.amountYuan) * 100) : 0;
    if (!ag || (ag.startsAfter && date < ag.startsAfter)) {
      out.push({ ...d, verdict: 'unauthorized', overcharge: d.amount });
      continue;
    }
    const st = state.get(d.category);
    let covered;
    if (ag.every === 'once') covered = !st;
    else covered = !st || date >= st.end;
    if (covered) {
      state.set(d.category, {
        start: date,
        end: ag.every === 'once' ? '9999-12-31' : addPeriod(date, ag.every),
      });
      const excess = Math.max(0, d.amount - agFen);
      out.push({ ...d, verdict: excess ? 'unauthorized' : 'authorized', overcharge: excess });
    } else out.push({ ...d, verdict: 'unauthorized', overcharge: d.amount });
  }
  return out;
}

/** Monthly schedule of a charge on a fixed day, from the first month to the last. */
export function monthly(from, to, day, cat, fen, texts, extra = {}) {
  const out = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  let k = 0;
  while (y < ty || (y === ty && m <= tm)) {
    const date = `${y}-${pad2(m)}-${pad2(day)}`;
    if (date >= from && date <= to) {
      const text = typeof texts === 'function' ? texts(y, m, k) : texts[k % texts.length];
      out.push({ date, cat, fen, text, ...extra });
      k++;
    }
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export { parseIso };
