import { ApiError } from './api.js';
import type { Lang } from './i18n.js';

/**
 * What a merchant reads when something fails: what happened and what to do next, in the
 * interface's language. The server's `detail` and `hint` are written for developers (field
 * names, command-line flags) and are never shown; the stable `code` picks the words here.
 */
type Words = Record<Lang, string>;

/** Where the error happened changes what "the request is not valid" means to the merchant. */
export type ErrorContext =
  'upload' | 'sms' | 'form' | 'login' | 'register' | 'verify' | 'load' | 'schedule' | 'action';

const NETWORK: Words = {
  zh: '连不上扣费卫士：请检查手机网络，稍后再试一次。',
  en: 'Could not reach FeeGuard: check your connection and try again.',
};

const GENERAL: Words = {
  zh: '出了点问题，这一步没有完成：请稍后再试；如果一直这样，请联系我们。',
  en: 'Something went wrong and this step did not finish: try again later, and contact us if it keeps happening.',
};

const BY_CODE: Record<string, Words> = {
  FG_ERR_UNSUPPORTED_FILE: {
    zh: '这种文件读不了：请上传服务商导出的 Excel、CSV、PDF 或文本格式的对账单，或者把扣费短信粘贴到下面的框里。',
    en: 'This kind of file cannot be read: upload the statement your provider exports as Excel, CSV, PDF or text, or paste the deduction SMS below.',
  },
  FG_ERR_UNREADABLE_FILE: {
    zh: '这个文件打不开，可能已损坏：请从服务商的 App 或网站重新导出一份再上传。',
    en: 'This file cannot be opened and may be damaged: export it again from the provider’s app or website and upload it.',
  },
  FG_ERR_NO_HEADER: {
    zh: '没认出这份对账单的列名（日期、金额等）：请上传服务商导出的原始文件，不要删掉列名那一行。',
    en: 'The statement’s column names (date, amount …) were not recognised: upload the file exactly as the provider exported it, with its header row.',
  },
  FG_ERR_MISSING_COLUMN: {
    zh: '对账单里缺少日期或金额：请导出包含每笔交易日期和金额的完整对账单。',
    en: 'The statement has no date or no amount: export the full statement with each transaction’s date and amount.',
  },
  FG_ERR_BAD_MAPPING: {
    zh: '各列的含义选得不对：请重新指出哪一列是日期、哪一列是金额。',
    en: 'The meanings chosen for the columns do not fit: say again which column is the date and which the amount.',
  },
  FG_ERR_TOO_LARGE: {
    zh: '文件太大：请按月份分开导出，再一个一个上传。',
    en: 'The file is too large: export it month by month and upload the parts one at a time.',
  },
  FG_ERR_AUDIT_TIMEOUT: {
    zh: '这份对账单太大，审核超时，已经停止，没有保存任何内容：请按月份分开导出，再一个一个上传。',
    en: 'This statement took too long to audit and was stopped; nothing was saved: export it month by month and upload the parts one at a time.',
  },
  FG_ERR_BAD_CONTRACT: {
    zh: '合同内容有误：请检查费率、封顶金额和日期后再保存。',
    en: 'The contract details do not fit: check the rates, caps and dates, then save again.',
  },
  FG_ERR_BAD_SCHEDULE: {
    zh: '收费标准的内容有误：请检查每项收费的金额、周期和生效日期后再保存。',
    en: 'The fee schedule does not fit: check each charge’s amount, period and effective date, then save again.',
  },
  FG_ERR_UNKNOWN_CHANNEL: {
    zh: '这个投诉渠道已不可用：请刷新页面，重新选择渠道。',
    en: 'This complaint channel is no longer available: reload the page and choose again.',
  },
  FG_ERR_NO_CJK_FONT: {
    zh: '暂时无法生成 PDF：请先下载 Word 版本的投诉书。',
    en: 'The PDF cannot be made right now: download the Word version of the letter instead.',
  },
  FG_ERR_VALIDATION: {
    zh: '有一项填写得不对：请检查后再提交。',
    en: 'Something filled in does not fit: check it and submit again.',
  },
  FG_ERR_UNAUTHENTICATED: {
    zh: '登录已过期：请重新登录后再继续。',
    en: 'You have been signed out: log in again to continue.',
  },
  FG_ERR_BAD_CREDENTIALS: {
    zh: '邮箱或密码不正确：请再试一次，或者注册一个新账号。',
    en: 'Wrong e-mail or password: try again, or sign up.',
  },
  FG_ERR_CSRF: {
    zh: '页面已经过期：请刷新页面后再试。',
    en: 'This page has expired: reload it and try again.',
  },
  FG_ERR_FORBIDDEN: {
    zh: '您的账号不能做这件事：如有需要，请联系您所在机构的管理员。',
    en: 'Your account cannot do this: ask your organisation’s administrator if you need it.',
  },
  FG_ERR_NOT_FOUND: {
    zh: '找不到要打开的内容，可能已被删除：请返回上一页。',
    en: 'What you tried to open is not there, perhaps deleted: go back to the previous page.',
  },
  FG_ERR_CONFLICT: {
    zh: '和已有的记录冲突：请刷新页面，看看是否已经保存过。',
    en: 'This conflicts with something already saved: reload the page to see whether it is already there.',
  },
  FG_ERR_BAD_TRANSITION: {
    zh: '现在不能做这一步，页面可能已过时：请刷新后再看。',
    en: 'This step is not possible now; the page may be out of date: reload it.',
  },
  FG_ERR_RATE_LIMITED: {
    zh: '尝试次数过多：请稍等片刻再试（等待时间会逐次加长，最多 15 分钟）。',
    en: 'Too many attempts: wait a moment and try again (the wait grows with each try, at most 15 minutes).',
  },
  FG_ERR_SCANNED_PDF: {
    zh: '这份 PDF 是扫描件或照片，里面没有可以读取的文字：请在服务商的 App 或网站导出 CSV 或 Excel 对账单，或导出带文字的 PDF 再上传。',
    en: 'This PDF is a scan or a photo with no text to read: export a CSV or Excel statement (or a text PDF) from the provider’s app or website and upload that.',
  },
  FG_ERR_UNSURE_LAYOUT: {
    zh: '没能确定这份对账单哪一列是日期、金额或手续费：请指出每一列的含义，再读取一次。',
    en: 'It is not clear which column of this statement is the date, the amount or the fee: say what each column is, then read it again.',
  },
  FG_ERR_HISTORY_UNKNOWN_CHANNEL: {
    zh: '投诉记录里有一个已不存在的投诉渠道：请刷新页面；如果仍然这样，请联系我们。',
    en: 'The complaint history names a channel that no longer exists: reload the page, and contact us if it stays so.',
  },
  FG_ERR_WEAK_PASSWORD: {
    zh: '这个密码太常见或太容易猜到（或含有邮箱、姓名）：请换一个更长、不常见的密码。',
    en: 'This password is too common or easy to guess (or contains your e-mail or name): choose a longer, uncommon one.',
  },
  FG_ERR_EMAIL_UNVERIFIED: {
    zh: '邮箱还没有验证：请打开验证邮件里的链接；没收到的话，用同一个邮箱再注册一次，会重新发送。',
    en: 'Your e-mail is not verified yet: open the link in the verification e-mail; if it did not arrive, sign up again with the same address to get a new one.',
  },
  FG_ERR_BAD_LINK: {
    zh: '验证链接已失效（已用过或超过 24 小时）：请用同一个邮箱再注册一次，获取新的链接。',
    en: 'The verification link no longer works (used, or older than 24 hours): sign up again with the same address for a new one.',
  },
  FG_ERR_UNSAFE_URL: {
    zh: '这个地址不能用来接收通知：请填写一个在公网上可以访问、以加密方式连接的网址。',
    en: 'This address cannot receive notifications: enter a public https address.',
  },
  FG_ERR_BUSY: {
    zh: '服务器正忙：请过一会儿再试。',
    en: 'The server is busy right now: try again in a moment.',
  },
  FG_ERR_INTERNAL: GENERAL,
};

