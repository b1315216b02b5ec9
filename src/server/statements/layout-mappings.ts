import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ColumnOverrides } from '../../audit/layout/columns.js';
import { isFeeGuardError, type FeeGuardError } from '../../errors.js';
import type { DB } from '../db/schema.js';
import { newId } from '../deps.js';

/**
 * Column mappings for layouts the reader is not sure of: what the upload answers when it stops
 * (the first rows, the best guess, the fingerprint), and the mappings merchants confirmed — used at
 * once for the merchant who confirmed, and for everyone once an administrator approves.
 */

/** How many of the first rows the administrator sees with a proposed mapping. */
const ADMIN_SAMPLE_ROWS = 5;

/** The roles a merchant can give a column in the web app. */
export const MAPPING_ROLES = ['date', 'amount', 'fee', 'net', 'description', 'cardType'] as const;
export type MappingRole = (typeof MAPPING_ROLES)[number];

/** role → 1-based column number. */
export const columnMappingSchema = z
  .object(
    Object.fromEntries(
      MAPPING_ROLES.map((r) => [r, z.number().int().min(1).max(200).optional()]),
    ) as Record<MappingRole, z.ZodOptional<z.ZodNumber>>,
  )
  .strict()
  .refine((m) => m.date !== undefined && m.amount !== undefined, {
    message: 'a mapping needs at least the date and the amount column',
  })
  .refine(
    (m) => {
      const columns = Object.values(m as Record<string, number | undefined>).filter(
        (v) => v !== undefined,
      );
      return new Set(columns).size === columns.length;
    },
    { message: 'each column can have one meaning only' },
  );
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const unsureLayoutBody = z.object({
  code: z.literal('FG_ERR_UNSURE_LAYOUT'),
  message: z.object({ zh: z.string(), en: z.string() }),
  detail: z.string().optional(),
  hint: z.string().optional(),
  /** The reader's own account: its best guess per role and the questions it could not settle. */
  details: z.record(z.string(), z.unknown()).optional(),
  layout: z.object({
    fingerprint: z.string(),
    columns: z.number(),
    hasHeader: z.boolean(),
    /** The first rows as the reader saw them (the header row first, when there is one). */
    rows: z.array(z.array(z.string())),
    /** The reader's best guess: role → 1-based column number. */
    guess: z.record(z.string(), z.number()),
  }),
});
export type UnsureLayoutBody = z.infer<typeof unsureLayoutBody>;

export const layoutMappingBody = z.object({
  id: z.string(),
  fingerprint: z.string(),
  provider: z.string().nullable(),
  mapping: z.record(z.string(), z.number()),
  rows: z.array(z.array(z.string())),
  status: z.enum(['proposed', 'approved', 'rejected']),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

export interface UnsureLayout {
  readonly error: FeeGuardError;
  readonly fingerprint: string;
  readonly columns: number;
  readonly hasHeader: boolean;
  readonly rows: string[][];
  readonly guess: Record<string, number>;
}

interface ErrorDetails {
  sample?: { rows: string[][]; columns: number; hasHeader: boolean; fingerprint: string };
  layout?: { columns?: Record<string, { column: number }> };
}

/** The unsure-layout stop as data, its fingerprint scoped to the provider; null for other errors. */
export function unsureLayoutOf(error: unknown, provider: string | null): UnsureLayout | null {
  if (!isFeeGuardError(error) || error.code !== 'FG_ERR_UNSURE_LAYOUT') return null;
  const details = (error.details ?? {}) as ErrorDetails;
  const sample = details.sample;
  if (!sample) return null;
  const guess = Object.fromEntries(
    Object.entries(details.layout?.columns ?? {}).map(([role, c]) => [role, c.column]),
  );
  return {
    error,
    fingerprint: createHash('sha256')
      .update(`${sample.fingerprint}|${provider ?? ''}`)
      .digest('hex'),
    columns: sample.columns,
    hasHeader: sample.hasHeader,
    rows: sample.rows,
    guess,
  };
}

export function unsureBody(unsure: UnsureLayout, zh: string, en: string): UnsureLayoutBody {
  return {
    code: 'FG_ERR_UNSURE_LAYOUT',
    message: { zh, en },
    detail: unsure.error.message,
    ...(unsure.error.hint === undefined ? {} : { hint: unsure.error.hint }),
    ...(unsure.error.details === undefined ? {} : { details: { ...unsure.error.details } }),
    layout: {
      fingerprint: unsure.fingerprint,
      columns: unsure.columns,
      hasHeader: unsure.hasHeader,
      rows: unsure.rows,
      guess: unsure.guess,
    },
  };
}

/** The mapping as the audit's column overrides (1-based column numbers). */
export function overridesOf(mapping: ColumnMapping): ColumnOverrides {
  const overrides: ColumnOverrides = {};
  for (const role of MAPPING_ROLES) {
    const column = mapping[role];
    if (column !== undefined) overrides[role] = String(column);
  }
  return overrides;
}

/**
 * The mapping to read a layout with: the merchant's own latest confirmation if still proposed,
 * else the latest approved one; null when there is none.
 */
export async function mappingFor(
  db: Kysely<DB>,
  fingerprint: string,
  merchantId: string,
): Promise<{ mapping: ColumnMapping; status: 'proposed' | 'approved' } | null> {
  const rows = await db
    .selectFrom('layout_mappings')
    .select(['mapping', 'status', 'merchant_id', 'created_at'])
    .where('fingerprint', '=', fingerprint)
    .where('status', 'in', ['proposed', 'approved'])
    .orderBy('created_at', 'desc')
    .execute();
  const own = rows.find((r) => r.merchant_id === merchantId && r.status === 'proposed');
  const chosen = own ?? rows.find((r) => r.status === 'approved');
  if (!chosen) return null;
  const parsed = columnMappingSchema.safeParse(JSON.parse(chosen.mapping));
  if (!parsed.success) return null;
  return { mapping: parsed.data, status: chosen.status === 'approved' ? 'approved' : 'proposed' };
}

/** Keeps a merchant's confirmed mapping as proposed, replacing their earlier proposal for it. */
export async function proposeMapping(
  db: Kysely<DB>,
  input: {
    unsure: UnsureLayout;
    provider: string | null;
    mapping: ColumnMapping;
    merchantId: string;
    userId: string;
    at: string;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('layout_mappings')
      .where('fingerprint', '=', input.unsure.fingerprint)
      .where('merchant_id', '=', input.merchantId)
      .where('status', '=', 'proposed')
      .execute();
    await trx
      .insertInto('layout_mappings')
      .values({
        id: newId(),
        fingerprint: input.unsure.fingerprint,
        provider: input.provider,
        mapping: JSON.stringify(input.mapping),
        sample: JSON.stringify(input.unsure.rows.slice(0, ADMIN_SAMPLE_ROWS)),
        merchant_id: input.merchantId,
        confirmed_by: input.userId,
        status: 'proposed',
        approved_by: null,
        created_at: input.at,
        decided_at: null,
      })
      .execute();
  });
}
