import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { Block, DocumentModel, TableBlock } from './model.js';

/**
 * An editable Word document: plain paragraphs and real tables, so the merchant can correct a
 * word in Word, WPS or LibreOffice. East Asian text is given Chinese fonts explicitly; without
 * them Word falls back to a Latin font and shows boxes on some machines.
 */
const FONT_BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const FONT_HEADING = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' };
/** Half-points. */
const SIZE = { title: 36, subtitle: 24, heading: 26, body: 24, table: 20, footer: 18 };
/** A4 text width in twentieths of a point: 210 mm − 2 × 25 mm. */
const TEXT_WIDTH = 9072;
const GREY = 'D9D9D9';

type RunStyle = Omit<IRunOptions, 'text'>;

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT_BODY, size: SIZE.body, ...style });
}

/** Line breaks inside a text become Word line breaks. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return text.split('\n').map((line, i) => run(line, { ...style, ...(i > 0 ? { break: 1 } : {}) }));
}

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const zh = model.language === 'zh-CN';
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: model.subtitle ? 120 : 360 },
      children: [run(model.title, { bold: true, size: SIZE.title, font: FONT_HEADING })],
    }),
  ];
  if (model.subtitle) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 360 },
        children: runs(model.subtitle, { size: SIZE.subtitle }),
      }),
    );
  }
  for (const block of model.blocks) children.push(...blockElements(block, zh));
  const document = new Document({
    creator: model.meta?.author ?? 'FeeGuard 扣费卫士',
    title: model.title,
    ...(model.meta?.subject ? { subject: model.meta.subject } : {}),
    styles: {
      default: {
        document: {
          run: { font: FONT_BODY, size: SIZE.body, language: { eastAsia: zh ? 'zh-CN' : 'en-US' } },
          paragraph: { spacing: { line: zh ? 360 : 300 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1440, bottom: 1440, left: 1417, right: 1417 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: zh
                  ? [
                      run('第 ', { size: SIZE.footer }),
                      new TextRun({
                        children: [PageNumber.CURRENT],
                        size: SIZE.footer,
                        font: FONT_BODY,
                      }),
                      run(' 页 / 共 ', { size: SIZE.footer }),
                      new TextRun({
                        children: [PageNumber.TOTAL_PAGES],
                        size: SIZE.footer,
                        font: FONT_BODY,
                      }),
                      run(' 页', { size: SIZE.footer }),
                    ]
                  : [
                      run('Page ', { size: SIZE.footer }),
                      new TextRun({
                        children: [PageNumber.CURRENT],
                        size: SIZE.footer,
                        font: FONT_BODY,
                      }),
                      run(' of ', { size: SIZE.footer }),
                      new TextRun({
                        children: [PageNumber.TOTAL_PAGES],
                        size: SIZE.footer,
                        font: FONT_BODY,
                      }),
                    ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function blockElements(block: Block, zh: boolean): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          spacing: { before: 240, after: 120 },
          keepNext: true,
          children: [run(block.text, { bold: true, size: SIZE.heading, font: FONT_HEADING })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          // Chinese paragraphs open with a two-character indent.
          indent: zh ? { firstLine: SIZE.body * 20 } : {},
          spacing: { after: 120 },
          children: runs(block.text),
        }),
      ];
    case 'list':
      return block.items.map(
        (item, i) =>
          new Paragraph({
            indent: { left: zh ? 840 : 420, hanging: 420 },
            spacing: { after: 60 },
            children: runs(`${block.ordered ? `${String(i + 1)}.` : '•'}\t${item}`),
            tabStops: [{ type: 'left', position: zh ? 840 : 420 }],
          }),
      );
    case 'fields':
      return block.fields.map(
        (f) =>
          new Paragraph({
            spacing: { after: 40 },
            children: [run(`${f.label}${zh ? '：' : ': '}`, { color: '444444' }), ...runs(f.value)],
          }),
      );
    case 'table':
      return [
        table(block),
        ...(block.caption
          ? [
              new Paragraph({
                spacing: { before: 60, after: 200 },
                children: [run(block.caption, { size: SIZE.footer, color: '555555' })],
              }),
            ]
          : [new Paragraph({ children: [] })]),
      ];
    case 'note':
      return [
        new Paragraph({
          spacing: { before: 120, after: 120 },
          shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
          border: {
            top: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 4 },
            bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 4 },
            left: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 4 },
            right: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 4 },
          },
          children: runs(block.text, { size: SIZE.table, color: '444444' }),
        }),
      ];
    case 'signature': {
      const lines = block.lines.flatMap((l) => l.split('\n'));
      const out: Paragraph[] = [];
      const [first, ...rest] = lines;
      if (first?.startsWith('此致') || first?.startsWith('To:')) {
        out.push(
          new Paragraph({
            spacing: { before: 360 },
            indent: zh ? { firstLine: 480 } : {},
            children: [run(first)],
          }),
        );
        const addressee = zh ? rest.shift() : undefined;
        if (addressee)
          out.push(new Paragraph({ spacing: { after: 360 }, children: [run(addressee)] }));
      } else if (first) {
        rest.unshift(first);
      }
      for (const line of [...rest, block.date]) {
        out.push(
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 120 },
            children: [run(line)],
          }),
        );
      }
      return out;
    }
  }
}

function table(block: TableBlock): Table {
  const weights = block.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 1000, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: GREY, color: 'auto' } } : {}),
      children: [
        new Paragraph({
          alignment: block.columns[i]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { line: 260 },
          children: runs(text, { size: SIZE.table, bold: header }),
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.columns.map((c, i) => cell(c.title, i, true)),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) }),
      ),
      ...(block.footer
        ? [new TableRow({ children: block.footer.map((text, i) => cell(text, i, true)) })]
        : []),
    ],
  });
}
