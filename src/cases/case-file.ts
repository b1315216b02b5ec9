import { z } from 'zod';
import { FEE_CATEGORIES } from '../audit/model.js';
import { auditReportSchema } from '../audit/report/schema.js';

/**
 * `case.json`: everything FeeGuard needs to plan a complaint and write its letters, call scripts
 * and evidence package. Paths inside it are relative to the case file. Documented in
 * docs/case-file.md; the server stores the same shape per case.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const complainantTypeSchema = z.enum([
  /** A natural person using a POS privately (the rare "personal" case). */
  'individual_consumer',
  /** 个体工商户 or a natural person trading without a registration. */
  'individual_merchant',
  /** A company or other organisation (公司、合伙企业 …). */
  'company',
]);
export type ComplainantType = z.infer<typeof complainantTypeSchema>;

/** `unknown` (or leaving it out): FeeGuard infers it from the name and asks the merchant to confirm. */
export const providerTypeSchema = z.enum(['bank', 'payment_institution', 'unknown']);
export type ProviderType = z.infer<typeof providerTypeSchema>;

export const complainantSchema = z.object({
  type: complainantTypeSchema,
  /** The person signing: the owner of a 个体工商户, or the company's contact. */
  name: z.string().min(1),
  /** 商户名称 / company name as registered with the provider. */
  businessName: z.string().optional(),
  merchantId: z.string().optional(),
  terminalIds: z.array(z.string()).default([]),
  phone: z.string().optional(),
  email: z.string().optional(),
  idNumber: z.string().optional(),
  /** 统一社会信用代码, for companies and registered 个体工商户. */
  creditCode: z.string().optional(),
  legalRepresentative: z.string().optional(),
  address: z.string().optional(),
  province: z.string().optional(),
  city: z.string().optional(),
});
export type Complainant = z.infer<typeof complainantSchema>;

export const respondentSchema = z.object({
  /** The licensed acquirer (bank or payment institution) named in the contract or statement. */
  name: z.string().min(1),
  /** Bank or payment institution; optional — see src/channels/provider-kind.ts. */
  type: providerTypeSchema.optional(),
  /** 住所: the registered address, for the 被告 block of a court filing. */
  address: z.string().optional(),
  legalRepresentative: z.string().optional(),
  /** The district or county of the domicile (e.g. 西湖区): names the competent basic court. */
  district: z.string().optional(),
  /** The court the merchant looked up, when known (e.g. 杭州市西湖区人民法院). */
  court: z.string().optional(),
  /** The sales agent / 外包服务机构 that sold the terminal, if any. */
  agent: z.string().optional(),
  /** Where the acquirer is domiciled: decides which PBoC branch takes an online complaint. */
  province: z.string().optional(),
  city: z.string().optional(),
  customerServicePhone: z.string().optional(),
});
export type Respondent = z.infer<typeof respondentSchema>;

export const attemptOutcomeSchema = z.enum([
  /** Filed, the answer is not due yet. */
  'pending',
  /** No answer by the deadline. */
  'no_answer',
  /** Refused, or an answer the merchant does not accept. */
  'rejected',
  /** Part of the claim refunded. */
  'partial_refund',
  /** The whole claim refunded. */
  'refunded',
]);
export type AttemptOutcome = z.infer<typeof attemptOutcomeSchema>;

/** Something the merchant already did: a call, a ticket, a complaint. */
export const attemptSchema = z.object({
  /** A channel id from the knowledge base (`feeguard channels`). */
  channel: z.string().min(1),
  date: isoDate,
  reference: z.string().optional(),
  outcome: attemptOutcomeSchema,
  answeredAt: isoDate.optional(),
  /**
   * When the answer is due (the channel's deadline from the filing date). Letters say "至今未获答复"
   * only once it has passed; before, the attempt is still awaiting its answer.
   */
  answerDue: isoDate.optional(),
  refundYuan: z.union([z.number(), z.string()]).optional(),
  note: z.string().optional(),
});
export type Attempt = z.infer<typeof attemptSchema>;

/** An explicit answer to one question about the facts: yes, no, or "I don't remember". */
export const answerSchema = z.enum(['yes', 'no', 'unsure']);
export type Answer = z.infer<typeof answerSchema>;

/**
 * What the merchant affirms about the facts, question by question. Letters and call scripts
 * assert only what is answered here (a "no" to "did you confirm the change?" becomes "本人从未
 * 确认"); an unanswered or "unsure" question is left out or hedged with "据我所知".
 */
export const affirmationsSchema = z.object({
  /** Did you sign an acquiring agreement with the provider (on paper or in an app)? */
  signedAgreement: answerSchema.optional(),
  /** For each fee: does the agreement provide for it? `words`: what it says, in the merchant's terms. */
  agreementTerms: z
    .array(
      z.object({
        category: z.enum(FEE_CATEGORIES),
        provides: answerSchema,
        words: z.string().max(300).optional(),
      }),
    )
    .default([]),
  /** Were you told (SMS, app notice, the agent) that a fee was introduced or changed? */
  toldOfChange: answerSchema.optional(),
  /** Did you confirm it (sign, reply to an SMS, tap a button in the app)? */
  confirmedChange: answerSchema.optional(),
  /** Do you remember when you first noticed the deductions? `yes` goes with the case's `noticedAt`. */
  rememberNoticed: answerSchema.optional(),
  /** Did you contact anyone about it (the agent, the salesman, the provider)? */
  contactedAnyone: answerSchema.optional(),
  /** Whom, in the merchant's words, and when (if remembered). */
  contacts: z
    .array(z.object({ whom: z.string().min(1).max(100), date: isoDate.optional() }))
    .default([]),
});
export type Affirmations = z.infer<typeof affirmationsSchema>;

export const caseFileSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  complainant: complainantSchema,
  respondent: respondentSchema,
  /** The audit: a path to `feeguard audit --format json` output, or the report itself. */
  audit: z.union([z.string().min(1), auditReportSchema]),
  /** The original statement files (paths), packed into the evidence package as they are. */
  statements: z.array(z.string()).default([]),
  /** Further evidence files: the contract, screenshots, SMS photos … */
  attachments: z.array(z.object({ path: z.string(), title: z.string().optional() })).default([]),
  /** When the merchant first noticed the deductions (the 3-year limit of 12315 counts from it). */
  noticedAt: isoDate.optional(),
  /** What has been tried already, oldest first. */
  history: z.array(attemptSchema).default([]),
  /** Other merchants of the same provider have the same problem (number known, or just yes). */
  othersAffected: z.union([z.boolean(), z.number().int().nonnegative()]).default(false),
  /** The acquiring agreement sends disputes to arbitration (then arbitration replaces the court). */
  arbitrationAgreement: z.boolean().default(false),
  /** What the merchant affirms, question by question (see `affirmationsSchema`). */
  affirmations: affirmationsSchema.default({ agreementTerms: [], contacts: [] }),
  /** The merchant's own account of what happened, in their words (used in the letter's facts). */
  narrative: z.string().optional(),
  /** The date the plan and letters are made for; today when absent. */
  asOf: isoDate.optional(),
});
export type CaseFileInput = z.input<typeof caseFileSchema>;
export type CaseFile = z.infer<typeof caseFileSchema>;
