/**
 * The browser side of the API: JSON with the session cookie and the CSRF header. Errors come
 * back as the server's `{ code, message: { zh, en } }` so pages can show them in either language.
 */
export interface ApiErrorBody {
  code: string;
  message: { zh: string; en: string };
  detail?: string;
  hint?: string;
  /** For a form field that does not fit: the field as the merchant knows it, in both languages. */
  details?: {
    words?: { zh: string; en: string };
    /** An unsure statement layout: the questions the reader could not settle. */
    layout?: { questions?: { role?: string; yearless?: boolean }[] };
  };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.detail ?? body.message.en);
  }
}

const session = { csrf: '' };

export function setCsrf(token: string): void {
  session.csrf = token;
}

async function request(method: string, url: string, body?: unknown): Promise<Response> {
  const isForm = body instanceof FormData;
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(session.csrf && method !== 'GET' ? { 'x-csrf-token': session.csrf } : {}),
      ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
    },
    ...(body === undefined ? {} : { body: isForm ? body : JSON.stringify(body) }),
  });
  if (!response.ok) {
    const text = await response.text();
    let parsed: ApiErrorBody = {
      code: 'FG_ERR_INTERNAL',
      message: { zh: '请求失败', en: 'Request failed' },
    };
    try {
      parsed = JSON.parse(text) as ApiErrorBody;
    } catch {
      // Not JSON (a proxy error page): keep the generic message.
    }
    throw new ApiError(response.status, parsed);
  }
  return response;
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await request(method, url, body);
  if (response.status === 204) return null as T;
  return (await response.json()) as T;
}

export async function apiText(url: string): Promise<string> {
  return (await request('GET', url)).text();
}

export interface Me {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  organizationIds: string[];
  csrfToken: string;
  calendarUrl?: string;
}

export interface Merchant {
  id: string;
  name: string;
  businessName: string | null;
  merchantNo: string | null;
  providerName: string;
  providerType: 'bank' | 'payment_institution';
  complainantType: 'individual_consumer' | 'individual_merchant' | 'company';
  contracts: { effectiveFrom: string; contract: unknown; feeScheduleId?: string | null }[];
  /** Every correction of the contract, newest first: who, when, and the terms before. */
  contractChanges?: {
    at: string;
    by: string | null;
    byName: string | null;
    effectiveFrom: string;
    previous: { contract: unknown; feeScheduleId: string | null } | null;
  }[];
}

/** What a contract correction changed (PUT /api/merchants/{id}/contract). */
export interface ContractCorrection {
  merchant: Merchant;
  claim: { before: string; after: string };
  statements: number;
  changed: number;
  /**
   * Each open case touched: its claim before and after, the deductions it took in (not filed
   * anywhere yet) or was offered (already filed: the case page offers to add them).
   */
  cases: { id: string; before: string; after: string; added: number; offered: number }[];
}

export interface StatementUpload {
  id: string;
  claim: string;
  newDeductions: number;
  counts?: { authorized: number; unauthorized: number; needs_review: number };
}

export interface Finding {
  id?: string;
  /** Settled by the merchant rather than judged by the audit. */
  reviewed?: boolean;
  file: string;
  row: number;
  date: string;
  category: string;
  amount: string;
  verdict: 'authorized' | 'unauthorized' | 'needs_review';
  overcharge: string;
  text: string;
  reason: string;
  reasonEn?: string;
}

export interface Deductions {
  items: Finding[];
  claim: string;
  byCategory: Record<string, string>;
  counts: { authorized: number; unauthorized: number; needs_review: number };
}

type VerdictCounts = { authorized: number; unauthorized: number; needs_review: number };

/** One page of GET /api/merchants/{id}/deductions?limit=…, with totals over all deductions. */
export interface DeductionPage extends Deductions {
  total: number;
  page: number;
  limit: number | null;
  countsByCategory: Record<string, VerdictCounts>;
  monthly: { month: string; category: string; amount: string }[];
}

/** GET /api/statements/{id}/summary: what one upload read and found, without its rows. */
export interface UploadSummary {
  statements: {
    file: string;
    format: 'csv' | 'xlsx' | 'sms';
    encoding: string | null;
    headerRow: number | null;
    records: number;
    columns: Record<string, string>;
    sheets?: string[];
    period?: { from: string; to: string } | null;
  }[];
  claim: { total: string; byCategory: Record<string, string> };
  counts: VerdictCounts;
  findings: number;
  byCategory: ({
    category: string;
    count: number;
    amount: string;
    claim: string;
  } & VerdictCounts)[];
  recurring: AuditReport['recurring'];
  warnings: string[];
  newDeductions: number;
}

export interface AuditReport {
  findings: Finding[];
  recurring: { category: string; amount: string; every: string; dates: string[]; next: string }[];
  claim: { total: string; byCategory: Record<string, string> };
  counts?: { authorized: number; unauthorized: number; needs_review: number };
}

export interface Bilingual {
  zh: string;
  en: string;
}

export interface PlanStep {
  channel: string;
  name: Bilingual;
  state: string;
  filingType: string;
  why: Bilingual;
  when: Bilingual;
  startOn?: string;
  answerDue?: {
    deadline: { due: string };
    basis: string;
    /** Every procedure of the filing, each with its own date (acceptance, transfer, answer …). */
    procedures?: {
      id: string;
      what: Bilingual;
      deadline: { due: string };
      estimated: boolean;
      basis: string;
      verified: boolean;
    }[];
  };
  bring?: Bilingual[];
}

export interface Plan {
  stage: string;
  headline: Bilingual;
  ladder: PlanStep[];
  parallel: PlanStep[];
  warnings: Bilingual[];
}

export interface Filing {
  id: string;
  channelId: string;
  channelName: Bilingual;
  state: string;
  submittedAt: string | null;
  reference: string | null;
  dueDate: string | null;
  response: { kind: string; message: string; refundFen?: number } | null;
  version: number;
}

export interface CaseSummary {
  id: string;
  merchantId: string;
  respondentName: string;
  status: string;
  claim: string;
  /** The deductions the provider is asked to explain (需核实), apart from the claim. */
  questioned: string;
  recovered: string;
  nextDeadline: string | null;
  nextStep: PlanStep | null;
  createdAt: string;
}

export interface CaseDetail extends CaseSummary {
  role: 'owner' | 'respondent';
  findings: Finding[];
  filings: Filing[];
  /** What a contract correction made claimable after the case was filed, for the owner to add. */
  offered?: { claim: string; findings: Finding[] };
}

export interface InboxItem {
  filing: Filing;
  caseId: string;
  merchantName: string;
  claim: string;
  daysLeft: number | null;
}
