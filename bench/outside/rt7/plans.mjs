// rt7 fee plans: what a provider takes besides the card fee, and what the merchant agreed to.
import { addDays, addMonths, rng } from './model.mjs';

const NAMES = {
  traffic_fee: [
    '流量费',
    '终端流量费',
    'SIM卡流量费',
    '通讯费',
    '数据服务费',
    '流量卡年费',
    '物联网卡通讯费',
  ],
  service_fee: [
    '服务费',
    '系统服务费',
    '会员费',
    '年费',
    '技术服务费',
    '权益费',
    '软件使用费',
    '平台使用费',
  ],
  deposit: ['押金', '机具押金', '激活费', '终端激活费', '保证金', '机具款'],
  instant_settlement_fee: ['秒到费', 'D0手续费', '垫资费', '提现手续费', 'D0秒到费'],
  other_deduction: ['调账', '差错扣款', '其他扣款', '调账扣款'],
};
const TYPS = ['扣费', '费用扣收', '其他扣款', '扣款', '服务扣费', '费用'];
const CREDITS = [
  '手续费返还',
  '流量费退还',
  '服务费退回',
  '押金退还',
  '秒到费返还',
  '手续费退还',
  '会员费退款',
];
const SUBSIDY = ['营销补贴', '活动返现', '推广奖励入账'];
export const RATES = [
  [
    { cardType: 'debit', percent: 0.5, capYuan: 20 },
    { cardType: 'credit', percent: 0.6 },
  ],
  [{ cardType: 'any', percent: 0.6 }],
  [
    { cardType: 'debit', percent: 0.55, capYuan: 25 },
    { cardType: 'credit', percent: 0.6 },
    { cardType: 'any', percent: 0.6 },
  ],
  [{ cardType: 'any', percent: 0.38 }],
  [
    { cardType: 'debit', percent: 0.5, capYuan: 18 },
    { cardType: 'any', percent: 0.55 },
  ],
];

/** A plan: contract charges + fee / credit / hidden events over [start, start+days). variant 0..4 */
export function plan(seed, variant, start, days, o = {}) {
  const r = rng(`${seed}/plan`);
  const nm = (cat) => r.pick(NAMES[cat]);
  const typ = () => (o.typ ? o.typ : r.pick(TYPS));
  const day = (d) => addDays(start, Math.min(days - 1, d));
  const fee = (date, cat, fen, text) => ({ date, cat, fen, text: text ?? nm(cat), typ: typ() });
  const months = Math.max(1, Math.floor(days / 30));
  const agreed = [];
  const fees = [];
  const credits = [];
  const hidden = [];
  const payoutFees = [];
  let rise = null;
  let addon = null;
  const d0 = (n) => {
    const x = addDays(start, n);
    return x.slice(8) > '28' ? `${x.slice(0, 8)}28` : x;
  };
  const monthly = (cat, fen, first, n, step = 1, name = null) => {
    const nmx = name ?? nm(cat);
    for (let i = 0; i < n; i++) {
      const d = addMonths(first, i * step);
      if (d < addDays(start, days))
        fees.push(fee(d, cat, fen, i % 2 ? `${Number(d.slice(5, 7))}月${nmx}` : nmx));
    }
  };
  switch (variant % 5) {
    case 0: {
      agreed.push({ category: 'traffic_fee', amountYuan: 59, every: 'year', startsAfter: day(60) });
      fees.push(fee(d0(20), 'traffic_fee', 5900));
      fees.push(fee(d0(75), 'traffic_fee', 5900));
      monthly('service_fee', 1900, d0(10), months);
      fees.push(fee(d0(33), 'other_deduction', 4527));
      credits.push({ date: d0(5), fen: 4045, text: r.pick(CREDITS), typ: '返还' });
      break;
    }
    case 1: {
      agreed.push({ category: 'service_fee', amountYuan: 29, every: 'month' });
      monthly('service_fee', 2900, d0(3), months);
      fees.push(fee(d0(12), 'service_fee', 2900));
      if (days > 50) fees.push(fee(d0(40), 'service_fee', 3900));
      for (let i = 0; i < Math.min(6, months * 2); i++)
        fees.push(fee(d0(7 + i * 13), 'instant_settlement_fee', 300));
      fees.push(fee(d0(18), 'deposit', 29900));
      credits.push({ date: d0(25), fen: 5900, text: r.pick(CREDITS), typ: '退还' });
      credits.push({ date: d0(26), fen: 1288, text: r.pick(SUBSIDY), typ: '补贴' });
      break;
    }
    case 2: {
      agreed.push({ category: 'traffic_fee', amountYuan: 36, every: 'quarter' });
      agreed.push({ category: 'deposit', amountYuan: 199, every: 'once' });
      monthly('traffic_fee', 3600, d0(8), months);
      fees.push(fee(d0(2), 'deposit', 19900));
      fees.push(fee(d0(Math.floor(days / 2)), 'deposit', 19900));
      rise = { from: day(Math.floor((days * 2) / 3)), extraPct: 0.1 };
      credits.push({ date: d0(15), fen: 19900, text: '押金退还', typ: '退还' });
      break;
    }
    case 3: {
      addon = { from: day(Math.floor(days / 2)), fen: 200 };
      agreed.push({ category: 'service_fee', amountYuan: 99, every: 'year' });
      fees.push(fee(d0(9), 'service_fee', 9900));
      fees.push(fee(d0(40), 'service_fee', 9900));
      hidden.push({
        date: d0(14),
        fen: 4800,
        cat: 'traffic_fee',
        text: `结算扣除${nm('traffic_fee')}`,
      });
      hidden.push({ date: d0(27), fen: 3650, cat: null, text: '' });
      fees.push(fee(d0(22), 'other_deduction', 1234));
      credits.push({ date: d0(30), fen: 660, text: r.pick(CREDITS), typ: '返还' });
      break;
    }
    default: {
      agreed.push({ category: 'traffic_fee', amountYuan: 99, every: 'year' });
      agreed.push({ category: 'service_fee', amountYuan: 19, every: 'month' });
      fees.push(fee(d0(11), 'traffic_fee', 12900));
      monthly('service_fee', 1900, d0(4), months);
      for (let i = 0; i < Math.min(5, months * 2); i++)
        payoutFees.push({ date: d0(6 + i * 11), fen: 200 });
      credits.push({ date: d0(19), fen: 1900, text: r.pick(CREDITS), typ: '退回' });
      credits.push({ date: d0(21), fen: 888, text: r.pick(SUBSIDY), typ: '补贴' });
      hidden.push({ date: d0(16), fen: 2500, cat: null, text: '' });
    }
  }
  return { agreed, fees, credits, hidden, payoutFees, rise, addon };
}
