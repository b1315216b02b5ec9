/**
 * Faults: one catalogue of typed errors with stable codes, an HTTP status and bilingual messages.
 * Problems in a statement's rows are not faults — they are collected as warnings (InputProblem).
 * docs/errors.md lists every code; a test keeps the two in step.
 */
export const ERROR_CATALOGUE = {
  FG_ERR_USAGE: { status: 400, zh: '命令参数有误', en: 'Invalid command-line usage' },
  FG_ERR_FILE_NOT_FOUND: { status: 404, zh: '找不到文件', en: 'File not found' },
  FG_ERR_UNSUPPORTED_FILE: { status: 415, zh: '不支持的文件类型', en: 'Unsupported file type' },
  FG_ERR_UNREADABLE_FILE: { status: 422, zh: '文件无法读取', en: 'The file cannot be read' },
  FG_ERR_SCANNED_PDF: {
    status: 422,
    zh: 'PDF 是扫描件，没有文字',
    en: 'The PDF is a scan without text',
  },
  FG_ERR_NO_HEADER: { status: 422, zh: '找不到表头', en: 'No header row found' },
  FG_ERR_MISSING_COLUMN: { status: 422, zh: '缺少必需的列', en: 'A required column is missing' },
  FG_ERR_BAD_MAPPING: { status: 400, zh: '列映射有误', en: 'Invalid column mapping' },
  FG_ERR_UNSURE_LAYOUT: {
    status: 422,
    zh: '无法确定各列的含义',
    en: 'The meaning of the columns is not certain',
  },
  FG_ERR_BAD_CONTRACT: { status: 422, zh: '合同文件有误', en: 'Invalid contract file' },
  FG_ERR_BAD_CASE: { status: 422, zh: '案件文件有误', en: 'Invalid case file' },
  FG_ERR_BAD_SCHEDULE: { status: 422, zh: '收费标准有误', en: 'Invalid fee schedule' },
  FG_ERR_UNKNOWN_CHANNEL: { status: 404, zh: '未知的投诉渠道', en: 'Unknown complaint channel' },
  FG_ERR_HISTORY_UNKNOWN_CHANNEL: {
    status: 422,
    zh: '投诉记录中的渠道不在知识库中',
    en: 'The case history names a channel the knowledge base does not have',
  },
  FG_ERR_BAD_KNOWLEDGE_BASE: {
    status: 500,
    zh: '渠道知识库数据有误',
    en: 'Invalid channel knowledge base',
  },
  FG_ERR_NO_CJK_FONT: {
    status: 500,
    zh: '没有可用的中文字体，无法生成 PDF',
    en: 'No Chinese font available to write the PDF',
  },
  FG_ERR_VALIDATION: { status: 400, zh: '请求内容有误', en: 'The request is not valid' },
  FG_ERR_UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  FG_ERR_BAD_CREDENTIALS: { status: 401, zh: '邮箱或密码不正确', en: 'Wrong e-mail or password' },
  FG_ERR_CSRF: {
    status: 403,
    zh: '请求缺少有效的安全令牌',
    en: 'The request lacks a valid CSRF token',
  },
  FG_ERR_FORBIDDEN: { status: 403, zh: '没有权限', en: 'Not allowed' },
  FG_ERR_NOT_FOUND: { status: 404, zh: '找不到', en: 'Not found' },
  FG_ERR_CONFLICT: { status: 409, zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  FG_ERR_BAD_TRANSITION: {
    status: 409,
    zh: '当前状态下不能进行此操作',
    en: 'Not possible in the current state',
  },
  FG_ERR_TOO_LARGE: { status: 413, zh: '文件太大', en: 'The file is too large' },
  FG_ERR_AUDIT_TIMEOUT: {
    status: 413,
    zh: '对账单太大，审核超时，已停止，未保存任何内容',
    en: 'The statement took too long to audit and was stopped; nothing was saved',
  },
  FG_ERR_RATE_LIMITED: {
    status: 429,
    zh: '尝试次数过多，请稍后再试',
    en: 'Too many attempts; try later',
  },
  FG_ERR_WEAK_PASSWORD: {
    status: 400,
    zh: '密码太容易被猜到，请换一个更长、不常见的密码，不要用邮箱或姓名',
    en: 'The password is too easy to guess',
  },
  FG_ERR_EMAIL_UNVERIFIED: {
    status: 403,
    zh: '邮箱尚未验证，请查收验证邮件并点击其中的链接',
    en: 'The e-mail address is not verified yet',
  },
  FG_ERR_BAD_LINK: {
    status: 400,
    zh: '验证链接无效或已过期，请重新注册以获取新的链接',
    en: 'The verification link is invalid or has expired',
  },
  FG_ERR_UNSAFE_URL: {
    status: 400,
    zh: '这个网址不能使用：只能填写公网上的 https 地址',
    en: 'The address is not allowed',
  },
  FG_ERR_BUSY: {
    status: 503,
    zh: '服务器正忙，请稍后再试',
    en: 'The server is busy; try again in a moment',
  },
  FG_ERR_INTERNAL: { status: 500, zh: '内部错误', en: 'Internal error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class FeeGuardError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** How the user can fix it, in one sentence. */
  readonly hint: string | undefined;
  /** Structured data about the fault for a program (e.g. the best guess of a statement's columns). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { hint?: string; cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FeeGuardError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.hint = options?.hint;
    this.details = options?.details;
  }

  /** One line for a terminal: what is wrong and how to fix it. */
  toLine(): string {
    return this.hint ? `${this.message} — ${this.hint}` : this.message;
  }
}

export function isFeeGuardError(error: unknown): error is FeeGuardError {
  return error instanceof FeeGuardError;
}
