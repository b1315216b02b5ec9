import type { Contract, Rate } from '../contract.js';
import type { CardType, Fen } from '../model.js';
import { percentOf } from '../money.js';

/**
 * The fee the contract allows for a transaction: `amount × percent / 100`, capped, rounded
 * half-up to the fen, plus the agreed per-transaction add-on. A card-specific rate wins over
 * `any`; with the card type unknown, the highest fee among the rates that could apply is used,
 * so that every flag holds up in a complaint.
 */
export function expectedFee(amount: Fen, cardType: CardType, contract: Contract): Fen | null {
  const candidates: Rate[] = [];
  const pick = (card: 'debit' | 'credit') =>
    contract.rates.find((r) => r.cardType === card) ??
    contract.rates.find((r) => r.cardType === 'any');
  if (cardType === 'unknown') {
    for (const card of ['debit', 'credit'] as const) {
      const rate = pick(card);
      if (rate) candidates.push(rate);
    }
  } else {
    const rate = pick(cardType);
    if (rate) candidates.push(rate);
  }
  if (candidates.length === 0) return null;
  const fees = candidates.map((r) => percentOf(amount, r.percentMicro, r.capFen));
  return Math.max(...fees) + contract.perTransactionFeeFen;
}

/** "More than one cent above" the expected fee: a difference of at least 2 fen. */
export const ROUNDING_TOLERANCE_FEN = 1;

/**
 * The same rule prepared once per contract: the rates that could apply to each card type are
 * looked up once, not for every one of millions of transactions.
 */
export function createFeeRule(contract: Contract): (amount: Fen, cardType: CardType) => Fen | null {
  const pick = (card: 'debit' | 'credit') =>
    contract.rates.find((r) => r.cardType === card) ??
    contract.rates.find((r) => r.cardType === 'any');
  const debit = pick('debit');
  const credit = pick('credit');
  const unknown = [debit, credit].filter((r): r is Rate => r !== undefined);
  const add = contract.perTransactionFeeFen;
  return (amount, cardType) => {
    if (cardType === 'debit')
      return debit ? percentOf(amount, debit.percentMicro, debit.capFen) + add : null;
    if (cardType === 'credit')
      return credit ? percentOf(amount, credit.percentMicro, credit.capFen) + add : null;
    if (unknown.length === 0) return null;
    let best = 0;
    for (const r of unknown) best = Math.max(best, percentOf(amount, r.percentMicro, r.capFen));
    return best + add;
  };
}
