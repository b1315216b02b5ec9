import type { Lang } from '../../i18n.js';

/** The words of the public pages, Chinese first. */
export const W = {
  nav: { zh: '公开信息', en: 'Public information' },
  stats: { zh: '公开统计', en: 'Statistics' },
  complaints: { zh: '投诉公示', en: 'Complaints' },
  alerts: { zh: '消费提示', en: 'Alerts' },
  guides: { zh: '维权指南', en: 'Guides' },
  signIn: { zh: '登录 / 注册', en: 'Log in / sign up' },
  statsIntro: {
    zh: '所有通过扣费卫士提出的投诉的汇总：投诉量、追讨和已追回金额、结果，以及服务商是否在法定期限内答复。每个数字都可以下载为 CSV 或 JSON。',
    en: 'All complaints made through FeeGuard, added up: how many, money claimed and recovered, outcomes, and whether providers answered within the legal deadline. Every figure downloads as CSV or JSON.',
  },
  filters: { zh: '筛选', en: 'Filters' },
  provider: { zh: '服务商', en: 'Provider' },
  category: { zh: '费用类别', en: 'Fee category' },
  province: { zh: '省份', en: 'Province' },
  outcome: { zh: '结果', en: 'Outcome' },
  fromMonth: { zh: '起始月份', en: 'From month' },
  toMonth: { zh: '截止月份', en: 'To month' },
  all: { zh: '全部', en: 'All' },
  totalComplaints: { zh: '投诉', en: 'Complaints' },
  claimed: { zh: '追讨金额（元）', en: 'Claimed (yuan)' },
  recovered: { zh: '已追回（元）', en: 'Recovered (yuan)' },
  onTime: { zh: '按期答复比例', en: 'Answered on time' },
  medianDays: { zh: '答复天数中位数', en: 'Median days to answer' },
  byMonth: { zh: '每月投诉量和金额', en: 'Complaints and money by month' },
  topProviders: { zh: '投诉最多的服务商', en: 'Providers with the most complaints' },
  outcomes: { zh: '投诉结果', en: 'Outcomes' },
  byCategory: { zh: '按费用类别', en: 'By fee category' },
  byProvince: { zh: '按地区', en: 'By region' },
  timeliness: { zh: '按期答复排名', en: 'Ranking by timeliness' },
  timelinessNote: {
    zh: '只排名至少有 5 件应答复投诉的服务商。',
    en: 'Only providers with at least 5 filings due are ranked.',
  },
  month: { zh: '月份', en: 'Month' },
  count: { zh: '数量', en: 'Count' },
  filingsDue: { zh: '应答复', en: 'Due' },
  showTable: { zh: '数据表', en: 'Table of figures' },
  noData: { zh: '还没有数据', en: 'No figures yet' },
  latestAlerts: { zh: '最新消费提示', en: 'Latest alerts' },
  allAlerts: { zh: '全部消费提示', en: 'All alerts' },
  complaintsIntro: {
    zh: '经投诉人同意公开的投诉，姓名、电话、证件号、商户号、终端号、卡号和地址都已去除。服务商的答复列在旁边。',
    en: 'Complaints published with the complainant’s consent, with names, phone and ID numbers, merchant and terminal numbers, card numbers and addresses removed. The provider’s answer is beside each one.',
  },
  search: { zh: '搜索投诉内容', en: 'Search the complaints' },
  searchPlaceholder: { zh: '例如：流量费、押金', en: 'e.g. data fee, deposit' },
  narrative: { zh: '商户陈述', en: 'What the merchant says' },
  answer: { zh: '服务商答复', en: 'The provider’s answer' },
  noAnswerYet: { zh: '尚未答复', en: 'No answer yet' },
  loadMore: { zh: '加载更多', en: 'Load more' },
  exportCsv: { zh: '导出全部（CSV）', en: 'Export all (CSV)' },
  noComplaints: { zh: '没有符合条件的投诉', en: 'No complaints match' },
  published: { zh: '公开于', en: 'Published' },
  claim: { zh: '追讨', en: 'Claimed' },
  got: { zh: '已追回', en: 'Recovered' },
  alertsIntro: {
    zh: '当某个服务商某类扣费的投诉在一周内明显高于它自己的往常水平时，协会或监管机构核实后发布的消费提示。',
    en: 'Alerts published by an association or regulator after checking a spike: one provider’s complaints of one kind in a week, well above its own usual level.',
  },
  atom: { zh: '订阅更新', en: 'Subscribe to updates (Atom feed)' },
  noAlerts: { zh: '暂无消费提示', en: 'No alerts published yet' },
  week: { zh: '周', en: 'Week of' },
  guidesIntro: {
    zh: '用大白话讲清楚：对账单怎么看、商户有哪些权利、每个投诉渠道怎么用。内容直接由扣费卫士的渠道知识库、费用词表和法律依据生成，和投诉路线、投诉书完全一致。',
    en: 'In plain words: how to read a statement, what your rights are and how each complaint channel works. Generated from FeeGuard’s channel knowledge base, fee lexicon and legal grounds, so they always match the plans and letters.',
  },
  checked: { zh: '核实于', en: 'checked' },
  source: { zh: '来源', en: 'Source' },
  verified: { zh: '已核实', en: 'verified' },
  toVerify: { zh: '待核实', en: 'to be verified' },
  contents: { zh: '目录', en: 'Contents' },
  details: {
    zh: '怎么提交、要准备什么、依据和来源',
    en: 'How to file, what to bring, the grounds and sources',
  },
  backToGuides: { zh: '全部指南', en: 'All guides' },
  dataChecked: { zh: '资料核实日期', en: 'Facts checked up to' },
  download: { zh: '下载', en: 'Download' },
  loadFailed: { zh: '加载失败', en: 'Could not load' },
} as const satisfies Record<string, Record<Lang, string>>;

/** The server's bucket for provinces with too few complaints to name (src/server/stats). */
export const OTHER_PLACES = '(其他地区 other)';

/**
 * A province as the public pages show it: the merged small ones as "other places", and the
 * complaints whose merchant gave no place said so rather than a bare dash.
 */
export function placeName(key: string, lang: Lang): string {
  if (key === OTHER_PLACES) return lang === 'zh' ? '其他地区' : 'Other places';
  if (!key) return lang === 'zh' ? '未填写地区' : 'Place not given';
  return key;
}
