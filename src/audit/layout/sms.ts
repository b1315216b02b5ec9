import {
  daysBetween,
  isoDate,
  isValidDate,
  parseDateCell,
  parseEnglishDate,
  parseIso,
} from '../dates.js';
import type { CardType, InputProblem, IsoDate, SourceMessage, StatementLine } from '../model.js';
import { foldWidth, parseYuanToFen } from '../money.js';

/**
 * A pasted notification → a statement line. Providers word their SMS in a handful of ways: a
 * receipt with its fee (收款16.15元，手续费3.10元), a deduction naming the fee (扣除会员费39.00元),
 * a payout (结算款897.74元已划入), a returned fee (手续费返还1.77元). The message's verb decides the
 * row's type; the words before the amount name the fee. Anything else with money in it is kept
 * with the whole message as its description, so the classifier still sees it.
 */
export type MessageResult =
  /** `also`: further lines of the same message (a bank notice: 结算入账…元，扣收流量费…元). */
  | { kind: 'line'; line: StatementLine; also?: StatementLine[] }
  | { kind: 'skip'; why: 'no_money' | 'not_taken' }
  | { kind: 'problem'; problem: InputProblem };

// an amount is marked as money by ¥, 人民币, CNY or RMB before it, or 元/yuan after it
const AMOUNT = String.raw`(?:人民币|rmb|cny)?\s*(?:(?<=(?:人民币|rmb|cny)\s{0,2})|(?=[¥￥]|\d[\d,]*(?:\.\d+)?\s*(?:元|yuan)))[¥￥]?\s*(\d[\d,]*(?:\.\d+)?)\s*(?:元|yuan)?`;
/**
 * An instant with its zone (2024-02-29T16:20:51Z, 2024-04-01 10:42:13+00:00): a phone backup's
 * time stamp in UTC, whose Beijing date may be the next day.
 */
const ZONED_STAMP =
  /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})(?![\d:])/iu;
const DATE = /(?<![a-z\d])(\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})/iu;
/**
 * 20250301 written without separators — unless it is part of an identifier: glued to letters or
 * other figures (SN: P20190331, TX20250301A) or right after a number's label (编号20190331, 终端号：…).
 */
