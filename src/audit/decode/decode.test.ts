import { SAMPLES_DIR } from '../../../test/fixtures/index.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isFeeGuardError } from '../../errors.js';
import type { SourceMessage, SourceRow } from '../model.js';
import { detectDelimiter } from './delimiter.js';
import { detectEncoding } from './encoding.js';
import { decodeStatement, sniffFormat } from './index.js';
import { CsvSplitter } from './splitter.js';

const samples = SAMPLES_DIR;

async function* chunksOf(bytes: Uint8Array, size = bytes.length || 1): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) {
    await Promise.resolve();
    yield bytes.subarray(i, i + size);
  }
}

async function decode(bytes: Uint8Array, name = 'f.csv', size?: number) {
  const decoded = await decodeStatement(chunksOf(bytes, size), name);
  const items: (SourceRow | SourceMessage)[] = [];
  for await (const batch of decoded.batches) items.push(...batch);
  return { decoded, items };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const cellsOf = (items: (SourceRow | SourceMessage)[]) =>
  items.map((r) => ('cells' in r ? r.cells : r.text));

describe('CSV', () => {
  it('reads every Chinese field right among more distinct texts than it remembers', async () => {
    // 70,000 distinct descriptions: the table of decoded texts (65,536) is emptied and refilled
    const fields = (i: number) => [
      '2024-01-01',
      i % 3 === 0 ? '消费' : '退货',
      `原交易${String(i)}号`,
      `引用，${String(i % 7)}`,
    ];
    const n = 70_000;
    const lines = Array.from({ length: n }, (_, i) => {
      const [date, type, text, note] = fields(i);
      return `${date ?? ''},${type ?? ''},${text ?? ''},"${note ?? ''}"`;
    });
    const { items } = await decode(
      utf8(`日期,类型,摘要,备注\n${lines.join('\n')}\n`),
      'f.csv',
      1 << 16,
    );
    expect(cellsOf(items)).toEqual([
      ['日期', '类型', '摘要', '备注'],
      ...Array.from({ length: n }, (_, i) => fields(i)),
    ]);
  }, 30_000);

  it.each([
    [
      'comma',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'tab',
      'a\tb\tc\n1\t2\t3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'semicolon',
      'a;b;c\n1;2,5;3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2,5', '3'],
      ],
    ],
    [
      'pipe',
      'a|b|c\n1|2|3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CR only',
      'a,b\r1,2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final newline',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'quoted delimiter',
      'a,b\n"1,234.00",x\n',
      [
        ['a', 'b'],
        ['1,234.00', 'x'],
      ],
    ],
    [
      'doubled quotes',
      'a,b\n"say ""hi""",x\n',
      [
        ['a', 'b'],
        ['say "hi"', 'x'],
      ],
    ],
    [
      'quoted newline',
      'a,b\n"two\nlines",x\nc,d\n',
      [
        ['a', 'b'],
        ['two\nlines', 'x'],
        ['c', 'd'],
      ],
    ],
    [
      'stray quote inside a field',
      'a,b\n12"3,x\n',
      [
        ['a', 'b'],
        ['12"3', 'x'],
      ],
    ],
    ['blank lines keep their numbers', 'a,b\n\n1,2\n', [['a', 'b'], [''], ['1', '2']]],
  ])('%s', async (_name, text, rows) => {
    const { items } = await decode(utf8(text));
    expect(cellsOf(items)).toEqual(rows);
    expect(items.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
  });

  it('detects UTF-8, UTF-8 with BOM and GB18030', async () => {
    const text = '交易时间,摘要,金额\n2024-01-01,流量费,-99.00\n';
    for (const [bytes, encoding] of [
      [utf8(text), 'utf-8'],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'utf-8-bom'],
      [new Uint8Array(iconv.encode(text, 'gb18030')), 'gb18030'],
      [new Uint8Array(iconv.encode(text, 'gbk')), 'gb18030'],
    ] as const) {
      const { decoded, items } = await decode(bytes, 'x.csv', 7);
      expect(decoded.meta.encoding).toBe(encoding);
      expect(cellsOf(items)).toEqual([
        ['交易时间', '摘要', '金额'],
        ['2024-01-01', '流量费', '-99.00'],
      ]);
    }
  });

  it('gives the same rows however the bytes are chunked', async () => {
    const text =
      '商户名称：老王,,\n交易时间,摘要,金额\r\n2024-01-01,"流量,费",-99.00\n2024-01-02,"两\n行",1\n\n2024-01-03,服务费,-39\n';
    const bytes = utf8(text);
    const whole = cellsOf((await decode(bytes)).items);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), async (size) => {
        expect(cellsOf((await decode(bytes, 'x.csv', size)).items)).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('reads every shared sample with its rows numbered as a spreadsheet does', async () => {
    const { decoded, items } = await decode(
      readFileSync(path.join(samples, '06-gb18030.csv')),
      '06.csv',
      4096,
    );
    expect(decoded.meta).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',' });
    expect(items[5]).toMatchObject({
      row: 6,
      cells: [
        '交易日期',
        '业务类型',
        '借贷记标识',
        '交易金额(元)',
        '手续费(元)',
        '入账金额(元)',
        '备注',
        '参考号',
      ],
    });
    expect(items).toHaveLength(1284);
  });

  it('skips a record over the size limit with a warning and reads on', () => {
    const splitter = new CsvSplitter(',', 100);
    const out: { row: number; cells: string[] }[] = [];
    splitter.push('a,b\n' + 'x'.repeat(150), false, out);
    splitter.push('x'.repeat(50) + '\n1,2\n', true, out);
    expect(out).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 3, cells: ['1', '2'] },
    ]);
    expect(splitter.problems).toEqual([
      { row: 2, message: expect.stringContaining('1 MiB') as unknown },
    ]);
  });

  it('reports an unclosed quote', async () => {
    const { decoded, items } = await decode(utf8('a,b\n1,2\n"open,3\n'));
    expect(cellsOf(items)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(decoded.problems[0]?.message).toMatch(/引号未闭合/);
  });

  it('finds the delimiter despite a preamble', () => {
    expect(detectDelimiter('商户名称：x\n查询时间：y\n日期\t金额\t摘要\n1\t2\t3\n4\t5\t6\n')).toBe(
      '\t',
    );
    expect(detectDelimiter('商户名称：x,,,,\n日期,金额,摘要,,\n1,2,3,,\n')).toBe(',');
  });

  it('takes a tab after each value and before the comma for padding (an Alipay bill)', () => {
    expect(
      detectDelimiter('#账单\n日期,金额,摘要\n2024-03-05\t,1.00\t,x\t\n2024-03-06\t,2.00\t,y\t\n'),
    ).toBe(',');
  });

  it('takes a tab padded by spaces before the comma for padding too (`745.69 \\t ,`)', () => {
    const line = (cells: string[]) => cells.map((c) => `${c} \t `).join(',');
    const text = [
      line(['交易时间', '交易类型', '交易金额', '手续费', '摘要']),
      line(['2025-08-01 11:10:52', '刷卡消费', '56.17', '0.28', '']),
      line(['2025-08-01 13:57:24', '消费', '52.72', '0.32', '']),
      line(['2025-08-02 09:00:00', '扣费', '-99.00', '0.00', '流量费']),
    ].join('\r\n');
    expect(detectDelimiter(`${text}\r\n`)).toBe(',');
    // a real tab-separated file keeps its empty trailing fields
    expect(detectDelimiter('日期\t金额\t摘要\t\t\n1\t2\t3\t\t\n4\t5\t\t\t\n')).toBe('\t');
  });

  it('reads GBK text behind a UTF-8 byte-order mark as GB18030, and says so', async () => {
    const text = '交易时间,摘要,金额\n2024-01-01,流量费,-99.00\n2024-01-02,服务费,-39.00\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...iconv.encode(text, 'gbk')]);
    for (const size of [2, 5, bytes.length]) {
      const { decoded, items } = await decode(bytes, 'x.csv', size);
      expect(decoded.meta.encoding).toBe('gb18030-bom');
      expect(cellsOf(items)).toEqual([
        ['交易时间', '摘要', '金额'],
        ['2024-01-01', '流量费', '-99.00'],
        ['2024-01-02', '服务费', '-39.00'],
      ]);
      expect(decoded.problems).toEqual([
        { file: 'x.csv', message: expect.stringMatching(/国标/u) as unknown },
      ]);
    }
    // valid UTF-8 behind the mark stays UTF-8
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toBe('utf-8-bom');
  });

  it.each(['utf-8', 'gb18030'])(
    'removes zero-width and other invisible characters from the cells of a %s CSV',
    async (encoding) => {
      const text =
        '交易时间,交易类型,交易金额,手续\u200b费,摘要\n' +
        '2025-06-01 09:15:20,刷卡消费\u00a0,5\u200b44.11,\u200b3.26,\n' +
        '2025-06-02 10:00:00,扣费,-99.00,\u2060\u00ad0.00,"流\u200b量\ufeff费"\n';
      const bytes =
        encoding === 'utf-8' ? utf8(text) : new Uint8Array(iconv.encode(text, 'gb18030'));
      const { items } = await decode(bytes);
      expect(cellsOf(items)).toEqual([
        ['交易时间', '交易类型', '交易金额', '手续费', '摘要'],
        ['2025-06-01 09:15:20', '刷卡消费\u00a0', '544.11', '3.26', ''],
        ['2025-06-02 10:00:00', '扣费', '-99.00', '0.00', '流量费'],
      ]);
    },
  );

  it('does not mistake a UTF-8 character cut at the sample end for GB18030', () => {
    const bytes = utf8('流量费');
    expect(detectEncoding(bytes.subarray(0, 4))).toBe('utf-8');
  });
});

