import { normalizeTerm, type Lexicon, type WeightedPattern } from '../lexicon/lexicon.js';
import type { FeeCategory, LineKind, StatementLine } from '../model.js';
import { detach } from '../strings.js';
import { CATEGORY_NAMES } from '../words.js';
import { NumberedTexts } from './numbered.js';

/**
 * What a statement line is, and for a deduction which fee it is — with the evidence, so a
 * merchant (or a provider's complaint handler) can see why a row was flagged. Whatever FeeGuard
 * calls `unauthorized`, the merchant sends to a regulator under their own name, so a row is a
 * fee only on evidence, and a payout is never one.
 *
 * Precedence, from the most to the least telling signal:
 * 1. money returned is never a deduction: a fee returned (手续费返还, 押金退还), a subsidy or
 *    cash-back (返现, 补贴, 奖励), a reversal of a fee (流量费冲正, which cancels the fee it
 *    reverses);
 * 2. the type column says sale (消费/收款) with money in → a transaction, even if its description
 *    names a fee (that is a fee taken out of the payout, checked later as a hidden deduction);
 * 3. the type column says reversal (退货/撤销) → a refund;
 * 4. the row has the shape of a payout (至尾号1234, 到卡, 结算至 …) or its type says payout
 *    (结算/提现/出款) → a settlement: 提现, 秒到, D0, T0 on such a row name the speed of the payout,
 *    not a charge. Only a fee name with a charge word (提现手续费, 秒到费) on a row typed as a fee
 *    makes it a deduction; a payout-shaped row that also names a fee is a deduction to review;
 * 5. a fee name anywhere with money out → a deduction of the category whose name is the most
 *    specific (longest) match: 通讯服务费 is a SIM fee, 快速到账服务费 an instant-settlement fee;
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
  /**
   * For `fee` lines: `specific` when a name of the category says so; `weak` when only generic
   * words do, or the row also looks like a payout — such a row is never claimed, only reviewed.
   */
  evidence?: 'specific' | 'weak';
  /** Why the evidence is weak, in plain Chinese for the merchant. */
  weakReason?: string;
  /**
   * A card-scheme network service fee (银联网络服务费, 品牌服务费): part of the card fee, not a SIM
   * fee. `ambiguous`: plain 网络服务费, a SIM fee only when it is a fixed periodic amount.
   */
  network?: 'card' | 'ambiguous';
  /** The card fee of one sale on a row of its own (交易服务费, 交易手续费): checked with that sale. */
  saleFee?: boolean;
  /** For `credit` lines that reverse a fee (流量费冲正): the category reversed. */
  reverses?: FeeCategory;
  /**
   * For `fee` lines: the type column itself says a deduction (扣费, 扣款), so a charge it names is
   * one whichever sign the export printed (see Auditor.againstTheSign).
   */
  deductionType?: true;
  /** For `settlement` lines: the text names the payout's speed (秒到/D0/提现), so a fee column is its fee. */
  speed?: boolean;
}

export function normalizeText(text: string): string {
  return normalizeTerm(text);
}

/** A category is named specifically by an entry of at least this weight. */
const SPECIFIC = 2;

interface CategoryScore {
  category: FeeCategory;
  /** Length of the longest name matched: the most specific name decides. */
  length: number;
  /** Sum of the weights matched: breaks ties. */
  score: number;
  specific: boolean;
  terms: string[];
}

/**
 * Scores text against every fee category; the longest specific name wins — except that a
 * generic deduction word (其他扣款, 差错扣款, 调账) says only that money was taken, not what for:
 * when the rest of the text names a fee specifically (其他扣款 权益包, 差错扣款 终端流量费), that
 * name is what the money paid. A fee word inside the deduction's own name (激活 in 激活返现扣回)
 * is part of that name, so only the text outside the deduction's words is scored again.
 */
export function scoreCategories(text: string, lexicon: Lexicon): CategoryScore | null {
  const best = scoreAll(text, lexicon);
  if (best?.category !== 'other_deduction') return best;
  let rest = text;
  for (const term of best.terms) rest = rest.split(term).join(' ');
  const named = scoreAll(rest, lexicon);
  return named !== null && named.specific && named.category !== 'other_deduction' ? named : best;
}

