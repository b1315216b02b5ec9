import type { Classification } from './classify/classify.js';
import { coverDeductions, type Coverage, type Deduction } from './compare/charges.js';
import { createFeeRule, ROUNDING_TOLERANCE_FEN } from './compare/rates.js';
import { createScheduleRateCheck, type ScheduleDeparture } from './compare/schedule.js';
import type { Contract } from './contract.js';
import type {
  Fen,
  FeeCategory,
  FindingCategory,
  IsoDate,
  StatementLine,
  Verdict,
} from './model.js';
import { addDaysIso } from './dates.js';
import { formatFen, percentOf } from './money.js';
import { detach } from './strings.js';
import { detectRecurring, type RecurringCharge } from './recurring.js';
import type { FeeSchedule } from './schedule.js';
import { CATEGORY_NAMES, PERIOD_NAMES } from './words.js';

/**
 * The verdicts (spec §2), applied line by line as a statement streams past. Only findings are
 * kept — ordinary sales, refunds and payouts are counted and forgotten — so memory stays flat
 * however long the statement. Agreed-charge periods need the deductions in date order, and
 * they are few, so those are decided at the end.
 */
export interface AuditFinding {
  seq: number;
  file: string;
  row: number;
  sheet?: string;
  page?: number;
  date: IsoDate;
  category: FindingCategory;
  amount: Fen;
  verdict: Verdict;
  overcharge: Fen;
  text: string;
  reason: string;
  reasonEn: string;
  basis: string;
  reference: string;
  refundable?: boolean;
}

export interface AuditorOptions {
  contract: Contract | null;
  /** Without a contract, treat every fee deduction as not agreed (spec: --assume-no-agreement). */
  assumeNoAgreement: boolean;
  /** The provider's published schedule versions: transaction fees above them are departures. */
  schedules?: readonly FeeSchedule[];
  /**
   * The audit reads one file: no other file can list its records again, so none is looked up
   * (two million record keys held to the end were a tenth of a large audit's time and memory).
   */
  singleFile?: boolean;
}

export interface AuditOutcome {
  findings: AuditFinding[];
  recurring: RecurringCharge[];
  claimTotal: Fen;
  claimByCategory: Partial<Record<FindingCategory, Fen>>;
  counts: Record<Verdict, number>;
  duplicates: { file: string; row: number; sheet?: string; duplicateOf: string }[];
  /** Transaction fees above the published schedule (charges are compared from the findings). */
  rateDepartures: ScheduleDeparture[];
  /** Why claims were held back for review (sanity checks), and notes on card network fees. */
  warnings: { file: string; row?: number; sheet?: string; page?: number; message: string }[];
}

/**
 * Sanity checks before a claim is final: an `unauthorized` deduction larger than the largest sale
 * of its statement, or than this share of the statement's turnover, is more likely a payout or a
 * misread row than a fee, and becomes `needs_review`.
 */
export const TURNOVER_SHARE_PERCENT = 20;
/**
 * Below this amount the two checks above do not apply: the usual fees (SIM 36–99 元, service
 * 19–59 元, a 299 元 deposit) can exceed a small shop's largest sale, and a payout is far larger.
 */
export const SANITY_FLOOR_FEN = 30_000;
/** … nor one more than this many times the median of its kind in its statement (with 3 or more). */
export const USUAL_MULTIPLE = 10;
/** The card network fee of the 2016 reform is capped at 6.50 yuan a transaction. */
export const NETWORK_FEE_CAP_FEN = 650;
/** … and at most 0.065 % of the sale (in micro-percent, as contract rates are kept). */
export const NETWORK_FEE_MICRO_PERCENT = 65_000;
/** A fee reversal cancels a deduction of the same category and amount up to this many days before. */
export const REVERSAL_WINDOW_DAYS = 92;
/** Files told apart in one packed count of {@link Auditor.firstTime} (more files use an array). */
const MAX_FILES = 1024;
/**
 * Two exports of one account evidently overlap when, on the days both list, at least half the
 * days list the same records (same count and amounts) — at least this many days …
 */
export const OVERLAP_MIN_DAYS = 2;
/** … holding at least this many records between them. Two terminals' files share no such days. */
export const OVERLAP_MIN_RECORDS = 6;

/** One day's records of one file, summed so that two files' days can be compared. */
interface DayDigest {
  count: number;
  amount: Fen;
  hash: number;
}

/** A line of a multi-file audit that made findings (sequence numbers `from` … `to` − 1). */
interface Mark {
  file: string;
  row: number;
  sheet?: string;
  date: IsoDate;
  amount: Fen;
  fee: Fen | null;
  net: Fen | null;
  reference: string;
  from: number;
  to: number;
}

/** What one statement file showed: its sales, and the money it paid out since the last payout. */
interface FileTally {
  largestSale: Fen;
  turnover: Fen;
  sales: number;
  /** Settled amounts accumulated since the previous payout. */
  sincePayout: Fen;
  /** Transaction fees of the sales since the previous payout. */
  feesSincePayout: Fen;
  /** The last sale, for a network fee row that follows it: date, amount, fee, expected fee (-1: none), fen already claimed. */
  lastSaleDate: IsoDate;
  lastSaleAmount: Fen;
  lastSaleFee: Fen;
  lastSaleExpected: Fen;
  lastSaleClaimed: Fen;
  /** The last sale's row, and its fee at the contracted rate whether or not it shows a fee (-1: no rate). */
  lastSaleRow: number;
  lastSaleSheet: string | undefined;
  lastSaleRateFee: Fen;
  feesTaken: Fen;
  /** The previous line's date, and how often the date went up or down from one line to the next. */
  lastDate: IsoDate;
  ascents: number;
  descents: number;
  networkFees: { count: number; total: Fen; row: number; sheet?: string };
  /** Fee rows printed as money out, and as money in (a zero amount counts as neither). */
  feesOut: number;
  feesIn: number;
  /** Card fees of single sales printed on rows of their own (交易服务费), checked with their sale. */
  saleFees: { count: number; total: Fen; row: number; sheet?: string };
  /**
   * Sales with a fee and a settled amount, and those of them that settled more than the sale less
   * its fee, but not the sale itself — which no acquirer pays: on most rows, a sign the columns
   * were read wrong.
   */
  settledSales: number;
  overpaidSales: number;
}

/** Sales with a fee and a settled amount a statement needs before its arithmetic can doubt its columns. */
const MIN_SALES_FOR_ARITHMETIC = 10;

/** A sale's card fee on its own row is at most this share of the sale (in percent): larger is no card fee. */
const SALE_FEE_MAX_PERCENT = 5;

interface PendingDeduction extends Deduction {
  /** Its verdict and reason are filled in by `finish`. */
  finding: AuditFinding;
}

type Decision = Pick<AuditFinding, 'verdict' | 'overcharge' | 'reason' | 'reasonEn'>;
const UNDECIDED: Decision = { verdict: 'needs_review', overcharge: 0, reason: '', reasonEn: '' };

const name = (c: FindingCategory) => CATEGORY_NAMES[c];

/** `an instant-settlement fee`, `a service fee`. */
const withArticle = (en: string) => `${/^[aeiou]/iu.test(en) ? 'an' : 'a'} ${en}`;

