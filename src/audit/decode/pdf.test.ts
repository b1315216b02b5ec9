import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { findCjkFont } from '../../documents/fonts.js';
import type { SourceRow } from '../model.js';
import { DEFAULT_LIMITS } from './limits.js';
import { decodePdf, linesOf, rowsOfLines, type TextLine } from './pdf.js';

const line = (page: number, ...cells: [number, string][]): TextLine => ({
  page,
  runs: cells.map(([x, text]) => ({ x0: x, x1: x + text.length * 8, text })),
});

describe('rebuilding a PDF table from its lines', () => {
  it('takes the widest figure-free line as the header, not a preamble line', () => {
    const rows = rowsOfLines([
      line(1, [0, '商户名称'], [100, '某某便利店'], [200, '开户行']),
      line(1, [0, '交易时间'], [100, '交易金额'], [200, '手续费'], [300, '摘要']),
      line(1, [0, '2024-03-01'], [110, '12.00'], [205, '0.07'], [300, '消费']),
      line(1, [250, '第 1 页 共 2 页']),
      line(2, [0, '交易时间'], [100, '交易金额'], [200, '手续费'], [300, '摘要']),
      line(2, [0, '2024-03-02'], [300, '流量费'], [110, '-99.00']),
      line(2, [250, '2/2']),
    ]);
    expect(rows).toEqual([
      { row: 1, page: 1, cells: ['商户名称', '某某便利店', '开户行', null] },
      { row: 2, page: 1, cells: ['交易时间', '交易金额', '手续费', '摘要'] },
      { row: 3, page: 1, cells: ['2024-03-01', '12.00', '0.07', '消费'] },
      { row: 4, page: 2, cells: ['2024-03-02', '-99.00', null, '流量费'] },
    ]);
  });

  it('keeps every run as a cell when no header is found', () => {
    expect(rowsOfLines([line(1, [0, 'a'], [100, 'b'])])).toEqual([
      { row: 1, page: 1, cells: ['a', 'b'] },
    ]);
  });

  it('drops a page footer that shares the last row’s baseline instead of merging it into a cell', () => {
    const piece = (x: number, y: number, text: string) => ({
      x,
      y,
      width: text.length * 4,
      size: 8,
      text,
    });
    const lines = linesOf(
      [
        piece(30, 560, '2024-03-01'),
        piece(200, 560, '12.00'),
        piece(372, 560, '0.00'),
        piece(380, 558, '第 1 页'),
      ],
      1,
    );
    expect(lines).toEqual([
      {
        page: 1,
        runs: [
          { x0: 30, x1: 70, text: '2024-03-01' },
          { x0: 200, x1: 220, text: '12.00' },
          { x0: 372, x1: 388, text: '0.00' },
        ],
      },
    ]);
  });

  const at = (x: number, text: string, y = 500) => ({
    x,
    y,
    width: text.length * 4,
    size: 8,
    text,
  });

  it('keeps a right-aligned amount and the text of the next column apart though only points apart', () => {
    // -99.00 ends at 230, the 摘要 of the next column starts at 235: a gap of 5 points at size 8
    const lines = linesOf([at(30, '2024-03-06'), at(206, '-99.00'), at(235, '扣收流量费')], 1);
    expect(lines[0]?.runs.map((r) => r.text)).toEqual(['2024-03-06', '-99.00', '扣收流量费']);
  });

  it('keeps two Chinese headings apart, but not the letters of a spaced heading or English words', () => {
    const texts = (pieces: ReturnType<typeof at>[]) =>
      linesOf(pieces, 1)[0]?.runs.map((r) => r.text);
    // 结算金额(元) is 7 pieces wide (28 points): it ends at 228, 摘要 starts 5 points on
    expect(texts([at(200, '结算金额(元)'), at(233, '摘要')])).toEqual(['结算金额(元)', '摘要']);
    expect(texts([at(200, '摘'), at(206, '要')])).toEqual(['摘 要']);
    expect(texts([at(200, 'Net'), at(214, 'Amount')])).toEqual(['Net Amount']);
    expect(texts([at(200, '交易时间'), at(218, 'Time')])).toEqual(['交易时间 Time']);
  });

  it('puts right-aligned figures under the left-aligned heading they follow', () => {
    // headings flush left at 0/100/200/300; figures flush right at the column's end, clear of
    // their heading: under the headings' middles they would fall one column to the right
    const rows = rowsOfLines([
      line(1, [0, '交易时间'], [100, '金额'], [200, '手续费'], [300, '说明']),
      line(1, [0, '2024-05-01'], [140, '170.60'], [260, '1.02']),
      line(1, [0, '2024-05-02'], [132, '-499.89'], [260, '0.00'], [300, '结算至尾号0932']),
    ]);
    expect(rows.map((r) => r.cells)).toEqual([
      ['交易时间', '金额', '手续费', '说明'],
      ['2024-05-01', '170.60', '1.02', null],
      ['2024-05-02', '-499.89', '0.00', '结算至尾号0932'],
    ]);
  });

  it('keeps apart an amount PDF.js joined to the words of the next column when cells are padded 2 points', () => {
    // cells 100 points wide with 2 points of padding: headings start at 2/102/202/302, figures end
    // at 198/298, so 0.00 ends 4 points before 说明, lies under no heading, and arrives joined to
    // the words after it (`0.00 结算至尾号0932`)
    const run = (x0: number, x1: number, text: string, joined = false) =>
      joined ? { x0, x1, text, joined } : { x0, x1, text };
    const rows = rowsOfLines([
      {
        page: 1,
        runs: [
          run(2, 34, '交易时间'),
          run(102, 118, '金额'),
          run(202, 226, '手续费'),
          run(302, 318, '说明'),
        ],
      },
      { page: 1, runs: [run(2, 43, '2024-05-01'), run(174, 198, '170.60'), run(282, 298, '1.02')] },
      {
        page: 1,
        runs: [
          run(2, 43, '2024-05-02'),
          run(170, 198, '-499.89'),
          run(282, 298, '0.00'),
          run(302, 350, '结算至尾号0932', true),
        ],
      },
    ]);
    expect(rows.map((r) => r.cells)).toEqual([
      ['交易时间', '金额', '手续费', '说明'],
      ['2024-05-01', '170.60', '1.02', null],
      ['2024-05-02', '-499.89', '0.00', '结算至尾号0932'],
    ]);
  });

  it('cuts a right-aligned figure from the left-aligned cell starting 6 points after it', () => {
    // 手续费 right-aligned ends at 219, 交易日期 starts at 225 under its heading: a gap of 6 points
    // at size 8, narrower than one between cells, but the dates start where their heading does
    const rowLine = (y: number, fee: string, date: string) => [
      at(139.6, '387.80', y),
      at(219 - fee.length * 4, fee, y),
      at(225, date, y),
      at(285, '07:53:32', y),
      at(330, '消费', y),
    ];
    const lines = linesOf(
      [
        at(36, '支出', 520),
        at(100, '收入', 520),
        at(170, '手续费', 520),
        at(225, '交易日期', 520),
        at(285, '时间', 520),
        at(330, '交易摘要', 520),
        ...rowLine(507, '2.13', '2024/8/1'),
        ...rowLine(494, '17.79', '2024/8/2'),
      ],
      1,
    );
    expect(rowsOfLines(lines).map((r) => r.cells)).toEqual([
      ['支出', '收入', '手续费', '交易日期', '时间', '交易摘要'],
      [null, '387.80', '2.13', '2024/8/1', '07:53:32', '消费'],
      [null, '387.80', '17.79', '2024/8/2', '07:53:32', '消费'],
    ]);
  });

  it('keeps a date and its time one cell when the time starts at no column', () => {
    const lines = linesOf(
      [
        at(36, '交易时间', 520),
        at(140, '交易金额', 520),
        at(200, '手续费', 520),
        at(260, '备注', 520),
        at(36, '2024-02-01', 507),
        at(82, '07:00:42', 507),
        at(150, '42.45', 507),
        at(210, '0.25', 507),
        at(36, '2024-02-02', 494),
        at(82, '10:53:35', 494),
        at(150, '7.06', 494),
        at(210, '0.04', 494),
      ],
      1,
    );
    expect(rowsOfLines(lines).map((r) => r.cells[0])).toEqual([
      '交易时间',
      '2024-02-01 07:00:42',
      '2024-02-02 10:53:35',
    ]);
  });

  it('reads a second table on the page with its own header and columns, page after page', () => {
    const main = (page: number) =>
      line(page, [0, '交易时间'], [100, '类型'], [200, '交易金额'], [300, '手续费']);
    const fees = (page: number) =>
      line(page, [0, '扣收日期'], [100, '费用项目'], [200, '类型'], [300, '金额']);
    const rows = rowsOfLines([
      line(1, [0, '一、交易明细']),
      main(1),
      line(1, [0, '2024-02-01 07:00'], [100, '消费'], [200, '42.45'], [300, '0.25']),
      line(1, [0, '二、费用明细']),
      fees(1),
      line(1, [0, '2024-02-03'], [100, '激活费'], [200, '费用'], [330, '-199.00']),
      line(2, [0, '一、交易明细']),
      main(2),
      line(2, [0, '2024-02-08 04:26'], [100, '结算'], [200, '-916.34'], [300, '0.00']),
      line(2, [0, '二、费用明细']),
      fees(2),
      line(2, [0, '2024-02-09'], [100, '流量卡年费'], [200, '费用'], [330, '-36.00']),
    ]);
    expect(rows).toEqual([
      { row: 1, page: 1, cells: ['一、交易明细', null, null, null] },
      { row: 2, page: 1, cells: ['交易时间', '类型', '交易金额', '手续费'] },
      { row: 3, page: 1, cells: ['2024-02-01 07:00', '消费', '42.45', '0.25'] },
      { row: 4, page: 1, cells: ['二、费用明细', null, null, null] },
      { row: 5, page: 1, table: 2, cells: ['扣收日期', '费用项目', '类型', '金额'] },
      { row: 6, page: 1, table: 2, cells: ['2024-02-03', '激活费', '费用', '-199.00'] },
      { row: 7, page: 2, cells: ['2024-02-08 04:26', '结算', '-916.34', '0.00'] },
      { row: 8, page: 2, cells: ['二、费用明细', null, null, null] },
      { row: 9, page: 2, table: 2, cells: ['2024-02-09', '流量卡年费', '费用', '-36.00'] },
    ]);
  });

  it('takes the wrapped second line of a row (three figure-free cells) for no second table', () => {
    const head = line(
      1,
      [0, '交易日期'],
      [100, '金额'],
      [200, '对方户名'],
      [300, '摘要'],
      [400, '附言'],
    );
    const row = (date: string, amount: string, name: string) =>
      line(1, [0, date], [100, amount], [200, name], [300, '代扣'], [400, '服务']);
    const rows = rowsOfLines([
      head,
      row('2024-03-01', '-99.00', '某某科技'),
      line(1, [200, '有限公司'], [300, '服务费'], [400, '年费']),
      row('2024-03-02', '-36.00', '某某网络'),
      row('2024-03-03', '-19.00', '某某信息'),
    ]);
    expect(rows.every((r) => r.table === undefined)).toBe(true);
    expect(rows[2]?.cells).toEqual([null, null, '有限公司', '服务费', '年费']);
  });

  it('takes a figure-free line with no figures under it for no second table', () => {
    const rows = rowsOfLines([
      line(1, [0, '交易时间'], [100, '类型'], [200, '交易金额'], [300, '手续费']),
      line(1, [0, '2024-02-01 07:00'], [100, '消费'], [200, '42.45'], [300, '0.25']),
      line(1, [0, '制表人'], [100, '复核人'], [200, '盖章']),
    ]);
    expect(rows.every((r) => r.table === undefined)).toBe(true);
    expect(rows.at(-1)?.cells).toEqual(['制表人', '复核人', '盖章', null]);
  });

  it('drops the repeats of a two-line heading (Chinese over English) on later pages', () => {
    const heading = (page: number) => [
      line(page, [0, '交易日期'], [100, '交易金额'], [200, '手续费'], [300, '摘要']),
      line(page, [0, 'Date'], [100, 'Amount'], [200, 'Fee'], [300, 'Remark']),
    ];
    const rows = rowsOfLines([
      ...heading(1),
      line(1, [0, '2024-12-01'], [100, '12.00'], [200, '0.07']),
      ...heading(2),
      line(2, [0, '2024-12-02'], [100, '-60.00'], [200, '0.00'], [300, '流量费']),
    ]);
    expect(rows.map((r) => r.cells[0])).toEqual(['交易日期', 'Date', '2024-12-01', '2024-12-02']);
  });
});

