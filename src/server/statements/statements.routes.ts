import { Readable } from 'node:stream';
import { z } from 'zod';
import { FINDING_CATEGORIES } from '../../audit/model.js';
import { formatFen, parseYuanToFen } from '../../audit/money.js';
import {
  auditReportSchema,
  findingCategorySchema,
  type AuditReport,
} from '../../audit/report/schema.js';
import { ERROR_CATALOGUE } from '../../errors.js';
import { shanghaiToday } from '../../deadlines/today.js';
import type { ServerDeps } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { checkFileName } from '../http/input-guard.js';
import { apiError, notFound } from '../http/errors.js';
import { errorResponses, idParam } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { schedulesForProvider } from '../feeschedules/feeschedules.service.js';
import { contractsOf, merchantOf } from '../merchants/merchants.repository.js';
import {
  columnMappingSchema,
  mappingFor,
  overridesOf,
  proposeMapping,
  unsureBody,
  unsureLayoutBody,
  unsureLayoutOf,
  type ColumnMapping,
  type UnsureLayout,
} from './layout-mappings.js';
import type { AuditPool } from './audit-pool.js';
import {
  removeUploadFile,
  uploadFilePath,
  writeUploadFile,
  type UploadFile,
} from './upload-file.js';
import { storeStatement } from './statements.service.js';

/** The most statements one page of the list holds. */
const MAX_PAGE = 200;

const countsSchema = z.object({
  authorized: z.number(),
  unauthorized: z.number(),
  needs_review: z.number(),
});

const statementBody = z.object({
  id: z.string(),
  merchantId: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  format: z.string(),
  uploadedAt: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  /** Deductions this upload added; ones already known from another export are not counted again. */
  newDeductions: z.number(),
  claim: z.string(),
  counts: countsSchema.optional(),
  warnings: z.number(),
  /**
   * How the columns were read when the reader was not sure of them: `given` (the mapping sent
   * with this upload), `own` (the merchant's earlier confirmation), `approved` (a mapping an
   * administrator approved); `note` says it in the merchant's words.
   */
  layoutMapping: z
    .object({ source: z.enum(['given', 'own', 'approved']), note: z.string() })
    .optional(),
});

const MAPPING_NOTES = {
  given: '按您选择的格式读取',
  own: '按您上次确认的格式读取',
  approved: '按已确认的格式读取',
} as const;

function uploadTooLarge(limitBytes: number) {
  return apiError(
    'FG_ERR_TOO_LARGE',
    `the file is larger than ${String(Math.round(limitBytes / 1024 / 1024))} MB`,
    'split the statement, e.g. one file per month, or raise UPLOAD_LIMIT_MB',
  );
}

