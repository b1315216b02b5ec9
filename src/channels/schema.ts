import { z } from 'zod';

/**
 * The channel knowledge base: one entry per place a merchant can take a POS fee dispute.
 * Every fact that can change carries its source and the date it was verified; facts that could
 * not be confirmed are marked (`confidence`) and shown to users as "verify before relying".
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const confidenceSchema = z.enum(['high', 'medium', 'low', 'unverified', 'inference']);
export type Confidence = z.infer<typeof confidenceSchema>;

/** Where a fact comes from: a key of `sources`, with the article or page. */
export const citationSchema = z.object({
  source: z.string().min(1),
  where: z.string().optional(),
  confidence: confidenceSchema,
  verifiedAt: isoDate,
  note: z.string().optional(),
});
export type Citation = z.infer<typeof citationSchema>;

export const channelKindSchema = z.enum([
  'provider_service',
  'payment_platform',
  'unionpay',
  'consumer_association',
  'market_regulator',
  'central_bank',
  'financial_regulator',
  'industry_association',
  'mediation',
  'arbitration',
  'court',
  'media',
]);
export type ChannelKind = z.infer<typeof channelKindSchema>;

/** 投诉 (a complaint asking for redress), 举报 (a tip-off about a violation), or an application. */
export const filingTypeSchema = z.enum(['complaint', 'report', 'application']);
export type FilingType = z.infer<typeof filingTypeSchema>;

export const partyTypeSchema = z.enum(['individual_consumer', 'individual_merchant', 'company']);
export const respondentKindSchema = z.enum(['bank', 'payment_institution', 'agent']);

export const contactSchema = z.object({
  method: z.enum(['hotline', 'website', 'app', 'mini_program', 'email', 'post', 'in_person']),
  value: z.string().min(1),
  hours: z.string().optional(),
  cite: citationSchema,
});

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/**
 * A time limit as a rule: so many (calendar or working) days from a start. `startsAfter` is a
 * stage that runs before the clock starts (a regulator first decides to accept, then the
 * institution's own time begins). Built from a channel's procedures (`answerRule`).
 */
export interface DeadlineRule {
  readonly what: { readonly zh: string; readonly en: string };
  readonly days: number;
  readonly unit: 'calendar' | 'working';
  readonly startsAfter?: {
    readonly days: number;
    readonly unit: 'calendar' | 'working';
    readonly what: { readonly zh: string; readonly en: string };
  };
  readonly extensions: readonly {
    readonly toDays: number;
    readonly unit: 'calendar' | 'working';
    readonly condition: { readonly zh: string; readonly en: string };
  }[];
  readonly basis: string;
  readonly cite: Citation;
}

/**
 * One procedure a channel runs, with its own time limit: a regulator's decision to accept a
 * complaint, its transfer, the institution's answer, the decision to open a case on a 举报 and
 * the notice to the reporter … A channel may offer several procedures for several filing types
 * (12315: 投诉 and 举报), and each is counted from its own start event.
 */
export const procedureSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  /** The filing this procedure belongs to (投诉, 举报 or application). */
  filingType: filingTypeSchema,
  /** What must happen by the deadline. */
  what: bilingual,
  /** The event the period counts from, in the article's words (e.g. 自收到投诉之日起). */
  startEvent: bilingual,
  /** The procedure whose end starts this one; absent when the period counts from the filing. */
  after: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .optional(),
  days: z.number().int().positive(),
  unit: z.enum(['calendar', 'working']),
  extensions: z
    .array(
      z.object({
        toDays: z.number().int().positive(),
        unit: z.enum(['calendar', 'working']),
        condition: bilingual,
      }),
    )
    .default([]),
  /** The procedure the plan waits for: its date is the step's "answer due". */
  answer: z.boolean().default(false),
  /** The article: its exact words when read in the text (quote), and a plain summary. */
  article: z.object({
    title: z.string().min(1),
    article: z.string().min(1),
    quote: z.string().min(1).optional(),
    summary: bilingual,
  }),
  cite: citationSchema,
});
export type Procedure = z.infer<typeof procedureSchema>;

export const channelSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  kind: channelKindSchema,
  filingType: filingTypeSchema,
  /** Who may file here, with the rule that says so. */
  accepts: z.array(
    z.object({
      party: partyTypeSchema,
      as: filingTypeSchema,
      /** Only against these respondents, where the rule depends on who is complained about. */
      against: z.array(respondentKindSchema).optional(),
      cite: citationSchema,
    }),
  ),
  against: z.array(respondentKindSchema).min(1),
  contacts: z.array(contactSchema),
  prerequisites: z.array(
    z.object({ zh: z.string(), en: z.string(), required: z.boolean(), cite: citationSchema }),
  ),
  bring: z.array(z.object({ zh: z.string(), en: z.string() })),
  /** The procedures run here, each with its own deadline rule (empty: no legal deadline). */
  procedures: z.array(procedureSchema).default([]),
  legalBasis: z.array(
    z.object({
      title: z.string(),
      articles: z.string(),
      /** natural_persons: a rule for natural persons only (the PBoC's 金融消费者); not cited for a company. */
      protects: z.enum(['natural_persons', 'anyone']).optional(),
      cite: citationSchema,
    }),
  ),
  /** Plain words on what this channel can and cannot do for a merchant. */
  summary: z.object({ zh: z.string(), en: z.string() }),
  /**
   * Online complaint form limits, for the plain-text letter. A limit binds only with its source
   * (`cite`): a letter is never shortened for a limit nobody can point to.
   */
  formLimits: z
    .object({ maxChars: z.number().int().positive(), cite: citationSchema.optional() })
    .optional(),
  cost: z.object({ zh: z.string(), en: z.string() }).optional(),
  /** Who a letter is addressed to, where it is not the channel's name (e.g. 中国支付清算协会). */
  addressee: z.object({ zh: z.string().min(1), en: z.string().min(1) }).optional(),
});
export type Channel = z.infer<typeof channelSchema>;

export const sourceSchema = z.object({
  key: z.string().min(1),
  title: z.string().min(1),
  /** The title in English, for the English interface only (Chinese documents keep `title`). */
  titleEn: z.string().min(1).optional(),
  where: z.string().min(1),
});

/**
 * A law's or rule's official Chinese title (without 《》) and its English title. The English
 * interface shows "English title (中文标题)"; Chinese text and letters use the Chinese alone.
 * `short`: the short name article references use (民法典 第九百八十五条), and its English (Civil
 * Code), so an English reference never keeps the Chinese short name.
 */
export const lawTitleSchema = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
  short: z.object({ zh: z.string().min(1), en: z.string().min(1) }).optional(),
});

export const knowledgeBaseSchema = z.object({
  version: z.string(),
  verifiedAt: isoDate,
  sources: z.array(sourceSchema),
  lawTitles: z.array(lawTitleSchema).default([]),
  channels: z.array(channelSchema),
});
export type KnowledgeBase = z.infer<typeof knowledgeBaseSchema>;