function scoreAll(text: string, lexicon: Lexicon): CategoryScore | null {
  if (text === '') return null;
  let best: CategoryScore | null = null;
  for (const [category, patterns] of lexicon.categories) {
    const found = scorePatterns(text, patterns);
    if (found === null) continue;
    const scored = { category, ...found };
    if (best === null || better(scored, best)) best = scored;
  }
  return best;
}

function better(a: CategoryScore, b: CategoryScore): boolean {
  if (a.specific !== b.specific) return a.specific;
  if (a.length !== b.length) return a.length > b.length;
  return a.score > b.score;
}

function scorePatterns(text: string, patterns: readonly WeightedPattern[]) {
  let score = 0;
  let length = 0;
  let specific = false;
  const terms: string[] = [];
  for (const p of patterns) {
    if (p.requires && !p.requires.test(text)) continue;
    // Most texts name no fee: one `test` says so without `matchAll`, which copies the regex each
    // call (measured: a fifth of the time on a statement of unique descriptions). A global
    // regex's `test` moves `lastIndex`, which `matchAll` would start from, so it is reset.
    p.regex.lastIndex = 0;
    const hit = p.regex.test(text);
    p.regex.lastIndex = 0;
    if (!hit) continue;
    let longest = '';
    for (const match of text.matchAll(p.regex)) {
      if (match[0].length > longest.length) longest = match[0];
    }
    if (longest === '') continue;
    score += p.weight;
    if (p.weight >= SPECIFIC) {
      specific = true;
      length = Math.max(length, longest.length);
    } else if (!specific) length = Math.max(length, longest.length);
    terms.push(longest);
  }
  return score > 0 ? { score, length, specific, terms } : null;
}

function quote(label: string, text: string): string {
  return `${label}“${text}”`;
}

/**
 * Texts that differ only in their digits share their answer (numbered.ts) as long as every test
 * here is of the lexicon's patterns, or treats digits alike (`/费|fee/`): a test written here that
 * tells digits apart must be made known there.
 */
