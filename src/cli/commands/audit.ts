import path from 'node:path';
import { type Command, Option } from 'commander';
import { auditStatements, type StatementSource } from '../../audit/audit.js';
import { parseContract, type Contract } from '../../audit/contract.js';
import { parseMapOption } from '../../audit/layout/columns.js';
import { compileLexicon, defaultLexicon } from '../../audit/lexicon/lexicon.js';
import { parseSchedules, type FeeSchedule } from '../../audit/schedule.js';
import { FeeGuardError } from '../../errors.js';
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { REPORT_FORMATS, type ReportFormat } from '../../audit/report/formats.js';
import { fileChunks, readJsonFile, requireFile, resolveFrom, writeOutput } from '../files.js';
import type { CliIo } from '../io.js';
import {
  coreToSpare,
  cpuTimes,
  splitOnThread,
  splitThreadMinBytes,
  splitThreadScript,
  whereACoreIsSpare,
} from '../split-thread.js';

interface AuditFlags {
  contract?: string;
  schedule?: string;
  format: ReportFormat;
  out?: string;
  map?: string;
  assumeNoAgreement?: boolean;
  lexicon?: string;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('audit')
    .description('审计对账单：找出每一笔费用扣款，对照合同判断是否经过同意，并算出应追回的金额')
    .argument(
      '<files...>',
      'statement files: .csv/.txt (UTF-8, GB18030 or UTF-16), .xlsx, .xls (also HTML or XML saved as .xls), PDF with text, or pasted SMS text',
    )
    .option(
      '-c, --contract <file>',
      'contract.json: what the merchant agreed to (rates, caps, agreed charges)',
    )
    .option(
      '-s, --schedule <file>',
      "schedule.json: the provider's published fee schedule (one version or an array of versions with their effective dates); the report lists departures from it",
    )
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('table'),
    )
    .option('-o, --out <file>', 'write the report to a file instead of standard output')
    .option(
      '--map <mapping>',
      'name columns yourself: ROLE=HEADER or ROLE=COLUMN_NUMBER, comma-separated (roles: date, amount, inflow, outflow, fee, net, type, description, cardType, reference, direction)',
    )
    .option(
      '--assume-no-agreement',
      'without a contract, treat every fee deduction as not agreed (unauthorized) instead of needs_review',
    )
    .option(
      '--lexicon <file>',
      'use an extended classification lexicon (JSON, same form as src/audit/lexicon/lexicon.json)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  feeguard audit statement.csv --contract contract.json\n  feeguard audit statement.csv --contract contract.json --schedule schedule.json\n  feeguard audit 2024.xlsx 2025.csv -c contract.json --format html --out report.html\n  feeguard audit sms.txt --format json\n\nExit status: 0 when the audit ran (whatever it found), 2 for unusable input or arguments.',
    )
    .action(async (files: string[], flags: AuditFlags) => {
      await runAudit(files, flags, io);
    });
}

