import { z } from 'zod';
import { FeeGuardError } from '../errors.js';
import data from './payment-institutions.json' with { type: 'json' };
import { confidenceSchema } from './schema.js';

/**
 * Whether the provider is a bank or a licensed payment institution decides the regulator, the
 * deadlines and the rules a letter may cite. Merchants often do not know; the name usually tells
 * (…银行…分行/支行 is a bank branch), and the PBoC's licence list names the payment
 * institutions. What FeeGuard infers, the merchant confirms.
 */
export type ProviderKind = 'bank' | 'payment_institution';

const licenceListSchema = z.object({
  verifiedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
  source: z.object({ title: z.string().min(1), where: z.string().min(1) }),
  confidence: confidenceSchema,
  names: z.array(z.string().min(2)).min(1),
});
export type LicenceList = z.infer<typeof licenceListSchema>;

const bundled = { list: null as LicenceList | null };

export function paymentInstitutionList(): LicenceList {
  if (!bundled.list) {
    const parsed = licenceListSchema.safeParse(data);
    if (!parsed.success) {
      throw new FeeGuardError(
        'FG_ERR_BAD_KNOWLEDGE_BASE',
        `payment-institutions.json: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`,
        {
          hint: 'fix src/channels/payment-institutions.json so it matches src/channels/provider-kind.ts',
        },
      );
    }
    bundled.list = parsed.data;
  }
  return bundled.list;
}

/** A bank, its branch or sub-branch, or a rural credit institution, by the shape of its name. */
const BANK_NAME =
  /(银行(股份有限公司|有限责任公司|有限公司)?.*(总行|分行|支行|营业部)?$|农村信用合作联社|农村信用社|信用合作社)/u;

export interface ProviderKindGuess {
  readonly kind: ProviderKind;
  /** name: the name's shape; licence_list: on the payment-institution list. */
  readonly basis: 'name' | 'licence_list';
}

/** The provider's kind as its name tells it, or null when it does not. */
export function inferProviderKind(
  name: string,
  list: LicenceList = paymentInstitutionList(),
): ProviderKindGuess | null {
  const clean = name.replace(/\s+/gu, '');
  if (list.names.some((n) => clean.includes(n))) {
    return { kind: 'payment_institution', basis: 'licence_list' };
  }
  if (BANK_NAME.test(clean)) return { kind: 'bank', basis: 'name' };
  return null;
}

export type ResolvedKind = ProviderKind | 'unknown';

export interface ProviderKindResolution {
  readonly kind: ResolvedKind;
  /** Set when the merchant must confirm or answer: what FeeGuard could not settle. */
  readonly question?: { readonly zh: string; readonly en: string };
}

const KIND_WORDS: Record<ProviderKind, { zh: string; en: string }> = {
  bank: { zh: '银行', en: 'a bank' },
  payment_institution: { zh: '支付机构', en: 'a payment institution' },
};

/**
 * The kind to plan with: what the case says, checked against the name. A stated kind the name
 * contradicts (a bank branch entered as a payment institution) is not trusted: the plan starts
 * where both kinds are handled and asks.
 */
export function resolveProviderKind(
  name: string,
  stated: ResolvedKind | undefined,
  list: LicenceList = paymentInstitutionList(),
): ProviderKindResolution {
  const guess = inferProviderKind(name, list);
  const ask = {
    zh: `请确认“${name}”是银行还是支付机构：看收单协议或对账单上的收单机构全称，名称里有“银行”的是银行，持有支付业务许可证的“支付”公司是支付机构。确认之前，路线从两类机构都受理的渠道开始，信中也不引用只适用于其中一类的规定。`,
    en: `Please confirm whether "${name}" is a bank or a payment institution: the acquirer's full name on the agreement or statement tells — a name with 银行 is a bank, a licensed "支付" company is a payment institution. Until then the plan starts with channels that take both, and letters cite no rule that binds only one kind.`,
  };
  if (stated === 'bank' || stated === 'payment_institution') {
    if (guess && guess.kind !== stated) {
      return {
        kind: 'unknown',
        question: {
          zh: `案件中填写的类型是${KIND_WORDS[stated].zh}，但名称看起来是${KIND_WORDS[guess.kind].zh}。${ask.zh}`,
          en: `The case says ${KIND_WORDS[stated].en}, but the name looks like ${KIND_WORDS[guess.kind].en}. ${ask.en}`,
        },
      };
    }
    return { kind: stated };
  }
  if (guess) {
    return {
      kind: guess.kind,
      question: {
        zh: `根据名称判断“${name}”是${KIND_WORDS[guess.kind].zh}${guess.basis === 'licence_list' ? '（在支付机构名单中）' : ''}，请核对收单协议后确认。`,
        en: `From its name, "${name}" is taken to be ${KIND_WORDS[guess.kind].en}${guess.basis === 'licence_list' ? ' (on the payment-institution list)' : ''}; please confirm against the acquiring agreement.`,
      },
    };
  }
  return { kind: 'unknown', question: ask };
}