export function classifyLine(line: StatementLine, lexicon: Lexicon): Classification {
  const type = normalizeText(line.type);
  const description = normalizeText(line.description);
  const all = type === '' ? description : description === '' ? type : `${type} ${description}`;
  const moneyIn = line.amount > 0;
  const moneyOut = line.amount < 0;
  // a row that carries its own transaction fee is a sale, whatever its description says
  const saleLike = moneyIn && line.fee !== null && line.fee !== 0;
  const cardNetwork = all !== '' && lexicon.cardNetwork.test(all);
  // the card fee of a sale on its own row (交易服务费[订单号]) is no 服务费 either
  const saleFee = all !== '' && lexicon.saleFee.test(all);
  // the card-scheme network fee is part of the card fee: its words name no other category
  let scoredText = all;
  if (cardNetwork)
    scoredText = scoredText.replace(new RegExp(lexicon.cardNetwork.source, 'giu'), '');
  if (saleFee) scoredText = scoredText.replace(new RegExp(lexicon.saleFee.source, 'giu'), '');
  const scored = scoreCategories(scoredText, lexicon);
  // money coming in is never "money taken" of an unexplained kind (调账 in the merchant's favour)
  const named = scored && !(scored.category === 'other_deduction' && moneyIn) ? scored : null;
  // in the merchant's words: each name once, the category by its Chinese name
  const namedBasis = named
    ? `含“${[...new Set(named.terms)].join('”“')}”，归为${CATEGORY_NAMES[named.category].zh}`
    : '';
  const what = line.description || line.type;
  const typeSays = (re: RegExp) => type !== '' && re.test(type);
  const textSays = (re: RegExp) => all !== '' && re.test(all);
  const ambiguousNetwork =
    named?.category === 'traffic_fee' &&
    textSays(lexicon.networkAmbiguous) &&
    scoreCategories(all.replace(new RegExp(lexicon.networkAmbiguous.source, 'giu'), ''), lexicon)
      ?.category !== 'traffic_fee';
  const fee = (category: FeeCategory, basis: string, weakReason?: string): Classification => ({
    kind: 'fee',
    category,
    basis,
    evidence: weakReason === undefined ? 'specific' : 'weak',
    ...(weakReason === undefined ? {} : { weakReason }),
    ...(cardNetwork
      ? { network: 'card' as const }
      : ambiguousNetwork
        ? { network: 'ambiguous' as const }
        : {}),
    ...(saleFee && !named ? { saleFee: true } : {}),
    ...(typeSays(lexicon.deduction) ? { deductionType: true as const } : {}),
  });
  const namedFee = (basis: string, weakReason?: string): Classification =>
    fee(
      named?.category ?? 'other_deduction',
      basis,
      weakReason ??
        (named?.specific === false
          ? `扣款名称“${what}”只含笼统的字眼，说不清是哪一类费用，需向服务商核实`
          : undefined),
    );
  const sale = (basis: string): Classification =>
    named && named.specific
      ? { kind: 'transaction', namedCategory: named.category, basis: `${basis}；摘要${namedBasis}` }
      : { kind: 'transaction', basis };

  // 1. money returned
  const feeWords = named !== null || cardNetwork || /费/u.test(all) || lexicon.deduction.test(all);
  if (textSays(lexicon.refundWords) && feeWords) {
    return { kind: 'credit', basis: `${quote('文字', what)}是费用退还，属入账，不是扣费` };
  }
  if (textSays(lexicon.subsidy) && !moneyOut) {
    return { kind: 'credit', basis: `${quote('文字', what)}是返现/补贴/奖励，属入账，不是扣费` };
  }
  if (textSays(lexicon.feeReversal) && named && named.category !== 'other_deduction' && !moneyOut) {
    return {
      kind: 'credit',
      reverses: named.category,
      basis: `${quote('文字', what)}是对一笔${named.category}的冲正，钱已退回`,
    };
  }
  const typeIsDeduction = typeSays(lexicon.deduction);
  // 2–3. sales and reversals by their type
  if (typeSays(lexicon.transaction) && !typeSays(lexicon.reversal) && !typeIsDeduction) {
    if (moneyIn) return sale(`${quote('类型', line.type)}为收款`);
    if (moneyOut && !named)
      return { kind: 'refund', basis: `${quote('类型', line.type)}为收款但金额为负，视为冲正` };
  }
  if (typeSays(lexicon.reversal) && !named) {
    return { kind: 'refund', basis: `${quote('类型', line.type)}为退货/撤销` };
  }
  // 4. payouts: by their shape, or by a payout type
  const payoutShape = textSays(lexicon.payout);
  const payoutType = typeSays(lexicon.settlement) && !typeIsDeduction;
  const settlement = (basis: string): Classification => ({
    kind: 'settlement',
    basis,
    ...(textSays(lexicon.speed) ? { speed: true } : {}),
  });
  // a payout-shaped row is never a sale, even when the export prints it as money in with a fee
  if (payoutShape && !typeIsDeduction) {
    // (提现/秒到/D0 count as a fee name only with a charge word: 提现手续费 尾号1234)
    if (named && named.category !== 'other_deduction')
      return namedFee(
        `${quote('文字', what)}${namedBasis}；但这一行像是转到银行卡的结算出款`,
        '这一行像是转到银行卡的结算/提现出款，同时写了费用名称，金额可能是出款而不是费用，需核实',
      );
    return settlement(`${quote('文字', what)}是转到银行卡的结算/提现出款，不是费用`);
  }
  // a fee name outweighs a payout type (结算扣通讯费), but 提现/秒到/D0 on a payout name its speed —
  // unless a charge is named: in the description, or as the type itself (a list of charges whose
  // 费用类型 is 即时到账费 or 出款手续费: the head of the name is the charge, not the payout)
  if (named && named.specific && !saleLike) {
    if (
      payoutType &&
      named.category === 'instant_settlement_fee' &&
      !/费|fee/u.test(description) &&
      !/(费|fee)$/u.test(type) &&
      !named.terms.some((term) => lexicon.charge.test(term))
    )
      return settlement(
        `${quote('类型', line.type)}为结算/提现，“${named.terms.join('”“')}”说的是到账速度`,
      );
    return namedFee(`${quote('文字', what)}${namedBasis}`);
  }
  if (payoutType) {
    return settlement(`${quote('类型', line.type)}为结算/提现`);
  }
  // 5–6. deductions
  if (named && !saleLike) return namedFee(`${quote('文字', what)}${namedBasis}`);
  if (cardNetwork && !saleLike)
    return fee(
      'other_deduction',
      `${quote('文字', what)}是银联/卡组织网络服务费，属刷卡手续费的一部分`,
    );
  if (saleFee && !saleLike && !moneyIn)
    return fee(
      'other_deduction',
      `${quote('文字', what)}是一笔交易的手续费，单独列为一行`,
      '这是一笔交易的手续费，但没有紧跟在它所属的收款之后，无法核对费率，需核实是哪一笔交易的',
    );
  if (typeIsDeduction && !saleLike) {
    return fee('other_deduction', `${quote('类型', line.type)}为扣款，未写明费用名称`);
  }
  // 7. the description alone
  if (type === '' || !moneyIn) {
    if (textSays(lexicon.reversal))
      return { kind: 'refund', basis: `${quote('摘要', line.description)}为退货/撤销` };
    // a payout is a settlement whichever way the export signs it (money in on a card's view)
    if (textSays(lexicon.settlement) && (moneyOut || (!named && !textSays(lexicon.transaction))))
      return settlement(`${quote('摘要', line.description)}为结算/提现`);
    if (textSays(lexicon.transaction) && moneyIn)
      return sale(`${quote('摘要', line.description)}为收款`);
  }
  // 8. what is left
  if (moneyOut) return fee('other_deduction', '款项被扣出，但没有写明原因');
  if (moneyIn && line.fee !== null && (saleLike || type === ''))
    return sale('入账且有手续费，视为收款');
  return { kind: 'other', basis: '既非收款、退款、结算，也非扣款' };
}

