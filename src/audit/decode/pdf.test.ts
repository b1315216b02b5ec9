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