export class Auditor {
  private readonly options: AuditorOptions;
  private readonly decided: AuditFinding[] = [];
  private readonly pending: PendingDeduction[] = [];
  /** Days' totals whose text names a fee but show no payout to tell how much it was. */
  private readonly dailyNamed: StatementLine[] = [];
  /**
   * How often each record key was seen, per file: a key seen in one file only (nearly all) holds
   * `count * MAX_FILES + file` as one number; pairs of file and count once a second file has it.
   * One nested map per key cost 30 MB on a statement with 90,000 findings.
   */
  private readonly seen = new Map<string, number | number[]>();
  private readonly fileIndex = new Map<string, number>();
  private readonly fileNames: string[] = [];
  private readonly duplicates: AuditOutcome['duplicates'] = [];
  /** Multi-file audits: each file's days, the lines that made findings, and notice files (SMS). */
  private readonly days = new Map<string, Map<IsoDate, DayDigest>>();
  private readonly marks: Mark[] = [];
  private readonly notices = new Set<string>();
  private readonly rateDepartures: ScheduleDeparture[] = [];
  private readonly tallies = new Map<string, FileTally>();
  private tallyFile = '';
  private tally: FileTally = newTally();
  private readonly reversals: {
    date: IsoDate;
    category: FeeCategory;
    amount: Fen;
    file: string;
    row: number;
  }[] = [];
  private seq = 0;
  /** Deductions whose row printed its money as coming in (see {@link Auditor.againstTheSign}). */
  private readonly moneyIn = new Set<number>();
  /** Files whose every table prints which way its money went (a sign, 借/贷, 收入/支出). */
  private readonly printedSigns = new Map<string, boolean>();

  /**
   * Says whether a table of `file` prints which way each row's money went; a sign the reader
   * had to infer (from a balance, or a sheet on its side) cannot single out a row.
   */
  signsPrinted(file: string, printed: boolean, balance = false): void {
    this.printedSigns.set(file, printed && this.printedSigns.get(file) !== false);
    if (balance) this.balanced.add(file);
  }

  /** Files with a table that has a running balance: its arithmetic, not a type, says which way. */
  private readonly balanced = new Set<string>();

  private readonly feeRule: ((amount: Fen, card: StatementLine['cardType']) => Fen | null) | null;

  constructor(options: AuditorOptions) {
    this.options = options;
    this.feeRule = options.contract ? createFeeRule(options.contract) : null;
    this.scheduleRate =
      options.schedules && options.schedules.length > 0
        ? createScheduleRateCheck(options.schedules)
        : null;
  }

  private readonly scheduleRate: ReturnType<typeof createScheduleRateCheck> | null;

  private tallyOf(file: string): FileTally {
    if (file !== this.tallyFile) {
      let t = this.tallies.get(file);
      if (t === undefined) {
        t = newTally();
        this.tallies.set(file, t);
      }
      this.tallyFile = file;
      this.tally = t;
    }
    return this.tally;
  }

  add(line: StatementLine, classification: Classification): void {
    if (this.options.singleFile === true) {
      if (line.pending) this.addPending(line, classification);
      else this.addLine(line, classification);
      return;
    }
    if (!this.notices.has(line.file)) this.noteDay(line);
    const from = this.seq;
    if (line.pending) this.addPending(line, classification);
    else this.addLine(line, classification);
    if (this.seq === from) return;
    const mark: Mark = {
      file: line.file,
      row: line.row,
      date: line.date,
      amount: line.amount,
      fee: line.fee,
      net: line.net,
      reference: line.reference,
      from,
      to: this.seq,
    };
    if (line.sheet !== undefined) mark.sheet = line.sheet;
    this.marks.push(mark);
  }

  /**
   * Says that `file` is notices (SMS, app messages) of deductions, not a statement table: a notice
   * of a deduction that a table of the same audit lists is that deduction, claimed once.
   */
  noticeFile(file: string): void {
    this.notices.add(file);
  }

  /** The day {@link Auditor.noteDay} added to last: lines come a day at a time. */
  private day: DayDigest | null = null;
  private dayFile = '';
  private dayDate = '';

  private noteDay(line: StatementLine): void {
    let day = this.day;
    if (day === null || line.date !== this.dayDate || line.file !== this.dayFile) {
      let days = this.days.get(line.file);
      if (days === undefined) {
        days = new Map();
        this.days.set(line.file, days);
      }
      day = days.get(line.date) ?? null;
      if (day === null) {
        day = { count: 0, amount: 0, hash: 0 };
        days.set(line.date, day);
      }
      this.day = day;
      this.dayFile = line.file;
      this.dayDate = line.date;
    }
    day.count += 1;
    day.amount += line.amount;
    day.hash = (day.hash + Math.imul((line.amount % 1_000_000_007) | 0, 0x9e3779b1)) >>> 0;
  }

  /**
   * Pairs of table files (`a\u0000b`, both orders) that are two exports of one account over a
   * shared time: on the days both list, enough of the days list the very same records.
   */
  private overlappingFiles(): Set<string> {
    const pairs = new Set<string>();
    const files = [...this.days.keys()];
    for (let i = 0; i < files.length; i++)
      for (let j = i + 1; j < files.length; j++) {
        const a = this.days.get(files[i] ?? '');
        const b = this.days.get(files[j] ?? '');
        if (a === undefined || b === undefined) continue;
        let shared = 0;
        let same = 0;
        let records = 0;
        for (const [date, x] of a) {
          const y = b.get(date);
          if (y === undefined) continue;
          shared += 1;
          if (x.count === y.count && x.amount === y.amount && x.hash === y.hash) {
            same += 1;
            records += x.count;
          }
        }
        if (same >= OVERLAP_MIN_DAYS && records >= OVERLAP_MIN_RECORDS && same * 2 >= shared) {
          pairs.add(`${files[i] ?? ''}\u0000${files[j] ?? ''}`);
          pairs.add(`${files[j] ?? ''}\u0000${files[i] ?? ''}`);
        }
      }
    return pairs;
  }