/** Slots of the classifier's record of texts met once (a power of two). */
const SEEN_SLOTS = 1 << 16;

/** A slot for a type and description: a collision only makes a text remembered sooner. */
function textHash(type: string, description: string): number {
  let hash = type.length;
  for (let i = 0; i < type.length; i++) hash = (Math.imul(hash, 31) + type.charCodeAt(i)) | 0;
  for (let i = 0; i < description.length; i++)
    hash = (Math.imul(hash, 31) + description.charCodeAt(i)) | 0;
  return (hash ^ (hash >>> 16)) & (SEEN_SLOTS - 1);
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
  const seenOnce = new Uint8Array(SEEN_SLOTS);
  let marked = 0;
  const numbered = new NumberedTexts(lexicon, (line) => classifyLine(line, lexicon));
  // the answers for the texts of the line before: most lines repeat them (the same strings, from
  // the table of a statement's texts), and two lookups, each hashing its text, cost more
  let lastType = '';
  let lastDescription = '';
  let lastSlots: Classification[] | null = null;
  return (line) => {
    const slot =
      (line.amount > 0 ? 0 : line.amount < 0 ? 3 : 6) +
      (line.fee === null ? 0 : line.fee === 0 ? 1 : 2);
    if (lastSlots !== null && line.type === lastType && line.description === lastDescription) {
      const hit = lastSlots[slot];
      if (hit) return hit;
    }
    let byDescription = cache.get(line.type);
    if (byDescription === undefined) {
      byDescription = new Map();
      cache.set(detach(line.type), byDescription);
    }
    let slots = byDescription.get(line.description);
    if (slots === undefined) {
      // a text met for the first time is not remembered: descriptions that are unique (原交易
      // 123456, order numbers; 80,000 on the bench) would fill the cache, and V8's old
      // generation, with answers never asked for again
      const hash = textHash(line.type, line.description);
      if (seenOnce[hash] !== 1) {
        if (marked >= SEEN_SLOTS / 2) {
          seenOnce.fill(0);
          marked = 0;
        }
        seenOnce[hash] = 1;
        marked += 1;
        return numbered.classifyLine(line, slot);
      }
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
    lastType = line.type;
    lastDescription = line.description;
    lastSlots = slots;
    const hit = slots[slot];
    if (hit) return hit;
    const result = classifyLine(line, lexicon);
    slots[slot] = result;
    return result;
  };
}
