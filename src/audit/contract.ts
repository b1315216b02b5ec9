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

export const contractSchema = z.object({
  provider: z.string().optional(),
  providerType: z.enum(['bank', 'payment_institution']).optional(),
  merchantId: z.string().optional(),
  signedAt: isoDate.optional(),
  rates: z
    .array(
      z.object({
        cardType: z.enum(['debit', 'credit', 'any']),
        percent: z.union([z.number().nonnegative(), z.string().min(1)]),
        capYuan: yuanValue.optional(),
      }),
    )
    .default([]),
  perTransactionFeeYuan: yuanValue.default(0),
  agreedCharges: z
    .array(
      z.object({
        category: z.enum(FEE_CATEGORIES),
        amountYuan: yuanValue,
        every: z.enum(PERIODS),
        startsAfter: isoDate.optional(),
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
      {
        hint: 'write it in yuan, e.g. 36 or "36.00"',
      },
    );
  }
  return fen;
}

/** Validates a parsed contract.json; a problem becomes one line naming the field and the fix. */
export function parseContract(input: unknown): Contract {
  const result = contractSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw new FeeGuardError(
      'FG_ERR_BAD_CONTRACT',
      `合同文件有误 (invalid contract): ${path || '(top level)'}: ${issue?.message ?? 'invalid'}`,
      { hint: 'see the contract format in ../shared/spec/audit.md §1 or docs/audit.md' },
    );
  }
  const data = result.data;
  const rates = data.rates.map((rate, i): Rate => {
    const percentMicro = parsePercentMicro(rate.percent);
    if (percentMicro === null) {
      throw new FeeGuardError(
        'FG_ERR_BAD_CONTRACT',
        `合同中 rates.${i}.percent 无法识别: ${JSON.stringify(rate.percent)}`,
        { hint: 'write the rate as a percent number, e.g. 0.6 for 0.6%' },
      );
    }
    return rate.capYuan === undefined
      ? { cardType: rate.cardType, percentMicro }
      : { cardType: rate.cardType, percentMicro, capFen: yuan(rate.capYuan, `rates.${i}.capYuan`) };
  });
  const contract: Contract = {
    rates,
    perTransactionFeeFen: yuan(data.perTransactionFeeYuan, 'perTransactionFeeYuan'),
    agreedCharges: data.agreedCharges.map((c, i) => ({
      category: c.category,
      amountFen: yuan(c.amountYuan, `agreedCharges.${i}.amountYuan`),
      every: c.every,
      ...(c.startsAfter === undefined ? {} : { startsAfter: c.startsAfter }),
    })),
  };
  if (data.provider !== undefined) contract.provider = data.provider;
  if (data.providerType !== undefined) contract.providerType = data.providerType;
  if (data.merchantId !== undefined) contract.merchantId = data.merchantId;
  if (data.signedAt !== undefined) contract.signedAt = data.signedAt;
  return contract;
}
