import type { DecodedMeta, InputProblem, SourceMessage, SourceRow } from '../model.js';

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
}

export interface DecodedMessages {
  meta: DecodedMeta;
  batches: AsyncIterable<readonly SourceMessage[]>;
  problems: InputProblem[];
}

export type DecodedStatement =
  ({ kind: 'table' } & DecodedTable) | ({ kind: 'sms' } & DecodedMessages);
