import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../cases/case-file.js';
import { defaultKnowledgeBase, findChannel } from '../channels/knowledge-base.js';
import type { Block, DocumentModel } from '../documents/model.js';
import { citeGround, defaultLegalGrounds, groundsFor } from './legal-grounds.js';
import { composeLetter } from './letter.js';
import { exampleCase } from './testing.js';

const kb = defaultKnowledgeBase();
const grounds = defaultLegalGrounds();
const example = exampleCase();

function text(doc: DocumentModel): string {
  const parts: string[] = [doc.title, doc.subtitle ?? ''];
  const visit = (b: Block): void => {
    if (b.kind === 'paragraph' || b.kind === 'heading' || b.kind === 'note') parts.push(b.text);
    if (b.kind === 'list') parts.push(...b.items);
    if (b.kind === 'fields') for (const f of b.fields) parts.push(`${f.label}：${f.value}`);
    if (b.kind === 'signature') parts.push(...b.lines);
  };
  doc.blocks.forEach(visit);
  return parts.join('\n');
}

function letter(
  channelId: string,
  caseFile: CaseFile,
  filingType: 'complaint' | 'report' = 'complaint',
) {
  const channel = findChannel(kb, channelId);
  return text(
    composeLetter({
      caseFile,
      audit: example.audit,
      channel,
      filingType: channel.kind === 'court' ? 'application' : filingType,
      kb,
      grounds,
      date: '2026-12-04',
      language: 'zh',
    }),
  );
}

const icbc: CaseFile = {
  ...example.caseFile,
  respondent: {
    name: '中国工商银行股份有限公司杭州分行',
    type: 'bank',
    province: '浙江',
    city: '杭州市',
  },
  history: [],
};

describe('citations: quotations or summaries, never confused', () => {
  it('a ground read in the text is quoted in 「」, a summary is introduced as 依据……的规定', () => {
    const quoted = grounds.find((g) => g.id === 'psi_agreement_changes');
    const summarised = grounds.find((g) => g.id === 'civil_code_unjust_enrichment');
    if (!quoted || !summarised) throw new Error('grounds missing');
    expect(citeGround(quoted, 'zh', kb)).toBe(
      `《非银行支付机构监督管理条例》第二十条第三款规定：「${quoted.quote ?? ''}」`,
    );
    expect(citeGround(quoted, 'zh', kb)).not.toContain('不发生效力');
    expect(citeGround(summarised, 'zh', kb)).toMatch(
      /^依据《中华人民共和国民法典》第九百八十五条的规定，/u,
    );
    const complaints = grounds.find((g) => g.id === 'psi_complaints');
    expect(complaints?.quote).not.toContain('代理商');
  });

  it('the PBoC consumer rule protects natural persons only: cited for a 个体工商户, not for a company', () => {
    const categories = new Set(['traffic_fee']);
    const forMerchant = groundsFor(grounds, 'bank', categories, 'individual_merchant');
    const forCompany = groundsFor(grounds, 'bank', categories, 'company');
    expect(forMerchant.map((g) => g.id)).toContain('pbc5_fee_disclosure');
    expect(forCompany.map((g) => g.id)).not.toContain('pbc5_fee_disclosure');
    const company: CaseFile = {
      ...icbc,
      complainant: { ...icbc.complainant, type: 'company' },
    };
    expect(letter('nfra_12378', company)).not.toContain('金融消费者权益保护实施办法');
  });

  it('a letter about a bank never cites the payment-institution rules', () => {
    const body = letter('bank_customer_service', icbc);
    expect(body).not.toContain('非银行支付机构监督管理条例');
  });

  it('a bank entered as a payment institution is treated as unknown: no rule of either kind alone', () => {
    const wrong: CaseFile = {
      ...icbc,
      respondent: { ...icbc.respondent, type: 'payment_institution' },
    };
    const body = letter('pboc_12363', wrong);
    expect(body).not.toContain('非银行支付机构监督管理条例');
    expect(body).not.toContain('银行业保险业消费投诉处理管理办法');
    expect(body).toContain('民法典');
  });

  it('a payment institution’s letter cites its own regulation, quoted', () => {
    expect(letter('payment_institution_customer_service', example.caseFile)).toContain(
      '不得收取任何未予标明的费用。」',
    );
  });

  it('a letter about a rate rise cites the 2016 card-fee reform', () => {
    const reform = grounds.find((g) => g.id === 'card_fee_reform_2016');
    expect(reform?.facts).toMatchObject({ issuerDebitPer100k: 350, issuerDebitCapFen: 1300 });
    expect(
      groundsFor(grounds, 'payment_institution', new Set(['rate_overcharge'])).map((g) => g.id),
    ).toContain('card_fee_reform_2016');
    if (!reform) throw new Error('no card_fee_reform_2016');
    expect(citeGround(reform, 'zh', kb)).toContain('发改价格〔2016〕557号');
  });
});

describe('addressees and the court filing', () => {
  it('names the regulators’ offices as they are called', () => {
    expect(letter('nfra_12378', icbc)).toContain('国家金融监督管理总局浙江监管局');
    expect(letter('pboc_12363', icbc)).toContain('中国人民银行浙江省分行');
    const pcac = letter('pcac_report', example.caseFile, 'report');
    expect(pcac).toContain('致：中国支付清算协会\n');
  });

  it('the court comes from the defendant’s domicile; otherwise a line to fill in, never a bracketed placeholder', () => {
    const known = letter('court_small_claims', {
      ...icbc,
      respondent: { ...icbc.respondent, district: '上城区', address: '杭州市上城区某路1号' },
    });
    expect(known).toContain('杭州市上城区人民法院');
    expect(known).toContain('住所：杭州市上城区某路1号');
    expect(known).not.toContain('客服电话');
    const unknown = letter('court_small_claims', example.caseFile);
    expect(unknown).toContain('＿＿＿＿＿＿＿＿人民法院');
    expect(unknown).not.toContain('（被告住所地');
    expect(unknown).not.toContain('被投诉方客服电话');
  });
});

describe('a mediation application by a company', () => {
  it('does not cite the PBoC consumer rule among the channel’s legal basis', () => {
    const company: CaseFile = {
      ...icbc,
      complainant: { ...icbc.complainant, type: 'company' },
    };
    const channel = findChannel(kb, 'financial_mediation');
    const body = text(
      composeLetter({
        caseFile: company,
        audit: example.audit,
        channel,
        filingType: 'application',
        kb,
        grounds,
        date: '2026-12-04',
        language: 'zh',
      }),
    );
    expect(body).not.toContain('金融消费者权益保护实施办法');
    expect(body).toContain('依据《银行业保险业消费投诉处理管理办法》');
  });
});
