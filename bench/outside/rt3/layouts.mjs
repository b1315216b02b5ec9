// rt3 red team: how each provider writes the ledger out. Every layout returns
// { name, bytes, format, encoding, headerRow, records, sheets?, place: Map(eventIndex -> {row, sheet?, page?}) }.
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { iso, pad2, yuan, withSep, addDays } from './core.mjs';

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const hms = (t) => `${pad2(t.hh)}:${pad2(t.mi)}:${pad2(t.ss)}`;
const dt = (t) => `${iso(t)} ${hms(t)}`;
const cardCn = (c) => (c === 'debit' ? '借记卡' : c === 'credit' ? '贷记卡' : '');
const csvQ = (v) => {
  const s = String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const joinCsv = (rows, sep = ',') => rows.map((r) => r.map(csvQ).join(sep)).join('\r\n') + '\r\n';

function table(rows, place, extra) {
  return { place, ...extra, bytes: extra.bytes };
}

// 1. signed export: sales +, payouts/refunds/fees −, but some fee rows written positive
export function signed(ev, o) {
  const rows = [
    ['交易时间', '业务类型', '卡类型', '交易金额', '手续费', '结算金额', '说明', '流水号'],
  ];
  const place = new Map();
  for (const e of ev) {
    let r;
    if (e.kind === 'sale')
      r = [
        dt(e.t),
        '消费',
        cardCn(e.card),
        yuan(e.amt),
        yuan(e.fee),
        yuan(e.settled),
        e.text,
        e.ref,
      ];
    else if (e.kind === 'refund')
      r = [dt(e.t), '退货', cardCn(e.card), yuan(-e.amt), '0.00', yuan(-e.amt), '', e.ref];
    else if (e.kind === 'payout')
      r = [
        dt(e.t),
        o.payoutType ?? 'D0提现',
        '',
        yuan(-e.amt),
        '0.00',
        yuan(-e.amt),
        '提现至尾号6218',
        e.ref,
      ];
    else if (e.kind === 'credit')
      r = [dt(e.t), '返还', '', yuan(e.amt), '0.00', yuan(e.amt), e.text, e.ref];
    else if (e.kind === 'fee') {
      const v = e.form === 'pos' ? yuan(e.amt) : yuan(-e.amt);
      r = [dt(e.t), e.form === 'pos' ? '扣费' : '其他', '', v, '0.00', v, e.text, e.ref];
    }
    rows.push(r);
    place.set(e.i, { row: rows.length });
  }
  const text = joinCsv(rows);
  return table(rows, place, {
    bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
}

// 2. 扣款金额 beside 交易金额, GBK, preamble, ¥ and thousands separators, dates 2024.03.05, totals
export function kkje(ev, o) {
  const place = new Map();
  const rows = [
    [`商户名称：${o.merchant}`],
    [`商户编号：${o.mid}`],
    [`查询时间：${o.queryAt}`],
    [],
    [
      '交易日期',
      '交易时间',
      '交易类型',
      '卡类型',
      '交易金额',
      '手续费',
      '扣款金额',
      '结算金额',
      '备注',
      '参考号',
    ],
  ];
  const d = (t) => `${t.y}.${pad2(t.m)}.${pad2(t.d)}`;
  const money = (f) => `¥${withSep(f)}`;
  let tot = 0,
    totFee = 0,
    totK = 0;
  for (const e of ev) {
    let r;
    if (e.kind === 'sale') {
      r = [
        d(e.t),
        hms(e.t),
        '消费',
        cardCn(e.card),
        money(e.amt),
        money(e.fee),
        '',
        money(e.settled),
        e.text,
        e.ref,
      ];
      tot += e.amt;
      totFee += e.fee;
    } else if (e.kind === 'refund')
      r = [
        d(e.t),
        hms(e.t),
        '退货',
        cardCn(e.card),
        money(-e.amt),
        money(0),
        '',
        money(-e.amt),
        '',
        e.ref,
      ];
    else if (e.kind === 'payout')
      r = [d(e.t), hms(e.t), '结算出款', '', '', '', '', money(e.amt), '结算至尾号0392', e.ref];
    else if (e.kind === 'credit')
      r = [d(e.t), hms(e.t), '退费', '', '', '', '', money(e.amt), e.text, e.ref];
    else if (e.kind === 'fee') {
      r = [d(e.t), hms(e.t), '扣款', '', '', '', money(e.amt), money(-e.amt), e.text, e.ref];
      totK += e.amt;
    }
    rows.push(r);
    place.set(e.i, { row: rows.length });
  }
  rows.push(['合计', '', '', '', money(tot), money(totFee), money(totK), '', '', '']);
  rows.push([`交易笔数：${ev.filter((e) => e.kind === 'sale').length}`]);
  const text = joinCsv(rows);
  return {
    place,
    bytes: iconv.encode(text, 'gb18030'),
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 5,
    records: ev.length,
  };
}

// 3. 2024年3月5日 dates, 元 suffix, 1.2万 for whole amounts of ten thousand and more, tab separated .txt
export function cndate(ev, o) {
  const place = new Map();
  const rows = [['日期', '时间', '终端号', '类型', '金额', '手续费', '到账金额', '摘要']];
  const d = (t) => `${t.y}年${t.m}月${t.d}日`;
  const wan = (f) => {
    if (f >= 1000000 && f % 10000 === 0) {
      const s = (f / 1000000).toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
      if (Math.round(Number(s) * 1000000) === f) return `${s}万`;
    }
    return `${withSep(f)}元`;
  };
  for (const e of ev) {
    const term = o.terminals[e.i % o.terminals.length];
    let r;
    if (e.kind === 'sale')
      r = [
        d(e.t),
        hms(e.t),
        term,
        '刷卡消费',
        wan(e.amt),
        `${yuan(e.fee)}元`,
        `${withSep(e.settled)}元`,
        e.text,
      ];
    else if (e.kind === 'refund')
      r = [
        d(e.t),
        hms(e.t),
        term,
        '撤销',
        `-${withSep(e.amt)}元`,
        '0.00元',
        `-${withSep(e.amt)}元`,
        '',
      ];
    else if (e.kind === 'payout')
      r = [
        d(e.t),
        hms(e.t),
        '',
        '结算划款',
        `${withSep(e.amt)}元`,
        '0.00元',
        `${withSep(e.amt)}元`,
        '划款至结算账户',
      ];
    else if (e.kind === 'credit')
      r = [
        d(e.t),
        hms(e.t),
        term,
        '退还',
        `${yuan(e.amt)}元`,
        '0.00元',
        `${yuan(e.amt)}元`,
        e.text,
      ];
    else if (e.kind === 'fee')
      r = [
        d(e.t),
        hms(e.t),
        term,
        '扣费',
        `-${yuan(e.amt)}元`,
        '0.00元',
        `-${yuan(e.amt)}元`,
        e.text,
      ];
    rows.push(r);
    place.set(e.i, { row: rows.length });
  }
  const text = rows.map((r) => r.join('\t')).join('\n') + '\n';
  return {
    place,
    bytes: Buffer.from(text),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  };
}

// 4. workbook: a summary sheet, a hidden sheet, then the detail; dates as text 20240305;
//    the fee deduction sits in the 手续费 column of its own row
export async function wbHidden(ev, o) {
  const wb = new ExcelJS.Workbook();
  const sum = wb.addWorksheet('汇总');
  sum.addRow([`${o.merchant} 对账汇总`]);
  sum.addRow(['月份', '交易笔数', '交易金额', '手续费', '其他费用', '清算金额']);
  const byMonth = new Map();
  for (const e of ev) {
    const k = `${e.t.y}-${pad2(e.t.m)}`;
    const m = byMonth.get(k) ?? { n: 0, amt: 0, fee: 0, other: 0, net: 0 };
    if (e.kind === 'sale') {
      m.n++;
      m.amt += e.amt;
      m.fee += e.fee;
      m.net += e.settled;
    } else if (e.kind === 'fee') {
      m.other += e.amt;
      m.net -= e.amt;
    }
    byMonth.set(k, m);
  }
  for (const [k, m] of byMonth)
    sum.addRow([
      k,
      m.n,
      Number(yuan(m.amt)),
      Number(yuan(m.fee)),
      Number(yuan(m.other)),
      Number(yuan(m.net)),
    ]);
  sum.addRow(['流量费', '', '', '', 99, '']);
  const hid = wb.addWorksheet('费率参数');
  hid.state = 'hidden';
  hid.addRow(['项目', '标准', '金额']);
  hid.addRow(['借记卡费率', '0.60%', '']);
  hid.addRow(['SIM卡年费', '', 99]);
  hid.addRow(['服务费', '', 29]);
  const ws = wb.addWorksheet('交易明细');
  ws.addRow([
    '清算日期',
    '商户编号',
    '终端号',
    '交易类型',
    '卡类型',
    '交易金额',
    '手续费',
    '清算金额',
    '费用名称',
  ]);
  const place = new Map();
  const d = (t) => `${t.y}${pad2(t.m)}${pad2(t.d)}`;
  for (const e of ev) {
    let r;
    if (e.kind === 'sale')
      r = [
        d(e.t),
        o.mid,
        o.terminals[0],
        '消费',
        cardCn(e.card),
        Number(yuan(e.amt)),
        Number(yuan(e.fee)),
        Number(yuan(e.settled)),
        e.text,
      ];
    else if (e.kind === 'refund')
      r = [
        d(e.t),
        o.mid,
        o.terminals[0],
        '退货',
        cardCn(e.card),
        -Number(yuan(e.amt)),
        0,
        -Number(yuan(e.amt)),
        '',
      ];
    else if (e.kind === 'payout')
      r = [d(e.t), o.mid, '', '结算', '', Number(yuan(e.amt)), 0, Number(yuan(e.amt)), ''];
    else if (e.kind === 'credit')
      r = [d(e.t), o.mid, '', '返还', '', null, 0, Number(yuan(e.amt)), e.text];
    else if (e.kind === 'fee')
      r = [
        d(e.t),
        o.mid,
        o.terminals[0],
        '其他费用',
        '',
        null,
        Number(yuan(e.amt)),
        -Number(yuan(e.amt)),
        e.text,
      ];
    const row = ws.addRow(r);
    for (const c of [6, 7, 8]) row.getCell(c).numFmt = '0.00';
    place.set(e.i, { row: row.number });
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    place,
    bytes: buf,
    format: 'xlsx',
    encoding: null,
    sheets: ['交易明细'],
    headerRow: 1,
    records: ev.length,
  };
}

// 5. phone SMS backup with UTC timestamps; the bodies say 今日 and carry no date
export function smsUtc(ev, o) {
  const place = new Map();
  const msgs = [];
  const utc = (t) => {
    const ms = Date.UTC(t.y, t.m - 1, t.d, t.hh, t.mi, t.ss) - 8 * 3600 * 1000;
    return new Date(ms).toISOString().replace('.000Z', 'Z');
  };
  const b = o.brand;
  for (const e of ev) {
    let body;
    if (e.kind === 'sale')
      body = `${b}收款提醒：您的商户今日${pad2(e.t.hh)}:${pad2(e.t.mi)}成功收款${yuan(e.amt)}元，手续费${yuan(e.fee)}元。`;
    else if (e.kind === 'payout')
      body = `${b}您的结算款${yuan(e.amt)}元已于今日划入尾号5521的银行卡，请注意查收。`;
    else if (e.kind === 'fee')
      body = `${b}尊敬的商户，今日已从您的结算款中扣除${e.text}${yuan(e.amt)}元，详询95516。`;
    else if (e.kind === 'credit') body = `${b}${e.text}${yuan(e.amt)}元已于今日退回您的结算账户。`;
    else continue;
    msgs.push(`${utc(e.t)}  ${o.sender}\n${body}`);
    place.set(e.i, { row: msgs.length });
  }
  return {
    place,
    bytes: Buffer.from(msgs.join('\n\n') + '\n'),
    format: 'sms',
    encoding: 'utf-8',
    headerRow: null,
    records: msgs.length,
  };
}

// 6. WeChat Pay merchant bill: backtick-prefixed fields, summary block at the end
export function wechat(ev, o) {
  const place = new Map();
  const head = [
    '交易时间',
    '公众账号ID',
    '商户号',
    '特约商户号',
    '设备号',
    '微信订单号',
    '商户订单号',
    '用户标识',
    '交易类型',
    '交易状态',
    '付款银行',
    '货币种类',
    '应结订单金额',
    '代金券金额',
    '微信退款单号',
    '商户退款单号',
    '退款金额',
    '充值券退款金额',
    '退款类型',
    '退款状态',
    '商品名称',
    '商户数据包',
    '手续费',
    '费率',
    '订单金额',
    '申请退款金额',
    '费率备注',
  ];
  const lines = [head.join(',')];
  const bt = (v) => `\`${v}`;
  let n = 0,
    sumAmt = 0,
    sumRef = 0,
    sumFee = 0;
  for (const e of ev) {
    if (e.kind === 'sale') {
      const rate = `${e.pct.toFixed(2)}%`;
      lines.push(
        [
          dt(e.t),
          'wx2421b1c4370ec43b',
          o.mid,
          '',
          'POS01',
          `42000${e.ref}`,
          `M${e.ref}`,
          `oUpF8uMuAJO_M2pxb1Q9zNjWeS6o${e.i % 10}`,
          'MICROPAY',
          'SUCCESS',
          e.card === 'credit' ? 'CMB_CREDIT' : 'ICBC_DEBIT',
          'CNY',
          yuan(e.amt),
          '0.00',
          '0',
          '0',
          '0.00',
          '0.00',
          '',
          '',
          o.goods,
          '',
          yuan(e.fee),
          rate,
          yuan(e.amt),
          '0.00',
          '',
        ]
          .map(bt)
          .join(','),
      );
      n++;
      sumAmt += e.amt;
      sumFee += e.fee;
    } else if (e.kind === 'refund') {
      const rf = Math.round((e.amt * e.pct) / 100);
      lines.push(
        [
          dt(e.t),
          'wx2421b1c4370ec43b',
          o.mid,
          '',
          'POS01',
          `42000${e.ref}`,
          `M${e.ref}`,
          `oUpF8uMuAJO_M2pxb1Q9zNjWeS6o${e.i % 10}`,
          'MICROPAY',
          'REFUND',
          'ICBC_DEBIT',
          'CNY',
          '0.00',
          '0.00',
          `50300${e.ref}`,
          `R${e.ref}`,
          yuan(e.amt),
          '0.00',
          'ORIGINAL',
          'SUCCESS',
          o.goods,
          '',
          yuan(-rf),
          `${e.pct.toFixed(2)}%`,
          '0.00',
          yuan(e.amt),
          '',
        ]
          .map(bt)
          .join(','),
      );
      sumRef += e.amt;
      sumFee -= rf;
    } else continue;
    place.set(e.i, { row: lines.length });
  }
  lines.push(
    '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
  );
  lines.push(
    [String(n), yuan(sumAmt), yuan(sumRef), '0.00', yuan(sumFee), yuan(sumAmt), yuan(sumRef)]
      .map(bt)
      .join(','),
  );
  return {
    place,
    bytes: Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(lines.join('\r\n') + '\r\n'),
    ]),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: place.size,
  };
}

// 7. Alipay 交易明细: # preamble, tab-padded fields, negative 服务费, # summary, GBK
export function alipay(ev, o) {
  const place = new Map();
  const lines = [
    '#支付宝交易记录明细查询',
    `#账号:[${o.account}]`,
    `#起始日期:[${o.from} 00:00:00]    终止日期:[${o.to} 23:59:59]`,
    '#-----------------------------------------交易记录明细列表------------------------------------',
  ];
  const head = [
    '支付宝交易号',
    '商户订单号',
    '业务类型',
    '商品名称',
    '创建时间',
    '完成时间',
    '门店编号',
    '门店名称',
    '操作员',
    '终端号',
    '对方账户',
    '订单金额（元）',
    '商家实收（元）',
    '支付宝红包（元）',
    '集分宝（元）',
    '支付宝优惠（元）',
    '商家优惠（元）',
    '券核销金额（元）',
    '券名称',
    '商家红包消费金额（元）',
    '卡消费金额（元）',
    '退款批次号/请求号',
    '服务费（元）',
    '分润（元）',
    '备注',
  ];
  lines.push(head.map((h) => `${h}\t`).join(','));
  let n = 0,
    got = 0,
    nr = 0,
    ref = 0;
  for (const e of ev) {
    let r;
    if (e.kind === 'sale') {
      r = [
        `2024${e.ref}`,
        `T${e.ref}`,
        '交易',
        o.goods,
        dt(e.t),
        dt(e.t),
        'S001',
        o.store,
        '收银员1',
        'T01',
        `${'abcdef'[e.i % 6]}**@163.com`,
        yuan(e.amt),
        yuan(e.amt),
        '0.00',
        '0.00',
        '0.00',
        '0.00',
        '0.00',
        '',
        '0.00',
        '0.00',
        '',
        yuan(-e.fee),
        '0.00',
        '',
      ];
      n++;
      got += e.amt;
    } else if (e.kind === 'refund') {
      const rf = Math.round((e.amt * e.pct) / 100);
      r = [
        `2024${e.ref}`,
        `T${e.ref}`,
        '退款',
        o.goods,
        dt(e.t),
        dt(e.t),
        'S001',
        o.store,
        '收银员1',
        'T01',
        `${'abcdef'[e.i % 6]}**@163.com`,
        yuan(-e.amt),
        yuan(-e.amt),
        '0.00',
        '0.00',
        '0.00',
        '0.00',
        '0.00',
        '',
        '0.00',
        '0.00',
        `R${e.ref}`,
        yuan(rf),
        '0.00',
        '',
      ];
      nr++;
      ref += e.amt;
    } else continue;
    lines.push(r.map((v) => `${v}\t`).join(','));
    place.set(e.i, { row: lines.length });
  }
  lines.push(
    '#-----------------------------------------交易记录明细列表结束------------------------------------',
  );
  lines.push(`#交易合计：${n}笔，商家实收共${yuan(got)}元，商家优惠共0.00元`);
  lines.push(`#退款合计：${nr}笔，商家实收退款共${yuan(ref)}元，商家优惠退款共0.00元`);
  lines.push(`#导出时间：[${o.to} 23:59:59]`);
  return {
    place,
    bytes: iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'),
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 5,
    records: place.size,
  };
}

// 8. PDF: the column heading spans two lines; pages carry 承前页 / 过次页 lines
export function pdf2line(ev, o) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 30,
      info: { CreationDate: new Date('2024-01-01T00:00:00Z'), Producer: 'rt3' },
    });
    doc.registerFont(
      'cjk',
      '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      'NotoSansCJKsc-Regular',
    );
    doc.font('cjk').fontSize(8);
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    const xs = [30, 120, 180, 230, 310, 380, 460, 540, 640];
    const head1 = ['交易', '交易', '卡', '交易', '手续', '结算', '摘要', '参考号', ''];
    const head2 = ['日期时间', '类型', '类型', '金额', '费', '金额', '', '', ''];
    const line = (cells, y) =>
      cells.forEach((c, k) => c !== '' && doc.text(String(c), xs[k], y, { lineBreak: false }));
    const place = new Map();
    const perPage = 38;
    let idx = 0,
      page = 0,
      carryAmt = 0,
      carryFee = 0;
    for (let start = 0; start < ev.length; start += perPage) {
      if (page > 0) doc.addPage();
      page++;
      let y = 30;
      doc.fontSize(11).text(`${o.bank} 特约商户交易明细对账单`, 30, y, { lineBreak: false });
      doc.fontSize(8);
      y += 18;
      doc.text(
        `商户名称：${o.merchant}    商户编号：${o.mid}    账期：${o.from} 至 ${o.to}`,
        30,
        y,
        { lineBreak: false },
      );
      y += 16;
      line(head1, y);
      y += 10;
      line(head2, y);
      y += 14;
      if (page > 1) {
        line(['承前页', '', '', yuan(carryAmt), yuan(carryFee), '', '', '', ''], y);
        y += 12;
      }
      for (const e of ev.slice(start, start + perPage)) {
        let r;
        if (e.kind === 'sale')
          r = [
            dt(e.t),
            '消费',
            cardCn(e.card),
            yuan(e.amt),
            yuan(e.fee),
            yuan(e.settled),
            e.text,
            e.ref,
          ];
        else if (e.kind === 'refund')
          r = [dt(e.t), '退货', cardCn(e.card), yuan(-e.amt), '0.00', yuan(-e.amt), '', e.ref];
        else if (e.kind === 'payout')
          r = [
            dt(e.t),
            '资金结算',
            '',
            yuan(-e.amt),
            '0.00',
            yuan(-e.amt),
            '结算至对公账户',
            e.ref,
          ];
        else if (e.kind === 'credit')
          r = [dt(e.t), '费用返还', '', yuan(e.amt), '0.00', yuan(e.amt), e.text, e.ref];
        else if (e.kind === 'fee')
          r = [dt(e.t), '费用扣收', '', yuan(-e.amt), '0.00', yuan(-e.amt), e.text, e.ref];
        if (e.kind === 'sale') {
          carryAmt += e.amt;
          carryFee += e.fee;
        }
        line(r, y);
        y += 12;
        idx++;
        place.set(e.i, { row: idx, page });
      }
      if (start + perPage < ev.length)
        line(['过次页', '', '', yuan(carryAmt), yuan(carryFee), '', '', '', ''], y);
      else line(['本期合计', '', '', yuan(carryAmt), yuan(carryFee), '', '', '', ''], y);
      doc.text(`第 ${page} 页`, 400, 570, { lineBreak: false });
    }
    doc.on('end', () =>
      resolve({
        place,
        bytes: Buffer.concat(chunks),
        format: 'pdf',
        encoding: null,
        headerRow: null,
        records: ev.length,
      }),
    );
    doc.end();
  });
}