describe('XLSX', () => {
  it('reads the shared workbook: date cells, numbers and the sheet name', async () => {
    const { decoded, items } = await decode(
      readFileSync(path.join(samples, '07-workbook.xlsx')),
      '07.xlsx',
      8192,
    );
    expect(decoded.meta.sheets).toEqual(['交易明细']);
    const second = items[1] as SourceRow;
    expect(second.row).toBe(2);
    expect(second.cells[0]).toBeInstanceOf(Date);
    expect(second.cells.slice(1, 7)).toEqual(['扣费', null, -399, 0, -399, '收取押金']);
  });

  it('reads every sheet, text dates, formulas and rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['本文件由系统导出']);
    const sheet = workbook.addWorksheet('明细');
    sheet.addRow(['交易日期', '摘要', '金额']);
    sheet.addRow([
      '2025/3/2',
      { richText: [{ text: '流量' }, { text: '费' }] },
      { formula: '-99', result: -99 },
    ]);
    sheet.addRow([new Date(Date.UTC(2025, 2, 3)), '服务费', -39]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { decoded, items } = await decode(bytes, 'multi.xlsx');
    expect(decoded.meta.sheets).toEqual(['说明', '明细']);
    expect(items.map((r) => ('sheet' in r ? `${r.sheet ?? ''}:${r.row}` : ''))).toEqual([
      '说明:1',
      '明细:1',
      '明细:2',
      '明细:3',
    ]);
    expect((items[2] as SourceRow).cells).toEqual(['2025/3/2', '流量费', -99]);
  });
});

