import type { Lexicon, WeightedPattern } from '../lexicon/lexicon.js';
import type { FeeCategory, LineKind, StatementLine } from '../model.js';
import { foldWidth } from '../money.js';
import { detach } from '../strings.js';

/**
 * What a statement line is, and for a deduction which fee it is — with the evidence, so a
 * merchant (or a provider's complaint handler) can see why a row was flagged.
 *
 * Precedence, from the most to the least telling signal:
 * 1. a credit that returns a fee (手续费返还, 流量费退还) is never a deduction;
 * 2. the type column says sale (消费/收款) with money in → a transaction, even if its description
 *    names a fee (that is a fee taken out of the payout, checked later as a hidden deduction);
 * 3. the type column says reversal (退货/撤销) → a refund;
 * 4. a fee term anywhere with money out → a deduction of the best-scoring category;
 * 5. the type column says payout (结算/提现) → a settlement;
 * 6. the type column says deduction (扣费/扣款) → a deduction, `other_deduction` when unnamed;
 * 7. without a telling type column the description decides the same way;
 * 8. money out that nothing explains is a deduction to review; money in with a fee is a sale.
 */
export interface Classification {
  kind: LineKind;
  /** For `fee` lines: the category. */
  category?: FeeCategory;
  /** For transactions: the fee category named in the text, if any (a fee taken from the payout). */
  namedCategory?: FeeCategory;
  /** Human-readable evidence, Chinese. */
  basis: string;
}

export function normalizeText(text: string): string {
  return foldWidth(text).toLowerCase().replace(/\s+/g, '');
}

/** A category score from at least one specific term (weight 3) or two generic ones. */
const STRONG = 2;

interface CategoryScore {
  category: FeeCategory;
  score: number;
  terms: string[];
}

/** Scores text against every fee category; the best positive score wins. */
export function scoreCategories(text: string, lexicon: Lexicon): CategoryScore | null {
  if (text === '') return null;
  let best: CategoryScore | null = null;
  for (const [category, patterns] of lexicon.categories) {
    const { score, terms } = scorePatterns(text, patterns);
    if (score > 0 && (best === null || score > best.score)) best = { category, score, terms };
  }
  return best;
}

function scorePatterns(text: string, patterns: readonly WeightedPattern[]) {
  let score = 0;
  const terms: string[] = [];
  for (const p of patterns) {
    const match = p.regex.exec(text);
    if (match) {
      score += p.weight;
      terms.push(match[0]);
    }
  }
  return { score, terms };
}

function quote(label: string, text: string): string {
  return `${label}“${text}”`;
}

export function classifyLine(line: StatementLine, lexicon: Lexicon): Classification {
  const type = normalizeText(line.type);
  const description = normalizeText(line.description);
  const all = type === '' ? description : description === '' ? type : `${type} ${description}`;
  const moneyIn = line.amount > 0;
  const moneyOut = line.amount < 0;
  // a row that carries its own transaction fee is a sale, whatever its description says
  const saleLike = moneyIn && line.fee !== null && line.fee !== 0;
  const scored = scoreCategories(all, lexicon);
  // money coming in is never "money taken" of an unexplained kind (调账 in the merchant's favour)
  const named = scored && !(scored.category === 'other_deduction' && moneyIn) ? scored : null;
  const namedBasis = named ? `含“${named.terms.join('”“')}”→ ${named.category}` : '';
  const what = line.description || line.type;
  const typeSays = (re: RegExp) => type !== '' && re.test(type);
  const textSays = (re: RegExp) => all !== '' && re.test(all);
  const fee = (category: FeeCategory, basis: string): Classification => ({
    kind: 'fee',
    category,
    basis,
  });
  const sale = (basis: string): Classification =>
    named
      ? { kind: 'transaction', namedCategory: named.category, basis: `${basis}；摘要${namedBasis}` }
      : { kind: 'transaction', basis };

  const feeWords = named !== null || /费/u.test(all) || lexicon.deduction.test(all);
  if (lexicon.refundWords.test(all) && feeWords && !moneyOut) {
    return { kind: 'credit', basis: `${quote('文字', what)}是费用退还，属入账` };
  }
  const typeIsDeduction = typeSays(lexicon.deduction);
  if (typeSays(lexicon.transaction) && !typeSays(lexicon.reversal) && !typeIsDeduction) {
    if (moneyIn) return sale(`${quote('类型', line.type)}为收款`);
    if (moneyOut && !named)
      return { kind: 'refund', basis: `${quote('类型', line.type)}为收款但金额为负，视为冲正` };
  }
  if (typeSays(lexicon.reversal) && !named) {
    return { kind: 'refund', basis: `${quote('类型', line.type)}为退货/撤销` };
  }
  // a specific fee term outweighs a payout type (结算扣通讯费); a generic one (提现) does not.
  // Deductions are recognised whatever sign the export gives them.
  if (named && named.score >= STRONG && !saleLike) {
    return fee(named.category, `${quote('文字', what)}${namedBasis}`);
  }
  if (typeSays(lexicon.settlement) && !typeIsDeduction) {
    return { kind: 'settlement', basis: `${quote('类型', line.type)}为结算/提现` };
  }
  if (named && !saleLike) return fee(named.category, `${quote('文字', what)}${namedBasis}`);
  if (typeIsDeduction && !saleLike) {
    return fee('other_deduction', `${quote('类型', line.type)}为扣款，未写明费用名称`);
  }
  if (type === '' || !moneyIn) {
    if (textSays(lexicon.reversal))
      return { kind: 'refund', basis: `${quote('摘要', line.description)}为退货/撤销` };
    if (textSays(lexicon.settlement) && moneyOut)
      return { kind: 'settlement', basis: `${quote('摘要', line.description)}为结算/提现` };
    if (textSays(lexicon.transaction) && moneyIn)
      return sale(`${quote('摘要', line.description)}为收款`);
  }
  if (moneyOut) return fee('other_deduction', '款项被扣出，但没有写明原因');
  if (moneyIn && line.fee !== null && (saleLike || type === ''))
    return sale('入账且有手续费，视为收款');
  return { kind: 'other', basis: '既非收款、退款、结算，也非扣款' };
}

/** How many distinct row texts the classifier remembers; statements repeat a few dozen. */
const CACHE_LIMIT = 50_000;

/**
 * A classifier that remembers its answers: a statement repeats the same few row texts (消费,
 * 结算 尾号0443 …) hundreds of thousands of times, and the answer depends only on the texts, the
 * sign and whether the row carries a fee.
 */
export function createClassifier(lexicon: Lexicon): (line: StatementLine) => Classification {
  // type → description → sign and fee flags: nested maps, so a lookup builds no key string
  const cache = new Map<string, Map<string, Classification[]>>();
  let size = 0;
  return (line) => {
    const slot =
      (line.amount > 0 ? 0 : line.amount < 0 ? 3 : 6) +
      (line.fee === null ? 0 : line.fee === 0 ? 1 : 2);
    let byDescription = cache.get(line.type);
    if (byDescription === undefined) {
      byDescription = new Map();
      cache.set(detach(line.type), byDescription);
    }
    let slots = byDescription.get(line.description);
    if (slots === undefined) {
      if (size >= CACHE_LIMIT) {
        cache.clear();
        size = 0;
        byDescription = new Map();
        cache.set(detach(line.type), byDescription);
      }
      slots = [];
      byDescription.set(detach(line.description), slots);
      size += 1;
    }
    const hit = slots[slot];
    if (hit) return hit;
    const result = classifyLine(line, lexicon);
    slots[slot] = result;
    return result;
  };
}