// 9. bank account statement of the merchant: 摘要 and 附言, 借方/贷方 columns, running balance
export function bankRows(ev, o) {
  const head = [
    '序号',
    '交易日期',
    '交易时间',
    '摘要',
    '借方发生额（支取）',
    '贷方发生额（收入）',
    '余额',
    '对方户名',
    '对方账号',
    '附言',
  ];
  let bal = o.opening;
  const body = [];
  let k = 0;
  for (const e of ev) {
    let r;
    const d = `${e.t.y}${pad2(e.t.m)}${pad2(e.t.d)}`;
    if (e.kind === 'payout') {
      bal += e.amt;
      r = [
        ++k,
        d,
        hms(e.t),
        o.inSummary ?? 'POS入账',
        '',
        withSep(e.amt),
        withSep(bal),
        o.acquirer,
        o.acqAcct,
        `商户结算款${addDays(iso(e.t), -1).replace(/-/g, '')}`,
      ];
    } else if (e.kind === 'fee') {
      bal -= e.amt;
      r = [
        ++k,
        d,
        hms(e.t),
        e.summary ?? '收费',
        withSep(e.amt),
        '',
        withSep(bal),
        e.payee ?? o.bankName,
        '',
        e.text,
      ];
    } else if (e.kind === 'credit') {
      bal += e.amt;
      r = [++k, d, hms(e.t), '退费', '', withSep(e.amt), withSep(bal), o.bankName, '', e.text];
    } else if (e.kind === 'other') {
      bal -= e.amt;
      r = [
        ++k,
        d,
        hms(e.t),
        e.summary,
        withSep(e.amt),
        '',
        withSep(bal),
        e.payee,
        e.acct ?? '',
        e.text,
      ];
    } else continue;
    body.push({ e, r });
  }
  return { head, body, closing: bal };
}

