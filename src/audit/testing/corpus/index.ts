import { generateLedger, type Ledger, type LedgerContract } from './ledger.js';
import { LAYOUTS as TABLE_AND_MESSAGE_LAYOUTS, type Layout, type Rendered } from './layouts.js';
import { FAMILY_LAYOUTS } from './families.js';
import { RED_TEAM_LAYOUTS } from './redteam.js';
import { computeTruth, yuan, type Truth } from './truth.js';

/**
 * The adversarial corpus: one seeded ledger rendered in every layout, each file with the
 * `<stem>.expected.json` and `<stem>.contract.json` that /work/shared/samples uses, the truth
 * computed by truth.ts (spec §2) over what the layout shows.
 */
export { generateLedger, type Ledger } from './ledger.js';
export { type Layout, type Rendered } from './layouts.js';
export { computeTruth, type Truth, type TrueFinding, type View } from './truth.js';
export { FEE_NAMES, vocabularySize } from './vocabulary.js';

/**
 * Every layout: those of layouts.ts, then the shapes the red team found the audit failing on
 * (redteam.ts, kept in a module of its own), then the families of issue #11 item 6 (families.ts).
 */
export const LAYOUTS: readonly Layout[] = [
  ...TABLE_AND_MESSAGE_LAYOUTS,
  ...RED_TEAM_LAYOUTS,
  ...FAMILY_LAYOUTS,
];

export function layoutNamed(name: string): Layout {
  const layout = LAYOUTS.find((l) => l.name === name);
  if (!layout) throw new Error(`no layout ${name}`);
  return layout;
}

export interface ExpectedFinding {
  file: string;
  row: number;
  sheet?: string;
  page?: number;
  date: string;
  category: string;
  verdict: string;
  overcharge: string;
  amount: string;
  text: string;
}

export interface Expected {
  file: string;
  contract: string | null;
  format: string;
  encoding: string | null;
  sheets?: string[];
  headerRow: number | null;
  records: number;
  period: { from: string; to: string };
  claim: { total: string; currency: 'CNY'; byCategory: Record<string, string> };
  counts: Record<string, number>;
  findings: ExpectedFinding[];
  generator: Record<string, unknown>;
}

/** The contract as `--contract` reads it (yuan, percent). */
export function contractJson(contract: LedgerContract): Record<string, unknown> {
  return {
    provider: contract.provider,
    providerType: contract.providerType,
    merchantId: contract.merchantId,
    signedAt: contract.signedAt,
    rates: contract.rates.map((r) => ({
      cardType: r.cardType,
      percent: r.percentE4 / 10_000,
      ...(r.capFen === undefined ? {} : { capYuan: yuan(r.capFen) }),
    })),
    perTransactionFeeYuan: yuan(contract.perTransactionFen),
    agreedCharges: contract.agreed.map((a) => ({
      category: a.category,
      amountYuan: yuan(a.amountFen),
      every: a.every,
      ...(a.startsAfter === undefined ? {} : { startsAfter: a.startsAfter }),
    })),
  };
}

/** The truth in the report's terms: rows where this layout put them. */
export function expectedFor(
  ledger: Ledger,
  layout: Layout,
  rendered: Rendered,
  stem: string,
  withContract = true,
): Expected {
  const truth: Truth = computeTruth(layout.shows?.(ledger) ?? ledger, layout.view, withContract);
  const file = `${stem}.${layout.ext}`;
  const findings = truth.findings.map((f): ExpectedFinding => {
    const at = rendered.positions.get(f.seq);
    if (!at) throw new Error(`${layout.name}: entry ${f.seq} has no row`);
    return {
      file,
      row: at.row,
      ...(at.sheet === undefined ? {} : { sheet: at.sheet }),
      ...(at.page === undefined ? {} : { page: at.page }),
      date: f.date,
      category: f.category,
      verdict: f.verdict,
      overcharge: yuan(f.overcharge),
      amount: yuan(f.amount),
      text: f.text,
    };
  });
  const sheetOrder = new Map((rendered.sheets ?? []).map((s, i) => [s, i]));
  findings.sort(
    (a, b) =>
      (sheetOrder.get(a.sheet ?? '') ?? 0) - (sheetOrder.get(b.sheet ?? '') ?? 0) ||
      a.row - b.row ||
      a.category.localeCompare(b.category),
  );
  return {
    file,
    contract: withContract ? `${stem}.contract.json` : null,
    format: rendered.format,
    encoding: rendered.encoding,
    ...(rendered.sheets === undefined ? {} : { sheets: rendered.sheets }),
    headerRow: rendered.headerRow,
    records: rendered.records,
    period: { from: ledger.entries[0]?.date ?? '', to: ledger.entries.at(-1)?.date ?? '' },
    claim: {
      total: yuan(truth.claimTotal),
      currency: 'CNY',
      byCategory: Object.fromEntries(
        Object.entries(truth.claimByCategory)
          .filter(([, v]) => v !== 0)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, yuan(v)]),
      ),
    },
    counts: truth.counts,
    findings,
    generator: {
      tool: 'src/audit/testing/corpus',
      seed: ledger.seed,
      layout: layout.name,
      about: layout.about,
      view: layout.view,
      contract: withContract,
      entries: ledger.entries.length,
    },
  };
}

/** Layouts also written as a statement audited without a contract. */
export const WITHOUT_CONTRACT: readonly string[] = [
  'csv-utf8',
  'xlsx-one-sheet',
  'sms-provider-lines',
];

export interface CorpusOptions {
  seed: number;
  /** Entries per ledger (roughly). */
  rows?: number;
  /** Only these layouts (all by default). */
  layouts?: readonly string[];
}

export interface CorpusFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Every layout of the seed's ledger: for each, the statement, its contract and its expected
 * answer, as files to write (the caller writes them: bench/corpus.ts).
 */
export async function renderCorpus(options: CorpusOptions): Promise<CorpusFile[]> {
  const ledger = generateLedger({ seed: options.seed, rows: options.rows ?? 600 });
  const contract = Buffer.from(JSON.stringify(contractJson(ledger.contract), null, 1) + '\n');
  const files: CorpusFile[] = [];
  for (const layout of LAYOUTS) {
    if (options.layouts && !options.layouts.includes(layout.name)) continue;
    const stem = `s${String(options.seed)}-${layout.name}`;
    const rendered = await layout.render(ledger);
    const expected = expectedFor(ledger, layout, rendered, stem);
    files.push(
      { name: expected.file, bytes: rendered.bytes },
      { name: `${stem}.contract.json`, bytes: contract },
      {
        name: `${stem}.expected.json`,
        bytes: Buffer.from(JSON.stringify(expected, null, 1) + '\n'),
      },
    );
    if (WITHOUT_CONTRACT.includes(layout.name)) {
      // the same statement audited without --contract: every deduction for review, claim 0
      const bare = `${stem}-nocontract`;
      const expectedBare = expectedFor(ledger, layout, rendered, bare, false);
      files.push(
        { name: expectedBare.file, bytes: rendered.bytes },
        {
          name: `${bare}.expected.json`,
          bytes: Buffer.from(JSON.stringify(expectedBare, null, 1) + '\n'),
        },
      );
    }
  }
  return files;
}
