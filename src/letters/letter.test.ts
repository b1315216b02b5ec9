import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase, findChannel } from '../channels/knowledge-base.js';
import { composeCallScript } from './call-script.js';
import { defaultLegalGrounds } from './legal-grounds.js';
import { composeLetter } from './letter.js';
import { reportDocument } from './report-document.js';
import { documentText, exampleCase } from './testing.js';

const kb = defaultKnowledgeBase();
const grounds = defaultLegalGrounds();
const { caseFile, audit } = exampleCase();

function letter(channelId: string, overrides: Partial<Parameters<typeof composeLetter>[0]> = {}) {
  const channel = findChannel(kb, channelId);
  return composeLetter({
    caseFile,
    audit,
    channel,
    filingType:
      channel.accepts.find((a) => a.party === caseFile.complainant.type)?.as ?? 'complaint',
    kb,
    grounds,
    date: '2024-11-05',
    language: 'zh',
    ...overrides,
  });
}

describe('composeLetter', () => {
  it('a complaint to the provider: parties, demands, every disputed row, the total, evidence, signature', () => {
    const doc = letter('payment_institution_customer_service');
    const text = documentText(doc);
    expect(doc.title).toBe('投诉书');
    expect(doc.subtitle).toBe('致：鑫联支付有限公司客户服务中心（投诉处理部门）');
    expect(text).toContain('投诉人：张丽（丽丽便利店（个体工商户））');
    // The provider knows the merchant by the merchant number: the ID number is masked.
    expect(text).toContain('身份证号码：1101**********1234');
    expect(documentText(letter('pboc_12363'))).toContain('身份证号码：110101199001011234');
    expect(text).toContain('退还未经本人同意扣取的费用共计 159.00 元。');
    expect(text).toContain('2024-09-05');
    expect(text).toContain('2024-09-25');
    expect(text).toContain('100.00');
    expect(text).toContain('59.00');
    // Two deductions of unclear purpose are not claimed but their basis is demanded.
    expect(text).toContain('对另外 2 笔用途不明的扣款（合计 62.83 元，明细见第四部分）逐笔说明');
    // The case file gives no deadline for the earlier ticket: it is awaiting its answer.
    expect(text).toContain(
      '2024年10月10日，通过“支付机构客服投诉”提出（工单号 KF20241010-0088），正在等待答复',
    );
    expect(text).toContain('原始结算对账单：statement.csv');
    expect(text).toContain('2024年11月5日');
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toHaveLength(2);
    expect(table?.kind === 'table' && table.footer?.[5]).toBe('159.00');
  });

  it('cites the payment-institution rules against a payment institution, the banking rules against a bank', () => {
    const pi = documentText(letter('pboc_12363'));
    expect(pi).toContain('《非银行支付机构监督管理条例》第三十四条');
    expect(pi).toContain('第九百八十五条');
    expect(pi).not.toContain('银行业保险业消费投诉处理管理办法');
    const bank = documentText(
      letter('bank_customer_service', {
        caseFile: {
          ...caseFile,
          respondent: { ...caseFile.respondent, type: 'bank', name: '某某银行' },
        },
      }),
    );
    expect(bank).toContain('银行业保险业消费投诉处理管理办法');
    expect(bank).not.toContain('非银行支付机构监督管理条例');
  });

  it('deposit claims cite the association rule on deposits', () => {
    expect(documentText(letter('pcac_report'))).toContain('违规收取特约商户押金');
  });

  it('a regulator complaint asks it to accept, press for the refund and investigate', () => {
    const doc = letter('pboc_12363');
    expect(doc.subtitle).toBe('致：中国人民银行上海市分行');
    expect(documentText(doc)).toContain('依法受理本投诉并督促鑫联支付有限公司限期处理。');
  });

  it('market regulation and the association get a 举报信, with reporter and reported party', () => {
    const doc = letter('samr_12315');
    expect(doc.title).toBe('举报信');
    const text = documentText(doc);
    expect(text).toContain('举报人：张丽');
    expect(text).toContain('被举报人：鑫联支付有限公司');
    expect(text).toContain('及其代理商杭州快刷科技有限公司');
  });

  it('a court gets a 民事起诉状 with plaintiff, defendant and the procedure it relies on', () => {
    const doc = letter('court_small_claims');
    expect(doc.title).toBe('民事起诉状');
    const text = documentText(doc);
    expect(text).toContain('原告：张丽');
    expect(text).toContain('判令被告返还原告被扣取的费用 159.00 元。');
    expect(text).toContain('民事诉讼法');
  });

  it('what goes to the press carries no full personal numbers', () => {
    const text = documentText(letter('press'));
    expect(text).not.toContain('110101199001011234');
    expect(text).not.toContain('13800138000');
    expect(text).toContain('138****8000');
    expect(text).not.toContain('文三路');
  });

  it('writes English as well', () => {
    const doc = letter('payment_institution_customer_service', { language: 'en' });
    const text = documentText(doc);
    expect(doc.title).toBe('Letter of Complaint');
    expect(text).toContain('Refund the 159.00 yuan taken without my consent.');
    expect(text).toContain('5 November 2024');
  });
});

describe('composeCallScript', () => {
  it('says what to ask for and what to write down, with the deadline', () => {
    const channel = findChannel(kb, 'payment_institution_customer_service');
    const doc = composeCallScript({
      caseFile,
      audit,
      channel,
      kb,
      nextChannel: findChannel(kb, 'pboc_12363'),
      date: '2024-11-05',
      language: 'zh',
    });
    const text = documentText(doc);
    expect(text).toContain('拨打：400-000-0000');
    expect(text).toContain('工单号');
    expect(text).toContain('工号');
    expect(text).toContain('第三十五条');
    expect(text).toContain('那我将去中国人民银行分支机构投诉（12363）。');
  });
});

describe('reportDocument', () => {
  it('lists every finding with its verdict and the claim', () => {
    const text = documentText(reportDocument(audit, 'zh', '2024-11-05'));
    expect(text).toContain('159.00');
    for (const f of audit.findings) expect(text).toContain(f.date);
    expect(text).toContain('未经同意');
  });
});
