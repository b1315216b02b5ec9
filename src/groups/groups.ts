import type { Channel, ChannelKind, FilingType, KnowledgeBase } from '../channels/schema.js';

/**
 * Group complaints, the pure part: when a group is offered, which channels take a combined
 * letter, and how members appear in it. Plain data in, plain data out; the server stores groups
 * and members, this decides.
 */

export type ProviderType = 'bank' | 'payment_institution';
export type PartyType = 'individual_consumer' | 'individual_merchant' | 'company';

/**
 * The policy, with why each number is what it is. It is FeeGuard's own choice, not law: no rule
 * sets how many merchants make a group complaint, so one other merchant is enough for the offer
 * (two merchants hit by the same charge from the same provider already show a pattern rather
 * than a one-off error), and a combined letter needs at least two members when it is filed.
 */
export const GROUP_POLICY = {
  /** Other merchants (with a different owner) who must have a case of the same provider and category. */
  minOtherMerchants: 1,
  /** Active members needed to record a filing of the combined letter. */
  minMembersToFile: 2,
  /**
   * Regulators and associations: the bodies that act on a practice, not one merchant's refund.
   * The provider's own service desk, mediators, arbitrators, courts and the press are left out:
   * they take one party's claim, or publish rather than supervise.
   */
  letterChannelKinds: [
    'central_bank',
    'financial_regulator',
    'industry_association',
    'market_regulator',
    'consumer_association',
  ] satisfies readonly ChannelKind[],
} as const;

/** Whether a case's merchant is offered the group for one provider and category. */
export function isOffered(otherMerchants: number): boolean {
  return otherMerchants >= GROUP_POLICY.minOtherMerchants;
}

export interface GroupChannel {
  readonly channel: Channel;
  /** How the combined letter is filed here (投诉 or 举报), from the channel's `accepts[].as`. */
  readonly filingType: Extract<FilingType, 'complaint' | 'report'>;
}

/**
 * The channels a combined letter can go to: a regulator or association against this provider
 * type that takes a 投诉 or 举报 from every kind of party among the members. In the knowledge
 * base's order (pboc_12363 before samr_12315 before the payment clearing association).
 */
export function groupChannels(
  kb: KnowledgeBase,
  providerType: ProviderType,
  partyTypes: ReadonlySet<PartyType>,
): GroupChannel[] {
  const kinds: readonly ChannelKind[] = GROUP_POLICY.letterChannelKinds;
  const parties = partyTypes.size > 0 ? [...partyTypes] : ['individual_merchant' as const];
  return kb.channels.flatMap((channel): GroupChannel[] => {
    if (!kinds.includes(channel.kind) || !channel.against.includes(providerType)) return [];
    const as = parties.map(
      (party) =>
        channel.accepts.find(
          (a) =>
            a.party === party &&
            (a.as === 'complaint' || a.as === 'report') &&
            (a.against === undefined || a.against.includes(providerType)),
        )?.as,
    );
    if (as.some((a) => a === undefined)) return [];
    // Mixed parties: a channel that takes a report from any of them gets a report.
    return [{ channel, filingType: as.includes('report') ? 'report' : 'complaint' }];
  });
}

export interface MemberForLabel {
  readonly caseId: string;
  readonly joinedAt: string;
  readonly shareName: boolean;
  /** The name the member would be shown with: business name, else the signer's name. */
  readonly name: string;
}

/**
 * How each member is shown to the other members and in the letter: their name if they agreed to
 * share it, otherwise "商户 N" / "Merchant N", N counting members in the order they joined.
 */
export function memberLabels(
  members: readonly MemberForLabel[],
  lang: 'zh' | 'en',
): Map<string, string> {
  const ordered = [...members].sort(
    (a, b) => a.joinedAt.localeCompare(b.joinedAt) || a.caseId.localeCompare(b.caseId),
  );
  return new Map(
    ordered.map((m, i) => [
      m.caseId,
      m.shareName ? m.name : lang === 'zh' ? `商户 ${String(i + 1)}` : `Merchant ${String(i + 1)}`,
    ]),
  );
}