async function runAudit(files: string[], flags: AuditFlags, io: CliIo): Promise<void> {
  const paths = files.map((f) => resolveFrom(io.cwd, f));
  for (const p of paths) await requireFile(p, '对账单');
  const sources = await statementSources(paths);
  const contract: Contract | null = flags.contract
    ? parseContract(
        await readJsonFile(resolveFrom(io.cwd, flags.contract), '合同文件', 'FG_ERR_BAD_CONTRACT'),
      )
    : null;
  const schedules = flags.schedule
    ? schedulesFor(
        parseSchedules(
          await readJsonFile(
            resolveFrom(io.cwd, flags.schedule),
            '收费标准文件',
            'FG_ERR_BAD_SCHEDULE',
          ),
        ),
        contract?.provider,
      )
    : undefined;
  const lexicon = flags.lexicon
    ? compileLexicon(
        await readJsonFile(resolveFrom(io.cwd, flags.lexicon), 'lexicon', 'FG_ERR_USAGE'),
      )
    : defaultLexicon();
  const progress = { shown: false };
  const report = await auditStatements(sources, {
    contract,
    assumeNoAgreement: flags.assumeNoAgreement ?? false,
    lexicon,
    today: io.today(),
    ...(schedules === undefined ? {} : { schedules }),
    ...(flags.map === undefined ? {} : { map: parseMapOption(flags.map) }),
    ...(io.interactive
      ? {
          onProgress: ({ file, rows }: { file: string; rows: number }) => {
            progress.shown = true;
            io.stderr.write(`\r审计中 auditing ${file}: ${rows.toLocaleString('en-US')} 行 rows…`);
          },
        }
      : {}),
  });
  if (progress.shown) io.stderr.write('\r\x1b[K');
  // written as it is rendered: a big report is never one string in memory
  // JSON needs none of the other formats' modules (loading them is a twentieth of a second)
  const text =
    flags.format === 'json'
      ? (await import('../../audit/report/json.js')).renderJsonChunks(report)
      : (await import('../../audit/report/render.js')).renderReportChunks(report, flags.format);
  if (flags.out) {
    await writeOutput(resolveFrom(io.cwd, flags.out), text);
    io.stderr.write(
      `已写入 ${flags.out}：应追回 ¥${report.claim.total}，${report.findings.length} 条扣款记录\n`,
    );
  } else {
    for (const piece of text) if (!io.stdout.write(piece)) await once(io.stdout, 'drain');
  }
}

/**
 * The statements to audit. A large file is split into records on a second thread while this one
 * audits (split-thread.ts); the first such thread starts now, loading its code while the
 * contract is read, the others when their file's turn comes.
 */
async function statementSources(paths: readonly string[]): Promise<StatementSource[]> {
  const names = uniqueNames(paths);
  // whether a core is to spare is decided when the records are asked for, from the CPU time the
  // machine left idle until then (split-thread.ts): the thread is started now all the same, and
  // stopped then if it is not to be used
  const since = cpuTimes();
  const script = availableParallelism() > 1 ? splitThreadScript() : null;
  const minBytes = splitThreadMinBytes();
  const sources: StatementSource[] = [];
  for (const [i, p] of paths.entries()) {
    const source = { file: names[i] ?? path.basename(p), chunks: fileChunks(p) };
    if (script === null || (await stat(p)).size < minBytes) {
      sources.push(source);
    } else if (sources.some((s) => s.splitter !== undefined)) {
      // a later file's turn comes after a sample of this audit's own work: the load average decides
      sources.push({
        ...source,
        splitter: (chunks, options, report) =>
          whereACoreIsSpare(splitOnThread(script, p), () => coreToSpare(null))(
            chunks,
            options,
            report,
          ),
      });
    } else {
      const spare = () => coreToSpare(since);
      sources.push({ ...source, splitter: whereACoreIsSpare(splitOnThread(script, p), spare) });
    }
  }
  return sources;
}

/**
 * One provider's versions: a file may hold several providers' schedules, and then the contract's
 * provider says which one applies.
 */
function schedulesFor(versions: FeeSchedule[], provider: string | undefined): FeeSchedule[] {
  const providers = [...new Set(versions.map((v) => v.provider))];
  if (providers.length <= 1) return versions;
  const mine = versions.filter((v) => v.provider === provider);
  if (mine.length > 0) return mine;
  throw new FeeGuardError(
    'FG_ERR_USAGE',
    `收费标准文件包含多家服务商（${providers.join('、')}），无法确定对照哪一家 (schedules of several providers)`,
    {
      hint: 'keep one provider’s versions in the file, or name the provider in the contract (--contract with "provider")',
    },
  );
}

/** Base names, unless two files share one: then enough of the path to tell them apart. */
function uniqueNames(paths: readonly string[]): string[] {
  const base = paths.map((p) => path.basename(p));
  return base.map((b, i) =>
    base.indexOf(b) !== base.lastIndexOf(b) ? path.relative(process.cwd(), paths[i] ?? b) : b,
  );
}