export function bankHtmlXls(ev, o) {
  const { head, body } = bankRows(ev, o);
  const place = new Map();
  const trs = [];
  trs.push(`<tr><td colspan="10">${o.bankName}对公账户交易明细</td></tr>`);
  trs.push(
    `<tr><td colspan="10">账号：${o.acct}\u3000户名：${o.merchant}\u3000币种：人民币</td></tr>`,
  );
  trs.push(`<tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>`);
  for (const { e, r } of body) {
    trs.push(`<tr>${r.map((v) => `<td>${v}</td>`).join('')}</tr>`);
    place.set(e.i, { row: trs.length });
  }
  trs.push(
    `<tr><td colspan="3">借方合计笔数：${body.filter((b) => b.r[4]).length}</td><td colspan="7">贷方合计笔数：${body.filter((b) => b.r[5]).length}</td></tr>`,
  );
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><table border="1">\n${trs.join('\n')}\n</table></body></html>\n`;
  return {
    place,
    bytes: iconv.encode(html, 'gbk'),
    format: 'xls',
    encoding: 'gb18030',
    headerRow: 3,
    records: body.length,
  };
}

export function bankCsv(ev, o) {
  const { head, body } = bankRows(ev, o);
  const place = new Map();
  const rows = [
    [`${o.bankName}账户明细查询`],
    [`账号,${o.acct}`],
    [`起止日期,${o.from}至${o.to}`],
    head,
  ];
  for (const { e, r } of body) {
    rows.push(r);
    place.set(e.i, { row: rows.length });
  }
  return {
    place,
    bytes: iconv.encode(joinCsv(rows), 'gb18030'),
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 4,
    records: body.length,
  };
}

// 10. 结算状态 column: a failed deduction is not a deduction
export function status(ev) {
  const rows = [
    [
      '交易时间',
      '订单号',
      '交易类型',
      '卡类型',
      '交易金额',
      '手续费',
      '结算金额',
      '结算状态',
      '备注',
    ],
  ];
  const place = new Map();
  for (const e of ev) {
    let r;
    const st = e.status === 'fail' ? '失败' : e.status === 'pending' ? '处理中' : '成功';
    if (e.kind === 'sale')
      r = [
        dt(e.t),
        e.ref,
        '消费',
        cardCn(e.card),
        yuan(e.amt),
        yuan(e.fee),
        yuan(e.settled),
        '成功',
        e.text,
      ];
    else if (e.kind === 'refund')
      r = [dt(e.t), e.ref, '退款', cardCn(e.card), yuan(e.amt), '0.00', yuan(-e.amt), '成功', ''];
    else if (e.kind === 'payout')
      r = [
        dt(e.t),
        e.ref,
        '结算',
        '',
        yuan(e.amt),
        '0.00',
        yuan(e.amt),
        e.status === 'pending' ? '处理中' : '成功',
        '日结',
      ];
    else if (e.kind === 'credit')
      r = [dt(e.t), e.ref, '退费', '', yuan(e.amt), '0.00', yuan(e.amt), '成功', e.text];
    else if (e.kind === 'fee')
      r = [
        dt(e.t),
        e.ref,
        '扣费',
        '',
        yuan(e.amt),
        '0.00',
        yuan(-e.amt),
        st,
        e.text + (e.status === 'fail' ? '（余额不足，扣款失败）' : ''),
      ];
    rows.push(r);
    place.set(e.i, { row: rows.length });
  }
  return {
    place,
    bytes: Buffer.from(joinCsv(rows)),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  };
}

// 11. English export; dates 05-Mar-2024 or "Mar 5, 2024"
export function english(ev, o) {
  const d =
    o.style === 'dmy'
      ? (t) => `${pad2(t.d)}-${MON[t.m - 1]}-${t.y}`
      : (t) => `${MON[t.m - 1]} ${t.d}, ${t.y}`;
  const rows = [
    [`Merchant: ${o.merchant}`],
    [`Merchant ID: ${o.mid}`],
    [
      'Date',
      'Time',
      'Type',
      'Card',
      'Amount (CNY)',
      'Fee (CNY)',
      'Net (CNY)',
      'Description',
      'Reference',
    ],
  ];
  const place = new Map();
  const card = (c) => (c === 'debit' ? 'Debit' : c === 'credit' ? 'Credit' : '');
  for (const e of ev) {
    let r;
    if (e.kind === 'sale')
      r = [
        d(e.t),
        hms(e.t),
        'Sale',
        card(e.card),
        withSep(e.amt),
        yuan(e.fee),
        withSep(e.settled),
        e.text,
        e.ref,
      ];
    else if (e.kind === 'refund')
      r = [
        d(e.t),
        hms(e.t),
        'Refund',
        card(e.card),
        withSep(-e.amt),
        '0.00',
        withSep(-e.amt),
        '',
        e.ref,
      ];
    else if (e.kind === 'payout')
      r = [
        d(e.t),
        hms(e.t),
        'Payout',
        '',
        withSep(-e.amt),
        '0.00',
        withSep(-e.amt),
        'Settlement to bank account ****4410',
        e.ref,
      ];
    else if (e.kind === 'credit')
      r = [d(e.t), hms(e.t), 'Adjustment', '', yuan(e.amt), '0.00', yuan(e.amt), e.text, e.ref];
    else if (e.kind === 'fee')
      r = [d(e.t), hms(e.t), 'Charge', '', yuan(-e.amt), '0.00', yuan(-e.amt), e.text, e.ref];
    rows.push(r);
    place.set(e.i, { row: rows.length });
  }
  const sales = ev.filter((e) => e.kind === 'sale');
  rows.push([
    'Total',
    '',
    '',
    '',
    withSep(sales.reduce((a, e) => a + e.amt, 0)),
    withSep(sales.reduce((a, e) => a + e.fee, 0)),
    '',
    '',
    '',
  ]);
  return {
    place,
    bytes: Buffer.from(joinCsv(rows)),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 3,
    records: ev.length,
  };
}

// 12. newest first: the export lists the latest row at the top
export function newest(ev, o) {
  const rows = [
    ['扣款日期', '交易类型', '卡类型', '交易金额', '手续费', '入账金额', '费用名称', '流水号'],
  ];
  const place = new Map();
  for (const e of [...ev].reverse()) {
    let r;
    if (e.kind === 'sale')
      r = [
        dt(e.t),
        '消费',
        cardCn(e.card),
        yuan(e.amt),
        yuan(e.fee),
        yuan(e.settled),
        e.text,
        e.ref,
      ];
    else if (e.kind === 'refund')
      r = [dt(e.t), '撤销', cardCn(e.card), yuan(-e.amt), '0.00', yuan(-e.amt), '', e.ref];
    else if (e.kind === 'payout')
      r = [dt(e.t), '秒到提现', '', yuan(-e.amt), '0.00', yuan(-e.amt), '', e.ref];
    else if (e.kind === 'credit')
      r = [dt(e.t), '返还', '', yuan(e.amt), '0.00', yuan(e.amt), e.text, e.ref];
    else if (e.kind === 'fee')
      r = [dt(e.t), '扣费', '', yuan(-e.amt), '0.00', yuan(-e.amt), e.text, e.ref];
    rows.push(r);
    place.set(e.i, { row: rows.length });
  }
  const text = joinCsv(rows);
  if (o.utf16) {
    const tsv = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
    return {
      place,
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]),
      format: 'csv',
      encoding: 'utf-16le',
      headerRow: 1,
      records: ev.length,
    };
  }
  return {
    place,
    bytes: Buffer.from(text),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  };
}

// 13. bank SMS that name the fee after the amount
export function bankSms(ev, o) {
  const place = new Map();
  const msgs = [];
  for (const e of ev) {
    const when = `${e.t.y}年${pad2(e.t.m)}月${pad2(e.t.d)}日${pad2(e.t.hh)}:${pad2(e.t.mi)}`;
    let body;
    if (e.kind === 'payout')
      body = `【${o.bank}】您尾号${o.tail}的账户${when}收入人民币${withSep(e.amt)}元，摘要：POS商户结算款，余额${withSep(o.bal(e))}元。`;
    else if (e.kind === 'fee')
      body = `【${o.bank}】您尾号${o.tail}的账户${when}扣收人民币${yuan(e.amt)}元，${o.wrap ? '\n' : ''}用途：${e.text}，余额${withSep(o.bal(e))}元。`;
    else if (e.kind === 'other')
      body = `【${o.bank}】您尾号${o.tail}的账户${when}支出人民币${yuan(e.amt)}元，用途：${e.text}，余额${withSep(o.bal(e))}元。`;
    else if (e.kind === 'credit')
      body = `【${o.bank}】您尾号${o.tail}的账户${when}收入人民币${yuan(e.amt)}元，用途：${e.text}，余额${withSep(o.bal(e))}元。`;
    else continue;
    msgs.push(body);
    place.set(e.i, { row: msgs.length });
  }
  return {
    place,
    bytes: Buffer.from(msgs.join(o.wrap ? '\n\n' : '\n----\n') + '\n'),
    format: 'sms',
    encoding: 'utf-8',
    headerRow: null,
    records: msgs.length,
  };
}

// 14. English SMS
export function englishSms(ev, o) {
  const place = new Map();
  const msgs = [];
  const d = (t) => `${pad2(t.d)}-${MON[t.m - 1]}-${t.y}`;
  for (const e of ev) {
    let body;
    if (e.kind === 'sale')
      body = `[${o.brand}] Payment received: CNY ${withSep(e.amt)} at ${pad2(e.t.hh)}:${pad2(e.t.mi)} on ${d(e.t)}, fee CNY ${yuan(e.fee)}.`;
    else if (e.kind === 'payout')
      body = `[${o.brand}] Settlement of CNY ${withSep(e.amt)} has been credited to your card ending ${o.tail} on ${MON[e.t.m - 1]} ${e.t.d}, ${e.t.y}.`;
    else if (e.kind === 'fee')
      body = `[${o.brand}] Dear merchant, a ${e.text} of CNY ${yuan(e.amt)} was deducted from your settlement on ${d(e.t)}. Call 400-820-1234 for enquiries.`;
    else if (e.kind === 'credit')
      body = `[${o.brand}] ${e.text}: CNY ${yuan(e.amt)} has been returned to your settlement account on ${d(e.t)}.`;
    else continue;
    msgs.push(body);
    place.set(e.i, { row: msgs.length });
  }
  return {
    place,
    bytes: Buffer.from(msgs.join('\n\n') + '\n'),
    format: 'sms',
    encoding: 'utf-8',
    headerRow: null,
    records: msgs.length,
  };
}

// 15. amounts as text with spaces and 元, type in a 收/支 direction column, semicolon separated
export function spaced(ev, o) {
  const rows = [
    [`${o.brand}商户对账单`],
    ['记账日期', '收/支', '业务类型', '金额', '手续费', '结算金额', '交易说明', '流水号'],
  ];
  const place = new Map();
  const sp = (f) => withSep(f).replace(/,/g, ' ') + ' 元';
  const d = (t) => `${t.y}/${t.m}/${t.d} ${hms(t)}`;
  for (const e of ev) {
    let r;
    if (e.kind === 'sale')
      r = [d(e.t), '收', '刷卡收款', sp(e.amt), sp(e.fee), sp(e.settled), e.text, e.ref];
    else if (e.kind === 'refund')
      r = [d(e.t), '支', '退货', sp(e.amt), sp(0), sp(e.amt), '', e.ref];
    else if (e.kind === 'payout')
      r = [d(e.t), '支', '出款', sp(e.amt), sp(0), sp(e.amt), 'T1出款', e.ref];
    else if (e.kind === 'credit')
      r = [d(e.t), '收', '调账', sp(e.amt), sp(0), sp(e.amt), e.text, e.ref];
    else if (e.kind === 'fee')
      r = [d(e.t), '支', '扣款', sp(e.amt), sp(0), sp(e.amt), e.text, e.ref];
    rows.push(r);
    place.set(e.i, { row: rows.length });
  }
  rows.push(['合计', '', '', '', '', '', '', '']);
  return {
    place,
    bytes: Buffer.from(rows.map((r) => r.join(';')).join('\n') + '\n'),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 2,
    records: ev.length,
  };
}

// 16. daily 小计 rows after each day's records (not records themselves)
export function dailySub(ev) {
  const rows = [
    ['交易日期', '交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要'],
  ];
  const place = new Map();
  let day = null;
  let n = 0,
    a = 0,
    f = 0,
    s = 0;
  const flush = () => {
    if (day && n) rows.push([`${day} 小计`, '', `笔数${n}`, '', yuan(a), yuan(f), yuan(s), '']);
    n = a = f = s = 0;
  };
  for (const e of ev) {
    if (iso(e.t) !== day) {
      flush();
      day = iso(e.t);
    }
    let r;
    if (e.kind === 'sale') {
      r = [
        iso(e.t),
        hms(e.t),
        '消费',
        cardCn(e.card),
        yuan(e.amt),
        yuan(e.fee),
        yuan(e.settled),
        e.text,
      ];
      n++;
      a += e.amt;
      f += e.fee;
      s += e.settled;
    } else if (e.kind === 'refund')
      r = [iso(e.t), hms(e.t), '退货', cardCn(e.card), yuan(-e.amt), '0.00', yuan(-e.amt), ''];
    else if (e.kind === 'payout')
      r = [iso(e.t), hms(e.t), '结算', '', yuan(-e.amt), '0.00', yuan(-e.amt), '结算到卡'];
    else if (e.kind === 'credit')
      r = [iso(e.t), hms(e.t), '返还', '', yuan(e.amt), '0.00', yuan(e.amt), e.text];
    else if (e.kind === 'fee')
      r = [iso(e.t), hms(e.t), '扣费', '', yuan(-e.amt), '0.00', yuan(-e.amt), e.text];
    rows.push(r);
    place.set(e.i, { row: rows.length });
  }
  flush();
  return {
    place,
    bytes: Buffer.from(joinCsv(rows)),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  };
}

// 17. SMS export, one message a line, each led by its UTC timestamp with an explicit +00:00 offset
export function smsUtcOneLine(ev, o) {
  const place = new Map();
  const msgs = [];
  const utc = (t) => {
    const ms = Date.UTC(t.y, t.m - 1, t.d, t.hh, t.mi, t.ss) - 8 * 3600 * 1000;
    return new Date(ms).toISOString().replace('.000Z', '+00:00');
  };
  const b = o.brand;
  for (const e of ev) {
    let body;
    if (e.kind === 'sale')
      body = `${b}您的商户今日成功收款${yuan(e.amt)}元，手续费${yuan(e.fee)}元。`;
    else if (e.kind === 'payout') body = `${b}今日结算款${yuan(e.amt)}元已到账，尾号7730。`;
    else if (e.kind === 'fee') body = `${b}今日从结算款中扣除${e.text}${yuan(e.amt)}元。`;
    else continue;
    msgs.push([utc(e.t), o.sender, body].join(o.sep ?? '\t'));
    place.set(e.i, { row: msgs.length });
  }
  return {
    place,
    bytes: Buffer.from(msgs.join('\n') + '\n'),
    format: 'sms',
    encoding: 'utf-8',
    headerRow: null,
    records: msgs.length,
  };
}

// 18. the fee column is called 扣款金额; dates 20240305 and times 103512 in their own columns
export function kkFee(ev, o) {
  const rows = [
    [`${o.brand} 商户交易明细`],
    ['交易日期', '交易时间', '终端号', '交易类型', '交易金额', '扣款金额', '结算金额', '扣款说明'],
  ];
  const place = new Map();
  const d = (t) => `${t.y}${pad2(t.m)}${pad2(t.d)}`;
  const tm = (t) => `${pad2(t.hh)}${pad2(t.mi)}${pad2(t.ss)}`;
  for (const e of ev) {
    let r;
    const term = o.terminals[e.i % o.terminals.length];
    if (e.kind === 'sale')
      r = [
        d(e.t),
        tm(e.t),
        term,
        '消费',
        yuan(e.amt),
        yuan(e.fee),
        yuan(e.settled),
        e.text || '交易手续费',
      ];
    else if (e.kind === 'refund')
      r = [d(e.t), tm(e.t), term, '退货', yuan(-e.amt), '0.00', yuan(-e.amt), ''];
    else if (e.kind === 'payout')
      r = [d(e.t), tm(e.t), '', '结算出款', yuan(e.amt), '0.00', yuan(e.amt), ''];
    else if (e.kind === 'credit')
      r = [d(e.t), tm(e.t), term, '费用退还', '0.00', '0.00', yuan(e.amt), e.text];
    else if (e.kind === 'fee')
      r = [d(e.t), tm(e.t), term, '费用扣收', '0.00', yuan(e.amt), yuan(-e.amt), e.text];
    rows.push(r);
    place.set(e.i, { row: rows.length });
  }
  return {
    place,
    bytes: iconv.encode(joinCsv(rows), 'gb18030'),
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 2,
    records: ev.length,
  };
}

// 19. CSV: a deduction shown in the 手续费 column of its own row, 交易金额 left empty
export function feeInFeeCol(ev, o) {
  const rows = [
    ['清算日期', '终端号', '交易类型', '卡类型', '交易金额', '手续费', '清算金额', '费用名称'],
  ];
  const place = new Map();
  const d = (t) => `${t.y}/${pad2(t.m)}/${pad2(t.d)}`;
  for (const e of ev) {
    let r;
    if (e.kind === 'sale')
      r = [
        d(e.t),
        o.terminal,
        '消费',
        cardCn(e.card),
        yuan(e.amt),
        yuan(e.fee),
        yuan(e.settled),
        '',
      ];
    else if (e.kind === 'refund')
      r = [d(e.t), o.terminal, '退货', cardCn(e.card), yuan(-e.amt), '0.00', yuan(-e.amt), ''];
    else if (e.kind === 'payout')
      r = [d(e.t), '', '结算', '', yuan(e.amt), '0.00', yuan(e.amt), ''];
    else if (e.kind === 'credit') r = [d(e.t), '', '返还', '', '', '0.00', yuan(e.amt), e.text];
    else if (e.kind === 'fee')
      r = [d(e.t), o.terminal, '其他费用', '', '', yuan(e.amt), yuan(-e.amt), e.text];
    rows.push(r);
    place.set(e.i, { row: rows.length });
  }
  return {
    place,
    bytes: Buffer.from(joinCsv(rows)),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  };
}

// 20. workbook: a 日汇总 sheet of daily totals (real date cells, a 扣费合计 column) before the detail
export async function wbDaily(ev, o) {
  const wb = new ExcelJS.Workbook();
  const sum = wb.addWorksheet('日汇总');
  sum.addRow(['日期', '交易笔数', '交易金额', '手续费合计', '扣费合计', '扣费项目', '结算金额']);
  const days = new Map();
  for (const e of ev) {
    const k = iso(e.t);
    const m = days.get(k) ?? { n: 0, amt: 0, fee: 0, ded: 0, names: [], net: 0 };
    if (e.kind === 'sale') {
      m.n++;
      m.amt += e.amt;
      m.fee += e.fee;
      m.net += e.settled;
    } else if (e.kind === 'fee') {
      m.ded += e.amt;
      m.names.push(e.text);
      m.net -= e.amt;
    }
    days.set(k, m);
  }
  for (const [k, m] of days) {
    const row = sum.addRow([
      new Date(`${k}T00:00:00Z`),
      m.n,
      Number(yuan(m.amt)),
      Number(yuan(m.fee)),
      Number(yuan(m.ded)),
      m.names.join('、'),
      Number(yuan(m.net)),
    ]);
    row.getCell(1).numFmt = 'yyyy-mm-dd';
  }
  const ws = wb.addWorksheet('交易明细');
  ws.addRow([`商户：${o.merchant}`]);
  ws.addRow(['交易日期', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '备注']);
  const place = new Map();
  const d = (t) => `${t.y}.${t.m}.${t.d} ${hms(t)}`;
  for (const e of ev) {
    let r;
    if (e.kind === 'sale')
      r = [
        d(e.t),
        '消费',
        cardCn(e.card),
        `¥${withSep(e.amt)}`,
        `¥${yuan(e.fee)}`,
        `¥${withSep(e.settled)}`,
        e.text,
      ];
    else if (e.kind === 'refund')
      r = [
        d(e.t),
        '退货',
        cardCn(e.card),
        `-¥${withSep(e.amt)}`,
        '¥0.00',
        `-¥${withSep(e.amt)}`,
        '',
      ];
    else if (e.kind === 'payout')
      r = [d(e.t), '结算', '', `¥${withSep(e.amt)}`, '¥0.00', `¥${withSep(e.amt)}`, '结算到账'];
    else if (e.kind === 'credit')
      r = [d(e.t), '退还', '', `¥${yuan(e.amt)}`, '¥0.00', `¥${yuan(e.amt)}`, e.text];
    else if (e.kind === 'fee')
      r = [d(e.t), '扣费', '', `-¥${yuan(e.amt)}`, '¥0.00', `-¥${yuan(e.amt)}`, e.text];
    const row = ws.addRow(r);
    place.set(e.i, { row: row.number, sheet: '交易明细' });
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    place,
    bytes: buf,
    format: 'xlsx',
    encoding: null,
    sheets: ['日汇总', '交易明细'],
    headerRow: 2,
    records: ev.length,
  };
}

// 21. English SMS, another provider's wording: RMB, 2024/03/05, "5 Mar 2024"
export function englishSms2(ev, o) {
  const place = new Map();
  const msgs = [];
  for (const e of ev) {
    const ymd = `${e.t.y}/${pad2(e.t.m)}/${pad2(e.t.d)}`;
    const dmy = `${e.t.d} ${MON[e.t.m - 1]} ${e.t.y}`;
    let body;
    if (e.kind === 'sale')
      body = `${o.brand}: ${ymd} ${pad2(e.t.hh)}:${pad2(e.t.mi)} card payment RMB${yuan(e.amt)} approved, MDR RMB${yuan(e.fee)}.`;
    else if (e.kind === 'payout')
      body = `${o.brand}: RMB${withSep(e.amt)} settled to a/c *${o.tail} on ${dmy}.`;
    else if (e.kind === 'fee')
      body = `${o.brand}: RMB${yuan(e.amt)} ${e.text} debited from your settlement on ${dmy}. Reply TD to unsubscribe.`;
    else continue;
    msgs.push(body);
    place.set(e.i, { row: msgs.length });
  }
  return {
    place,
    bytes: Buffer.from(msgs.join('\n') + '\n'),
    format: 'sms',
    encoding: 'utf-8',
    headerRow: null,
    records: msgs.length,
  };
}

// 22. English workbook: text dates 05-Mar-2024, amounts as text with spaces and CNY, a status column
export async function wbEnglish(ev, o) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Transactions');
  ws.addRow([`Statement of ${o.merchant}`]);
  ws.addRow([`Period: ${o.from} to ${o.to}`]);
  ws.addRow([]);
  ws.addRow([
    'Txn Date',
    'Txn Type',
    'Card Type',
    'Txn Amount',
    'Fee',
    'Settled Amount',
    'Status',
    'Remarks',
  ]);
  const place = new Map();
  const d = (t) => `${pad2(t.d)}-${MON[t.m - 1]}-${t.y}`;
  const sp = (f) => `CNY ${withSep(f).replace(/,/g, ' ')}`;
  const card = (c) => (c === 'debit' ? 'DEBIT' : c === 'credit' ? 'CREDIT' : '');
  for (const e of ev) {
    let r;
    const st = e.status === 'fail' ? 'FAILED' : 'SUCCESS';
    if (e.kind === 'sale')
      r = [
        d(e.t),
        'PURCHASE',
        card(e.card),
        sp(e.amt),
        sp(e.fee),
        sp(e.settled),
        'SUCCESS',
        e.text,
      ];
    else if (e.kind === 'refund')
      r = [d(e.t), 'REFUND', card(e.card), sp(-e.amt), sp(0), sp(-e.amt), 'SUCCESS', ''];
    else if (e.kind === 'payout')
      r = [
        d(e.t),
        'SETTLEMENT',
        '',
        sp(-e.amt),
        sp(0),
        sp(-e.amt),
        'SUCCESS',
        'Paid to bank account',
      ];
    else if (e.kind === 'credit')
      r = [d(e.t), 'REBATE', '', sp(e.amt), sp(0), sp(e.amt), 'SUCCESS', e.text];
    else if (e.kind === 'fee')
      r = [d(e.t), 'CHARGE', '', sp(-e.amt), sp(0), sp(-e.amt), st, e.text];
    const row = ws.addRow(r);
    place.set(e.i, { row: row.number });
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    place,
    bytes: buf,
    format: 'xlsx',
    encoding: null,
    sheets: ['Transactions'],
    headerRow: 4,
    records: ev.length,
  };
}
