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

export const deadlineRuleSchema = z.object({
  /** What the deadline is for: the respondent's decision, acceptance, transfer … */
  what: z.object({ zh: z.string(), en: z.string() }),
  days: z.number().int().positive(),
  unit: z.enum(['calendar', 'working']),
  /**
   * A stage that runs before the clock starts: a regulator first registers a complaint and
   * passes it on (e.g. 7 working days), then the institution's own time to answer begins.
   */
  startsAfter: z
    .object({
      days: z.number().int().positive(),
      unit: z.enum(['calendar', 'working']),
      what: z.object({ zh: z.string(), en: z.string() }),
    })
    .optional(),
  /** Extensions the rule allows, each with its condition. */
  extensions: z
    .array(
      z.object({
        toDays: z.number().int().positive(),
        unit: z.enum(['calendar', 'working']),
        condition: z.object({ zh: z.string(), en: z.string() }),
      }),
    )
    .default([]),
  basis: z.string().min(1),
  cite: citationSchema,
});
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

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
  deadline: deadlineRuleSchema.nullable(),
  legalBasis: z.array(z.object({ title: z.string(), articles: z.string(), cite: citationSchema })),
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
});
export type Channel = z.infer<typeof channelSchema>;

export const sourceSchema = z.object({
  key: z.string().min(1),
  title: z.string().min(1),
  where: z.string().min(1),
});

export const knowledgeBaseSchema = z.object({
  version: z.string(),
  verifiedAt: isoDate,
  sources: z.array(sourceSchema),
  channels: z.array(channelSchema),
});
export type KnowledgeBase = z.infer<typeof knowledgeBaseSchema>;
