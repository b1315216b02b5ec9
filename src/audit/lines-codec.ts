import type { CardType, StatementLine } from './model.js';

/**
 * Statement lines packed for another thread: numbers in typed arrays (moved, not copied), the
 * texts a statement repeats (dates, types, descriptions, sheet names) sent once and then named by
 * number. Structured clone of the line objects themselves would copy every field of every line,
 * and the receiving thread would pay for it in time and garbage.
 */
export interface LineBatch {
  count: number;
  /** Per line: row, amount, fee, net (NaN: none). */
  numbers: Float64Array<ArrayBuffer>;
  /** Per line: date, type, description, sheet (-1: none) as text numbers; page (-1: none); card type. */
  codes: Int32Array<ArrayBuffer>;
  /**
   * The references (unique per record, so never numbered) one after another: line `i`'s is
   * `references.slice(ends[i - 1], ends[i])`. One string is copied across as one block; an array
   * of millions of short strings cost more to send than everything else together.
   */
  references: string;
  /** Per line: where its reference ends in `references`. */
  ends: Int32Array<ArrayBuffer>;
  /** The texts first named in this batch, numbered on from the texts named before. */
  texts: string[];
  /** The numbering starts again with this batch (the table of texts had grown too large). */
  reset: boolean;
}

const NUMBERS = 4;
const CODES = 6;
const CARDS: readonly CardType[] = ['unknown', 'debit', 'credit'];
/** Texts numbered before the numbering starts again: descriptions can be unique per record. */
const MAX_TEXTS = 50_000;

export class LineBatchWriter {
  private count = 0;
  private numbers: Float64Array<ArrayBuffer>;
  private codes: Int32Array<ArrayBuffer>;
  private references: string[] = [];
  private referenceLength = 0;
  private ends: Int32Array<ArrayBuffer>;
  private texts: string[] = [];
  private readonly numbered = new Map<string, number>();
  private reset = false;
  /** Each text field's text in the line before, and its number. */
  private readonly last: (string | null)[] = [null, null, null, null];
  private readonly lastNumber = new Int32Array(4);
  readonly capacity: number;
  private readonly maxTexts: number;

  /** `capacity` lines per batch; the numbering of texts starts again past `maxTexts`. */
  constructor(capacity: number, maxTexts = MAX_TEXTS) {
    this.capacity = capacity;
    this.maxTexts = maxTexts;
    this.numbers = new Float64Array(capacity * NUMBERS);
    this.codes = new Int32Array(capacity * CODES);
    this.ends = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  add(line: StatementLine): void {
    const n = this.count * NUMBERS;
    this.numbers[n] = line.row;
    this.numbers[n + 1] = line.amount;
    this.numbers[n + 2] = line.fee ?? NaN;
    this.numbers[n + 3] = line.net ?? NaN;
    const c = this.count * CODES;
    this.codes[c] = this.number(line.date, 0);
    this.codes[c + 1] = this.number(line.type, 1);
    this.codes[c + 2] = this.number(line.description, 2);
    this.codes[c + 3] = line.sheet === undefined ? -1 : this.number(line.sheet, 3);
    this.codes[c + 4] = line.page ?? -1;
    this.codes[c + 5] = CARDS.indexOf(line.cardType);
    // joined when the batch is taken: a string grown by `+=` is a chain of one small object per
    // line, which young-generation collections copied again and again (measured on the reading
    // thread: 2.4 s to read the bench statement, against 1.0 s joined)
    this.references.push(line.reference);
    this.referenceLength += line.reference.length;
    this.ends[this.count] = this.referenceLength;
    this.count += 1;
  }

  /** The lines added since the last batch; their arrays change hands (see `transfer`). */
  take(): LineBatch {
    const batch: LineBatch = {
      count: this.count,
      numbers: this.numbers,
      codes: this.codes,
      references: this.references.join(''),
      ends: this.ends,
      texts: this.texts,
      reset: this.reset,
    };
    this.count = 0;
    this.numbers = new Float64Array(this.capacity * NUMBERS);
    this.codes = new Int32Array(this.capacity * CODES);
    this.references = [];
    this.referenceLength = 0;
    this.ends = new Int32Array(this.capacity);
    this.texts = [];
    this.reset = false;
    if (this.numbered.size > this.maxTexts) {
      this.numbered.clear();
      this.last.fill(null);
      this.reset = true;
    }
    return batch;
  }

  /** The number of `text`, the `field`th text of a line. */
  private number(text: string, field: number): number {
    // the same text as the line before (a day's rows share their date): no look-up
    if (text === this.last[field]) return this.lastNumber[field] ?? 0;
    let n = this.numbered.get(text);
    if (n === undefined) {
      n = this.numbered.size;
      this.numbered.set(text, n);
      this.texts.push(text);
    }
    this.last[field] = text;
    this.lastNumber[field] = n;
    return n;
  }
}

/** The buffers a batch's `postMessage` moves instead of copying. */
export function transfer(batch: LineBatch): ArrayBuffer[] {
  return [batch.numbers.buffer, batch.codes.buffer, batch.ends.buffer];
}

export class LineBatchReader {
  private texts: string[] = [];
  private readonly line: StatementLine;

  constructor(file: string) {
    this.line = {
      file,
      row: 0,
      date: '',
      amount: 0,
      fee: null,
      net: null,
      type: '',
      description: '',
      cardType: 'unknown',
      reference: '',
    };
  }

  /**
   * Hands each line of `batch` to `take`, in order, as the reading thread made it. The line
   * object is the same for every call, filled anew: `take` must not keep it (the audit copies
   * what it keeps). Two million line objects made one after another were a third of the auditing
   * thread's garbage.
   */
  read(batch: LineBatch, take: (line: StatementLine) => void): void {
    if (batch.reset) this.texts = [];
    for (const text of batch.texts) this.texts.push(text);
    const { numbers, codes, references, ends } = batch;
    const texts = this.texts;
    const line = this.line;
    for (let i = 0; i < batch.count; i++) {
      const n = i * NUMBERS;
      const c = i * CODES;
      const fee = numbers[n + 2] ?? NaN;
      const net = numbers[n + 3] ?? NaN;
      line.row = numbers[n] ?? 0;
      line.date = texts[codes[c] ?? 0] ?? '';
      line.amount = numbers[n + 1] ?? 0;
      line.fee = Number.isNaN(fee) ? null : fee;
      line.net = Number.isNaN(net) ? null : net;
      line.type = texts[codes[c + 1] ?? 0] ?? '';
      line.description = texts[codes[c + 2] ?? 0] ?? '';
      line.cardType = CARDS[codes[c + 5] ?? 0] ?? 'unknown';
      line.reference = references.slice(i === 0 ? 0 : (ends[i - 1] ?? 0), ends[i] ?? 0);
      const sheet = codes[c + 3] ?? -1;
      const page = codes[c + 4] ?? -1;
      if (sheet >= 0 || page >= 0) {
        // a workbook's or a PDF's line: its own object, with the sheet or the page
        const placed: StatementLine = { ...line };
        if (sheet >= 0) placed.sheet = texts[sheet] ?? '';
        if (page >= 0) placed.page = page;
        take(placed);
      } else take(line);
    }
  }
}