  /**
   * Copies of one record in several files of an audit, found at the end, when every file is read
   * (the record key of {@link Auditor.firstTime} needs the same reference, or the same words):
   * - two exports that evidently overlap (app and web portal) list a record with the same date,
   *   amount, fee and net — the fields both carry, not their wording, nor a reference one lacks;
   * - a notice (SMS) of a deduction that a table lists on the same date, with the same amount
   *   and category, is that deduction.
   * The copy read later (the notice's, always) is dropped, with a warning, before agreed-charge
   * periods are counted; a claim once is safer than an accusation twice.
   */
  private dropCopies(): void {
    if (this.marks.length === 0) return;
    const dropped = new Set<number>();
    const noted = (m: Mark, of: string) =>
      this.duplicates.push({
        file: m.file,
        row: m.row,
        ...(m.sheet === undefined ? {} : { sheet: m.sheet }),
        duplicateOf: of,
      });
    const overlap = this.overlappingFiles();
    if (overlap.size > 0) {
      const byAmount = new Map<string, Mark[]>();
      const matched = new Set<Mark>();
      const same = (x: Fen | null, y: Fen | null) => x === null || y === null || x === y;
      for (const m of this.marks) {
        if (this.notices.has(m.file)) continue;
        const key = `${m.date}|${String(m.amount)}`;
        const list = byAmount.get(key);
        const twin = list?.find(
          (o) =>
            o.file !== m.file &&
            !matched.has(o) &&
            overlap.has(`${o.file}\u0000${m.file}`) &&
            same(o.fee, m.fee) &&
            same(o.net, m.net) &&
            (o.reference === '' || m.reference === '' || o.reference === m.reference),
        );
        if (twin !== undefined) {
          matched.add(twin);
          for (let s = m.from; s < m.to; s++) dropped.add(s);
          noted(m, twin.file);
        } else if (list === undefined) byAmount.set(key, [m]);
        else list.push(m);
      }
    }
    if (this.notices.size > 0) {
      const bySeq = new Map<number, AuditFinding>();
      for (const f of this.decided) bySeq.set(f.seq, f);
      for (const p of this.pending) bySeq.set(p.seq, p.finding);
      const deduction = (f: AuditFinding) => `${f.date}|${f.category}|${String(f.amount)}`;
      const listed = new Map<string, AuditFinding[]>();
      for (const f of bySeq.values()) {
        if (this.notices.has(f.file) || dropped.has(f.seq)) continue;
        const list = listed.get(deduction(f));
        if (list === undefined) listed.set(deduction(f), [f]);
        else list.push(f);
      }
      for (const m of this.marks) {
        if (!this.notices.has(m.file)) continue;
        let of: string | null = null;
        for (let s = m.from; s < m.to; s++) {
          const f = bySeq.get(s);
          const twin = f === undefined ? undefined : listed.get(deduction(f))?.pop();
          if (twin === undefined) continue;
          dropped.add(s);
          of = twin.file;
        }
        if (of !== null) noted(m, of);
      }
    }
    // a reversal listed twice is one reversal too: its copy would note an older deduction
    const reversalFiles = new Map<string, string[]>();
    const reversals = this.reversals.filter((r) => {
      const key = `${r.date}|${r.category}|${String(r.amount)}`;
      const files = reversalFiles.get(key);
      if (files === undefined) {
        reversalFiles.set(key, [r.file]);
        return true;
      }
      const copy = files.some(
        (o) =>
          o !== r.file &&
          (this.notices.has(r.file) || this.notices.has(o) || overlap.has(`${o}\u0000${r.file}`)),
      );
      if (!copy) files.push(r.file);
      return !copy;
    });
    this.reversals.length = 0;
    this.reversals.push(...reversals);
    if (dropped.size === 0) return;
    const keep = (list: { seq: number }[]) => {
      let n = 0;
      for (const x of list) if (!dropped.has(x.seq)) list[n++] = x;
      list.length = n;
    };
    keep(this.decided);
    keep(this.pending);
    keep(this.rateDepartures);
    for (const seq of dropped) this.moneyIn.delete(seq);
  }

  /**
   * A record whose status says it is still being processed (处理中): read as any other (a payout
   * still ends the run of sales it settles), but whether its money moved is not known yet, so
   * nothing it shows is claimed — what would have been is to review — and a deduction of it does
   * not use up an agreed charge's period.
   */
  private addPending(line: StatementLine, classification: Classification): void {
    const decided = this.decided.length;
    const undecided = this.pending.length;
    this.addLine(line, classification);
    const review: Decision = {
      verdict: 'needs_review',
      overcharge: 0,
      reason: '这一笔的状态为“处理中”，钱是否已扣尚不确定，需核实',
      reasonEn: 'The record is still being processed: whether the money was taken is not known yet',
    };
    for (let i = decided; i < this.decided.length; i++) {
      const f = this.decided[i];
      if (f?.verdict === 'unauthorized') Object.assign(f, review);
    }
    for (const p of this.pending.splice(undecided)) this.decided.push({ ...p.finding, ...review });
  }

  private addLine(line: StatementLine, classification: Classification): void {
    const tally = this.tallyOf(line.file);
    if (line.date !== tally.lastDate) {
      if (tally.lastDate !== '') {
        if (line.date > tally.lastDate) tally.ascents += 1;
        else tally.descents += 1;
      }
      tally.lastDate = line.date;
    }
    if (line.extraFees) this.addExtraFees(line, classification);
    switch (classification.kind) {
      case 'transaction':
        if (line.amount > 0) {
          tally.sales += 1;
          tally.turnover += line.amount;
          if (line.amount > tally.largestSale) tally.largestSale = line.amount;
          tally.sincePayout += line.net ?? line.amount - (line.fee ?? 0) - extraTotal(line);
          tally.feesSincePayout += Math.max(0, line.fee ?? 0);
          tally.feesTaken += Math.max(0, line.fee ?? 0);
          if (line.net !== null)
            tally.feesTaken += Math.max(0, line.amount - (line.fee ?? 0) - line.net);
        }
        this.addTransaction(line, classification);
        return;
      case 'fee': {
        // a charge printed in the fee column of a row whose amount is 0.00 (流量费 | 0.00 | 36.00 |
        // -36.00): the fee column is the money taken
        const amount =
          line.amount === 0 &&
          line.fee !== null &&
          (line.net === null || Math.abs(line.net) === Math.abs(line.fee))
            ? Math.abs(line.fee)
            : Math.abs(line.amount);
        if (amount === 0) return;
        // a day's totals that name a fee (已扣收流量费): its amount is the day's turnover, not the
        // fee, and without a payout to compare nothing says how much was taken
        if (line.daily && line.amount > 0) {
          this.dailyNamed.push(line);
          return;
        }
        const category = classification.category ?? 'other_deduction';
        // money that equals what was settled since the last payout is that payout, whatever its words
        if (
          (category === 'instant_settlement_fee' || category === 'other_deduction') &&
          tally.sales > 0 &&
          tally.sincePayout > NETWORK_FEE_CAP_FEN &&
          Math.abs(amount - tally.sincePayout) <= ROUNDING_TOLERANCE_FEN
        ) {
          tally.sincePayout = 0;
          tally.feesSincePayout = 0;
          return;
        }
        if (!this.firstTime(line)) return;
        tally.feesTaken += amount;
        if (line.amount < 0) tally.feesOut += 1;
        else if (line.amount > 0) tally.feesIn += 1;
        const network = classification.network;
        // the card network fee (2016 reform) is part of the card fee: up to its cap it is no finding
        if (
          (network === 'card' && amount <= NETWORK_FEE_CAP_FEN) ||
          (network === 'ambiguous' && amount <= NETWORK_FEE_CAP_FEN && amount % 100 !== 0)
        ) {
          if (this.networkFeeAboveRate(line, amount, classification.basis)) return;
          const n = tally.networkFees;
          if (n.count === 0) {
            n.row = line.row;
            if (line.sheet !== undefined) n.sheet = line.sheet;
          }
          n.count += 1;
          n.total += amount;
          return;
        }
        if (classification.saleFee && this.saleFeeOfLastSale(line, amount, classification.basis))
          return;
        // A whole-yuan 品牌服务费 above the network fee's cap, named without 银联/网络, is the
        // provider's own periodic "brand service" charge (e.g. 39 元 a month), not the card fee.
        const text = line.description || line.type;
        if (
          network === 'card' &&
          amount % 100 === 0 &&
          /品牌服务费/u.test(text) &&
          !/银联|网络|转接|清算|卡组织/u.test(text)
        ) {
          this.addDeduction(line, 'service_fee', amount, text, classification.basis);
          return;
        }
        if (classification.evidence === 'weak' || network === 'card') {
          this.decided.push(
            this.finding(
              line,
              category,
              amount,
              line.description || line.type,
              classification.basis,
              {
                verdict: 'needs_review',
                overcharge: 0,
                reason:
                  network === 'card'
                    ? `银联网络服务费（品牌服务费）是刷卡手续费的一部分，单笔最高 6.50 元，本笔 ${formatFen(amount)} 元超出，需核实`
                    : (classification.weakReason ?? '扣款名称不够明确，需向服务商核实'),
                reasonEn:
                  network === 'card'
                    ? 'A card network service fee above its 6.50 cap per transaction: check it'
                    : 'The name does not say clearly which fee this is: ask the provider',
              },
            ),
          );
          return;
        }
        // a charge row printed as money in: its finding is the next one made — unless its type
        // says it is a deduction (扣费) of a charge it names, and no balance says otherwise
        if (
          line.amount > 0 &&
          !(classification.deductionType === true && !this.balanced.has(line.file))
        )
          this.moneyIn.add(this.seq);
        this.addDeduction(
          line,
          category,
          amount,
          line.description || line.type,
          classification.basis,
        );
        return;
      }
      case 'settlement': {
        const fee = line.fee ?? 0;
        const salesFees = tally.feesSincePayout;
        tally.sincePayout = 0;
        tally.feesSincePayout = 0;
        // a day's settlement totals: its fee is the day's card fees, no charge of the payout
        if (line.daily) return;
        // a payout's fee column that only repeats the fees of the sales it settles is no charge
        if (fee <= 0 || Math.abs(fee - salesFees) <= ROUNDING_TOLERANCE_FEN) return;
        if (!this.firstTime(line)) return;
        // the fee column of a payout named after its speed (秒到提现, D0出款) is the speed's fee
        if (classification.speed) {
          tally.feesTaken += fee;
          this.addDeduction(
            line,
            'instant_settlement_fee',
            fee,
            line.description || line.type,
            `${classification.basis}；手续费栏 ${formatFen(fee)} 元是这笔出款的到账加速费`,
          );
          return;
        }
        // a plain payout with a fee of its own, when its sales already paid theirs: to review
        if (salesFees > 0) {
          tally.feesTaken += fee;
          this.decided.push(
            this.finding(
              line,
              'instant_settlement_fee',
              fee,
              line.description || line.type,
              `${classification.basis}；手续费栏 ${formatFen(fee)} 元，而各笔收款已另扣手续费 ${formatFen(salesFees)} 元`,
              {
                verdict: 'needs_review',
                overcharge: 0,
                reason: `这笔结算出款另收了 ${formatFen(fee)} 元手续费，而各笔收款已经扣过手续费，可能是提现/秒到费，需核实`,
                reasonEn: `The payout carries a fee of ${formatFen(fee)} although its sales already paid theirs: possibly a withdrawal fee, check it`,
              },
            ),
          );
        }
        return;
      }
      case 'refund':
        if (line.amount < 0) tally.sincePayout += line.amount;
        return;
      case 'credit':
        if (classification.reverses && line.amount !== 0) {
          this.reversals.push({
            date: line.date,
            category: classification.reverses,
            amount: Math.abs(line.amount),
            file: line.file,
            row: line.row,
          });
        }
        return;
      case 'other':
        return;
    }
  }

