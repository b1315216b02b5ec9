import type { Fen, IsoDate } from '../audit/model.js';
import type { PlanPolicy } from './policy.js';

/**
 * What going to law costs and which procedure a claim gets: pure arithmetic on the policy data
 * (诉讼费用交纳办法 第十三条 brackets, the 1995 arbitration fee table, each province's
 * small-claims limit). Money in fen, whole numbers only.
 */

/** Per-mille arithmetic in integers: `fen × basisPoints / 10 000`, rounded to the fen. */
function partFee(partFen: number, basisPoints: number): number {
  return Math.round((partFen * basisPoints) / 10_000);
}

/** 案件受理费 for a property claim (第十三条第一项), before any halving. */
export function courtFeeFen(claimFen: Fen, policy: PlanPolicy): Fen {
  let fee = 0;
  let lower = 0;
  for (const bracket of policy.courtFee.brackets) {
    const upper = bracket.upToYuan === undefined ? Infinity : bracket.upToYuan * 100;
    if ('fixedYuan' in bracket) {
      fee += bracket.fixedYuan * 100;
    } else if (claimFen > lower) {
      fee += partFee(Math.min(claimFen, upper) - lower, bracket.basisPoints);
    }
    if (claimFen <= upper) break;
    lower = upper;
  }
  return fee;
}

/** The range of 仲裁案件受理费 the 1995 table allows; each commission fixes its own figure. */
export function arbitrationFeeRangeFen(
  claimFen: Fen,
  policy: PlanPolicy,
): { readonly minFen: Fen; readonly maxFen: Fen } {
  let min = 0;
  let max = 0;
  let lower = 0;
  for (const bracket of policy.arbitrationFee.brackets) {
    const upper = bracket.upToYuan === undefined ? Infinity : bracket.upToYuan * 100;
    if ('fixedMinYuan' in bracket) {
      min += bracket.fixedMinYuan * 100;
      max += bracket.fixedMaxYuan * 100;
    } else if (claimFen > lower) {
      const part = Math.min(claimFen, upper) - lower;
      min += partFee(part, bracket.minBasisPoints);
      max += partFee(part, bracket.maxBasisPoints);
    }
    if (claimFen <= upper) break;
    lower = upper;
  }
  return { minFen: min, maxFen: max };
}

export type SmallClaimsLimit = PlanPolicy['smallClaims']['limits'][number];

/** The province's small-claims limit in force on `asOf` (the newest one published by then). */
export function smallClaimsLimitFor(
  policy: PlanPolicy,
  province: string | undefined,
  asOf: IsoDate,
): SmallClaimsLimit | undefined {
  if (!province) return undefined;
  const short = province.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/u, '');
  return policy.smallClaims.limits
    .filter((l) => l.province === short && l.since <= asOf)
    .sort((a, b) => b.since.localeCompare(a.since))[0];
}

export type CourtProcedure = 'small_claims' | 'by_agreement' | 'simple_or_ordinary' | 'unknown';

export interface CourtRoute {
  /**
   * small_claims: at or under the province's limit; by_agreement: above it but within twice the
   * wage figure, small claims only if both sides agree; simple_or_ordinary: above that;
   * unknown: the province's limit is not in the data.
   */
  readonly procedure: CourtProcedure;
  readonly limit?: SmallClaimsLimit;
  /** 案件受理费 by 第十三条. */
  readonly feeFen: Fen;
  /** Half of it: what 第十六条 (simple procedure) or 第十五条 (mediation, withdrawal) gives. */
  readonly halfFeeFen: Fen;
}

export function courtRoute(
  claimFen: Fen,
  policy: PlanPolicy,
  province: string | undefined,
  asOf: IsoDate,
): CourtRoute {
  const feeFen = courtFeeFen(claimFen, policy);
  const halfFeeFen = Math.round(feeFen / 2);
  const limit = smallClaimsLimitFor(policy, province, asOf);
  if (!limit) return { procedure: 'unknown', feeFen, halfFeeFen };
  const procedure: CourtProcedure =
    claimFen <= limit.automaticYuan * 100
      ? 'small_claims'
      : claimFen <= limit.byAgreementYuan * 100
        ? 'by_agreement'
        : 'simple_or_ordinary';
  return { procedure, limit, feeFen, halfFeeFen };
}
