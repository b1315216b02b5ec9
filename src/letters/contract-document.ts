import type { Contract } from '../audit/contract.js';
import { formatFenGrouped } from '../audit/money.js';
import { CATEGORY_NAMES, PERIOD_NAMES } from '../audit/words.js';
import type { Block, DocumentModel } from '../documents/model.js';
import { longDate, type Language } from './case-facts.js';

/**
 * What the merchant agreed to, as a table a person reads (rates and caps per card type, the
 * per-transaction fee, every agreed charge with its amount, period and start date), for the
 * evidence package: a regulator gets a page, not the JSON the audit reads.
 */
export function contractDocument(
  contract: Contract,
  lang: Language,
  options: { title?: string; source?: string } = {},
): DocumentModel {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const money = (fen: number) => `${formatFenGrouped(fen)} ${t('元', 'yuan')}`;
  const cards = {
    debit: t('借记卡', 'Debit card'),
    credit: t('贷记卡（信用卡）', 'Credit card'),
    any: t('所有银行卡', 'Any card'),
  } as const;
  const rows: string[][] = [
    ...contract.rates.map((r) => [
      t('交易手续费', 'Transaction fee'),
      cards[r.cardType],
      `${percentText(r.percentMicro)}%${r.capFen === undefined ? '' : t(`，每笔封顶 ${money(r.capFen)}`, `, capped at ${money(r.capFen)} per transaction`)}`,
      t('每笔交易', 'per transaction'),
      '',
    ]),
    ...(contract.perTransactionFeeFen > 0
      ? [
          [
            t('每笔固定手续费', 'Fixed fee per transaction'),
            '',
            money(contract.perTransactionFeeFen),
            t('每笔交易', 'per transaction'),
            '',
          ],
        ]
      : []),
    ...contract.agreedCharges.map((c) => [
      CATEGORY_NAMES[c.category][lang],
      '',
      money(c.amountFen),
      PERIOD_NAMES[c.every][lang],
      c.startsAfter
        ? t(`${longDate(c.startsAfter, 'zh')}起`, `from ${longDate(c.startsAfter, 'en')}`)
        : '',
    ]),
  ];
  const blocks: Block[] = [
    {
      kind: 'fields',
      fields: [
        ...(contract.provider
          ? [{ label: t('服务商', 'Provider'), value: contract.provider }]
          : []),
        ...(contract.merchantId
          ? [{ label: t('商户编号', 'Merchant number'), value: contract.merchantId }]
          : []),
        ...(contract.signedAt
          ? [{ label: t('签约日期', 'Signed on'), value: longDate(contract.signedAt, lang) }]
          : []),
      ],
    },
    {
      kind: 'table',
      columns: [
        { title: t('项目', 'Item'), weight: 1.6 },
        { title: t('卡类型', 'Card'), weight: 1.3 },
        { title: t('约定金额或费率', 'Agreed amount or rate'), weight: 2.2 },
        { title: t('周期', 'Period'), weight: 1 },
        { title: t('起始日期', 'Starts'), weight: 1.4 },
      ],
      rows,
      caption:
        options.source ??
        t('来源：商户填写的收单协议约定', 'Source: the agreement as the merchant entered it'),
    },
    {
      kind: 'note',
      text:
        contract.agreedCharges.length === 0
          ? t(
              '除上表所列外，合同没有约定其他费用。',
              'Apart from the above, the agreement provides for no other charge.',
            )
          : t(
              '表中未列出的费用不在约定范围内。',
              'Any charge not in this table is outside what was agreed.',
            ),
    },
  ];
  return {
    title: options.title ?? t('收单服务协议约定的费用', 'Fees agreed in the acquiring agreement'),
    blocks,
    language: lang === 'zh' ? 'zh-CN' : 'en',
    meta: { author: 'FeeGuard', subject: t('合同约定的费用', 'Agreed fees') },
  };
}

/** 550000 micro-percent → "0.55". */
function percentText(micro: number): string {
  const whole = Math.floor(micro / 1_000_000);
  const frac = String(micro % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/u, '');
  return frac === ''
    ? String(whole)
    : `${String(whole)}.${frac.length < 2 ? frac.padEnd(2, '0') : frac}`;
}