  /**
   * Two exports that overlap in time list the same records; a deduction must not be claimed
   * twice. A record counts as seen when another file already had as many of the same key.
   */
  private firstTime(line: StatementLine): boolean {
    if (this.options.singleFile === true) return true;
    const key = detach(
      line.reference !== ''
        ? `ref|${line.reference}|${line.amount}`
        : `${line.date}|${line.amount}|${line.fee ?? ''}|${line.net ?? ''}|${line.type}|${line.description}`,
    );
    let file = this.fileIndex.get(line.file);
    if (file === undefined) {
      file = this.fileNames.length;
      this.fileIndex.set(line.file, file);
      this.fileNames.push(line.file);
    }
    const was = this.seen.get(key);
    if (was === undefined && file < MAX_FILES) {
      this.seen.set(key, MAX_FILES + file);
      return true;
    }
    if (typeof was === 'number' && was % MAX_FILES === file) {
      this.seen.set(key, was + MAX_FILES);
      return true;
    }
    // file, count, file, count …, in the order the files first had the key
    const counts =
      was === undefined
        ? []
        : typeof was === 'number'
          ? [was % MAX_FILES, Math.floor(was / MAX_FILES)]
          : was;
    this.seen.set(key, counts);
    let at = 0;
    while (at < counts.length && counts[at] !== file) at += 2;
    if (at === counts.length) counts.push(file, 0);
    const mine = (counts[at + 1] ?? 0) + 1;
    counts[at + 1] = mine;
    let otherFile: string | null = null;
    for (let i = 0; i < counts.length; i += 2) {
      if (counts[i] !== file && (counts[i + 1] ?? 0) >= mine)
        otherFile = this.fileNames[counts[i] ?? 0] ?? null;
    }
    if (otherFile === null) return true;
    this.duplicates.push({
      file: line.file,
      row: line.row,
      ...(line.sheet === undefined ? {} : { sheet: line.sheet }),
      duplicateOf: otherFile,
    });
    return false;
  }

  /**
   * A finding built property by property in one fixed order: object spreads here (`{ ...base,
   * verdict }`) took 30 µs a finding once their shapes varied, a third of a large audit's time.
   */
  private finding(
    line: StatementLine,
    category: FindingCategory,
    amount: Fen,
    text: string,
    basis: string,
    decision: Decision,
  ): AuditFinding {
    const finding: AuditFinding = {
      seq: this.seq++,
      file: line.file,
      row: line.row,
      date: detach(line.date),
      category,
      amount,
      verdict: decision.verdict,
      overcharge: decision.overcharge,
      text: detach(text),
      reason: decision.reason,
      reasonEn: decision.reasonEn,
      basis,
      reference: detach(line.reference),
    };
    if (line.sheet !== undefined) finding.sheet = line.sheet;
    if (line.page !== undefined) finding.page = line.page;
    return finding;
  }

