import { parseDateCell } from '../dates.js';
import type { InputProblem, SourceMessage, StatementLine } from '../model.js';
import { foldWidth, parseYuanToFen } from '../money.js';

/**
 * A pasted notification → a statement line. Providers word their SMS in a handful of ways: a
 * receipt with its fee (收款16.15元，手续费3.10元), a deduction naming the fee (扣除会员费39.00元),
 * a payout (结算款897.74元已划入), a returned fee (手续费返还1.77元). The message's verb decides the
 * row's type; the words before the amount name the fee. Anything else with money in it is kept
 * with the whole message as its description, so the classifier still sees it.
 */
export type MessageResult =
  | { kind: 'line'; line: StatementLine }
  | { kind: 'skip'; why: 'no_money' }
  | { kind: 'problem'; problem: InputProblem };

// an amount is marked as money by a ¥ before it or a 元 after it
const AMOUNT = String.raw`(?:人民币|rmb)?\s*(?=[¥￥]|\d[\d,]*(?:\.\d+)?\s*元)[¥￥]?\s*(\d[\d,]*(?:\.\d+)?)\s*元?`;
const DATE = /(\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{8}(?=\D))/u;

const RECEIPT = new RegExp(
  String.raw`(收款|消费|交易|刷卡|入账)(?:成功)?(?:金额)?[:：]?\s*${AMOUNT}.*?手续费[:：]?\s*${AMOUNT}`,
  'u',
);
const DEDUCTION = new RegExp(
  String.raw`(扣除|扣收|收取|扣取|扣款|代扣|扣缴|扣)(?:了|您)?(?:的)?([^\d，。,；;：:¥￥]{0,24}?)[:：]?\s*${AMOUNT}`,
  'u',
);
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
const ANY_AMOUNT = new RegExp(AMOUNT, 'u');

function money(text: string | undefined): number | null {
  return text === undefined ? null : parseYuanToFen(text);
}

export function interpretMessage(message: SourceMessage, file: string): MessageResult {
  const text = foldWidth(message.text).trim();
  const body = text.replace(/^【[^】]*】/u, '');
  if (!ANY_AMOUNT.test(body)) return { kind: 'skip', why: 'no_money' };
  const where = { file, row: message.row };
  const dateMatch = DATE.exec(body);
  const date = dateMatch ? parseDateCell(dateMatch[1] ?? '') : null;
  if (date === null) {
    return {
      kind: 'problem',
      problem: {
        ...where,
        message: `短信中找不到日期 (no date in message): '${text.slice(0, 60)}'`,
      },
    };
  }
  const base = { ...where, date, cardType: 'unknown' as const, reference: '', net: null };
  const body2 = body.replace(DATE, ' ');

  const receipt = RECEIPT.exec(body2);
  if (receipt) {
    const amount = money(receipt[2]);
    const fee = money(receipt[3]);
    if (amount !== null && fee !== null) {
      return {
        kind: 'line',
        line: { ...base, amount, fee, type: receipt[1] ?? '收款', description: '' },
      };
    }
  }
  const credit = CREDIT.exec(body2) ?? CREDIT_AFTER.exec(body2);
  if (credit) {
    const amount = money(credit[2]);
    const name = (credit[1] ?? '').replace(/^[，,\s]+/u, '').trim();
    if (amount !== null)
      return {
        kind: 'line',
        line: { ...base, amount, fee: null, type: '返还', description: name },
      };
  }
  const reversal = REVERSAL.exec(body2);
  if (reversal) {
    const amount = money(reversal[2]);
    if (amount !== null)
      return {
        kind: 'line',
        line: { ...base, amount: -amount, fee: null, type: reversal[1] ?? '退货', description: '' },
      };
  }
  const deduction = DEDUCTION.exec(body2);
  if (deduction) {
    const amount = money(deduction[3]);
    const name = (deduction[2] ?? '').trim();
    if (amount !== null && name !== '' && !/^(结算|账户|余额)/u.test(name)) {
      return {
        kind: 'line',
        line: { ...base, amount: -amount, fee: null, type: '扣费', description: name },
      };
    }
  }
  const settlement = SETTLEMENT.exec(body2);
  if (settlement) {
    const amount = money(settlement[2]);
    if (amount !== null)
      return {
        kind: 'line',
        line: { ...base, amount: -amount, fee: null, type: '结算', description: '' },
      };
  }
  // money moves, but in words we do not know: keep it for the classifier with its sign guessed
  const any = ANY_AMOUNT.exec(body2);
  const amount = money(any?.[1]) ?? 0;
  const out = /扣|支出|付款|转出|缴纳|收取/u.test(body2);
  return {
    kind: 'line',
    line: { ...base, amount: out ? -amount : amount, fee: null, type: '', description: body },
  };
}
