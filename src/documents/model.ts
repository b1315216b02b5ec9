/**
 * A printable document as plain data: what a complaint letter, a call script or an audit report
 * says, without how it is laid out. The composers (letters, scripts, reports) build one; the
 * renderers (`render-docx.ts`, `render-pdf.ts`, `render-text.ts`) turn it into DOCX, PDF or text,
 * so every format says exactly the same thing.
 */
export interface DocumentModel {
  /** Shown centred at the top, e.g. "投诉书". */
  readonly title: string;
  /** A line under the title, e.g. "致：某某支付有限公司客户服务中心". */
  readonly subtitle?: string;
  readonly blocks: readonly Block[];
  /** BCP 47: 'zh-CN' or 'en'. */
  readonly language: 'zh-CN' | 'en';
  /** Document properties (DOCX core properties, PDF info). */
  readonly meta?: { readonly author?: string; readonly subject?: string };
}

export type Block =
  HeadingBlock | ParagraphBlock | ListBlock | TableBlock | FieldsBlock | SignatureBlock | NoteBlock;

/** A section heading ("一、投诉事实"). */
export interface HeadingBlock {
  readonly kind: 'heading';
  readonly text: string;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: string;
}

export interface ListBlock {
  readonly kind: 'list';
  /** Numbered lists keep their numbers in every format ("1." "2." …). */
  readonly ordered: boolean;
  readonly items: readonly string[];
}

export interface TableColumn {
  readonly title: string;
  /** Amounts are right-aligned. */
  readonly align?: 'left' | 'right';
  /** Relative width; columns without one share what is left equally. */
  readonly weight?: number;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly string[])[];
  /** A closing row in bold, e.g. the total claimed. */
  readonly footer?: readonly string[];
  readonly caption?: string;
}

/** Label–value pairs: the parties' particulars ("投诉人：张三"). */
export interface FieldsBlock {
  readonly kind: 'fields';
  readonly fields: readonly { readonly label: string; readonly value: string }[];
}

/** The closing: who signs, a blank line to sign on, and the date. */
export interface SignatureBlock {
  readonly kind: 'signature';
  readonly lines: readonly string[];
  readonly date: string;
}

/** A boxed remark: e.g. "请核实后再使用" on facts whose source is uncertain. */
export interface NoteBlock {
  readonly kind: 'note';
  readonly text: string;
}
