// rt7 ledger model: events first, then labels by spec §2, rendering happens elsewhere.
// Money is integer fen throughout.

export function rng(seedText) {
  let h = 2166136261;
  for (const ch of seedText) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 16777619);
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

// ---- dates (calendar dates as YYYY-MM-DD strings, no time zone involved) ----
export function addDays(d, n) {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
export function addMonths(d, n) {
  const [y, m, day] = d.split('-').map(Number);
  const idx = y * 12 + (m - 1) + n;
  const yy = Math.floor(idx / 12);
  const mm = (idx % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${yy}-${String(mm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
export const yuan = (fen) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
const hms = (s) =>
  `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

const milli = (p) => Math.round(p * 1000);

export function expectedFee(contract, card, amountFen) {
  const rates = contract.rates;
  const cands = [];
  const specific = card ? rates.filter((r) => r.cardType === card) : [];
  if (specific.length) cands.push(...specific);
  else if (card) cands.push(...rates.filter((r) => r.cardType === 'any'));
  else cands.push(...rates); // unknown card: any rate could apply
  let best = 0;
  for (const r of cands) {
    let f = amountFen * milli(r.percent); // fen * 100000 scale
    if (r.capYuan !== undefined && r.capYuan !== null)
      f = Math.min(f, Math.round(r.capYuan * 100) * 100000);
    const fee = Math.floor((f * 2 + 100000) / 200000);
    if (fee > best) best = fee;
  }
  return best + Math.round((contract.perTransactionFeeYuan ?? 0) * 100);
}

/**
 * Build a ledger.
 * cfg: { seed, start, days, perDay:[a,b], contract (the true agreed contract, used to compute honest fees),
 *   cardCol, rise:{from, extraPct}, capBreakFrom, addon:{from, fen}, fees:[{date, cat, fen, text, typ}],
 *   credits:[{date, fen, text, typ}], hidden:[{date, fen, text}], payout:{names:[..], feeFen?:{date..}},
 *   refundRate, big }
 */
export function buildLedger(cfg) {
  const r = rng(cfg.seed);
  const ev = [];
  const rates = cfg.contract.rates;
  let refN = 0;
  const ref = () =>
    `${cfg.refPrefix ?? '6'}${String(r.int(10000000, 99999999))}${String(++refN).padStart(4, '0')}`;
  let prevNet = 0;
  for (let i = 0; i < cfg.days; i++) {
    const date = addDays(cfg.start, i);
    const day = [];
    // payout of yesterday's takings early in the morning
    if (prevNet > 0 && cfg.payout !== false) {
      const names = cfg.payout?.names ?? ['结算'];
      day.push({
        kind: 'payout',
        date,
        sec: r.int(3600, 5 * 3600),
        fen: prevNet,
        text: r.pick(names),
        ref: ref(),
      });
    }
    prevNet = 0;
    const n = r.int(cfg.perDay[0], cfg.perDay[1]);
    for (let k = 0; k < n; k++) {
      const big = r.chance(cfg.big ?? 0.06);
      const amount = big ? r.int(150000, 2500000) : r.int(500, 60000);
      const card = cfg.cardCol ? (r.chance(0.55) ? 'debit' : 'credit') : null;
      let fee = expectedFee(cfg.contract, card, amount);
      if (cfg.rise && date >= cfg.rise.from) {
        const c2 = {
          ...cfg.contract,
          rates: rates.map((x) => ({
            ...x,
            percent: x.percent + cfg.rise.extraPct,
            capYuan: cfg.rise.dropCap ? undefined : x.capYuan,
          })),
        };
        fee = expectedFee(c2, card, amount);
      }
      if (cfg.addon && date >= cfg.addon.from) fee += cfg.addon.fen;
      if (r.chance(0.05)) fee += 1; // one fen of rounding noise: never a finding
      const sec = r.int(7 * 3600, 23 * 3600);
      day.push({
        kind: 'sale',
        date,
        sec,
        fen: amount,
        card,
        fee,
        net: amount - fee,
        text: '',
        ref: ref(),
      });
      prevNet += amount - fee;
      if (cfg.refundRate && r.chance(cfg.refundRate)) {
        const back = Math.min(amount, r.int(300, 5000));
        day.push({
          kind: 'refund',
          date,
          sec: Math.min(sec + r.int(60, 3000), 86399),
          fen: back,
          card,
          fee: 0,
          net: back,
          text: '',
          ref: ref(),
        });
        prevNet -= back;
      }
    }
    for (const f of cfg.fees ?? [])
      if (f.date === date)
        day.push({
          kind: 'fee',
          date,
          sec: f.sec ?? r.int(6 * 3600, 22 * 3600),
          fen: f.fen,
          cat: f.cat,
          text: f.text,
          typ: f.typ,
          ref: ref(),
        });
    for (const c of cfg.credits ?? [])
      if (c.date === date)
        day.push({
          kind: 'credit',
          date,
          sec: r.int(6 * 3600, 22 * 3600),
          fen: c.fen,
          text: c.text,
          typ: c.typ,
          ref: ref(),
        });
    day.sort((a, b) => a.sec - b.sec);
    for (const h of cfg.hidden ?? []) {
      if (h.date !== date) continue;
      const s = day.find((e) => e.kind === 'sale' && e.net > h.fen + 100 && !e.hid);
      if (!s) throw new Error(`no sale for hidden deduction on ${date}`);
      s.net -= h.fen;
      s.hid = { fen: h.fen, cat: h.cat ?? null };
      s.text = h.text ?? '';
      prevNet -= h.fen;
    }
    for (const p of cfg.payoutFees ?? []) {
      if (p.date !== date) continue;
      const po = day.find((e) => e.kind === 'payout');
      po.fee = p.fen;
      po.text = cfg.payout?.feeName ?? 'D0提现'; // a fee on a payout is charged for its speed
      po.feeCat = 'instant_settlement_fee';
    }
    for (const e of day) e.time = hms(e.sec);
    ev.push(...day);
  }
  return ev;
}

// ---- the verdicts of spec §2 ----
function periodIndex(anchor, d, every) {
  const months = { month: 1, quarter: 3, year: 12 }[every];
  let k = 0;
  while (addMonths(anchor, (k + 1) * months) <= d) k++;
  return k;
}

export function label(events, contract) {
  const state = new Map();
  const out = [];
  const deduct = (e, cat, fen, text) => {
    if (!contract) return { cat, verdict: 'needs_review', over: 0, fen, text };
    if (cat === 'other_deduction') return { cat, verdict: 'needs_review', over: 0, fen, text };
    const ag = (contract.agreedCharges ?? []).find((a) => a.category === cat);
    if (!ag || cat === 'settlement_shortfall')
      return { cat, verdict: 'unauthorized', over: fen, fen, text };
    if (ag.startsAfter && e.date < ag.startsAfter)
      return { cat, verdict: 'unauthorized', over: fen, fen, text };
    const st = state.get(cat) ?? { anchor: null, used: new Set() };
    state.set(cat, st);
    let covered;
    if (ag.every === 'once') {
      covered = st.used.size === 0;
      if (covered) st.used.add(0);
    } else {
      if (st.anchor === null) st.anchor = e.date;
      const k = periodIndex(st.anchor, e.date, ag.every);
      covered = !st.used.has(k);
      if (covered) st.used.add(k);
    }
    if (!covered) return { cat, verdict: 'unauthorized', over: fen, fen, text };
    const agreed = Math.round(Number(ag.amountYuan) * 100);
    if (fen > agreed) return { cat, verdict: 'unauthorized', over: fen - agreed, fen, text };
    return { cat, verdict: 'authorized', over: 0, fen, text };
  };
  const sorted = [...events].sort((a, b) =>
    a.date === b.date ? a.sec - b.sec : a.date < b.date ? -1 : 1,
  );
  for (const e of sorted) {
    if (e.kind === 'fee') out.push({ e, ...deduct(e, e.cat, e.fen, e.text) });
    if (e.kind === 'payout' && e.fee) out.push({ e, ...deduct(e, e.feeCat, e.fee, e.text) });
    if (e.kind === 'sale') {
      if (contract) {
        const exp = expectedFee(contract, e.card, e.fen);
        if (e.fee - exp >= 2)
          out.push({
            e,
            cat: 'rate_overcharge',
            verdict: 'unauthorized',
            over: e.fee - exp,
            fen: e.fee,
            text: e.text,
          });
      }
      if (e.hid) {
        const cat = e.hid.cat ?? 'settlement_shortfall';
        if (cat === 'settlement_shortfall')
          out.push({
            e,
            cat,
            verdict: contract ? 'unauthorized' : 'needs_review',
            over: contract ? e.hid.fen : 0,
            fen: e.hid.fen,
            text: e.text,
          });
        else out.push({ e, ...deduct(e, cat, e.hid.fen, e.text) });
      }
    }
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
  events,
  labels,
  pos,
  profile,
  seed,
}) {
  const findings = [];
  const by = {};
  let total = 0;
  const counts = { unauthorized: 0, authorized: 0, needs_review: 0 };
  for (const l of labels) {
    const p = pos.get(l.e);
    if (!p) throw new Error(`event not rendered: ${l.e.kind} ${l.e.date}`);
    const f = { file, row: p.row };
    if (sheets && sheets.length > 1) f.sheet = p.sheet;
    if (p.page) f.page = p.page;
    Object.assign(f, {
      date: l.e.date,
      category: l.cat,
      verdict: l.verdict,
      overcharge: yuan(l.over),
      amount: yuan(l.fen),
      text: l.text ?? '',
    });
    findings.push(f);
    counts[l.verdict]++;
    if (l.verdict === 'unauthorized') {
      total += l.over;
      by[l.cat] = (by[l.cat] ?? 0) + l.over;
    }
  }
  findings.sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row);
  const dates = events.map((e) => e.date).sort();
  return {
    file,
    contract: contractFile,
    format,
    encoding,
    ...(sheets ? { sheets } : {}),
    headerRow,
    records,
    period: { from: dates[0], to: dates[dates.length - 1] },
    claim: {
      total: yuan(total),
      currency: 'CNY',
      byCategory: Object.fromEntries(
        Object.keys(by)
          .sort()
          .map((k) => [k, yuan(by[k])]),
      ),
    },
    counts,
    findings,
    generator: { team: 'rt7', profile, seed },
  };
}