describe('SMS text', () => {
  it('one message per line', async () => {
    const { decoded, items } = await decode(
      utf8('【某付】扣除流量费99.00元\n\n【某付】收款16.15元，手续费3.10元\n'),
      'sms.txt',
    );
    expect(decoded.kind).toBe('sms');
    expect(items).toEqual([
      { row: 1, text: '【某付】扣除流量费99.00元' },
      { row: 2, text: '【某付】收款16.15元，手续费3.10元' },
    ]);
  });

  it('messages over several lines, separated by blank lines', async () => {
    const { items } = await decode(
      utf8(
        '【某付】尊敬的商户：\n您的终端扣除流量费99.00元。\n\n【某付】收款16.15元，\n手续费3.10元\n',
      ),
      'sms.txt',
      5,
    );
    expect(items).toEqual([
      { row: 1, text: '【某付】尊敬的商户：\n您的终端扣除流量费99.00元。' },
      { row: 2, text: '【某付】收款16.15元，\n手续费3.10元' },
    ]);
  });
});

describe('what a file is', () => {
  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 1, 2], 'x.csv', 'xlsx'],
    [[...utf8('【鑫联支付】扣除会员费39.00元\n【鑫联支付】收款12.00元\n')], 'paste.csv', 'sms'],
    [[...utf8('交易时间,金额,摘要\n2024-01-01,12.00,\n')], 'x.txt', 'csv'],
    [[], 'x.csv', null],
    [[0, 1, 2, 0, 255], 'x.csv', null],
  ])('%j named %s → %s', (bytes, name, format) => {
    expect(sniffFormat(new Uint8Array(bytes), name)).toBe(format);
  });

  it.each([
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1], /\.xls/],
    [[...utf8('%PDF-1.7')], /PDF/],
    [[], /空文件/],
  ])('rejects %j with a reason', async (bytes, message) => {
    await expect(decode(new Uint8Array(bytes))).rejects.toThrow(message);
  });
});

describe('fuzz: no reader crashes or hangs on bad bytes', () => {
  const survives = async (bytes: Uint8Array, name: string) => {
    try {
      await decode(bytes, name, 97);
    } catch (error) {
      if (!isFeeGuardError(error)) throw error;
    }
  };

  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom('x.csv', 'x.txt', 'x.xlsx'),
        survives,
      ),
      { numRuns: 200 },
    );
  });

  it('truncated shared samples', async () => {
    const files = ['01-plain.csv', '06-gb18030.csv', '07-workbook.xlsx', '08-sms.txt'].map((f) =>
      readFileSync(path.join(samples, f)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (which, at) => {
          const bytes = files[which] ?? new Uint8Array();
          await survives(bytes.subarray(0, Math.floor(bytes.length * at)), 'cut');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('corrupted workbooks', async () => {
    const workbook = readFileSync(path.join(samples, '07-workbook.xlsx'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: workbook.length - 1 }), { minLength: 1, maxLength: 20 }),
        async (positions) => {
          const bytes = new Uint8Array(workbook);
          for (const p of positions) bytes[p] = (bytes[p] ?? 0) ^ 0xff;
          await survives(bytes, 'broken.xlsx');
        },
      ),
      { numRuns: 12 },
    );
  }, 90_000);

  it('a single 5 MB line', async () => {
    const line = utf8('交易时间,金额\n' + '9'.repeat(5 * 1024 * 1024) + '\n2024-01-01,1.00\n');
    const { decoded, items } = await decode(line, 'huge.csv', 1 << 16);
    expect(decoded.problems.map((p) => p.row)).toEqual([2]);
    expect(cellsOf(items)).toEqual([
      ['交易时间', '金额'],
      ['2024-01-01', '1.00'],
    ]);
  });
});
