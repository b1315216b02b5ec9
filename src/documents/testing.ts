import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentModel } from './model.js';

/** Whether a Debian tool the read-back tests use is installed (`.ci/run` installs them). */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `feeguard-${prefix}-`));
}

/**
 * The text of a PDF in content order (pdftotext -raw), so a wrapped table cell reads as one, with all whitespace removed: CJK glyphs come
 * back with spaces between them depending on the layout, which says nothing about the content.
 */
export function pdfText(pdf: Buffer): string {
  const file = path.join(tempDir('pdf'), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
}

export function pdfFonts(pdf: Buffer): string {
  const file = path.join(tempDir('pdf'), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

export function pdfPages(pdf: Buffer): number {
  const file = path.join(tempDir('pdf'), 'doc.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/u.exec(info)?.[1] ?? 0);
}

/** Converts a DOCX to PDF with LibreOffice headless, in a private profile so runs never collide. */
export function docxToPdf(docx: Buffer): Buffer {
  const dir = tempDir('docx');
  const file = path.join(dir, 'doc.docx');
  writeFileSync(file, docx);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return readFileSync(path.join(dir, 'doc.pdf'));
}

/**
 * The 25 deductions of the sample letters: 10 data fees, a deposit, 13 service fees and an SMS
 * fee, 1,287.00 yuan in all.
 */
export function sampleDeductions(): { date: string; zh: string; en: string; amount: string }[] {
  return Array.from({ length: 25 }, (_, i) => {
    const date = `2025-${String((i % 10) + 1).padStart(2, '0')}-${String(5 + Math.floor(i / 10)).padStart(2, '0')}`;
    if (i < 10) return { date, zh: '流量费', en: 'Data fee', amount: '59.00' };
    if (i === 10) return { date, zh: '押金', en: 'Deposit', amount: '199.00' };
    if (i < 24) return { date, zh: '服务费', en: 'Service fee', amount: '36.00' };
    return { date, zh: '短信费', en: 'SMS fee', amount: '30.00' };
  });
}

/** A realistic 投诉书 as the composers make one, for the renderers' tests. */
export function sampleLetter(): DocumentModel {
  return {
    title: '投诉书',
    subtitle: '致：某某支付有限公司客户服务中心',
    language: 'zh-CN',
    meta: { author: '张丽', subject: '未经同意扣费投诉' },
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: '投诉人', value: '张丽' },
          { label: '商户编号', value: '898959301757182' },
          { label: '联系电话', value: '13800138000' },
          { label: '被投诉人', value: '某某支付有限公司' },
        ],
      },
      { kind: 'heading', text: '一、请求事项' },
      {
        kind: 'list',
        ordered: true,
        items: ['退还未经同意扣取的费用 1,287.00 元。', '停止收取流量费、服务费。'],
      },
      { kind: 'heading', text: '二、事实与理由' },
      {
        kind: 'paragraph',
        text: '本人经营的丽丽便利店使用某某支付有限公司提供的银行卡收单（POS 机）服务，该机具由代理商上门推广办理，办理时代理商称“免费使用、无其他费用”。',
      },
      {
        kind: 'paragraph',
        text: '经逐笔核对2025年1月1日至2025年10月31日的结算对账单（共 1587 条记录），某某支付有限公司在本人未同意的情况下共扣取 25 笔费用，合计 1,287.00 元。明细见第三部分。本人曾于2025年10月10日致电客服，客服称需联系代理商处理，至今未获答复。',
      },
      {
        kind: 'paragraph',
        text: '本人从未签署、确认或以其他方式同意上述收费，也未收到任何收费公示或变更通知。上述扣费没有合同依据，依法应予退还。',
      },
      { kind: 'heading', text: '三、未经同意的扣费明细' },
      {
        kind: 'table',
        caption: '数据来源：扣费卫士对账审计报告（附件 1）',
        columns: [
          { title: '日期', weight: 2 },
          { title: '类别', weight: 2 },
          { title: '金额（元）', align: 'right', weight: 2 },
          { title: '说明', weight: 3 },
        ],
        rows: sampleDeductions().map((d) => [d.date, d.zh, d.amount, '未经同意']),
        footer: ['合计', '', '1,287.00', ''],
      },
      { kind: 'heading', text: '四、法律依据' },
      {
        kind: 'list',
        ordered: true,
        items: [
          '《非银行支付机构监督管理条例》第三十四条：支付机构应当公开收费项目和收费标准，不得收取任何未予标明的费用。',
          '《非银行支付机构监督管理条例》第二十条：变更支付服务协议应当征求用户意见并与用户达成一致。',
          '《中华人民共和国民法典》第九百八十五条：没有法律根据取得不当利益的，受损失的人可以请求其返还。',
        ],
      },
      { kind: 'heading', text: '五、证据清单' },
      {
        kind: 'list',
        ordered: true,
        items: [
          '扣费卫士对账审计报告',
          '原始结算对账单：statement.csv',
          '收单服务协议',
          '身份证复印件',
        ],
      },
      { kind: 'note', text: '明细由扣费卫士根据对账单逐笔核对生成，请核实后再提交。' },
      { kind: 'signature', lines: ['投诉人（签名）：＿＿＿＿'], date: '2025年11月5日' },
    ],
  };
}

export function sampleLetterEn(): DocumentModel {
  return {
    title: 'Letter of Complaint',
    subtitle: 'To: Customer Service Centre, Example Payments Co., Ltd.',
    language: 'en',
    meta: { author: 'Zhang Li', subject: 'Fees taken without consent' },
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: 'Complainant', value: 'Zhang Li' },
          { label: 'Merchant number', value: '898959301757182' },
          { label: 'Respondent', value: 'Example Payments Co., Ltd.' },
        ],
      },
      { kind: 'heading', text: 'I. Requests' },
      {
        kind: 'list',
        ordered: true,
        items: ['Refund the 1,287.00 yuan taken without my consent.', 'Stop charging these fees.'],
      },
      { kind: 'heading', text: 'II. Facts and grounds' },
      {
        kind: 'paragraph',
        text: 'My shop uses the card-acquiring (POS) service of Example Payments Co., Ltd. The agent who sold the terminal said it was free of any other charge. Checking every line of the settlement statements for January to October 2025 (1587 records) shows 25 charges I never agreed to, 1,287.00 yuan in all.',
      },
      { kind: 'heading', text: 'III. Deductions taken without consent' },
      {
        kind: 'table',
        columns: [
          { title: 'Date', weight: 2 },
          { title: 'Category', weight: 2 },
          { title: 'Amount (yuan)', align: 'right', weight: 2 },
          { title: 'Remark', weight: 3 },
        ],
        rows: sampleDeductions().map((d) => [d.date, d.en, d.amount, 'Not agreed']),
        footer: ['Total', '', '1,287.00', ''],
      },
      { kind: 'note', text: 'Please check every line before you file.' },
      { kind: 'signature', lines: ['Signed: ____________'], date: '5 November 2025' },
    ],
  };
}