/**
 * A statement whose dates have no year (and no period stated above the table): no choice of
 * columns can give a date its year, so the merchant is told to export again, never to map.
 */
const YEARLESS: Words = {
  zh: '这份对账单的日期没有年份（比如只写了“03-02”），表格上方也没有写明账单周期，无法确定是哪一年：请重新导出带年份的完整日期，或在表格上方加一行写明账单周期，比如“账单周期：2024年1月1日至2024年6月30日”，再上传。',
  en: 'The dates in this statement have no year (only “03-02”, say) and no statement period is stated above the table, so the year cannot be known: export it again with full dates including the year, or add a line above the table stating the period, such as “Statement period: 2024-01-01 to 2024-06-30”, and upload it again.',
};

/** Whether an upload stopped because the statement's dates have no year. */
export function isYearless(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.body.code === 'FG_ERR_UNSURE_LAYOUT' &&
    (error.body.details?.layout?.questions ?? []).some((q) => q.yearless === true)
  );
}

/** Where the same code means something more particular. */
const IN_CONTEXT: Partial<Record<ErrorContext, Record<string, Words>>> = {
  upload: {
    FG_ERR_VALIDATION: {
      zh: '没有收到对账单（文件是空的）：请选择服务商导出的对账单文件再上传。',
      en: 'No statement arrived (the file is empty): choose the statement file your provider exported.',
    },
  },
  sms: {
    FG_ERR_VALIDATION: {
      zh: '没有收到短信内容：请把扣费短信粘贴到框里再检查。',
      en: 'No SMS text arrived: paste the deduction SMS into the box, then check.',
    },
    FG_ERR_NO_HEADER: {
      zh: '没有在粘贴的文字里找到扣费短信：请粘贴服务商发来的扣费短信原文（要有日期和金额），每条一行。',
      en: 'No deduction SMS found in the pasted text: paste the provider’s SMS as received (with date and amount), one per line.',
    },
    FG_ERR_MISSING_COLUMN: {
      zh: '短信里缺少日期或金额：请粘贴完整的扣费短信原文，不要删减。',
      en: 'The SMS lack a date or an amount: paste the full messages as received.',
    },
  },
  register: {
    FG_ERR_CONFLICT: {
      zh: '这个邮箱已经注册过：请直接登录。',
      en: 'This e-mail already has an account: log in instead.',
    },
    FG_ERR_VALIDATION: {
      zh: '注册信息不完整：请填写姓名、正确的邮箱和至少 8 位的密码。',
      en: 'The sign-up is incomplete: enter your name, a valid e-mail and a password of 8 characters or more.',
    },
  },
  schedule: {
    FG_ERR_CONFLICT: {
      zh: '这个版本号已经发布过，发布后的版本不能再改：请用新的版本号和更晚的生效日期发布新的收费标准。',
      en: 'This version is already published, and published versions never change: publish the new terms under a new version with a later effective date.',
    },
  },
  load: {
    FG_ERR_VALIDATION: {
      zh: '没能打开这一页：请刷新页面再试。',
      en: 'This page could not be opened: reload it and try again.',
    },
  },
};

/** The words for an error caught anywhere in the app. */
export function errorMessage(error: unknown, lang: Lang, context: ErrorContext = 'action'): string {
  if (!(error instanceof ApiError)) return NETWORK[lang];
  if (isYearless(error)) return YEARLESS[lang];
  const words = IN_CONTEXT[context]?.[error.body.code] ?? BY_CODE[error.body.code] ?? GENERAL;
  return words[lang];
}

/** Every code the app has words for (the test holds it against the server's catalogue). */
export const KNOWN_CODES: readonly string[] = Object.keys(BY_CODE);
