import PDFDocument from 'pdfkit';
import { FeeGuardError } from '../errors.js';
import { findCjkFont, type CjkFont } from './fonts.js';
import type { Block, DocumentModel, TableBlock } from './model.js';

/**
 * A4 PDF with a Chinese font embedded (pdfkit subsets it to the glyphs used), so the letter prints
 * the same on any machine. Tables are drawn here rather than with pdfkit's table helper so that
 * long cells wrap and the header row repeats on every page.
 */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 64, bottom: 64, left: 62, right: 62 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const SIZE = { title: 18, subtitle: 11, heading: 12.5, body: 11, table: 9, footer: 8.5 };
const COLOR = {
  text: '#111111',
  muted: '#555555',
  rule: '#888888',
  shade: '#eeeeee',
  note: '#f6f6f6',
};
const CELL_PAD = 4;

type Doc = PDFKit.PDFDocument;

export async function renderPdf(
  model: DocumentModel,
  options: { font?: CjkFont | null } = {},
): Promise<Buffer> {
  const font = options.font === undefined ? findCjkFont() : options.font;
  if (!font) {
    throw new FeeGuardError(
      'FG_ERR_NO_CJK_FONT',
      '没有可用的中文字体，无法生成 PDF (no Chinese font to write the PDF)',
      {
        hint: "install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk) or set FEEGUARD_PDF_FONT to a .ttf/.otf/.ttc file",
      },
    );
  }
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: model.title,
      ...(model.meta?.author ? { Author: model.meta.author } : {}),
      ...(model.meta?.subject ? { Subject: model.meta.subject } : {}),
      Creator: 'FeeGuard 扣费卫士',
    },
    lang: model.language,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  registerFonts(doc, font);
  const zh = model.language === 'zh-CN';

  doc.font('body-bold').fontSize(SIZE.title).fillColor(COLOR.text);
  doc.text(model.title, { align: 'center', characterSpacing: zh ? 4 : 0 });
  if (model.subtitle) {
    doc.moveDown(0.3).font('body').fontSize(SIZE.subtitle).fillColor(COLOR.muted);
    doc.text(model.subtitle, { align: 'center' });
  }
  doc.moveDown(1);
  for (const block of model.blocks) drawBlock(doc, block, zh);
  drawPageNumbers(doc, zh);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function registerFonts(doc: Doc, font: CjkFont): void {
  doc.registerFont('body', font.regular, font.regularFace ?? '');
  if (font.bold) doc.registerFont('body-bold', font.bold, font.boldFace ?? '');
  else doc.registerFont('body-bold', font.regular, font.regularFace ?? '');
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function drawBlock(doc: Doc, block: Block, zh: boolean): void {
  doc.x = MARGIN.left;
  const lineGap = zh ? 5 : 3;
  switch (block.kind) {
    case 'heading':
      ensureSpace(doc, 48);
      doc.moveDown(0.4).font('body-bold').fontSize(SIZE.heading).fillColor(COLOR.text);
      doc.text(block.text, { width: CONTENT_WIDTH });
      doc.moveDown(0.3);
      return;
    case 'paragraph':
      doc.font('body').fontSize(SIZE.body).fillColor(COLOR.text);
      ensureSpace(doc, SIZE.body * 2);
      doc.text(block.text, {
        width: CONTENT_WIDTH,
        lineGap,
        // Chinese paragraphs open with a two-character indent.
        indent: zh ? SIZE.body * 2 : 0,
        // pdfkit justifies by stretching spaces only, which tears apart "共 1587 条" and English
        // lines holding Chinese names (a run of CJK counts as one long word).
        align: 'left',
      });
      doc.moveDown(0.4);
      return;
    case 'list':
      doc.font('body').fontSize(SIZE.body).fillColor(COLOR.text);
      block.items.forEach((item, i) => {
        const marker = block.ordered ? `${String(i + 1)}.` : '•';
        const indent = 20;
        ensureSpace(doc, SIZE.body * 2);
        const y = doc.y;
        doc.text(marker, MARGIN.left + (zh ? SIZE.body * 2 : 0) - 4, y, {
          width: indent,
          align: 'right',
        });
        doc.text(item, MARGIN.left + (zh ? SIZE.body * 2 : 0) + indent, y, {
          width: CONTENT_WIDTH - indent - (zh ? SIZE.body * 2 : 0),
          lineGap,
        });
        doc.moveDown(0.15);
      });
      doc.x = MARGIN.left;
      doc.moveDown(0.3);
      return;
    case 'fields':
      drawFields(doc, block.fields, lineGap, zh);
      return;
    case 'table':
      drawTable(doc, block);
      return;
    case 'note': {
      doc.font('body').fontSize(SIZE.table + 0.5);
      const height = doc.heightOfString(block.text, { width: CONTENT_WIDTH - 16, lineGap: 3 }) + 12;
      ensureSpace(doc, height + 6);
      const top = doc.y + 4;
      doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fillAndStroke(COLOR.note, COLOR.rule);
      doc
        .fillColor(COLOR.muted)
        .text(block.text, MARGIN.left + 8, top + 6, { width: CONTENT_WIDTH - 16, lineGap: 3 });
      doc.x = MARGIN.left;
      doc.y = top + height + 8;
      return;
    }
    case 'signature': {
      doc.font('body').fontSize(SIZE.body).fillColor(COLOR.text);
      const lines = block.lines.flatMap((l) => l.split('\n'));
      ensureSpace(doc, (lines.length + 3) * (SIZE.body + lineGap + 6));
      doc.moveDown(1.2);
      const [salutation, ...rest] = lines;
      // 此致 opens indented, the addressee follows flush left; the signature goes on the right.
      if (salutation?.startsWith('此致') || salutation?.startsWith('To:')) {
        doc.text(salutation, MARGIN.left + (zh ? SIZE.body * 2 : 0), doc.y, {
          width: CONTENT_WIDTH,
        });
        const addressee = zh ? rest.shift() : undefined;
        if (addressee) doc.text(addressee, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
        doc.moveDown(1.5);
      } else if (salutation) {
        rest.unshift(salutation);
      }
      for (const line of rest) {
        doc.text(line, MARGIN.left, doc.y, { width: CONTENT_WIDTH, align: 'right' });
        doc.moveDown(0.6);
      }
      doc.text(block.date, MARGIN.left, doc.y, { width: CONTENT_WIDTH, align: 'right' });
      doc.moveDown(0.6);
      return;
    }
  }
}

function drawFields(
  doc: Doc,
  fields: readonly { label: string; value: string }[],
  lineGap: number,
  zh: boolean,
): void {
  const colon = zh ? '：' : ':';
  doc.font('body').fontSize(SIZE.body);
  const labelWidth = Math.min(
    CONTENT_WIDTH * 0.4,
    Math.max(...fields.map((f) => doc.widthOfString(`${f.label}${colon}`))) + 4,
  );
  for (const field of fields) {
    const height = doc.heightOfString(field.value, { width: CONTENT_WIDTH - labelWidth, lineGap });
    ensureSpace(doc, height);
    const y = doc.y;
    doc
      .fillColor(COLOR.muted)
      .text(`${field.label}${colon}`, MARGIN.left, y, { width: labelWidth, lineGap });
    const labelBottom = doc.y;
    doc.fillColor(COLOR.text).text(field.value, MARGIN.left + labelWidth, y, {
      width: CONTENT_WIDTH - labelWidth,
      lineGap,
    });
    doc.y = Math.max(doc.y, labelBottom);
  }
  doc.x = MARGIN.left;
  doc.moveDown(0.5);
}

function columnWidths(table: TableBlock): number[] {
  const weights = table.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / total) * CONTENT_WIDTH);
}

