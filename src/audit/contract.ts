import { z } from 'zod';
import { FeeGuardError } from '../errors.js';
import { FEE_CATEGORIES, type Fen, type IsoDate } from './model.js';
import { parsePercentMicro, parseYuanToFen } from './money.js';

/**
 * What the merchant agreed to (`--contract contract.json`, spec §1). Money in the file is yuan
 * as a JSON number or string; inside, everything is fen and micro-percent.
 */
const yuanValue = z.union([z.number().nonnegative(), z.string().min(1)]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

export const PERIODS = ['once', 'month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** `agreedCharges[2].startsAfter`: a path as a person counts, 1-based, for messages. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${String(part + 1)}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Edit distance between two keys, ignoring case (a typo is one or two letters off). */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** The valid key nearest to an unknown one, when it is close enough to be a typo. */
export function nearestKey(key: string, valid: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of valid) {
    const d = distance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

/**
 * A strict object: an unknown key is an error naming the key with its 1-based path and the
 * nearest valid key, in Chinese and English — the same message on the CLI and in the API.
 */
function strict<T extends z.ZodRawShape>(shape: T) {
  const valid = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const path = 'path' in issue && Array.isArray(issue.path) ? issue.path : [];
      return issue.keys
        .map((key) => {
          const where = formatPath([...path, key]);
          const near = nearestKey(key, valid);
          return near === null
            ? `未知字段 ${where}，可用的字段：${valid.join('、')} (unknown field ${where}; valid: ${valid.join(', ')})`
            : `未知字段 ${where}，是不是想写 ${near}？(unknown field ${where} — did you mean \`${near}\`?)`;
        })
        .join('; ');
    },
  });
}

export const contractSchema = strict({
  provider: z.string().optional(),
  providerType: z.enum(['bank', 'payment_institution']).optional(),
  merchantId: z.string().optional(),
  signedAt: isoDate.optional(),
  rates: z
    .array(
      strict({
        cardType: z.enum(['debit', 'credit', 'any']),
        percent: z.union([z.number().nonnegative(), z.string().min(1)]),
        // null is how many tools write "no cap"; it means the same as leaving the key out
        capYuan: yuanValue.nullish(),
      }),
    )
    .default([]),
  perTransactionFeeYuan: yuanValue.default(0),
  agreedCharges: z
    .array(
      strict({
        category: z.enum(FEE_CATEGORIES),
        amountYuan: yuanValue,
        every: z.enum(PERIODS),
        startsAfter: isoDate.nullish(),
      }),
    )
    .default([]),
});
export type ContractInput = z.input<typeof contractSchema>;

export interface Rate {
  cardType: 'debit' | 'credit' | 'any';
  percentMicro: number;
  capFen?: Fen;
}

export interface AgreedCharge {
  category: (typeof FEE_CATEGORIES)[number];
  amountFen: Fen;
  every: Period;
  startsAfter?: IsoDate;
}

export interface Contract {
  provider?: string;
  providerType?: 'bank' | 'payment_institution';
  merchantId?: string;
  signedAt?: IsoDate;
  rates: Rate[];
  perTransactionFeeFen: Fen;
  agreedCharges: AgreedCharge[];
}

function yuan(value: number | string, where: string): Fen {
  const fen = parseYuanToFen(String(value));
  if (fen === null || fen < 0) {
    throw new FeeGuardError(
      'FG_ERR_BAD_CONTRACT',
      `合同中 ${where} 的金额无法识别: ${JSON.stringify(value)}`,
      { hint: 'write it in yuan, e.g. 36 or "36.00"', details: { path: where } },
    );
  }
  return fen;
}

