// SMS statements: bank-acquirer notices (rt10).
import { rng, int, pick, yuan } from './ledger.mjs';

const thou = (f) => yuan(f).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export function smsStatement(emit, C) {
  const variants = [
    {
      stem: 'rt10-18-sms-bank-dashes',
      bank: '华夏银行',
      sep: '\n----\n',
      seed: 301,
      year: 'first',
    },
    {
      stem: 'rt10-19-sms-bank-blank-2line',
      bank: '兴业银行',
      sep: '\n\n',
      seed: 302,
      year: 'first',
      twoLine: true,
    },
    { stem: 'rt10-20-sms-acquirer-fullyear', bank: '通汇付', sep: '\n', seed: 303, year: 'all' },
  ];
  for (const v of variants) {
    const r = rng(v.seed);
    const tail = String(int(r, 1000, 9999));
    const card = String(int(r, 1000, 9999));
    const contract = C({
      rates: [{ cardType: 'any', percent: 0.6 }],
      agreedCharges: [
        { category: 'traffic_fee', amountYuan: 60, every: 'year' },
        { category: 'service_fee', amountYuan: 29, every: 'month' },
      ],
    });
    const ev = [];
    const msgs = [];
    const dstr = (y, m, d, i) =>
      v.year === 'all' || (v.year === 'first' && i === 0)
        ? `${y}年${String(m).padStart(2, '0')}月${String(d).padStart(2, '0')}日`
        : `${String(m).padStart(2, '0')}月${String(d).padStart(2, '0')}日`;
    const push = (e, text) => {
      msgs.push(text);
      e.row = msgs.length;
      ev.push(e);
    };
    const y = 2025;
    for (let m = 3; m <= 8; m++) {
      for (let d = 2; d <= 28; d += int(r, 2, 5)) {
        const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const ds = dstr(y, m, d, msgs.length);
        const gross = int(r, 20000, 800000);
        const fee = Math.round((gross * 55) / 10000);
        const net = gross - fee;
        push(
          {
            date,
            time: '09:00:00',
            kind: 'sale',
            amt: gross,
            fee,
            card: null,
            rateCheck: false,
            text: '结算入账',
          },
          v.twoLine
            ? `【${v.bank}】您尾号${tail}的商户于${ds}结算入账${thou(net)}元，\n扣收手续费${yuan(fee)}元。`
            : `【${v.bank}】您尾号${tail}的商户于${ds}结算入账${thou(net)}元，扣收手续费${yuan(fee)}元。`,
        );
        const x = r();
        if (x < 0.25) {
          const amt = Math.floor(net * 0.8);
          const pf = pick(r, [0, 200, 300]);
          const name = pick(r, ['D0提现', '秒到提现', 'T0出款', '余额提现']);
          const t = pf
            ? `【${v.bank}】您尾号${tail}的商户${ds}${name}${thou(amt)}元已划至尾号${card}账户，扣收${pick(r, ['提现手续费', '秒到费', '垫资费'])}${yuan(pf)}元。`
            : `【${v.bank}】您尾号${tail}的商户${ds}${name}${thou(amt)}元已划至尾号${card}账户，请注意查收。`;
          push({ date, time: '10:00:00', kind: 'payout', amt, fee: pf, card: null, text: name }, t);
        } else if (x < 0.3) {
          const amt = pick(r, [500, 1000, 2000]);
          push(
            { date, time: '11:00:00', kind: 'credit', amt, fee: 0, card: null, text: '手续费返还' },
            `【${v.bank}】您尾号${tail}的商户于${ds}收到手续费返还${yuan(amt)}元。`,
          );
        }
        if (d >= 25 && m % 2 === 0) {
          push(
            {
              date,
              time: '12:00:00',
              kind: 'fee',
              cat: 'service_fee',
              amt: 2900,
              fee: 0,
              card: null,
              text: '系统服务费',
            },
            `【${v.bank}】您尾号${tail}的商户于${ds}被扣收系统服务费29.00元，详询客服。`,
          );
        }
      }
      if (m === 4 || m === 7) {
        const date = `${y}-${String(m).padStart(2, '0')}-28`;
        push(
          {
            date,
            time: '13:00:00',
            kind: 'fee',
            cat: 'traffic_fee',
            amt: 9900,
            fee: 0,
            card: null,
            text: '流量费',
          },
          v.twoLine
            ? `【${v.bank}】您尾号${tail}的商户于${dstr(y, m, 28, 1)}\n从结算款中扣收流量费99.00元。`
            : `【${v.bank}】您尾号${tail}的商户于${dstr(y, m, 28, 1)}从结算款中扣收流量费99.00元。`,
        );
      }
      if (m === 5)
        push(
          {
            date: `${y}-05-28`,
            time: '14:00:00',
            kind: 'fee',
            cat: 'service_fee',
            amt: 2900,
            fee: 0,
            card: null,
            text: '系统服务费',
          },
          `【${v.bank}】您尾号${tail}的商户于${dstr(y, 5, 28, 1)}被扣收系统服务费29.00元，详询客服。`,
        );
    }
    emit(v.stem, 'txt', Buffer.from(msgs.join(v.sep) + '\n', 'utf8'), ev, contract, {
      format: 'sms',
      encoding: 'utf-8',
      gen: 'rt10 sms',
    });
  }
}
