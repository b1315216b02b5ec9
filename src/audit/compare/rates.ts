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
