import type { Bilingual } from '../../api.js';

/**
 * Group complaints in the browser: the API's shapes and the words the group card and page use,
 * in both languages (kept here so the shared string table needs no change).
 */
export interface GroupOffer {
  provider: string;
  category: string;
  claim: string;
  otherMerchants: number;
  openGroup: boolean;
  membership: { groupId: string; status: string } | null;
}

export interface GroupFiling {
  id: string;
  channelId: string;
  channelName: Bilingual;
  submittedAt: string;
  reference: string | null;
  dueDate: string | null;
  members: number;
  total: string;
  state: 'submitted' | 'acknowledged' | 'answered' | 'overdue';
  response: { kind: string; message: string; refund: string | null; at: string } | null;
  version: number;
}

export interface Group {
  id: string;
  provider: string;
  providerType: string;
  category: string;
  status: 'open' | 'filed';
  createdAt: string;
  filedAt: string | null;
  memberCount: number;
  total: string;
  members: {
    number: number;
    name: string | null;
    city: string | null;
    claim: string;
    you: boolean;
  }[];
  mine: { caseId: string; claim: string; shareName: boolean; number: number }[];
  channels: { id: string; name: Bilingual; filingType: 'complaint' | 'report' }[];
  canFile: boolean;
  filings: GroupFiling[];
  timeline: {
    seq: number;
    kind: string;
    data: Record<string, unknown>;
    at: string;
    byYou: boolean;
  }[];
}

export const GROUP_WORDS = {
  title: { zh: '联名投诉', en: 'Group complaint' },
  offer: {
    zh: '另有 {n} 户商户也被{provider}未经同意扣取了{category}。可以联名向监管部门或行业协会投诉，一封信列明所有同意参加的商户和合计金额。',
    en: '{n} other merchant(s) also had {category} taken by {provider} without consent. You can complain together to a regulator or association: one letter lists every merchant who agrees and the total.',
  },
  yourClaim: { zh: '您在此项的金额', en: 'Your claim in this' },
  openGroupExists: { zh: '已有联名小组在征集', en: 'A group is already gathering' },
  consent: {
    zh: '我同意加入联名投诉：我的此项金额、所在城市将列入联名信，并告知其他成员',
    en: 'I agree to join: my amount in this and my city go into the joint letter and are shown to the other members',
  },
  shareName: {
    zh: '在联名信中显示我的店铺名称（不勾选则显示为“商户 N”）',
    en: 'Show my shop name in the letter (otherwise "Merchant N")',
  },
  join: { zh: '加入联名投诉', en: 'Join the group' },
  leave: { zh: '退出联名', en: 'Leave the group' },
  leaveHelp: {
    zh: '联名信提交之前可以随时退出；提交之后不能再退出。',
    en: 'You can leave until the joint letter is filed, not after.',
  },
  members: { zh: '成员', en: 'Members' },
  total: { zh: '合计', en: 'Total' },
  you: { zh: '（您）', en: ' (you)' },
  open: { zh: '征集中', en: 'Gathering' },
  filed: { zh: '已提交', en: 'Filed' },
  openPage: { zh: '查看联名信', en: 'Open the group' },
  channel: { zh: '提交给', en: 'Send to' },
  complaint: { zh: '投诉', en: 'complaint' },
  report: { zh: '举报', en: 'report' },
  letter: { zh: '联名信', en: 'Joint letter' },
  recordFiling: { zh: '记录联名信已提交', en: 'Record that the letter was filed' },
  needMembers: {
    zh: '至少要有 2 户成员才能提交联名信。',
    en: 'The joint letter needs at least 2 members before it is filed.',
  },
  filings: { zh: '提交记录', en: 'Filings' },
  recordAnswer: { zh: '记录答复', en: 'Record the answer' },
  timeline: { zh: '进展', en: 'Timeline' },
  merchantN: { zh: '商户 {n}', en: 'Merchant {n}' },
  otherCity: { zh: '城市未填', en: 'city not given' },
  byYou: { zh: '（您操作）', en: ' (by you)' },
  answered: { zh: '已答复', en: 'Answered' },
} as const;

export const EVENT_WORDS: Record<string, Bilingual> = {
  group_created: { zh: '联名小组成立', en: 'Group started' },
  member_joined: { zh: '一户商户加入', en: 'A merchant joined' },
  member_left: { zh: '一户商户退出', en: 'A merchant left' },
  group_filed: { zh: '联名信已提交', en: 'Joint letter filed' },
  group_answer_recorded: { zh: '记录了答复', en: 'Answer recorded' },
};

export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/gu, (_, key: string) => values[key] ?? '');
}