  private addTransaction(line: StatementLine, classification: Classification): void {
    if (line.amount <= 0) return;
    // A sale with a payout but no fee printed (交易金额 and 商户实收, no 手续费 column): what the
    // payout lacks is the fee — a statement of such rows keeps net/amount at one ratio, the rate.
    // It is checked against the contract like a printed fee; it is no shortfall by itself.
    const implied =
      line.fee === null && line.net !== null && line.net <= line.amount
        ? line.amount - line.net
        : null;
    if (implied !== null && classification.namedCategory) {
      this.addImpliedDeduction(line, classification, implied);
      return;
    }
    const fee = line.fee ?? implied ?? 0;
    // the common case — fee as agreed, payout complete — allocates nothing; a day's fee is a sum
    // of fees each rounded and capped on its own sale, so no rate is checked on it
    const expected =
      this.feeRule && !line.daily && (line.fee !== null || implied !== null)
        ? this.feeRule(line.amount, line.cardType)
        : null;
    const over = expected === null ? 0 : fee - expected;
    const hidden =
      line.net === null || implied !== null ? 0 : line.amount - fee - extraTotal(line) - line.net;
    const rateFinding = expected !== null && over > ROUNDING_TOLERANCE_FEN;
    const hiddenFinding = hidden > ROUNDING_TOLERANCE_FEN;
    const tally = this.tally;
    if (line.fee !== null && line.net !== null && !line.daily) {
      tally.settledSales += 1;
      // (a settled column that is the sale itself, fee not taken off, is a layout, not a misreading)
      if (
        hidden < -ROUNDING_TOLERANCE_FEN &&
        Math.abs(line.net - line.amount) > ROUNDING_TOLERANCE_FEN
      )
        tally.overpaidSales += 1;
    }
    tally.lastSaleDate = line.date;
    tally.lastSaleAmount = line.amount;
    tally.lastSaleFee = fee;
    tally.lastSaleExpected = expected ?? -1;
    tally.lastSaleClaimed = rateFinding ? over : 0;
    tally.lastSaleRow = line.row;
    tally.lastSaleSheet = line.sheet;
    tally.lastSaleRateFee =
      expected ??
      (this.feeRule && !line.daily ? this.feeRule(line.amount, line.cardType) : null) ??
      -1;
    const departure =
      this.scheduleRate && line.fee !== null && !line.daily
        ? this.scheduleRate({
            date: line.date,
            amount: line.amount,
            fee,
            cardType: line.cardType,
          })
        : null;
    if (!rateFinding && !hiddenFinding && !departure) return;
    if (!this.firstTime(line)) return;
    if (departure) {
      this.rateDepartures.push({
        seq: this.seq++,
        kind: 'rate_above',
        file: line.file,
        row: line.row,
        ...(line.sheet === undefined ? {} : { sheet: line.sheet }),
        ...(line.page === undefined ? {} : { page: line.page }),
        date: detach(line.date),
        category: 'rate_overcharge',
        provider: departure.version.provider,
        scheduleVersion: departure.version.version,
        scheduleEffectiveFrom: departure.version.effectiveFrom,
        scheduled: `${departure.scheduled}；交易 ${formatFen(line.amount)} 元应收 ${formatFen(departure.allowed)} 元`,
        scheduledEn: `${departure.scheduledEn}; ${formatFen(departure.allowed)} on a ${formatFen(line.amount)} transaction`,
        taken: fee,
        allowed: departure.allowed,
        difference: fee - departure.allowed,
      });
    }
    if (rateFinding) {
      this.decided.push(
        this.finding(
          line,
          'rate_overcharge',
          fee,
          line.description,
          `交易金额 ${formatFen(line.amount)} 元，卡类型 ${cardName(line.cardType)}`,
          {
            verdict: 'unauthorized',
            overcharge: over,
            reason:
              implied === null
                ? `手续费 ${formatFen(fee)} 元，按合同费率应为 ${formatFen(expected)} 元，多收 ${formatFen(over)} 元`
                : `对账单未列手续费；交易 ${formatFen(line.amount)} 元实收 ${formatFen(line.net ?? 0)} 元，实扣 ${formatFen(fee)} 元，按合同费率应为 ${formatFen(expected)} 元，多收 ${formatFen(over)} 元`,
            reasonEn:
              implied === null
                ? `Fee ${formatFen(fee)} where the contract allows ${formatFen(expected)}: ${formatFen(over)} too much`
                : `No fee printed: ${formatFen(fee)} kept from a sale of ${formatFen(line.amount)} where the contract allows ${formatFen(expected)}: ${formatFen(over)} too much`,
          },
        ),
      );
    }
    if (!hiddenFinding) return;
    if (classification.namedCategory) {
      this.addDeduction(
        line,
        classification.namedCategory,
        hidden,
        line.description,
        `${classification.basis}；结算金额比交易金额减手续费少 ${formatFen(hidden)} 元`,
      );
      return;
    }
    const contract = this.options.contract;
    const verdict: Verdict = contract ? 'unauthorized' : 'needs_review';
    this.decided.push(
      this.finding(
        line,
        'settlement_shortfall',
        hidden,
        line.description,
        `交易 ${formatFen(line.amount)} − 手续费 ${formatFen(fee)} ≠ 结算 ${formatFen(line.net ?? 0)}`,
        {
          verdict,
          overcharge: verdict === 'unauthorized' ? hidden : 0,
          reason: contract
            ? `结算金额比“交易金额−手续费”少 ${formatFen(hidden)} 元，未说明原因`
            : `结算金额比“交易金额−手续费”少 ${formatFen(hidden)} 元，未说明原因；未提供合同，需核实`,
          reasonEn: `Paid out ${formatFen(hidden)} less than amount minus fee, with no fee named`,
        },
      ),
    );
  }

  /**
   * A sale without a printed fee whose text names a fee (含流量费): what its payout lacks is the
   * card fee and that fee together. Only the part above the contract's card fee is the named fee;
   * without a contract the two cannot be told apart, so the row is reviewed, never claimed.
   */
  private addImpliedDeduction(
    line: StatementLine,
    classification: Classification,
    implied: Fen,
  ): void {
    const category = classification.namedCategory;
    if (category === undefined) return;
    const expected = this.feeRule ? this.feeRule(line.amount, line.cardType) : null;
    const basis = `${classification.basis}；对账单未列手续费，交易 ${formatFen(line.amount)} 元实收 ${formatFen(line.net ?? 0)} 元`;
    if (expected !== null) {
      const named = implied - expected;
      if (named <= ROUNDING_TOLERANCE_FEN || !this.firstTime(line)) return;
      this.addDeduction(
        line,
        category,
        named,
        line.description,
        `${basis}，按合同费率手续费应为 ${formatFen(expected)} 元，其余 ${formatFen(named)} 元`,
      );
      return;
    }
    if (implied <= ROUNDING_TOLERANCE_FEN || !this.firstTime(line)) return;
    this.decided.push(
      this.finding(line, category, implied, line.description, basis, {
        verdict: 'needs_review',
        overcharge: 0,
        reason: `对账单未列手续费，少付的 ${formatFen(implied)} 元含刷卡手续费和${name(category).zh}；未提供合同，无法分开，请核对`,
        reasonEn: `No fee printed: the ${formatFen(implied)} kept includes the card fee and ${withArticle(name(category).en)}; without a contract they cannot be told apart`,
      }),
    );
  }

  /**
   * Charges in fee columns of their own (服务费, 流量费 beside 手续费; 垫资费 on a D0提现 row): each
   * one taken is a deduction of its column's category, whatever the row is — a payout is never a
   * fee itself, but a fee printed on it is. On a row that is itself a charge, a column repeating
   * that charge (the same money, or its category) is the row's own charge, not a second one.
   */
  private addExtraFees(line: StatementLine, classification: Classification): void {
    const taken = (line.extraFees ?? []).filter(
      (x) =>
        x.fee > 0 &&
        !(
          classification.kind === 'fee' &&
          (x.fee === Math.abs(line.amount) ||
            (line.fee !== null && x.fee === Math.abs(line.fee)) ||
            x.category === classification.category)
        ),
    );
    if (taken.length === 0 || !this.firstTime(line)) return;
    for (const x of taken) {
      this.tally.feesTaken += x.fee;
      this.addDeduction(
        line,
        x.category,
        x.fee,
        x.header,
        `${classification.basis}；${x.header}栏 ${formatFen(x.fee)} 元`,
      );
    }
  }