function drawTable(doc: Doc, table: TableBlock): void {
  const widths = columnWidths(table);
  doc.fontSize(SIZE.table);
  const rowHeight = (cells: readonly string[], fontName: string) => {
    doc.font(fontName);
    return (
      Math.max(
        SIZE.table,
        ...cells.map((cell, i) =>
          doc.heightOfString(cell || ' ', {
            width: (widths[i] ?? 40) - CELL_PAD * 2,
            lineGap: 1.5,
          }),
        ),
      ) +
      CELL_PAD * 2
    );
  };
  const drawRow = (cells: readonly string[], fontName: string, shade: boolean) => {
    const height = rowHeight(cells, fontName);
    const top = doc.y;
    let x = MARGIN.left;
    if (shade) doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fill(COLOR.shade);
    doc.lineWidth(0.5).strokeColor(COLOR.rule);
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 40;
      doc.rect(x, top, width, height).stroke();
      doc.font(fontName).fontSize(SIZE.table).fillColor(COLOR.text);
      doc.text(cell, x + CELL_PAD, top + CELL_PAD, {
        width: width - CELL_PAD * 2,
        align: table.columns[i]?.align === 'right' ? 'right' : 'left',
        lineGap: 1.5,
      });
      x += width;
    });
    doc.x = MARGIN.left;
    doc.y = top + height;
  };
  const header = table.columns.map((c) => c.title);
  const headerHeight = rowHeight(header, 'body-bold');
  ensureSpace(doc, headerHeight + rowHeight(table.rows[0] ?? header, 'body') + 4);
  drawRow(header, 'body-bold', true);
  for (const row of table.rows) {
    if (doc.y + rowHeight(row, 'body') > BOTTOM) {
      doc.addPage();
      drawRow(header, 'body-bold', true);
    }
    drawRow(row, 'body', false);
  }
  if (table.footer) {
    if (doc.y + rowHeight(table.footer, 'body-bold') > BOTTOM) {
      doc.addPage();
      drawRow(header, 'body-bold', true);
    }
    drawRow(table.footer, 'body-bold', true);
  }
  if (table.caption) {
    doc.moveDown(0.3).font('body').fontSize(SIZE.footer).fillColor(COLOR.muted);
    doc.text(table.caption, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  }
  doc.x = MARGIN.left;
  doc.moveDown(0.6);
}

function drawPageNumbers(doc: Doc, zh: boolean): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const label = zh
      ? `第 ${String(i + 1)} 页 / 共 ${String(range.count)} 页`
      : `Page ${String(i + 1)} of ${String(range.count)}`;
    // Writing inside the bottom margin must not trigger pdfkit's automatic page break.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(SIZE.footer).fillColor(COLOR.muted);
    doc.text(label, MARGIN.left, PAGE.height - MARGIN.bottom / 2 - SIZE.footer, {
      width: CONTENT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
