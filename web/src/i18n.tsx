import { createContext, useContext } from 'react';
// The audit's own names for fee categories, so the app and the reports never disagree.
import { CATEGORY_NAMES } from '../../src/audit/words.js';

/** Chinese first; English a switch away. Every string the app shows is here in both. */
export type Lang = 'zh' | 'en';

const STRINGS = {
  appName: { zh: '扣费卫士', en: 'FeeGuard' },
  tagline: { zh: '找回 POS 机被悄悄扣走的钱', en: 'Win back what your POS provider quietly took' },
  login: { zh: '登录', en: 'Log in' },
  register: { zh: '注册', en: 'Sign up' },
  logout: { zh: '退出', en: 'Log out' },
  email: { zh: '邮箱', en: 'E-mail' },
  password: { zh: '密码（至少 8 位）', en: 'Password (8 characters or more)' },
  yourName: { zh: '您的姓名', en: 'Your name' },
  myShop: { zh: '我的店铺', en: 'My shop' },
  myCases: { zh: '我的投诉', en: 'My cases' },
  inbox: { zh: '待处理投诉', en: 'Inbox' },
  onboardingTitle: { zh: '先告诉我们您的 POS 机情况', en: 'Tell us about your POS terminal' },
  providerName: {
    zh: '收单机构（签购单或 App 上的公司名称）',
    en: 'Acquirer (the company on your receipt or app)',
  },
  providerType: { zh: '机构类型', en: 'Type' },
  bank: { zh: '银行', en: 'Bank' },
  paymentInstitution: { zh: '支付公司', en: 'Payment company' },
  providerTypeUnknown: { zh: '不确定', en: 'Not sure' },
  complainantType: { zh: '您的身份', en: 'You are' },
  individualMerchant: { zh: '个体商户', en: 'Individual merchant' },
  company: { zh: '公司', en: 'Company' },
  individualConsumer: { zh: '个人', en: 'Private individual' },
  businessName: { zh: '店铺名称', en: 'Shop name' },
  merchantNo: { zh: '商户号（签购单上的“商户编号”）', en: 'Merchant number (on the receipt)' },
  shopProvince: {
    zh: '店铺所在省份（选填，用于公开统计）',
    en: 'Province of the shop (optional, for public statistics)',
  },
  shopCity: { zh: '店铺所在城市（选填）', en: 'City of the shop (optional)' },
  contractHelp: {
    zh: '合同约定的费率：看合同、签购单背面或服务商 App 的“费率”页。不知道也可以先跳过。',
    en: 'Agreed rate: see the contract, the back of a receipt or the provider app. Skip if you do not know.',
  },
  debitRate: { zh: '借记卡费率（%）', en: 'Debit card rate (%)' },
  debitCap: { zh: '借记卡封顶（元）', en: 'Debit cap (yuan)' },
  creditRate: { zh: '信用卡费率（%）', en: 'Credit card rate (%)' },
  dontKnowContract: { zh: '我不知道合同内容', en: "I don't know my contract" },
  save: { zh: '保存', en: 'Save' },
  uploadTitle: { zh: '上传对账单或粘贴短信', en: 'Upload a statement or paste SMS notices' },
  uploadHint: {
    zh: '点击或拖入对账单：Excel 表格（新版、老版都可以）、CSV、PDF 或文本文件；扣费短信可以粘贴到下面',
    en: 'Tap or drop a statement: an Excel workbook (new or old format), CSV, PDF or text file; paste deduction SMS below',
  },
  smsPlaceholder: {
    zh: '把扣费短信粘贴到这里，每条一行',
    en: 'Paste the deduction SMS here, one per line',
  },
  auditSms: { zh: '检查短信', en: 'Check the SMS' },
  auditing: { zh: '正在逐笔核对…', en: 'Checking every line…' },
  claimTotal: { zh: '可以追回', en: 'You can claim' },
  yuan: { zh: '元', en: 'yuan' },
  findings: { zh: '每一笔扣费', en: 'Every deduction' },
  date: { zh: '日期', en: 'Date' },
  category: { zh: '类别', en: 'Category' },
  amount: { zh: '金额', en: 'Amount' },
  verdict: { zh: '结论', en: 'Verdict' },
  reason: { zh: '原因', en: 'Why' },
  unauthorized: { zh: '未经同意', en: 'Not agreed' },
  authorized: { zh: '已约定', en: 'Agreed' },
  needs_review: { zh: '需核实', en: 'Needs review' },
  needsReviewHelp: {
    zh: '“需核实”的扣款用途不明：在投诉中会要求对方说明依据。',
    en: '"Needs review" deductions have an unclear purpose: the complaint asks the provider to explain them.',
  },
  chart: { zh: '扣费趋势', en: 'Deductions over time' },
  agreed: { zh: '我同意过', en: 'I agreed' },
  notAgreed: { zh: '我没同意', en: 'I did not agree' },
  recurring: { zh: '周期性扣费', en: 'Recurring charges' },
  nextExpected: { zh: '下次预计', en: 'Next expected' },
  createCase: { zh: '发起投诉', en: 'Start a complaint' },
  plan: { zh: '投诉路线', en: 'Complaint plan' },
  letter: { zh: '投诉书', en: 'Letter' },
  downloadPdf: { zh: '下载 PDF', en: 'Download PDF' },
  downloadDocx: { zh: '下载 Word', en: 'Download Word' },
  downloadEvidence: { zh: '下载证据包', en: 'Download evidence package' },
  fileWith: { zh: '向此渠道提交', en: 'File with this channel' },
  submittedOn: { zh: '提交日期', en: 'Submitted on' },
  reference: { zh: '工单号 / 受理编号', en: 'Reference / ticket number' },
  recordSubmitted: { zh: '我已提交', en: 'I have filed it' },
  status: { zh: '状态', en: 'Status' },
  dueBy: { zh: '答复期限', en: 'Answer due' },
  estimated: {
    zh: '（按上一程序的最后一天推算）',
    en: '(counted from the last day of the stage before)',
  },
  verifiedFact: { zh: '已核实', en: 'verified' },
  toVerifyFact: { zh: '待核实', en: 'to be verified' },
  answer: { zh: '对方答复', en: 'Their answer' },
  accept: { zh: '接受', en: 'Accept' },
  dispute: { zh: '不接受', en: 'Dispute' },
  escalate: { zh: '升级到下一步', en: 'Escalate to the next step' },
  claimed: { zh: '追讨', en: 'Claimed' },
  questioned: { zh: '请对方说明', en: 'To be explained' },
  recovered: { zh: '已追回', en: 'Recovered' },
  noCases: { zh: '还没有投诉', en: 'No cases yet' },
  daysLeft: { zh: '剩余天数', en: 'Days left' },
  merchant: { zh: '商户', en: 'Merchant' },
  respond: { zh: '答复', en: 'Answer' },
  responseKind: { zh: '答复类型', en: 'Kind of answer' },
  inProgress: { zh: '处理中', en: 'In progress' },
  refund: { zh: '退款', en: 'Refund' },
  explanation: { zh: '解释说明', en: 'Explanation' },
  rejection: { zh: '拒绝', en: 'Rejection' },
  refundYuan: { zh: '退款金额（元）', en: 'Refund (yuan)' },
  message: { zh: '说明', en: 'Message' },
  send: { zh: '提交答复', en: 'Send the answer' },
  verify: { zh: '请核实后再使用', en: 'Verify before relying' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export const LangContext = createContext<Lang>('zh');

export function useT(): (key: StringKey) => string {
  const lang = useContext(LangContext);
  return (key) => STRINGS[key][lang];
}

export function useLang(): Lang {
  return useContext(LangContext);
}

const STATE_NAMES: Record<string, { zh: string; en: string }> = {
  new: { zh: '新建', en: 'New' },
  waiting: { zh: '等待答复', en: 'Waiting' },
  action_needed: { zh: '需要行动', en: 'Action needed' },
  resolved: { zh: '已解决', en: 'Resolved' },
  closed: { zh: '已关闭', en: 'Closed' },
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  acknowledged: { zh: '已受理', en: 'Acknowledged' },
  responded: { zh: '已答复', en: 'Answered' },
  accepted: { zh: '已接受', en: 'Accepted' },
  disputed: { zh: '有争议', en: 'Disputed' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  next: { zh: '下一步', en: 'Next' },
  later: { zh: '备用', en: 'Later' },
  done: { zh: '已完成', en: 'Done' },
  skipped: { zh: '未使用', en: 'Skipped' },
  not_needed: { zh: '不需要', en: 'Not needed' },
  unavailable: { zh: '不适用', en: 'Not open' },
};

export function stateName(state: string, lang: Lang): string {
  return STATE_NAMES[state]?.[lang] ?? state;
}

export function categoryName(category: string, lang: Lang): string {
  const names = CATEGORY_NAMES as Record<string, { zh: string; en: string } | undefined>;
  return names[category]?.[lang] ?? category;
}