const COMPACT_DATE =
  /(?<![a-z\d_-])(?<!(?:号|码|sn|s\/n|no|id|ref)[.:：#]?\s{0,2})(\d{8})(?=[^\da-z])/iu;
/** The message's written date (年月日 or with separators) wherever it is, else a compact one. */
function fullDate(body: string): RegExpExecArray | null {
  return DATE.exec(body) ?? COMPACT_DATE.exec(body);
}
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_DATE =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b/iu;
/** 05-Mar-2024, 5 Mar 2024: a day before an English month (a bank's English notice). */
const EN_DMY =
  /\b\d{1,2}[-\s/]?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[-\s/,]*\d{4}\b/iu;
/** A date without its year: 03月02日, 3月2日, 03-02 10:22, 03/02 10:22. */
const PARTIAL_DATE =
  /(?<![\d年])(\d{1,2})月(\d{1,2})日|(?<![\d\-/])(\d{1,2})[-/](\d{1,2})(?=\s+\d{1,2}:\d{2})/u;

// a bank's notice says 收入 where a provider says 收款 (收入人民币160.00元，用途：消费，手续费0.96元)
const RECEIPT = new RegExp(
  String.raw`(收款|收入|消费|交易|刷卡|(?<!结算)入账)(?:成功)?[:：]?\s*(?:金额)?[:：]?\s*${AMOUNT}.*?手续费[:：]?\s*${AMOUNT}`,
  'u',
);
// the fee's name may hold figures (D0手续费, 1月月度流量费, 押金(第2期)): the amount is the first
// figure marked as money, so the name stops before it
const DEDUCTION = new RegExp(
  String.raw`(扣除|扣收|收取|扣取|扣款|代扣|扣缴|扣)(?:了|您)?(?:的)?([^，。,；;：:¥￥]{0,24}?)[:：]?\s*${AMOUNT}`,
  'u',
);
/**
 * A bank's debit notice names what was paid after the amount: 支出(代扣)48.00元，用途：流量卡年费 or
 * 支出人民币199.00元（机具押金）. The verb comes first, then the amount, then the name.
 */
const DEBIT = new RegExp(
  String.raw`(支出|转出|付款|扣款|代扣|扣收|扣费)[(（]?(?:代扣|代收|扣款)?[)）]?[^\d¥￥，。,；;]{0,6}?${AMOUNT}`,
  'u',
);
const NAME_AFTER = [
  new RegExp(String.raw`^\s*[（(]([^（()）]{2,24})[)）]`, 'u'),
  /(?:用途|摘要|附言|备注|事由|交易类型|业务类型)[:：]\s*([^，。,；;:：]{2,24})/u,
];
/** Whether a name names something: not just brackets, a currency word or figures. */
const NAMES = /[\p{Script=Han}a-z]/iu;
const CREDIT = new RegExp(
  String.raw`([^\d，。,；;：:]{0,20}?(?:返还|退还|退回|返现))[:：]?\s*${AMOUNT}`,
  'u',
);
const CREDIT_AFTER = new RegExp(
  String.raw`([^\d，。,；;：:]{1,20}?)\s*${AMOUNT}\s*(?:已)?(?:返还|退还|退回)`,
  'u',
);
const SETTLEMENT = new RegExp(
  String.raw`(结算款|结算|提现|出款|划款|到账)(?:金额)?[:：]?\s*${AMOUNT}`,
  'u',
);
const REVERSAL = new RegExp(String.raw`(退货|撤销|冲正|退款)[^\d]{0,6}?${AMOUNT}`, 'u');
const ANY_AMOUNT = new RegExp(AMOUNT, 'iu');
const ALL_AMOUNTS = new RegExp(AMOUNT, 'giu');
// English notices
// the per-sale fee may go by another name: MDR (merchant discount rate), commission
const EN_RECEIPT = new RegExp(
  String.raw`(payment|sale|purchase|received|receipt)\b[^\d¥￥]*?${AMOUNT}.*?\b(?:fee|mdr|merchant discount|commission)\b[^\d¥￥]*?${AMOUNT}`,
  'iu',
);
const EN_DEDUCTION = new RegExp(
  String.raw`(?:(?:deducted|charged|took|taken)\s+(?:an?\s+|the\s+)?([a-z][a-z0-9 /-]{0,40}?\b(?:fee|charge|deposit))\s+of\s*${AMOUNT}|(?:an?\s+|the\s+)?([a-z][a-z0-9 /-]{0,40}?\b(?:fee|charge|deposit))\s+of\s*${AMOUNT}[^.]*?\b(?:was\s+|has\s+been\s+)?(?:deducted|charged|taken))`,
  'iu',
);
/** … was debited CNY 99.00 on 05-Mar-2024 for POS SIM data fee: the name after the amount. */
const EN_DEBITED = new RegExp(
  String.raw`\b(?:debited|deducted|charged)\b[^.]*?${AMOUNT}[^.]*?\bfor\s+(?:an?\s+|the\s+)?([a-z][a-z0-9 /-]{0,40}?\b(?:fee|charge|deposit))\b`,
  'iu',
);
const EN_CREDIT = new RegExp(
  String.raw`([a-z][a-z /-]{0,30}?\b(?:refund|rebate|cashback|returned))\b[^\d¥￥]*?${AMOUNT}`,
  'iu',
);
const EN_SETTLEMENT = new RegExp(
  String.raw`(settlement|payout|withdrawal|transfer)\b[^\d¥￥]*?${AMOUNT}`,
  'iu',
);
/** RMB5,410.98 settled to a/c *0458: the verb after the amount. */
const EN_SETTLED = new RegExp(
  String.raw`${AMOUNT}\s+(?:was\s+|has\s+been\s+)?(settled|paid\s+out|transferred|remitted)\s+(?:to|into)\b`,
  'iu',
);
/** A deduction that did not happen: 扣收失败, 扣款未成功, 本次未扣款. */
const NOT_TAKEN =
  /(?:扣收|扣款|扣费|扣除|扣取|代扣|收取|缴费)[^，。,；;！!]{0,4}?(?:失败|未成功|不成功)|未(?:能)?(?:成功)?(?:扣款|扣费|扣除|扣收|扣取)/u;
/** …but was taken after all (已补扣, 重新扣款成功, 已从结算款中扣除). */
const TAKEN_AFTER_ALL =
  /补扣|重新扣[^，。,；;]{0,4}成功|(?<!未)已(?:从[^，。,；;]{0,12})?(?:扣除|扣收|扣款|扣取)(?![^，。,；;]{0,2}(?:失败|未成功|不成功))/u;
/**
 * A further fee of the same deduction, listed after the first one: 扣除流量费99.00元、服务费30.00元.
 * Each named fee with its own amount is a deduction of its own (one finding per category).
 */
const MORE_FEE = new RegExp(
  String.raw`^\s*(?:、|,|以及|和|及|与|另)\s*([^，。,；;：:¥￥\d、]{1,24}?)[:：]?\s*${AMOUNT}`,
  'u',
);
const FEE_NAME = /费|押金|保证金|机具款/u;
/** Not a further fee: a balance or total, or the sale's own fee (手续费), which is no deduction. */
const NOT_A_FEE = /^(结算|账户|余额|人民币|合计|共计|累计|剩余|实际|到账)|^(交易)?手续费$/u;
/** A fee named before its amount, the verb after both: 终端通讯服务年费 88.00 元已于…扣收. */
const FEE_THEN_TAKEN = new RegExp(
  String.raw`(?<![\d.])([^\d.，。,；;：:¥￥()（）\s]{1,24}?)\s*${AMOUNT}[^，。,；;\d将拟]{0,30}?(?:扣收|扣除|扣款|扣取|扣缴)(?!失败)`,
  'u',
);
/** The amount first, then the fee, then the verb: 30.00元服务费已于…扣除. */
const TAKEN_FEE_AFTER = new RegExp(
  String.raw`${AMOUNT}\s*([^\d，。,；;：:¥￥()（）\s]{1,16}?)\s*(?:已|于)[^，。,；;\d将拟]{0,30}?(?:扣收|扣除|扣款|扣取|扣缴)(?!失败)`,
  'u',
);
/** One clause of a message that carries several amounts. */
const CLAUSE = /[，；;。!！\n]|,(?!\d{3})/u;
const SETTLED = /结算|入账|到账|划入|划款|提现|出款/u;

const DEBIT_CARD = /借记卡|储蓄卡|debit card/iu;
const CREDIT_CARD = /贷记卡|信用卡|credit card/iu;

/**
 * The card a receipt names (收款160.00元（信用卡）): the contract may price it differently.
 * A message naming both, or neither, leaves it unknown (the highest rate that could apply).
 */
function cardNamed(text: string): CardType {
  const debit = DEBIT_CARD.test(text);
  const credit = CREDIT_CARD.test(text);
  return debit === credit ? 'unknown' : debit ? 'debit' : 'credit';
}

function money(text: string | undefined): number | null {
  return text === undefined ? null : parseYuanToFen(text);
}

/** The date a message names: a full date, or month and day with the year taken from context. */
export type MessageDate =
  | { kind: 'full'; date: IsoDate }
  | { kind: 'partial'; month: number; day: number }
  | { kind: 'none' };

export function messageDate(body: string): MessageDate {
  // one converter for zoned instants, the table reader's (dates.ts)
  const zoned = ZONED_STAMP.exec(body);
  const instant = zoned ? parseDateCell(zoned[0]) : null;
  if (instant !== null) return { kind: 'full', date: instant };
  const full = fullDate(body);
  const date = full ? parseDateCell(full[1] ?? '') : null;
  if (date !== null) return { kind: 'full', date };
  const dmy = EN_DMY.exec(body);
  const dmyDate = dmy ? parseEnglishDate(dmy[0]) : null;
  if (dmyDate !== null) return { kind: 'full', date: dmyDate };
  const en = EN_DATE.exec(body);
  if (en) {
    const month = MONTHS.indexOf((en[1] ?? '').toLowerCase()) + 1;
    const day = Number(en[2]);
    if (en[3] !== undefined && isValidDate(Number(en[3]), month, day))
      return { kind: 'full', date: isoDate(Number(en[3]), month, day) };
    if (en[3] === undefined && month > 0) return { kind: 'partial', month, day };
  }
  const partial = PARTIAL_DATE.exec(body);
  if (partial) {
    const month = Number(partial[1] ?? partial[3]);
    const day = Number(partial[2] ?? partial[4]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { kind: 'partial', month, day };
  }
  return { kind: 'none' };
}

/**
 * The year of a date written without one (03月02日): the year that puts it nearest to a
 * reference date (another message's full date), i.e. within half a year of it; with
 * `pastOnly` (the reference is today) the nearest date that is not in the future.
 */
export function completeDate(
  month: number,
  day: number,
  reference: IsoDate,
  pastOnly = false,
): IsoDate | null {
  const { year } = parseIso(reference);
  const candidates = [year - 1, year, year + 1]
    .filter((y) => isValidDate(y, month, day))
    .map((y) => isoDate(y, month, day))
    .filter((d) => !pastOnly || d <= reference);
  let best: IsoDate | null = null;
  for (const d of candidates) {
    if (
      best === null ||
      Math.abs(daysBetween(d, reference)) < Math.abs(daysBetween(best, reference))
    )
      best = d;
  }
  return best;
}

/**
 * Every message of a file → statement lines. Dates without a year take it from the nearest
 * message that has a full date (before it, else after it); when no message has one, from
 * `today` (the nearest past date); without `today` such a message is a warning.
 */
export function interpretMessages(
  messages: readonly SourceMessage[],
  file: string,
  today?: IsoDate,
): MessageResult[] {
  const dates = messages.map((m) => messageDate(stripSender(foldWidth(m.text).trim())));
  const fullAt = dates.map((d) => (d.kind === 'full' ? d.date : null));
  const before: (IsoDate | null)[] = [];
  let last: IsoDate | null = null;
  for (const d of fullAt) {
    if (d !== null) last = d;
    before.push(last);
  }
  const after: (IsoDate | null)[] = new Array<IsoDate | null>(fullAt.length).fill(null);
  let next: IsoDate | null = null;
  for (let i = fullAt.length - 1; i >= 0; i -= 1) {
    next = fullAt[i] ?? next;
    after[i] = next;
  }
  return messages.map((message, i) => {
    const d = dates[i];
    if (d?.kind !== 'partial') return interpretMessage(message, file);
    const reference = before[i] ?? after[i] ?? null;
    const date =
      reference !== null
        ? completeDate(d.month, d.day, reference)
        : today !== undefined
          ? completeDate(d.month, d.day, today, true)
          : null;
    return interpretMessage(message, file, date ?? undefined);
  });
}

function stripSender(text: string): string {
  return text.replace(/^(【[^】]*】|\[[^\]]*\])/u, '');
}

export function interpretMessage(
  message: SourceMessage,
  file: string,
  /** The date to use when the message names one without its year (see interpretMessages). */
  completedDate?: IsoDate,
): MessageResult {
  const text = foldWidth(message.text)
    .replace(/\s*\n\s*/gu, ' ')
    .trim();
  const body = stripSender(text);
  if (!ANY_AMOUNT.test(body)) return { kind: 'skip', why: 'no_money' };
  // a deduction that failed (扣收失败，本次未扣款) moved no money: not a deduction
  if (NOT_TAKEN.test(body) && !TAKEN_AFTER_ALL.test(body))
    return { kind: 'skip', why: 'not_taken' };
  const where = { file, row: message.row };
  const found = messageDate(body);
  const date =
    found.kind === 'full' ? found.date : found.kind === 'partial' ? (completedDate ?? null) : null;
  if (date === null) {
    return {
      kind: 'problem',
      problem: {
        ...where,
        message:
          found.kind === 'partial'
            ? `短信的日期没有年份，其他短信里也找不到年份，请在短信中补上年份 (date without a year, and no other message gives one): '${text.slice(0, 60)}'`
            : `短信中找不到日期 (no date in message): '${text.slice(0, 60)}'`,
      },
    };
  }
  const base = { ...where, date, cardType: 'unknown' as const, reference: '', net: null };
  const unzoned = body.replace(ZONED_STAMP, ' ');
  const dated = fullDate(unzoned);
  const body2 = (
    dated
      ? unzoned.slice(0, dated.index) + ' ' + unzoned.slice(dated.index + dated[0].length)
      : unzoned
  )
    .replace(EN_DMY, ' ')
    .replace(EN_DATE, ' ')
    .replace(PARTIAL_DATE, ' ')
    .replace(/\d{1,2}:\d{2}(:\d{2})?/gu, ' ');
  const line = (amount: number, fee: number | null, type: string, description: string) => ({
    ...base,
    amount,
    fee,
    type,
    description,
  });

  const card = labelledCard(message.text, line);
  if (card) return card;
  const receipt = RECEIPT.exec(body2) ?? EN_RECEIPT.exec(body2);
  if (receipt) {
    const amount = money(receipt[2]);
    const fee = money(receipt[3]);
    if (amount !== null && fee !== null) {
      return {
        kind: 'line',
        line: {
          ...line(
            amount,
            fee,
            /[a-z]/iu.test(receipt[1] ?? '') ? '收款' : (receipt[1] ?? '收款'),
            '',
          ),
          cardType: cardNamed(body2),
        },
      };
    }
  }
  // a notice with several amounts (结算入账…元，扣收手续费…元，扣收流量费…元): one line each
  const amounts = [...body2.matchAll(ALL_AMOUNTS)];
  if (amounts.length >= 2 && SETTLED.test(body2)) {
    const several = severalAmounts(body2, line);
    if (several) return several;
  }
  const credit = CREDIT.exec(body2) ?? CREDIT_AFTER.exec(body2) ?? EN_CREDIT.exec(body2);
  if (credit) {
    const amount = money(credit[2]);
    const name = (credit[1] ?? '').replace(/^[，,\s]+/u, '').trim();
    if (amount !== null) return { kind: 'line', line: line(amount, null, '返还', name) };
  }
  const reversal = REVERSAL.exec(body2);
  if (reversal) {
    const amount = money(reversal[2]);
    if (amount !== null)
      return { kind: 'line', line: line(-amount, null, reversal[1] ?? '退货', '') };
  }
  const deduction = DEDUCTION.exec(body2);
  if (deduction) {
    const amount = money(deduction[3]);
    const name = (deduction[2] ?? '').trim();
    if (amount !== null && NAMES.test(name) && !/^(结算|账户|余额|人民币)/u.test(name)) {
      const first = line(-amount, null, '扣费', name);
      const also = moreFees(body2.slice(deduction.index + deduction[0].length), line);
      return also.length === 0
        ? { kind: 'line', line: first }
        : { kind: 'line', line: first, also };
    }
  }
  const debit = DEBIT.exec(body2);
  if (debit) {
    const amount = money(debit[2]);
    const after = body2.slice(debit.index + debit[0].length);
    const name = NAME_AFTER.map((re) => re.exec(after)?.[1]?.trim()).find(
      (n) => n !== undefined && NAMES.test(n),
    );
    // typed by its verb, not as a charge: what was paid (提现, 货款, 机具押金) is for the name to say
    if (amount !== null && name !== undefined)
      return { kind: 'line', line: line(-amount, null, '支出', name) };
  }
  // the verb last: 终端通讯服务年费 88.00 元已于…扣收, 30.00元服务费已于…扣除
  const before = FEE_THEN_TAKEN.exec(body2);
  const after = TAKEN_FEE_AFTER.exec(body2);
  for (const [feeName, feeAmount] of [
    [before?.[1], before?.[2]],
    [after?.[2], after?.[1]],
  ]) {
    const amount = money(feeAmount);
    const name = (feeName ?? '').trim();
    if (amount !== null && FEE_NAME.test(name) && !NOT_A_FEE.test(name))
      return { kind: 'line', line: line(-amount, null, '扣费', name) };
  }
  const en = EN_DEDUCTION.exec(body2);
  if (en) {
    const amount = money(en[2] ?? en[4]);
    const name = (en[1] ?? en[3] ?? '').trim();
    if (amount !== null && name !== '')
      return { kind: 'line', line: line(-amount, null, '扣费', name) };
  }
  const debited = EN_DEBITED.exec(body2);
  if (debited) {
    const amount = money(debited[1]);
    const name = (debited[2] ?? '').trim();
    if (amount !== null && name !== '')
      return { kind: 'line', line: line(-amount, null, '扣费', name) };
  }
  const settlement = SETTLEMENT.exec(body2) ?? EN_SETTLEMENT.exec(body2);
  if (settlement) {
    const amount = money(settlement[2]);
    if (amount !== null) return { kind: 'line', line: line(-amount, null, '结算', '') };
  }
  const settled = EN_SETTLED.exec(body2);
  if (settled) {
    const amount = money(settled[1]);
    if (amount !== null) return { kind: 'line', line: line(-amount, null, '结算', '') };
  }
  // money moves, but in words we do not know: keep it for the classifier with its sign guessed
  const any = ANY_AMOUNT.exec(body2);
  const amount = money(any?.[1]) ?? 0;
  const out = /扣|支出|付款|转出|缴纳|收取|deduct|charged|debited/iu.test(body2);
  return { kind: 'line', line: line(out ? -amount : amount, null, '', body) };
}

/** The further fees listed after a deduction's first one (、服务费30.00元): a line each. */
function moreFees(
  rest: string,
  line: (amount: number, fee: number | null, type: string, description: string) => StatementLine,
): StatementLine[] {
  const fees: StatementLine[] = [];
  for (let more = MORE_FEE.exec(rest); more; more = MORE_FEE.exec(rest)) {
    const name = (more[1] ?? '').trim();
    const amount = money(more[2]);
    if (amount === null || !FEE_NAME.test(name) || NOT_A_FEE.test(name)) break;
    fees.push(line(-amount, null, '扣费', name));
    rest = rest.slice(more[0].length);
  }
  return fees;
}

/**
 * A bank-acquirer notice: 结算入账12,345.67元，扣收手续费74.07元，扣收流量费99.00元. The settled
 * amount is a payout (with the ordinary card fees in its fee column); each 扣收…费 naming another
 * fee is a deduction of its own.
 */
function severalAmounts(
  body: string,
  line: (amount: number, fee: number | null, type: string, description: string) => StatementLine,
): MessageResult | null {
  let settled: number | null = null;
  let settledText = '';
  let cardFees = 0;
  const fees: StatementLine[] = [];
  const credits: StatementLine[] = [];
  for (const clause of body.split(CLAUSE)) {
    const amountMatch = ANY_AMOUNT.exec(clause);
    const amount = money(amountMatch?.[1]);
    if (amount === null) continue;
    const deduction = DEDUCTION.exec(clause);
    const name = (deduction?.[2] ?? '').trim();
    if (deduction && name !== '' && !/^(结算|账户|余额)/u.test(name)) {
      if (/^(交易)?手续费$/u.test(name)) cardFees += money(deduction[3]) ?? 0;
      else fees.push(line(-(money(deduction[3]) ?? amount), null, '扣费', name));
      fees.push(...moreFees(clause.slice(deduction.index + deduction[0].length), line));
      continue;
    }
    const credit = CREDIT.exec(clause) ?? CREDIT_AFTER.exec(clause);
    if (credit) {
      credits.push(line(money(credit[2]) ?? amount, null, '返还', (credit[1] ?? '').trim()));
      continue;
    }
    if (/^[^\d]*手续费/u.test(clause)) {
      cardFees += amount;
      continue;
    }
    if (settled === null && SETTLED.test(clause)) {
      settled = amount;
      // the clause names the payout's speed, if any (D0提现…已到账): then its fee is the speed's
      settledText = clause.replace(ANY_AMOUNT, ' ').replace(/\s+/gu, ' ').trim();
    }
  }
  const lines = [
    ...(settled === null ? [] : [line(-settled, cardFees, '结算', settledText)]),
    ...fees,
    ...credits,
  ];
  const [first, ...rest] = lines;
  if (first === undefined) return null;
  return rest.length === 0
    ? { kind: 'line', line: first }
    : { kind: 'line', line: first, also: rest };
}

/** `扣费项目：流量卡年费`, `收款金额：￥12.00`: one label and its value on a line. */
const LABELLED = /^([^:：\d¥￥]{1,12})[:：]\s*(.+)$/u;

/**
 * A payment app's notice pasted as text: a heading (扣费通知, 收款到账通知, 提现到账通知) and
 * lines of `label：value`. The labels say what each value is — the amount, the fee, the name of
 * what was charged — so they are read as fields, not as one sentence: 扣费项目 names the fee,
 * 扣费金额 is its amount. Null when the message is not of that shape.
 */
function labelledCard(
  text: string,
  line: (amount: number, fee: number | null, type: string, description: string) => StatementLine,
): MessageResult | null {
  // one field after another on one line, too: 扣费项目：月费；扣费金额：¥19.90；扣费时间：…
  const lines = foldWidth(text)
    .split(/\r?\n|[；;]/u)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const fields: [string, string][] = [];
  for (const l of lines) {
    const m = LABELLED.exec(l);
    if (m) fields.push([(m[1] ?? '').replace(/\s+/gu, ''), (m[2] ?? '').trim()]);
  }
  if (fields.length < 2) return null;
  const heading = lines.filter((l) => !LABELLED.test(l)).join(' ');
  const value = (re: RegExp) => fields.find(([label]) => re.test(label))?.[1];
  const amountText = value(/金额$/u);
  const amount =
    amountText === undefined ? null : money(ANY_AMOUNT.exec(amountText)?.[1] ?? amountText);
  if (amount === null) return null;
  const amountLabel = fields.find(([label]) => /金额$/u.test(label))?.[0] ?? '';
  const what = `${heading} ${amountLabel}`;
  const name = value(/(项目|名称|事由|用途|原因|说明|类型|方式)$/u) ?? '';
  if (/扣费|扣款|收费|代扣|扣除/u.test(what))
    return { kind: 'line', line: line(-amount, null, '扣费', name) };
  if (/退款|退货|撤销|冲正/u.test(what))
    return { kind: 'line', line: line(-amount, null, name || '退货', '') };
  const feeText = value(/手续费/u);
  const fee = feeText === undefined ? null : money(ANY_AMOUNT.exec(feeText)?.[1] ?? feeText);
  // a payout's fee is its own (提现 … 手续费：¥2.00): the words say which payout it was
  if (/提现|结算|出款|划款/u.test(what)) {
    const words = name || what.replace(/【[^】]*】|\[[^\]]*\]/gu, ' ').trim();
    return { kind: 'line', line: line(-amount, fee, '结算', words) };
  }
  if (/收款|消费|交易/u.test(what)) {
    return { kind: 'line', line: { ...line(amount, fee, '收款', ''), cardType: cardNamed(text) } };
  }
  if (/入账|到账|返还|退还|返现|补贴|奖励/u.test(what))
    return { kind: 'line', line: line(amount, null, '返还', name) };
  return null;
}
