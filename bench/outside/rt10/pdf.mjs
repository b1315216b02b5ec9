// PDFs with a text layer: a bank app statement and an acquirer monthly statement (rt10).
import PDFDocument from 'pdfkit';
import { yuan } from './ledger.mjs';
import { signedAmt } from './render.mjs';

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
function render(title, headers, xs, rows, foot) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 30,
      info: { CreationDate: new Date(Date.UTC(2025, 0, 1)), Title: title },
    });
    const bufs = [];
    doc.on('data', (b) => bufs.push(b));
    doc.on('end', () => resolve(Buffer.concat(bufs)));
    doc.font(FONT, 'NotoSansCJKsc-Regular');
    doc.fontSize(13).text(title, 30, 28);
    doc.fontSize(8);
    let y = 60;
    const line = (cells) => {
      cells.forEach((c, i) => doc.text(String(c), xs[i], y, { lineBreak: false }));
      y += 12;
    };
    line(headers);
    for (const r of rows) line(r);
    for (const f of foot) line(f);
    doc.end();
  });
}
export async function pdfStatement(emit, C, L, buildLedger, withRefs) {
  // 21: bank app — 收入/支出/余额, no fee column
  {
    const lo = L(401, {
      months: 1,
      from: '2025-04',
      perDay: 1,
      skip: 0.5,
      noCard: true,
      fees: [
        { date: '2025-04-02', cat: 'deposit', amt: 19900, text: '机具押金' },
        { date: '2025-04-18', cat: 'traffic_fee', amt: 9900, text: 'SIM卡年费' },
        { date: '2025-04-20', cat: 'other_deduction', amt: 1520, text: '差错调账' },
      ],
    });
    const ev = withRefs(buildLedger(lo), 401);
    let bal = 500000;
    const rows = ev.map((e, i) => {
      const net = signedAmt(e) - (e.kind === 'sale' ? e.fee : 0);
      bal += net;
      e.row = i + 1;
      e.page = 1;
      e.rateCheck = false;
      const desc = e.kind === 'sale' ? 'POS收单入账' : e.text;
      return [
        e.date,
        e.time,
        desc,
        net >= 0 ? yuan(net) : '',
        net < 0 ? yuan(-net) : '',
        yuan(bal),
        '对公账户',
      ];
    });
    const buf = await render(
      '中国民生银行 商户结算账户交易明细',
      ['交易日期', '交易时间', '摘要', '收入金额', '支出金额', '账户余额', '对方户名'],
      [30, 110, 170, 330, 420, 510, 600],
      rows,
      [['', '', '本页合计', '', '', '', '']],
    );
    emit('rt10-21-pdf-bankapp', 'pdf', buf, ev, lo.contract, { format: 'pdf', gen: 'rt10 pdf' });
  }
  // 22: acquirer monthly — with card and fee, a speed fee column on payouts
  {
    const lo = L(402, {
      months: 1,
      from: '2025-03',
      perDay: 2,
      skip: 0.55,
      rateBump: 0.08,
      payoutFeeMode: 'col',
      fees: [
        { date: '2025-03-10', cat: 'service_fee', amt: 3900, text: '系统服务费' },
        { date: '2025-03-20', cat: 'service_fee', amt: 3900, text: '系统服务费' },
      ],
    });
    const ev = withRefs(buildLedger(lo), 402);
    const rows = ev.map((e, i) => {
      e.row = i + 1;
      e.page = 1;
      const fee = e.kind === 'sale' || e.kind === 'payout' ? e.fee : 0;
      const sa = signedAmt(e);
      return [
        `${e.date} ${e.time}`,
        e.kind === 'fee' ? '扣费' : e.text,
        e.card ? { debit: '借记卡', credit: '贷记卡' }[e.card] : '-',
        yuan(sa),
        yuan(fee),
        yuan(sa - fee),
        e.kind === 'fee' ? e.text : e.ref,
      ];
    });
    if (rows.length > 36) throw new Error('pdf 22 too long: ' + rows.length);
    const buf = await render(
      '汇联支付 商户月结单 2025年3月',
      ['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '备注/参考号'],
      [30, 140, 230, 290, 370, 430, 510],
      rows,
      [['合计', '', '', '', '', '', '']],
    );
    emit('rt10-22-pdf-acquirer', 'pdf', buf, ev, lo.contract, { format: 'pdf', gen: 'rt10 pdf' });
  }
}