  private addDeduction(
    line: StatementLine,
    category: FeeCategory,
    amount: Fen,
    text: string,
    basis: string,
  ): void {
    const { contract, assumeNoAgreement } = this.options;
    if (category === 'other_deduction') {
      this.decided.push(
        this.finding(line, category, amount, text, basis, {
          verdict: 'needs_review',
          overcharge: 0,
          reason: '扣款原因不明，需向服务商核实用途',
          reasonEn: 'Money taken for no stated reason: ask the provider what it was for',
        }),
      );
      return;
    }
    if (!contract) {
      this.decided.push(
        this.finding(
          line,
          category,
          amount,
          text,
          basis,
          assumeNoAgreement
            ? {
                verdict: 'unauthorized',
                overcharge: amount,
                reason: `按未约定处理：扣取${name(category).zh}`,
                reasonEn: `Treated as not agreed: ${name(category).en}`,
              }
            : {
                verdict: 'needs_review',
                overcharge: 0,
                reason: `未提供合同，无法判断是否约定了${name(category).zh}，请核对`,
                reasonEn: `No contract given: check whether ${withArticle(name(category).en)} was agreed`,
              },
        ),
      );
      return;
    }
    // judged in `finish`, once every deduction of the period is known
    const finding = this.finding(line, category, amount, text, basis, UNDECIDED);
    this.pending.push({ seq: finding.seq, date: line.date, category, amount, finding });
  }

  /**
   * A network fee row that belongs to the sale just before it (same day, 0.065 % of its amount,
   * capped at 6.50) is part of that sale's card fee: when the two together exceed the contracted
   * fee, the excess is a `rate_overcharge` — the merchant agreed to one price for a card payment.
   */
  private networkFeeAboveRate(line: StatementLine, amount: Fen, basis: string): boolean {
    const t = this.tally;
    if (t.lastSaleExpected < 0 || t.lastSaleDate !== line.date) return false;
    const share = percentOf(t.lastSaleAmount, NETWORK_FEE_MICRO_PERCENT, NETWORK_FEE_CAP_FEN);
    if (Math.abs(share - amount) > ROUNDING_TOLERANCE_FEN) return false;
    const over = t.lastSaleFee + amount - t.lastSaleExpected - t.lastSaleClaimed;
    if (over <= ROUNDING_TOLERANCE_FEN) return false;
    t.lastSaleClaimed += over;
    this.decided.push(
      this.finding(
        line,
        'rate_overcharge',
        amount,
        line.description || line.type,
        `${basis}；前一笔交易 ${formatFen(t.lastSaleAmount)} 元，手续费 ${formatFen(t.lastSaleFee)} 元`,
        {
          verdict: 'unauthorized',
          overcharge: over,
          reason: `前一笔交易 ${formatFen(t.lastSaleAmount)} 元已收手续费 ${formatFen(t.lastSaleFee)} 元，又另扣网络服务费 ${formatFen(amount)} 元，合计超过合同费率应收的 ${formatFen(t.lastSaleExpected)} 元，多收 ${formatFen(over)} 元`,
          reasonEn: `A network fee of ${formatFen(amount)} on top of the fee of ${formatFen(t.lastSaleFee)}: together ${formatFen(over)} above the ${formatFen(t.lastSaleExpected)} the contract allows`,
        },
      ),
    );
    return true;
  }

  /**
   * A sale's card fee on a row of its own (支付宝 prints 交易服务费[订单号] under each sale) is that
   * sale's transaction fee, not a 服务费: when the row comes right after its sale, on the same day,
   * and is a card fee's size (at most 5 % of the sale), it is checked against the contracted fee of
   * that sale — the excess is a `rate_overcharge` — and is otherwise no finding. A row that follows
   * no sale is left to review: which sale it belongs to cannot be told.
   */
  private saleFeeOfLastSale(line: StatementLine, amount: Fen, basis: string): boolean {
    const t = this.tally;
    if (
      t.lastSaleRow !== line.row - 1 ||
      t.lastSaleSheet !== line.sheet ||
      t.lastSaleDate !== line.date ||
      amount * 100 > t.lastSaleAmount * SALE_FEE_MAX_PERCENT
    )
      return false;
    const n = t.saleFees;
    if (n.count === 0) {
      n.row = line.row;
      if (line.sheet !== undefined) n.sheet = line.sheet;
    }
    n.count += 1;
    n.total += amount;
    if (t.lastSaleRateFee < 0) return true;
    const over = t.lastSaleFee + amount - t.lastSaleRateFee - t.lastSaleClaimed;
    if (over <= ROUNDING_TOLERANCE_FEN) return true;
    t.lastSaleClaimed += over;
    this.decided.push(
      this.finding(
        line,
        'rate_overcharge',
        amount,
        line.description || line.type,
        `${basis}；所属交易 ${formatFen(t.lastSaleAmount)} 元`,
        {
          verdict: 'unauthorized',
          overcharge: over,
          reason: `交易 ${formatFen(t.lastSaleAmount)} 元的手续费 ${formatFen(t.lastSaleFee + amount)} 元，按合同费率应为 ${formatFen(t.lastSaleRateFee)} 元，多收 ${formatFen(over)} 元`,
          reasonEn: `Fee ${formatFen(t.lastSaleFee + amount)} on a sale of ${formatFen(t.lastSaleAmount)} where the contract allows ${formatFen(t.lastSaleRateFee)}: ${formatFen(over)} too much`,
        },
      ),
    );
    return true;
  }

  /**
   * A statement that prints its charges as money out (流量费 -99.00) and one fee row as money in
   * (流量费 99.00) has paid that one back, or credited it: a refund whose word was left out is no
   * charge. It is reviewed, never claimed — and it uses up no agreed period, which would make the
   * real charge after it look like a second one.
   */
  private againstTheSign(): void {
    if (this.moneyIn.size === 0) return;
    const questioned = (f: AuditFinding) => {
      if (!this.moneyIn.has(f.seq)) return false;
      const t = this.tallies.get(f.file);
      return (
        this.printedSigns.get(f.file) === true &&
        t !== undefined &&
        t.feesOut > 0 &&
        t.feesOut >= t.feesIn
      );
    };
    const review = (f: AuditFinding) => {
      f.verdict = 'needs_review';
      f.overcharge = 0;
      f.reason = `这一行的${name(f.category).zh}记为入账（金额为正），而本对账单的其他扣费都记为支出：可能是退还或冲正，需向服务商核实`;
      f.reasonEn = `This ${name(f.category).en} is printed as money in, where the statement's other charges are money out: likely paid back; check it`;
    };
    let moved = false;
    for (const f of this.decided) if (f.verdict === 'unauthorized' && questioned(f)) review(f);
    const kept: PendingDeduction[] = [];
    for (const p of this.pending) {
      if (questioned(p.finding)) {
        review(p.finding);
        this.decided.push(p.finding);
        moved = true;
      } else kept.push(p);
    }
    if (!moved) return;
    this.pending.length = 0;
    this.pending.push(...kept);
    this.decided.sort((a, b) => a.seq - b.seq);
  }

