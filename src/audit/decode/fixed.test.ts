import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { SourceMessage, SourceRow } from '../model.js';
import { fixedColumns, looksFixedWidth, splitFixed } from './fixed.js';
import { decodeStatement, sniffFormat } from './index.js';

async function* chunksOf(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) {
    await Promise.resolve();
    yield bytes.subarray(i, i + size);
  }
}

async function rowsOf(bytes: Uint8Array, size = bytes.length) {
  const decoded = await decodeStatement(chunksOf(bytes, size), 'statement.txt');
  const rows: (SourceRow | SourceMessage)[] = [];
  for await (const batch of decoded.batches) rows.push(...batch);
  return { decoded, rows: rows.map((r) => ('cells' in r ? [r.row, ...r.cells] : [r.text])) };
}

// a back-office print: one space between columns, a field with a space in it (the time), empty
// cells, numbers to the right, a centred title, a preamble, a rule and a 合计 line
const width = (s: string) => s.replace(/[^ -~]/gu, '  ').length;
const left = (s: string, w: number) => s + ' '.repeat(w - width(s));
const right = (s: string, w: number) => ' '.repeat(w - width(s)) + s;
const line = (cells: string[]) =>
  [
    left(cells[0] ?? '', 19),
    left(cells[1] ?? '', 10),
    left(cells[2] ?? '', 6),
    right(cells[3] ?? '', 8),
    right(cells[4] ?? '', 6),
    cells[5] ?? '',
  ]
    .join(' ')
    .trimEnd();
const PRINT = [
  '                 某某支付 POS 商户对账单',
  '商户名称：成都市张记面馆    统计区间：2024-03-01 至 2024-03-31',
  line(['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '摘要']),
  '-'.repeat(62),
  line(['2024-03-01 09:12:33', '刷卡消费', '借记卡', '120.00', '0.60']),
  line(['2024-03-01 22:00:00', '结算', '', '-119.40', '0.00', '结算至尾号1234']),
  line(['2024-03-02 10:00:01', '扫码收款', '贷记卡', '1234.56', '7.41']),
  line(['2024-03-02 01:00:00', '扣费', '', '-99.00', '0.00', '流量卡年费']),
  line(['2024-03-03 11:11:11', '刷卡消费', '贷记卡', '88.00', '0.53', 'POS 消费']),
  line(['2024-03-03 12:00:00', '退货', '', '-20.00', '0.00']),
  '-'.repeat(62),
  line(['合计', '', '', '1204.16']),
].join('\r\n');

describe('fixed-width text', () => {
  it('finds the columns from where the header and the values stand', () => {
    const lines = PRINT.split('\r\n');
    const columns = fixedColumns(lines);
    expect(columns).not.toBeNull();
    if (!columns) return;
    expect(splitFixed(lines[2] ?? '', columns)).toEqual([
      '交易时间',
      '交易类型',
      '卡类型',
      '交易金额',
      '手续费',
      '摘要',
    ]);
    // the space inside the time is not a column boundary; the empty card type is an empty cell
    expect(splitFixed(lines[5] ?? '', columns)).toEqual([
      '2024-03-01 22:00:00',
      '结算',
      '',
      '-119.40',
      '0.00',
      '结算至尾号1234',
    ]);
    expect(splitFixed(lines[8] ?? '', columns)).toEqual([
      '2024-03-03 11:11:11',
      '刷卡消费',
      '贷记卡',
      '88.00',
      '0.53',
      'POS 消费',
    ]);
    // a title that runs across the columns stays one cell
    expect(splitFixed(lines[0] ?? '', columns)).toEqual(['某某支付 POS 商户对账单']);
  });

  it('finds the same columns when the page title and page number are printed again on each page', () => {
    const lines = PRINT.split('\r\n');
    const page = (n: number) => `                 某某支付 POS 商户对账单            第 ${n} 页`;
    const paged = [
      ...lines.slice(0, 8),
      '第 1 页 共 2 页',
      '-'.repeat(62) + '\f',
      page(2),
      lines[2] ?? '',
      ...lines.slice(8),
    ];
    const columns = fixedColumns(paged);
    expect(columns).toEqual(fixedColumns(lines));
    if (!columns) return;
    expect(splitFixed(paged.at(-4) ?? '', columns)).toEqual([
      '2024-03-03 11:11:11',
      '刷卡消费',
      '贷记卡',
      '88.00',
      '0.53',
      'POS 消费',
    ]);
  });

  it('decodes UTF-8 and GB18030 alike, rows numbered by line, however the bytes are chunked', async () => {
    const utf8 = await rowsOf(new TextEncoder().encode(PRINT), 7);
    const gb = await rowsOf(iconv.encode(PRINT, 'gb18030'), 5);
    expect(utf8.decoded.meta.format).toBe('csv');
    expect(gb.decoded.meta.encoding).toBe('gb18030');
    expect(gb.rows).toEqual(utf8.rows);
    expect(utf8.rows[7]).toEqual([
      8,
      '2024-03-02 01:00:00',
      '扣费',
      '',
      '-99.00',
      '0.00',
      '流量卡年费',
    ]);
    expect(utf8.rows.at(-1)).toEqual([12, '合计', '', '', '1204.16']);
  });

  it('is not taken for SMS notices, which it resembles in words and money', () => {
    const bytes = new TextEncoder().encode(PRINT);
    expect(sniffFormat(bytes, 'statement.txt')).toBe('csv');
  });

  it('leaves delimited text and notices to their readers', () => {
    const csv = [
      '交易时间,交易类型,交易金额,手续费,摘要',
      ...Array.from(
        { length: 8 },
        (_, i) => `2024-03-0${i + 1} 10:00:00,消费,100.00,0.60,POS 消费 门店 A`,
      ),
    ].join('\n');
    expect(looksFixedWidth(csv)).toBe(false);
    const sms = Array.from(
      { length: 8 },
      (_, i) => `【某某支付】您的商户于2024-03-0${i + 1} 10:22成功收款123.00元，手续费0.74元。`,
    ).join('\n');
    expect(looksFixedWidth(sms)).toBe(false);
    expect(sniffFormat(new TextEncoder().encode(sms), 'sms.txt')).toBe('sms');
  });
});
