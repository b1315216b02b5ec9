/**
 * The words of the contract form, the agreed / not-agreed marks and the facts questions, in both
 * languages (kept here so the shared string table needs no change).
 */
export const W = {
  contractTitle: { zh: '合同约定的收费', en: 'What your contract says about fees' },
  creditCap: { zh: '信用卡封顶（元）', en: 'Credit card cap (yuan)' },
  anyRate: {
    zh: '不分卡种的费率（%，合同只写一个费率时填）',
    en: 'Rate for any card (%, when the contract gives one rate)',
  },
  anyCap: { zh: '不分卡种的封顶（元）', en: 'Cap for any card (yuan)' },
  perTransactionFee: { zh: '每笔固定手续费（元）', en: 'Fixed fee per transaction (yuan)' },
  agreedCharges: {
    zh: '您同意过的其他收费（押金、服务费、流量费等）',
    en: 'Other charges you agreed to (deposit, service fee, SIM fee …)',
  },
  agreedChargesHelp: {
    zh: '合同里写明、或您确实同意过的每一项收费都填上：金额、多久收一次、从哪天起。没填的收费都按“没有约定”处理。',
    en: 'Add every charge the contract names or you did agree to: amount, how often, from when. Anything not listed counts as never agreed.',
  },
  addCharge: { zh: '添加一项约定的收费', en: 'Add an agreed charge' },
  removeCharge: { zh: '删除这一项', en: 'Remove this charge' },
  chargeCategory: { zh: '收费项目', en: 'Charge' },
  chargeAmount: { zh: '金额（元）', en: 'Amount (yuan)' },
  chargeEvery: { zh: '多久收一次', en: 'How often' },
  chargeStarts: {
    zh: '从哪天起可以收（不填表示一开始就可以）',
    en: 'Chargeable from (empty: from the start)',
  },
  once: { zh: '一次', en: 'Once' },
  month: { zh: '每月', en: 'Monthly' },
  quarter: { zh: '每季度', en: 'Quarterly' },
  year: { zh: '每年', en: 'Yearly' },
  markAgreed: { zh: '我同意过', en: 'I agreed' },
  markNotAgreed: { zh: '我没同意', en: 'I did not agree' },
  factsTitle: { zh: '您了解的情况', en: 'What you know' },
  factsHelp: {
    zh: '投诉书和电话话术只写您在这里确认的情况；没回答或记不清的，不会替您断言。',
    en: 'Letters and call scripts state only what you confirm here; nothing you leave open or do not remember is claimed for you.',
  },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  unsure: { zh: '记不清', en: "Don't remember" },
  signedAgreement: {
    zh: '您和服务商签过收单协议吗（纸质或在手机上）？',
    en: 'Did you sign an acquiring agreement with the provider (on paper or in an app)?',
  },
  agreementProvides: {
    zh: '协议里有没有约定“{fee}”？',
    en: 'Does the agreement provide for the {fee}?',
  },
  agreementWords: {
    zh: '协议里怎么写的（可不填）',
    en: 'What it says (optional)',
  },
  toldOfChange: {
    zh: '有没有人通知过您要收这些费用或调整收费（短信、App、业务员）？',
    en: 'Were you told these fees would be charged or changed (SMS, app, salesperson)?',
  },
  confirmedChange: {
    zh: '您确认同意过这些收费吗（签字、回复短信、在手机上点确认）？',
    en: 'Did you confirm these fees (signature, SMS reply, a tap in the app)?',
  },
  rememberNoticed: { zh: '您记得是哪天发现被扣钱的吗？', en: 'Do you remember when you noticed?' },
  noticedAt: { zh: '发现的日期', en: 'Date you noticed' },
  contactedAnyone: {
    zh: '您找过谁反映吗（代理商、业务员、服务商）？',
    en: 'Did you contact anyone about it (agent, salesperson, provider)?',
  },
  contactWhom: { zh: '找的是谁', en: 'Whom' },
  contactDate: { zh: '哪天（记不清可不填）', en: 'When (optional)' },
  addContact: { zh: '添加一次联系', en: 'Add a contact' },
  saveFacts: { zh: '保存我的回答', en: 'Save my answers' },
  saved: { zh: '已保存，投诉书已按您的回答更新', en: 'Saved; the letter now follows your answers' },
  caseFindings: { zh: '这个案件的扣款', en: 'Deductions in this case' },
  caseFindingsHelp: {
    zh: '同意过的扣款标为“我同意过”，追讨金额、投诉书和公开统计会立即按此更新。',
    en: 'Mark what you agreed to; the claim, the letter and the public statistics follow at once.',
  },
} as const;