const font = findCjkFont();

/**
 * A 7.5 pt table whose right-aligned amount column ends 4 points before a left-aligned text column:
 * PDF.js joins the two headings and an amount with the words after it into one piece of text.
 */
async function narrowPdf(header: string[], rows: string[][]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 30 });
  const parts: Buffer[] = [];
  doc.on('data', (part: Buffer) => {
    parts.push(part);
  });
  const done = new Promise<Buffer>((resolve) => {
    doc.on('end', () => {
      resolve(Buffer.concat(parts));
    });
  });
  if (font) doc.registerFont('cjk', font.regular, font.regularFace ?? '');
  doc.font('cjk').fontSize(7.5);
  const columns = [
    { w: 70, align: 'left' },
    { w: 70, align: 'right' },
    { w: 70, align: 'right' },
    { w: 110, align: 'left' },
    { w: 60, align: 'left' },
  ] as const;
  [header, ...rows].forEach((cells, index) => {
    let x = 30;
    columns.forEach((column, at) => {
      const text = cells[at] ?? '';
      doc.text(text, x, 60 + index * 11.5, {
        width: column.w - 4,
        align: column.align,
        lineBreak: false,
      });
      x += column.w;
    });
  });
  doc.end();
  return new Uint8Array(await done);
}

async function cellsOf(bytes: Uint8Array) {
  async function* chunks() {
    await Promise.resolve();
    yield bytes;
  }
  const rows: SourceRow[] = [];
  for await (const batch of decodePdf(chunks(), 'narrow.pdf', DEFAULT_LIMITS).batches)
    rows.push(...batch);
  return rows.map((r) => r.cells);
}