/** The `mapping` field: JSON role → 1-based column; a clear 400 when it is not. */
function parseMapping(text: string): ColumnMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw apiError(
      'FG_ERR_BAD_MAPPING',
      'the mapping field is not JSON',
      'send e.g. {"date":1,"amount":3}',
    );
  }
  const parsed = columnMappingSchema.safeParse(json);
  if (!parsed.success) {
    throw apiError(
      'FG_ERR_BAD_MAPPING',
      `mapping: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      `roles: date, amount, fee, net, description, cardType, each a 1-based column number, e.g. {"date":1,"amount":3}`,
    );
  }
  return parsed.data;
}

/** Audits run on worker threads, a few at a time, so the server keeps answering meanwhile. */
export function statementRoutes(app: App, deps: ServerDeps, audits: AuditPool): void {
  app.post(
    '/api/merchants/:id/statements',
    {
      schema: {
        operationId: 'uploadStatement',
        tags: ['statements'],
        summary:
          'Upload a statement (multipart field `file`: CSV/TXT/XLSX, or field `text`: pasted SMS); it is audited at once. When the reader is not sure of the columns the 422 answer carries `layout` (first rows, best guess, fingerprint); send the upload again with field `mapping` (JSON, role → 1-based column, e.g. {"date":1,"amount":3}) to read it so',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: {
          201: statementBody,
          413: errorResponses[400],
          415: errorResponses[400],
          422: z.union([unsureLayoutBody, errorResponses[400]]),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const merchant = await merchantOf(deps.db, caller.userId, request.params.id);
      if (!merchant) throw notFound('merchant');
      if (!request.isMultipart()) {
        throw apiError(
          'FG_ERR_VALIDATION',
          'send the statement as multipart/form-data',
          'a `file` field, or a `text` field with pasted SMS notices',
        );
      }
      const temp = uploadFilePath(deps.config.uploadTempDir);
      const uploadStatement = async () => {
        let fileName = '';
        let upload: UploadFile | null = null;
        let given: ColumnMapping | null = null;
        for await (const part of request.parts()) {
          if (part.type === 'file' && part.fieldname === 'file') {
            fileName = part.filename || 'statement';
            checkFileName(fileName);
            await removeUploadFile(temp);
            upload = await writeUploadFile(part.file, temp);
            if (upload.truncated) throw uploadTooLarge(deps.config.uploadLimitBytes);
          } else if (
            part.type === 'field' &&
            part.fieldname === 'text' &&
            typeof part.value === 'string'
          ) {
            fileName = 'sms.txt';
            await removeUploadFile(temp);
            upload = await writeUploadFile(Readable.from([Buffer.from(part.value, 'utf8')]), temp);
          } else if (
            part.type === 'field' &&
            part.fieldname === 'mapping' &&
            typeof part.value === 'string'
          ) {
            given = parseMapping(part.value);
          }
        }
        if (!upload || upload.size === 0) {
          throw apiError(
            'FG_ERR_VALIDATION',
            'no statement in the upload',
            'send a `file` field or a `text` field',
          );
        }
        const file = upload;
        const versions = await contractsOf(deps.db, [merchant.id]);
        const schedules = await schedulesForProvider(deps.db, merchant.provider_name);
        const run = (mapping?: ColumnMapping) =>
          audits.run({
            versions,
            fileName,
            path: file.path,
            today: shanghaiToday(deps.now()),
            schedules,
            ...(mapping ? { map: overridesOf(mapping) } : {}),
          });
        const provider = merchant.provider_name;
        let unsure: UnsureLayout | null = null;
        let report: Awaited<ReturnType<typeof run>> | null = null;
        try {
          report = await run();
        } catch (error) {
          unsure = unsureLayoutOf(error, provider);
          if (!unsure) throw error;
        }
        let source: 'given' | 'own' | 'approved' | null = null;
        let mapping: ColumnMapping | null = given;
        if (mapping) source = 'given';
        else if (unsure) {
          const found = await mappingFor(deps.db, unsure.fingerprint, merchant.id);
          if (found) {
            mapping = found.mapping;
            source = found.status === 'approved' ? 'approved' : 'own';
          }
        }
        if (mapping) {
          try {
            report = await run(mapping);
          } catch (error) {
            const still = unsureLayoutOf(error, provider);
            if (!still) throw error;
            return reply
              .status(422)
              .send(
                unsureBody(
                  still,
                  ERROR_CATALOGUE.FG_ERR_UNSURE_LAYOUT.zh,
                  ERROR_CATALOGUE.FG_ERR_UNSURE_LAYOUT.en,
                ),
              );
          }
        }
        if (!report) {
          const stop = unsure as UnsureLayout;
          return reply
            .status(422)
            .send(
              unsureBody(
                stop,
                ERROR_CATALOGUE.FG_ERR_UNSURE_LAYOUT.zh,
                ERROR_CATALOGUE.FG_ERR_UNSURE_LAYOUT.en,
              ),
            );
        }
        if (given && unsure) {
          await proposeMapping(deps.db, {
            unsure,
            provider,
            mapping: given,
            merchantId: merchant.id,
            userId: caller.userId,
            at: deps.now().toISOString(),
          });
        }
        // The original is stored before the rows that point at it: a crash in between leaves an
        // unreferenced file, never a statement without its original.
        await deps.storage.putFile(file.path, file);
        const stored = { sha256: file.sha256, size: file.size };
        report.statements.forEach((s) => (s.sha256 = stored.sha256));
        const at = deps.now().toISOString();
        const saved = await storeStatement(deps.db, {
          merchantId: merchant.id,
          userId: caller.userId,
          fileName,
          sha256: stored.sha256,
          report,
          at,
        });
        await deps.db
          .insertInto('stored_files')
          .values({ sha256: stored.sha256, size: stored.size, created_at: at })
          .onConflict((oc) => oc.column('sha256').doNothing())
          .execute();
        return reply.status(201).send({
          id: saved.id,
          merchantId: merchant.id,
          fileName,
          sha256: stored.sha256,
          format: report.statements[0]?.format ?? 'csv',
          uploadedAt: at,
          periodFrom: report.statements[0]?.period?.from ?? null,
          periodTo: report.statements[0]?.period?.to ?? null,
          newDeductions: saved.newDeductions,
          claim: report.claim.total,
          ...(report.counts ? { counts: report.counts } : {}),
          warnings: report.warnings.length,
          ...(source ? { layoutMapping: { source, note: MAPPING_NOTES[source] } } : {}),
        });
      };
      // The upload goes to a temporary file as it arrives (never whole in memory), and that
      // file is removed on every way out of this request: stored, refused, over a limit, timed
      // out, or the client gone.
      try {
        return await uploadStatement();
      } finally {
        await removeUploadFile(temp);
      }
    },
  );

  app.get(
    '/api/merchants/:id/statements',
    {
      schema: {
        operationId: 'listStatements',
        tags: ['statements'],
        summary: `The statements uploaded for a merchant, oldest first, a page at a time (at most ${String(MAX_PAGE)}; \`total\` counts them all)`,
        params: idParam,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(MAX_PAGE),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({ items: z.array(statementBody), total: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const merchant = await merchantOf(deps.db, caller.userId, request.params.id);
      if (!merchant) throw notFound('merchant');
      const { limit, offset } = request.query;
      // Summary columns only: a list never reads report bodies.
      const rows = await deps.db
        .selectFrom('statements')
        .select([
          'id',
          'merchant_id',
          'file_name',
          'file_sha256',
          'format',
          'uploaded_at',
          'period_from',
          'period_to',
          'new_deductions',
          'claim',
          'counts',
          'warnings',
        ])
        .where('merchant_id', '=', merchant.id)
        .orderBy('uploaded_at')
        .orderBy('id')
        .limit(limit)
        .offset(offset)
        .execute();
      const total = await deps.db
        .selectFrom('statements')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('merchant_id', '=', merchant.id)
        .executeTakeFirstOrThrow();
      return {
        items: rows.map((row) => {
          const counts = row.counts === null ? null : countsSchema.parse(JSON.parse(row.counts));
          return {
            id: row.id,
            merchantId: row.merchant_id,
            fileName: row.file_name,
            sha256: row.file_sha256,
            format: row.format,
            uploadedAt: row.uploaded_at,
            periodFrom: row.period_from,
            periodTo: row.period_to,
            newDeductions: row.new_deductions,
            claim: row.claim,
            ...(counts ? { counts } : {}),
            warnings: row.warnings,
          };
        }),
        total: Number(total.n),
      };
    },
  );

  app.get(
    '/api/statements/:id/report',
    {
      schema: {
        operationId: 'getAuditReport',
        tags: ['statements'],
        summary: 'The audit report of one statement (the CLI’s JSON report)',
        params: idParam,
        response: { 200: auditReportSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const row = await deps.db
        .selectFrom('statements')
        .innerJoin('merchants', 'merchants.id', 'statements.merchant_id')
        .select(['statements.report'])
        .where('statements.id', '=', request.params.id)
        .where('merchants.owner_id', '=', caller.userId)
        .executeTakeFirst();
      if (!row) throw notFound('statement');
      // The stored JSON was validated when it was written: sent as it is, in chunks, never
      // parsed and serialized again. (A stream skips the response serializer, so the type of
      // the documented body does not apply to it.)
      return reply.type('application/json; charset=utf-8').send(chunked(row.report) as never);
    },
  );

  app.get(
    '/api/statements/:id/summary',
    {
      schema: {
        operationId: 'getStatementSummary',
        tags: ['statements'],
        summary:
          'What an upload read and found, without its rows: each file’s layout, rows and period, the claim, counts by category, recurring charges',
        params: idParam,
        response: { 200: statementSummaryBody, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const row = await deps.db
        .selectFrom('statements')
        .innerJoin('merchants', 'merchants.id', 'statements.merchant_id')
        .select(['statements.report', 'statements.new_deductions', 'statements.id'])
        .where('statements.id', '=', request.params.id)
        .where('merchants.owner_id', '=', caller.userId)
        .executeTakeFirst();
      if (!row) throw notFound('statement');
      return summaryOf(auditReportSchema.parse(JSON.parse(row.report)), row.new_deductions);
    },
  );
}

const categoryTally = z.object({
  category: findingCategorySchema,
  count: z.number(),
  amount: z.string(),
  claim: z.string(),
  authorized: z.number(),
  unauthorized: z.number(),
  needs_review: z.number(),
});

const statementSummaryBody = z.object({
  statements: auditReportSchema.shape.statements,
  claim: auditReportSchema.shape.claim,
  counts: z.object({ authorized: z.number(), unauthorized: z.number(), needs_review: z.number() }),
  findings: z.number(),
  byCategory: z.array(categoryTally),
  recurring: auditReportSchema.shape.recurring,
  warnings: z.array(z.string()),
  newDeductions: z.number(),
});

/** An audit report without its rows: what the upload page shows. */
export function summaryOf(
  report: AuditReport,
  newDeductions: number,
): z.infer<typeof statementSummaryBody> {
  const tallies = new Map<
    string,
    z.infer<typeof categoryTally> & { amountFen: number; claimFen: number }
  >();
  const counts = { authorized: 0, unauthorized: 0, needs_review: 0 };
  for (const f of report.findings) {
    counts[f.verdict] += 1;
    const t = tallies.get(f.category) ?? {
      category: f.category,
      count: 0,
      amount: '0.00',
      claim: '0.00',
      authorized: 0,
      unauthorized: 0,
      needs_review: 0,
      amountFen: 0,
      claimFen: 0,
    };
    t.count += 1;
    t[f.verdict] += 1;
    t.amountFen += parseYuanToFen(f.amount) ?? 0;
    t.claimFen += Math.max(0, parseYuanToFen(f.overcharge) ?? 0);
    tallies.set(f.category, t);
  }
  return {
    statements: report.statements,
    claim: report.claim,
    counts,
    findings: report.findings.length,
    byCategory: FINDING_CATEGORIES.flatMap((c) => {
      const t = tallies.get(c);
      if (!t) return [];
      const { amountFen, claimFen, ...rest } = t;
      return [{ ...rest, amount: formatFen(amountFen), claim: formatFen(claimFen) }];
    }),
    recurring: report.recurring,
    warnings: report.warnings.slice(0, 20).map((w) => w.message),
    newDeductions,
  };
}

/** A string as a stream of chunks of at most 64 KiB. */
export function chunked(text: string, size = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
    })(),
  );
}
