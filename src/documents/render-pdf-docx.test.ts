import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase, findChannel } from '../channels/knowledge-base.js';
import { FeeGuardError } from '../errors.js';
import { defaultLegalGrounds } from '../letters/legal-grounds.js';
import { composeLetter } from '../letters/letter.js';
import { exampleCase } from '../letters/testing.js';
import type { DocumentModel } from './model.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';
import {
  docxToPdf,
  hasCommand,
  pdfFonts,
  pdfPages,
  pdfText,
  sampleDeductions,
  sampleLetter,
  sampleLetterEn,
  tempDir,
} from './testing.js';

const kb = defaultKnowledgeBase();
const { caseFile, audit } = exampleCase();

function exampleLetter(language: 'zh' | 'en' = 'zh'): DocumentModel {
  return composeLetter({
    caseFile,
    audit,
    channel: findChannel(kb, 'pboc_12363'),
    filingType: 'complaint',
    kb,
    grounds: defaultLegalGrounds(),
    date: '2024-11-05',
    language,
  });
}

/** A letter whose table runs over several pages. */
function longLetter(): DocumentModel {
  const rows = Array.from({ length: 90 }, (_, i) => [
    String(i + 1),
    `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    '流量费',
    `流量卡年费扣款第${String(i + 1)}笔`,
    '99.00',
    '99.00',
    '合同未约定流量费，服务商未提前公示，也未取得商户同意',
  ]);
  return {
    title: '投诉书',
    language: 'zh-CN',
    blocks: [
      {
        kind: 'table',
        columns: ['序号', '日期', '类别', '摘要', '扣款金额', '应退金额', '说明'].map(
          (title, i) => ({
            title,
            ...(i === 4 || i === 5 ? { align: 'right' as const } : {}),
          }),
        ),
        rows,
        footer: ['合计', '', '', '', '', '8,910.00', ''],
      },
    ],
  };
}

const compact = (text: string) => text.replace(/\s+/gu, '');

describe.skipIf(!hasCommand('pdftotext'))('renderPdf, read back with pdftotext', () => {
  it('contains the Chinese text, the amounts and every disputed row, with the font embedded', async () => {
    const pdf = await renderPdf(exampleLetter());
    const text = pdfText(pdf);
    for (const phrase of [
      '投诉书',
      '致：中国人民银行上海市分行',
      '投诉人：',
      '张丽',
      '鑫联支付有限公司',
      '一、请求事项',
      '退还未经本人同意扣取的费用共计159.00元',
      '六、证据清单',
      '2024年11月5日',
    ]) {
      expect(text).toContain(compact(phrase));
    }
    for (const row of audit.findings.filter((f) => f.verdict === 'unauthorized')) {
      expect(text).toContain(row.date);
      expect(text).toContain(row.overcharge);
    }
    expect(text).toContain('159.00');
    expect(text).toMatch(/第1页\/共\d页/u);
    expect(pdfFonts(pdf)).toMatch(/NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes/u);
    // Subset, not the whole 19 MB collection.
    expect(pdf.length).toBeLessThan(400_000);
  });

  it('breaks a long table across pages and repeats its header on each', async () => {
    const pdf = await renderPdf(longLetter());
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThan(2);
    const text = pdfText(pdf);
    expect(text.match(/序号日期类别摘要扣款金额应退金额说明/gu)).toHaveLength(pages);
    for (let i = 1; i <= 90; i++) expect(text).toContain(`流量卡年费扣款第${String(i)}笔`);
    expect(text).toContain('8,910.00');
  });

  it('writes English', async () => {
    const text = pdfText(await renderPdf(exampleLetter('en')));
    expect(text).toContain('LetterofComplaint');
    expect(text).toContain('Page1of');
  });

  it('says how to get a Chinese font when there is none', async () => {
    await expect(renderPdf(exampleLetter(), { font: null })).rejects.toThrow(FeeGuardError);
    await expect(renderPdf(exampleLetter(), { font: null })).rejects.toMatchObject({
      code: 'FG_ERR_NO_CJK_FONT',
      hint: expect.stringContaining('fonts-noto-cjk') as unknown,
    });
  });
});

describe('renderDocx', () => {
  it('is a Word document whose text holds every row and the total', async () => {
    const docx = await renderDocx(exampleLetter());
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const dir = tempDir('docx');
    writeFileSync(path.join(dir, 'letter.docx'), docx);
    const xml = execFileSync(
      'python3',
      [
        '-c',
        'import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())',
        path.join(dir, 'letter.docx'),
      ],
      { encoding: 'utf8' },
    );
    expect(xml).toContain('投诉书');
    expect(xml).toContain('w:eastAsia="宋体"');
    expect(xml).toContain('<w:tblHeader/>');
    for (const row of audit.findings.filter((f) => f.verdict === 'unauthorized'))
      expect(xml).toContain(row.date);
    expect(xml).toContain('159.00');
  });

  it.skipIf(!hasCommand('soffice') || !hasCommand('pdftotext'))(
    'opens and converts in LibreOffice headless, Chinese and amounts intact',
    async () => {
      const text = pdfText(docxToPdf(await renderDocx(exampleLetter())));
      expect(text).toContain('投诉书');
      expect(text).toContain(compact('退还未经本人同意扣取的费用共计 159.00 元'));
      expect(text).toContain('2024-09-25');
      expect(text).toContain('2024年11月5日');
    },
    180_000,
  );

  it.skipIf(!hasCommand('soffice') || !hasCommand('pdftotext'))(
    'repeats the table header on every page in LibreOffice too',
    async () => {
      const pdf = docxToPdf(await renderDocx(longLetter()));
      const pages = pdfPages(pdf);
      expect(pages).toBeGreaterThan(2);
      expect(pdfText(pdf).match(/序号日期类别摘要扣款金额应退金额说明/gu)).toHaveLength(pages);
    },
    180_000,
  );
});

/** The text of word/document.xml, read with Python's zipfile as any unzip would. */
function documentXml(docx: Buffer): string {
  const file = path.join(tempDir('docx'), 'doc.docx');
  writeFileSync(file, docx);
  return execFileSync(
    'python3',
    [
      '-c',
      'import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())',
      file,
    ],
    { encoding: 'utf8' },
  );
}

describe.skipIf(!hasCommand('pdftotext'))('renderPdf on the sample letter', () => {
  it('holds the title, the parties, every row, the total and the date, in an embedded subset font', async () => {
    const pdf = await renderPdf(sampleLetter());
    const text = pdfText(pdf);
    for (const phrase of [
      '投诉书',
      '投诉人：张丽',
      '一、请求事项',
      '合计1,287.00',
      '2025年11月5日',
    ])
      expect(text).toContain(compact(phrase));
    for (const d of sampleDeductions()) expect(text).toContain(`${d.date}${d.zh}${d.amount}`);
    // The table runs onto page 2, which opens with the header row again.
    expect(text.match(/日期类别金额（元）说明/gu)).toHaveLength(2);
    expect(pdfFonts(pdf)).toMatch(
      /\+NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes/u,
    );
    expect(pdf.length).toBeLessThan(300_000);
  });

  it('labels fields with an English colon in English', async () => {
    const text = pdfText(await renderPdf(sampleLetterEn()));
    expect(text).toContain('Complainant:ZhangLi');
    expect(text).toContain('Total1,287.00');
    expect(text).toMatch(/Page1of2/u);
  });
});

describe('renderDocx on the sample letter', () => {
  it('has every row in a real table with a repeated header', async () => {
    const xml = documentXml(await renderDocx(sampleLetter()));
    expect(xml).toContain('<w:tblHeader/>');
    for (const d of sampleDeductions()) {
      expect(xml).toContain(`>${d.date}<`);
      expect(xml).toContain(`>${d.amount}<`);
    }
    expect(xml).toContain('>1,287.00<');
    expect(xml).toContain('w:eastAsia="黑体"');
  });

  it.skipIf(!hasCommand('soffice') || !hasCommand('pdftotext'))(
    'converts in LibreOffice with the title, the rows and the total',
    async () => {
      const text = pdfText(docxToPdf(await renderDocx(sampleLetter())));
      expect(text).toContain('投诉书');
      expect(text).toContain('合计1,287.00');
      for (const d of sampleDeductions()) expect(text).toContain(d.date);
      expect(text).toContain('2025年11月5日');
    },
    180_000,
  );
});