/** Validates a parsed contract.json; a problem becomes one line naming the field and the fix. */
export function parseContract(input: unknown): Contract {
  const result = contractSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = formatPath(issue?.path ?? []);
    const message =
      issue?.code === 'unrecognized_keys'
        ? issue.message
        : `${path || '(top level)'}: ${issue?.message ?? 'invalid'}`;
    throw new FeeGuardError('FG_ERR_BAD_CONTRACT', `合同文件有误 (invalid contract): ${message}`, {
      hint: 'see the contract format in docs/contract.md',
      details: { path },
    });
  }
  const data = result.data;
  const rates = data.rates.map((rate, i): Rate => {
    const percentMicro = parsePercentMicro(rate.percent);
    if (percentMicro === null) {
      throw new FeeGuardError(
        'FG_ERR_BAD_CONTRACT',
        `合同中 rates[${String(i + 1)}].percent 无法识别: ${JSON.stringify(rate.percent)}`,
        {
          hint: 'write the rate as a percent number, e.g. 0.6 for 0.6%',
          details: { path: `rates[${String(i + 1)}].percent` },
        },
      );
    }
    return rate.capYuan === undefined || rate.capYuan === null
      ? { cardType: rate.cardType, percentMicro }
      : {
          cardType: rate.cardType,
          percentMicro,
          capFen: yuan(rate.capYuan, `rates[${String(i + 1)}].capYuan`),
        };
  });
  const contract: Contract = {
    rates,
    perTransactionFeeFen: yuan(data.perTransactionFeeYuan, 'perTransactionFeeYuan'),
    agreedCharges: data.agreedCharges.map((c, i) => ({
      category: c.category,
      amountFen: yuan(c.amountYuan, `agreedCharges[${String(i + 1)}].amountYuan`),
      every: c.every,
      ...(c.startsAfter === undefined || c.startsAfter === null
        ? {}
        : { startsAfter: c.startsAfter }),
    })),
  };
  if (data.provider !== undefined) contract.provider = data.provider;
  if (data.providerType !== undefined) contract.providerType = data.providerType;
  if (data.merchantId !== undefined) contract.merchantId = data.merchantId;
  if (data.signedAt !== undefined) contract.signedAt = data.signedAt;
  return contract;
}

const CARD_WORDS = {
  debit: { zh: '借记卡', en: 'debit card' },
  credit: { zh: '信用卡', en: 'credit card' },
  any: { zh: '不分卡种', en: 'any card' },
} as const;

const RATE_PARTS: Record<string, { zh: string; en: string }> = {
  percent: { zh: '费率', en: 'rate' },
  capYuan: { zh: '封顶金额', en: 'cap' },
  cardType: { zh: '卡种', en: 'card type' },
};

const CHARGE_PARTS: Record<string, { zh: string; en: string }> = {
  category: { zh: '收费项目', en: 'kind' },
  amountYuan: { zh: '金额', en: 'amount' },
  every: { zh: '多久收一次', en: 'period' },
  startsAfter: { zh: '从哪天起可以收', en: 'start date' },
};

const TOP_PARTS: Record<string, { zh: string; en: string }> = {
  perTransactionFeeYuan: { zh: '每笔固定手续费', en: 'fixed fee per transaction' },
  signedAt: { zh: '签约日期', en: 'signing date' },
  provider: { zh: '服务商名称', en: 'provider name' },
  providerType: { zh: '服务商类型', en: 'provider type' },
  merchantId: { zh: '商户号', en: 'merchant number' },
  rates: { zh: '费率', en: 'rates' },
  agreedCharges: { zh: '约定的收费', en: 'agreed charges' },
};

/**
 * A contract field as a merchant would name it, for error messages shown on a form:
 * `agreedCharges[2].amountYuan` is 「约定的收费第 2 项的金额」, `rates[1].capYuan` of a debit
 * rate 「借记卡的封顶金额」. `path` is as {@link formatPath} writes it; `contract` is what was
 * sent, to name a rate by its card type.
 *
 * @example contractFieldWords('agreedCharges[2].amountYuan', {}).zh // '约定的收费第 2 项的金额'
 */
export function contractFieldWords(path: string, contract: unknown): { zh: string; en: string } {
  const rate = /^rates\[(\d+)\](?:\.(\w+))?$/u.exec(path);
  if (rate) {
    const n = Number(rate[1]);
    const rates = (contract as { rates?: unknown } | null)?.rates;
    const cardType = Array.isArray(rates)
      ? (rates[n - 1] as { cardType?: unknown } | undefined)?.cardType
      : undefined;
    const card =
      typeof cardType === 'string' && cardType in CARD_WORDS
        ? CARD_WORDS[cardType as keyof typeof CARD_WORDS]
        : { zh: `第 ${String(n)} 个费率`, en: `rate ${String(n)}` };
    const part = rate[2] ? RATE_PARTS[rate[2]] : undefined;
    return part
      ? { zh: `${card.zh}的${part.zh}`, en: `the ${part.en} for ${card.en}` }
      : { zh: `${card.zh}的费率`, en: `the rate for ${card.en}` };
  }
  const charge = /^agreedCharges\[(\d+)\](?:\.(\w+))?$/u.exec(path);
  if (charge) {
    const n = String(Number(charge[1]));
    const part = charge[2] ? CHARGE_PARTS[charge[2]] : undefined;
    return part
      ? { zh: `约定的收费第 ${n} 项的${part.zh}`, en: `the ${part.en} of agreed charge ${n}` }
      : { zh: `约定的收费第 ${n} 项`, en: `agreed charge ${n}` };
  }
  return TOP_PARTS[path] ?? { zh: '合同内容', en: 'the contract' };
}