  /** Ends the audit: called once, at the end; the findings are handed over, not kept. */
  finish(): AuditOutcome {
    const contract = this.options.contract;
    this.dropCopies();
    this.againstTheSign();
    // a statement listed newest first lists a day's charges newest first too: on one day, the
    // charge further down was taken first, and it is the one an agreed charge covers
    for (const p of this.pending) {
      const t = this.tallies.get(p.finding.file);
      if (t && t.descents > t.ascents) p.within = -p.seq;
    }
    const coverage = contract
      ? coverDeductions(this.pending, contract.agreedCharges)
      : new Map<number, Coverage>();
    // both lists are in `seq` order already: merged, not sorted
    const findings: AuditFinding[] = [];
    const decided = this.decided;
    let d = 0;
    for (const p of this.pending) {
      while (d < decided.length && (decided[d]?.seq ?? 0) < p.seq)
        findings.push(decided[d++] as AuditFinding);
      const c = coverage.get(p.seq) ?? {
        covered: false as const,
        overcharge: p.amount,
        reason: 'not_agreed' as const,
      };
      const f = p.finding;
      const decision = judge(p, c);
      f.verdict = decision.verdict;
      f.overcharge = decision.overcharge;
      f.reason = decision.reason;
      f.reasonEn = decision.reasonEn;
      if (decision.refundable !== undefined) f.refundable = decision.refundable;
      findings.push(f);
    }
    while (d < decided.length) findings.push(decided[d++] as AuditFinding);
    decided.length = 0;
    this.pending.length = 0;
    const warnings = [
      ...this.noteReversed(findings),
      ...this.arithmeticCheck(findings),
      ...this.sanityCheck(findings),
    ];
    for (const line of this.dailyNamed.splice(0))
      warnings.push({
        file: line.file,
        row: line.row,
        ...(line.sheet === undefined ? {} : { sheet: line.sheet }),
        ...(line.page === undefined ? {} : { page: line.page }),
        message: `${line.date} 这一行是当天的交易汇总，写了“${line.description || line.type}”，但 ${formatFen(line.amount)} 元是当天的交易总额，不是扣费金额；对账单没有到账金额，算不出扣了多少，请向服务商核实，未计入索赔 (a day's totals naming a fee: its amount is the day's turnover, not the fee; not claimed)`,
      });
    for (const [file, t] of this.tallies) {
      const n = t.networkFees;
      if (n.count > 0)
        warnings.push({
          file,
          row: n.row,
          ...(n.sheet === undefined ? {} : { sheet: n.sheet }),
          message: `${n.count} 笔银联网络服务费（合计 ${formatFen(n.total)} 元）是刷卡手续费的一部分（2016 年刷卡手续费改革），不是流量费，未计入索赔 (card network service fees are part of the card fee, not SIM fees; not claimed)`,
        });
      const f = t.saleFees;
      if (f.count > 0)
        warnings.push({
          file,
          row: f.row,
          ...(f.sheet === undefined ? {} : { sheet: f.sheet }),
          message: `${f.count} 笔交易手续费单独列为一行（合计 ${formatFen(f.total)} 元），已按所属交易核对费率，不作为服务费 (transaction fees printed on their own rows were checked with their sales, not taken as service fees)`,
        });
    }
    const counts: Record<Verdict, number> = { authorized: 0, unauthorized: 0, needs_review: 0 };
    const byCategory: Partial<Record<FindingCategory, Fen>> = {};
    let total = 0;
    for (const f of findings) {
      counts[f.verdict] += 1;
      if (f.verdict === 'unauthorized' && f.overcharge > 0) {
        total += f.overcharge;
        byCategory[f.category] = (byCategory[f.category] ?? 0) + f.overcharge;
      }
    }
    const recurring = detectRecurring(
      findings.filter(
        (f) =>
          f.category !== 'other_deduction' &&
          f.category !== 'rate_overcharge' &&
          f.category !== 'settlement_shortfall',
      ),
    );
    return {
      findings,
      recurring,
      claimTotal: total,
      claimByCategory: byCategory,
      counts,
      duplicates: this.duplicates,
      rateDepartures: this.rateDepartures,
      warnings,
    };
  }

  /**
   * A fee reversed (流量费冲正) is a refund of that fee: spec §2 says a refund of a fee is a credit that
   * does not change the claim, so the deduction stays claimed. The merchant should still know the
   * money may have come back before accusing anyone, so a warning names it (not the finding's reason, which a letter quotes to the provider).
   */
  private noteReversed(findings: AuditFinding[]): AuditOutcome['warnings'] {
    const warnings: AuditOutcome['warnings'] = [];
    const noted = new Set<AuditFinding>();
    for (const r of this.reversals) {
      const earliest = addDaysIso(r.date, -REVERSAL_WINDOW_DAYS);
      let match: AuditFinding | null = null;
      for (const f of findings) {
        if (
          !noted.has(f) &&
          f.category === r.category &&
          f.amount === r.amount &&
          f.verdict === 'unauthorized' &&
          f.date <= r.date &&
          f.date >= earliest &&
          (match === null || f.date >= match.date)
        )
          match = f;
      }
      if (match === null) continue;
      noted.add(match);
      warnings.push({
        file: match.file,
        row: match.row,
        ...(match.sheet === undefined ? {} : { sheet: match.sheet }),
        ...(match.page === undefined ? {} : { page: match.page }),
        message: `${match.date} 的扣费 ${formatFen(match.amount)} 元已于 ${r.date} 冲正，按规则仍计入索赔，投诉前请核实是否已退回 (a reversal of this fee appears on ${r.date}; still claimed as the rules say, check before complaining)`,
      });
    }
    return warnings;
  }

  /**
   * Before a claim is final: no single deduction claimed may exceed the largest sale of its
   * statement or a set share of its turnover, and no statement's claim may exceed the fees and
   * unexplained deductions it shows. What fails is held back as `needs_review`, with a warning.
   */
  /**
   * A statement whose sales mostly settled more than the sale less its fee was read with the
   * wrong columns (a net amount taken for the sale, a gross one for the payout): a rate or a
   * shortfall computed from them is no evidence, so those rows are held for review, and said.
   */
  private arithmeticCheck(findings: AuditFinding[]): AuditOutcome['warnings'] {
    const doubtful = new Set<string>();
    for (const [file, t] of this.tallies)
      if (t.settledSales >= MIN_SALES_FOR_ARITHMETIC && t.overpaidSales * 2 > t.settledSales)
        doubtful.add(file);
    if (doubtful.size === 0) return [];
    for (const f of findings) {
      if (!doubtful.has(f.file) || f.verdict !== 'unauthorized') continue;
      if (f.category !== 'rate_overcharge' && f.category !== 'settlement_shortfall') continue;
      f.verdict = 'needs_review';
      f.overcharge = 0;
      f.reason =
        '这份对账单大多数交易的结算金额都大于“交易金额−手续费”，金额列可能读错了，这一笔需核实后再主张';
      f.reasonEn =
        'Most sales in this statement settled more than amount minus fee: the columns may have been read wrongly; check before claiming';
    }
    return [...doubtful].map((file) => {
      const t = this.tallies.get(file);
      return {
        file,
        message: `这份对账单有 ${String(t?.overpaidSales ?? 0)} 笔交易（共 ${String(t?.settledSales ?? 0)} 笔）的结算金额大于“交易金额−手续费”，金额、手续费和结算金额各是哪一列可能读错了；费率多收和结算少付都未计入索赔，请核对各列，必要时用列映射指定 (most sales settled more than amount minus fee: columns may be misread; rate overcharges and shortfalls not claimed)`,
      };
    });
  }

