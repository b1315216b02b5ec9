import type { DecodedMeta, InputProblem, SourceMessage, SourceRow } from '../model.js';
import type { RecordBatch } from './records.js';

/**
 * Rows come in batches (one per chunk read): a statement of millions of rows would otherwise pay
 * for an asynchronous hand-over per row.
 */
export interface DecodedTable {
  meta: DecodedMeta;
  /** Every row in file order, numbered as a spreadsheet shows it. */
  batches: AsyncIterable<readonly SourceRow[]>;
  /** Filled while the rows are read. */
  problems: InputProblem[];
  /**
   * UTF-8 CSV: the same rows as field positions in the file's bytes, so a reader can take most
   * fields without making strings of them. A reader reads either these or `batches`, not both.
   */
  records?: AsyncIterable<RecordBatch>;
}

export interface DecodedMessages {
  meta: DecodedMeta;
  batches: AsyncIterable<readonly SourceMessage[]>;
  problems: InputProblem[];
}

export type DecodedStatement =
  ({ kind: 'table' } & DecodedTable) | ({ kind: 'sms' } & DecodedMessages);
