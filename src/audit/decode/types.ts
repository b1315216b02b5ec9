import type { DecodedMeta, InputProblem, SourceMessage, SourceRow } from '../model.js';

export interface DecodedTable {
  meta: DecodedMeta;
  /** Every row in file order, numbered as a spreadsheet shows it. */
  rows: AsyncIterable<SourceRow>;
  /** Filled while the rows are read. */
  problems: InputProblem[];
}

export interface DecodedMessages {
  meta: DecodedMeta;
  messages: AsyncIterable<SourceMessage>;
  problems: InputProblem[];
}

export type DecodedStatement =
  ({ kind: 'table' } & DecodedTable) | ({ kind: 'sms' } & DecodedMessages);
