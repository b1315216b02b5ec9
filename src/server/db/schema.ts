import type { Generated } from 'kysely';

/**
 * The database as Kysely sees it. Ids are random text (UUIDs) so that several instances can
 * create rows without coordinating; timestamps are ISO strings in UTC, dates `YYYY-MM-DD`
 * (Asia/Shanghai); money is integer fen; JSON documents are stored as text on both databases.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
  /** When the owner followed the verification link; null until then (no roles, no login). */
  email_verified_at: string | null;
}

export interface EmailVerificationsTable {
  /** SHA-256 of the token in the link. */
  id: string;
  user_id: string;
  /**
   * The password and name given with this registration, set on the account when the link is
   * followed: whoever registered the address first cannot choose the password its owner gets.
   */
  password_hash: string;
  name: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Login attempts per account (`email:…`) and per client address (`ip:…`), counted before the hash. */
export interface LoginThrottleTable {
  key: string;
  attempts: number;
  /** The earliest time the next attempt is heard. */
  next_at: string;
  updated_at: string;
}

/** Browsers a user has signed in from (SHA-256 of the device cookie). */
export interface KnownDevicesTable {
  id: string;
  user_id: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a database leak does not leak usable sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginFailuresTable {
  id: string;
  key: string;
  at: string;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  kind: string;
  /** The knowledge-base channel this organization answers (e.g. pboc_12363), if any. */
  channel_id: string | null;
  /** For a provider: the acquirer's name as merchants write it (鑫联支付有限公司). */
  provider_name: string | null;
  created_at: string;
}

export interface MembershipsTable {
  user_id: string;
  organization_id: string;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  organization_id: string;
  email: string;
  invited_by: string;
  created_at: string;
  accepted_at: string | null;
}

export interface MerchantsTable {
  id: string;
  owner_id: string;
  name: string;
  business_name: string | null;
  merchant_no: string | null;
  provider_name: string;
  provider_type: string;
  complainant_type: string;
  terminal_ids: string;
  /** Contact and identity details (phone, ID number, address …) as JSON. */
  details: string;
  created_at: string;
  updated_at: string;
}

export interface ContractVersionsTable {
  id: string;
  merchant_id: string;
  effective_from: string;
  contract: string;
  created_at: string;
  /** The provider's published fee schedule this contract was taken from, if any. */
  fee_schedule_id: string | null;
}

/** The terms a correction replaced: who changed them, when, and what they were before. */
export interface ContractChangesTable {
  id: string;
  merchant_id: string;
  /** The contract version the correction replaced in place, or added. */
  version_id: string;
  effective_from: string;
  /** The terms before (JSON); null when the merchant had given none. */
  previous_contract: string | null;
  previous_fee_schedule_id: string | null;
  changed_by: string | null;
  changed_at: string;
}

export interface StoredFilesTable {
  sha256: string;
  size: number;
  created_at: string;
}

export interface StatementsTable {
  id: string;
  merchant_id: string;
  file_sha256: string;
  file_name: string;
  format: string;
  uploaded_by: string;
  uploaded_at: string;
  report: string;
  period_from: string | null;
  period_to: string | null;
  new_deductions: number;
  /** The report's claim in yuan, its counts (JSON) and warnings listed: what lists show. */
  claim: string;
  counts: string | null;
  warnings: number;
}

export interface DeductionsTable {
  id: string;
  merchant_id: string;
  /** Same date, category, amount and reference or text: the same deduction, whichever export. */
  fingerprint: string;
  statement_id: string;
  date: string;
  category: string;
  amount_fen: number;
  verdict: string;
  overcharge_fen: number;
  finding: string;
  /** The audit's own finding, kept once the merchant marks the deduction agreed or not agreed. */
  audit_finding: string | null;
  created_at: string;
}

export interface CasesTable {
  id: string;
  merchant_id: string;
  owner_id: string;
  respondent_name: string;
  respondent_type: string;
  claim_fen: number;
  refunded_fen: number;
  /** Kept current on every change and by the sweep, so that lists need no plan per case. */
  status: string;
  next_deadline: string | null;
  /** The next step of the plan, as the case list shows it (JSON). */
  summary: string;
  details: string;
  /** What the merchant affirms about the facts (the case file's `affirmations`, JSON). */
  affirmations: string;
  created_at: string;
  updated_at: string;
}

export interface CaseDeductionsTable {
  case_id: string;
  deduction_id: string;
}

/**
 * A deduction a contract correction made claimable, offered to a case already filed with a
 * channel: what was sent stays as it was until the merchant adds it.
 */
export interface CaseOffersTable {
  case_id: string;
  deduction_id: string;
  offered_at: string;
}

export interface FilingsTable {
  id: string;
  case_id: string;
  channel_id: string;
  organization_id: string | null;
  filing_type: string;
  state: string;
  submitted_at: string | null;
  reference: string | null;
  method: string | null;
  due_date: string | null;
  response: string | null;
  refund_fen: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: string;
  case_id: string;
  /** 1, 2, 3 … within the case: the order things happened, whatever the clock says. */
  seq: number;
  filing_id: string | null;
  actor_id: string | null;
  kind: string;
  data: string;
  at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  /** Unique: the sweep on several instances records each notification once. */
  key: string;
  kind: string;
  case_id: string | null;
  filing_id: string | null;
  message: string;
  created_at: string;
  read_at: string | null;
  emailed_at: string | null;
  webhook_at: string | null;
}

export interface WebhooksTable {
  id: string;
  user_id: string;
  url: string;
  secret: string;
  created_at: string;
}

export interface CalendarTokensTable {
  token: string;
  user_id: string;
  created_at: string;
}

export interface ChannelsTable {
  id: string;
  data: string;
  updated_at: string;
  updated_by: string | null;
  /** Raised by every edit: the knowledge base's version is the sum over channels. */
  revision: Generated<number>;
}

/** What one case last added to the statistics, so a change can subtract it exactly. */
export interface CaseStatsTable {
  case_id: string;
  contribution: string;
  /** When the contribution last changed (a refresh that finds it the same writes nothing). */
  updated_at: string;
}

/**
 * Pre-aggregated public statistics. Each case change adds its delta to every grain of
 * GRAIN_DIMENSIONS (`src/server/stats/stats.repository.ts`): `full` (every dimension) down to
 * all-time ones such as `provider_all` (category, place and month '*'), so a query reads the
 * smallest grain that has its dimensions.
 */
export interface StatsCellsTable {
  grain: string;
  provider: string;
  category: string;
  province: string;
  city: string;
  month: string;
  complaints: number;
  claimed_fen: number;
  recovered_fen: number;
  outcome_refunded: number;
  outcome_partly: number;
  outcome_rejected: number;
  outcome_no_answer: number;
  outcome_pending: number;
  filings_due: number;
  filings_on_time: number;
  filings_answered: number;
}

/** How many answered filings took each number of days, per cell: medians without raw rows. */
export interface StatsAnswerDaysTable {
  grain: string;
  provider: string;
  category: string;
  province: string;
  city: string;
  month: string;
  days: number;
  filings: number;
}

/** One row (id 1): incremented by every change to the statistics, in the same transaction. */
export interface StatsVersionTable {
  id: number;
  version: number;
}

export interface StatsWeeksTable {
  provider: string;
  category: string;
  /** Monday of the week the complaint was made. */
  week: string;
  complaints: number;
  claimed_fen: number;
}

/** A complaint its merchant agreed to publish, personal data scrubbed. */
export interface PublicComplaintsTable {
  case_id: string;
  public_id: string;
  provider: string;
  category: string;
  province: string;
  city: string;
  month: string;
  claim_fen: number;
  recovered_fen: number;
  outcome: string;
  narrative: string;
  answer: string | null;
  answered_at: string | null;
  published_at: string;
  updated_at: string;
}

export interface ComplaintGroupsTable {
  id: string;
  provider: string;
  category: string;
  /** open (members may join and leave) or filed. */
  status: string;
  created_by: string;
  created_at: string;
  filed_at: string | null;
  /** bank or payment_institution: picks the letter's channels and legal grounds. */
  provider_type: string | null;
}

export interface GroupMembersTable {
  group_id: string;
  case_id: string;
  user_id: string;
  claim_fen: number;
  joined_at: string;
  left_at: string | null;
  /** 1 when the member agreed to be named in the combined letter; otherwise "商户 N". */
  share_name: number;
}

export interface GroupFilingsTable {
  id: string;
  group_id: string;
  channel_id: string;
  submitted_at: string;
  reference: string | null;
  due_date: string | null;
  members: number;
  total_fen: number;
  created_by: string;
  created_at: string;
  /** The answer a member recorded (JSON: kind, message, refundFen, by, at). */
  response: string | null;
  responded_at: string | null;
  version: number;
}

export interface GroupEventsTable {
  id: string;
  group_id: string;
  seq: number;
  actor_id: string | null;
  kind: string;
  data: string;
  at: string;
}

export interface FeeSchedulesTable {
  id: string;
  organization_id: string;
  provider_name: string;
  version: string;
  effective_from: string;
  schedule: string;
  published_by: string;
  published_at: string;
}

export interface AlertsTable {
  id: string;
  key: string;
  provider: string;
  category: string;
  week: string;
  /** proposed → published, or dismissed. */
  status: string;
  title: string;
  body: string;
  evidence: string;
  created_at: string;
  updated_at: string;
  reviewed_by: string | null;
  published_at: string | null;
}

/** A column mapping confirmed for a layout the reader was not sure of (see docs/layout-mappings.md). */
export interface LayoutMappingsTable {
  id: string;
  /** SHA-256 of the layout's fingerprint and the provider. */
  fingerprint: string;
  provider: string | null;
  /** JSON: role → 1-based column number. */
  mapping: string;
  /** JSON: the first rows of the table as the reader saw them (for the administrator). */
  sample: string;
  merchant_id: string;
  confirmed_by: string;
  status: 'proposed' | 'approved' | 'rejected';
  approved_by: string | null;
  created_at: string;
  decided_at: string | null;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  email_verifications: EmailVerificationsTable;
  login_throttle: LoginThrottleTable;
  known_devices: KnownDevicesTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  merchants: MerchantsTable;
  contract_versions: ContractVersionsTable;
  contract_changes: ContractChangesTable;
  stored_files: StoredFilesTable;
  statements: StatementsTable;
  deductions: DeductionsTable;
  cases: CasesTable;
  case_deductions: CaseDeductionsTable;
  case_offers: CaseOffersTable;
  filings: FilingsTable;
  events: EventsTable;
  notifications: NotificationsTable;
  webhooks: WebhooksTable;
  calendar_tokens: CalendarTokensTable;
  channels: ChannelsTable;
  case_stats: CaseStatsTable;
  stats_cells: StatsCellsTable;
  stats_answer_days: StatsAnswerDaysTable;
  stats_weeks: StatsWeeksTable;
  stats_version: StatsVersionTable;
  public_complaints: PublicComplaintsTable;
  complaint_groups: ComplaintGroupsTable;
  group_members: GroupMembersTable;
  group_filings: GroupFilingsTable;
  group_events: GroupEventsTable;
  fee_schedules: FeeSchedulesTable;
  alerts: AlertsTable;
  layout_mappings: LayoutMappingsTable;
}