describe.skipIf(font === null)('columns set only points apart', () => {
  it('splits a joined heading where amounts end and words begin under it', async () => {
    const cells = await cellsOf(
      await narrowPdf(
        ['交易日期', '交易金额', '清算金额', '备注', '参考号'],
        [
          ['2025-03-01', '278.69', '277.30', '', '104022852152'],
          ['2025-03-02', '0.00', '-99.00', '智能终端4G流量服务', '104022852153'],
          ['2025-03-03', '0.00', '-1040.83', '清算入账', '104022852154'],
          // the second line of a wrapped 备注: an amount and words inside one cell stay one cell
          ['', '', '', '4.00 手续费63.14', ''],
        ],
      ),
    );
    expect(cells).toEqual([
      ['交易日期', '交易金额', '清算金额', '备注', '参考号'],
      ['2025-03-01', '278.69', '277.30', null, '104022852152'],
      ['2025-03-02', '0.00', '-99.00', '智能终端4G流量服务', '104022852153'],
      ['2025-03-03', '0.00', '-1040.83', '清算入账', '104022852154'],
      [null, null, null, '4.00 手续费63.14', null],
    ]);
  });

  it('splits English headings the data shows to be two columns, and keeps a two-word heading', async () => {
    const cells = await cellsOf(
      await narrowPdf(
        ['Date', 'Fee Amount', 'Net', 'Details', 'Ref'],
        [
          ['2025-05-01', '1.39', '-1526.42', 'T+0 payout', 'R1'],
          ['2025-05-02', '0.56', '-120.00', 'SIM card annual fee', 'R2'],
          ['2025-05-03', '0.44', '110.65', '', 'R3'],
        ],
      ),
    );
    expect(cells).toEqual([
      ['Date', 'Fee Amount', 'Net', 'Details', 'Ref'],
      ['2025-05-01', '1.39', '-1526.42', 'T+0 payout', 'R1'],
      ['2025-05-02', '0.56', '-120.00', 'SIM card annual fee', 'R2'],
      ['2025-05-03', '0.44', '110.65', null, 'R3'],
    ]);
  });

  it('reads a landscape page stored turned (/Rotate 90) the way it is shown', async () => {
    const doc = new PDFDocument({ size: 'A4', margin: 30, autoFirstPage: false });
    const parts: Buffer[] = [];
    doc.on('data', (part: Buffer) => {
      parts.push(part);
    });
    const done = new Promise<Buffer>((resolve) => {
      doc.on('end', () => {
        resolve(Buffer.concat(parts));
      });
    });
    if (font) doc.registerFont('cjk', font.regular, font.regularFace ?? '');
    doc.addPage({ size: 'A4', layout: 'portrait', margin: 30 });
    doc.font('cjk').fontSize(8);
    // a portrait sheet shown turned a quarter: the table is drawn along its long side
    (doc.page.dictionary as unknown as { data: Record<string, unknown> }).data.Rotate = 90;
    doc.save();
    doc.translate(0, 842);
    doc.rotate(-90);
    const xs = [36, 120, 200, 280, 360];
    [
      ['交易日期', '交易类型', '交易金额', '手续费', '摘要'],
      ['2024-05-01', '消费', '530.00', '2.01', ''],
      ['2024-05-03', '扣费', '-30.00', '0.00', '流量费'],
    ].forEach((cells, index) => {
      cells.forEach((text, at) => {
        if (text) doc.text(text, xs[at] ?? 0, 36 + index * 13, { lineBreak: false });
      });
    });
    doc.restore();
    doc.end();
    expect(await cellsOf(new Uint8Array(await done))).toEqual([
      ['交易日期', '交易类型', '交易金额', '手续费', '摘要'],
      ['2024-05-01', '消费', '530.00', '2.01', null],
      ['2024-05-03', '扣费', '-30.00', '0.00', '流量费'],
    ]);
  });
});