  private sanityCheck(findings: AuditFinding[]): AuditOutcome['warnings'] {
    const warnings: AuditOutcome['warnings'] = [];
    const hold = (f: AuditFinding, why: string, whyEn: string) => {
      f.verdict = 'needs_review';
      f.overcharge = 0;
      f.reason = `${why}，需核实后再主张`;
      f.reasonEn = `${whyEn}: check before claiming`;
      warnings.push({
        file: f.file,
        row: f.row,
        ...(f.sheet === undefined ? {} : { sheet: f.sheet }),
        ...(f.page === undefined ? {} : { page: f.page }),
        message: `${why}，未计入索赔 (${whyEn}; not claimed)`,
      });
    };
    // the usual amount of each kind of deduction in each statement, to spot one far above it
    const byKind = new Map<string, Map<FindingCategory, Fen[]>>();
    for (const f of findings) {
      if (f.category === 'rate_overcharge' || f.category === 'settlement_shortfall') continue;
      let kinds = byKind.get(f.file);
      if (kinds === undefined) {
        kinds = new Map<FindingCategory, Fen[]>();
        byKind.set(f.file, kinds);
      }
      const list = kinds.get(f.category);
      if (list === undefined) kinds.set(f.category, [f.amount]);
      else list.push(f.amount);
    }
    const usual = new Map<Fen[], Fen>();
    for (const kinds of byKind.values())
      for (const list of kinds.values()) {
        const sorted = [...list].sort((a, b) => a - b);
        usual.set(list, sorted[Math.floor((sorted.length - 1) / 2)] ?? 0);
      }
    for (const f of findings) {
      if (f.verdict !== 'unauthorized' || f.category === 'rate_overcharge') continue;
      const list = byKind.get(f.file)?.get(f.category);
      const median = (list && usual.get(list)) ?? 0;
      if (
        f.amount > SANITY_FLOOR_FEN &&
        (list?.length ?? 0) >= 3 &&
        f.amount > median * USUAL_MULTIPLE
      ) {
        hold(
          f,
          `这笔扣款 ${formatFen(f.amount)} 元是本对账单同类扣款通常金额 ${formatFen(median)} 元的 ${USUAL_MULTIPLE} 倍以上，更像是结算出款或读错的行`,
          `${formatFen(f.amount)} is more than ${String(USUAL_MULTIPLE)} times the usual ${formatFen(median)} of such deductions in the statement`,
        );
        continue;
      }
      const t = this.tallies.get(f.file);
      if (t === undefined || t.sales === 0 || f.amount <= SANITY_FLOOR_FEN) continue;
      if (f.amount > t.largestSale) {
        hold(
          f,
          `这笔扣款 ${formatFen(f.amount)} 元比本对账单最大的一笔收款 ${formatFen(t.largestSale)} 元还大，更像是结算出款或读错的行`,
          `${formatFen(f.amount)} is more than the largest sale of the statement (${formatFen(t.largestSale)}), more likely a payout or a misread row`,
        );
      } else if (f.amount * 100 > t.turnover * TURNOVER_SHARE_PERCENT) {
        hold(
          f,
          `这笔扣款 ${formatFen(f.amount)} 元超过本对账单收款总额 ${formatFen(t.turnover)} 元的 ${TURNOVER_SHARE_PERCENT}%，更像是结算出款或读错的行`,
          `${formatFen(f.amount)} is more than ${TURNOVER_SHARE_PERCENT}% of the statement's turnover (${formatFen(t.turnover)})`,
        );
      }
    }
    // a statement's claim never exceeds the fees and deductions it shows
    const claimedBy = new Map<string, Fen>();
    for (const f of findings)
      if (f.verdict === 'unauthorized')
        claimedBy.set(f.file, (claimedBy.get(f.file) ?? 0) + f.overcharge);
    for (const [file, t] of this.tallies) {
      let total = claimedBy.get(file) ?? 0;
      if (total <= t.feesTaken) continue;
      const claimed = findings.filter((f) => f.file === file && f.verdict === 'unauthorized');
      for (const f of [...claimed].sort((a, b) => b.overcharge - a.overcharge)) {
        if (total <= t.feesTaken) break;
        total -= f.overcharge;
        hold(
          f,
          `本对账单的索赔合计超过了它显示的手续费和扣款总额 ${formatFen(t.feesTaken)} 元`,
          `the claim for this statement exceeds the fees and deductions it shows (${formatFen(t.feesTaken)})`,
        );
      }
    }
    return warnings;
  }
}

/** The charges a row's own fee columns took from its money (given back: negative). */
function extraTotal(line: StatementLine): Fen {
  let total = 0;
  if (line.extraFees) for (const x of line.extraFees) total += x.fee;
  return total;
}

function newTally(): FileTally {
  return {
    largestSale: 0,
    turnover: 0,
    sales: 0,
    sincePayout: 0,
    feesSincePayout: 0,
    lastSaleDate: '',
    lastSaleAmount: 0,
    lastSaleFee: 0,
    lastSaleExpected: -1,
    lastSaleClaimed: 0,
    lastSaleRow: -1,
    lastSaleSheet: undefined,
    lastSaleRateFee: -1,
    saleFees: { count: 0, total: 0, row: 0 },
    feesTaken: 0,
    lastDate: '',
    ascents: 0,
    descents: 0,
    networkFees: { count: 0, total: 0, row: 0 },
    feesOut: 0,
    feesIn: 0,
    settledSales: 0,
    overpaidSales: 0,
  };
}

function cardName(card: StatementLine['cardType']): string {
  return card === 'debit'
    ? '借记卡'
    : card === 'credit'
      ? '贷记卡'
      : '未知（按可能适用的最高费率）';
}

function judge(
  p: PendingDeduction,
  c: Coverage,
): Pick<AuditFinding, 'verdict' | 'overcharge' | 'reason' | 'reasonEn' | 'refundable'> {
  const n = name(p.category);
  if (c.covered) {
    const period = PERIOD_NAMES[c.charge.every];
    const agreed = `合同约定${n.zh}${period.zh} ${formatFen(c.agreedAmount)} 元`;
    if (c.overcharge > 0) {
      return {
        verdict: 'unauthorized',
        overcharge: c.overcharge,
        reason: `${agreed}，本笔扣 ${formatFen(p.amount)} 元，超收 ${formatFen(c.overcharge)} 元`,
        reasonEn: `Agreed ${n.en} is ${formatFen(c.agreedAmount)} ${period.en}; ${formatFen(c.overcharge)} taken above it`,
      };
    }
    const deposit = p.category === 'deposit';
    return {
      verdict: 'authorized',
      overcharge: 0,
      reason: deposit ? `${agreed}，在约定范围内；押金应按约定退还` : `${agreed}，在约定范围内`,
      reasonEn: deposit
        ? `Covered by the agreed deposit of ${formatFen(c.agreedAmount)}; refundable under the agreement`
        : `Covered by the agreed ${n.en} of ${formatFen(c.agreedAmount)} ${period.en}`,
      ...(deposit ? { refundable: true } : {}),
    };
  }
  switch (c.reason) {
    case 'not_agreed':
      return {
        verdict: 'unauthorized',
        overcharge: c.overcharge,
        reason: `合同未约定${n.zh}`,
        reasonEn: `The contract does not provide for ${withArticle(n.en)}`,
      };
    case 'before_start':
      return {
        verdict: 'unauthorized',
        overcharge: c.overcharge,
        reason: `合同约定${n.zh}自 ${c.startsAfter ?? ''} 起才可收取，本笔提前收取`,
        reasonEn: `The ${n.en} may only be taken from ${c.startsAfter ?? ''}; this one came early`,
      };
    case 'period_used': {
      const period = c.charge ? PERIOD_NAMES[c.charge.every] : PERIOD_NAMES.once;
      return {
        verdict: 'unauthorized',
        overcharge: c.overcharge,
        reason: `合同约定${n.zh}${period.zh}只收一次，${c.periodStart ?? ''} 起的这一期已经收过，属重复收取`,
        reasonEn: `The ${n.en} is agreed once ${period.en}; the period from ${c.periodStart ?? ''} was already charged`,
      };
    }
  }
}
