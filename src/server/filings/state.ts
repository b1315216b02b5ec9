/**
 * A filing's life: draft → submitted → acknowledged → responded → accepted or disputed → closed,
 * or overdue when its legal deadline passes with no answer. Who may make each move is part of
 * the rule: the merchant records what they did, the addressed organization answers, the sweep
 * marks deadlines.
 */
export const FILING_STATES = [
  'draft',
  'submitted',
  'acknowledged',
  'responded',
  'accepted',
  'disputed',
  'overdue',
  'closed',
] as const;
export type FilingState = (typeof FILING_STATES)[number];

export type FilingAction =
  'submit' | 'acknowledge' | 'respond' | 'accept' | 'dispute' | 'mark_overdue' | 'close';

export type Actor = 'merchant' | 'respondent' | 'system';

interface Move {
  readonly from: readonly FilingState[];
  readonly to: FilingState;
  readonly by: readonly Actor[];
}

const MOVES: Record<FilingAction, Move> = {
  submit: { from: ['draft'], to: 'submitted', by: ['merchant'] },
  acknowledge: {
    from: ['submitted', 'overdue'],
    to: 'acknowledged',
    by: ['merchant', 'respondent'],
  },
  // The merchant records an answer that came by phone or post; the organization answers in its portal.
  respond: {
    from: ['submitted', 'acknowledged', 'overdue', 'disputed'],
    to: 'responded',
    by: ['merchant', 'respondent'],
  },
  accept: { from: ['responded'], to: 'accepted', by: ['merchant'] },
  dispute: { from: ['responded'], to: 'disputed', by: ['merchant'] },
  mark_overdue: { from: ['submitted', 'acknowledged'], to: 'overdue', by: ['system'] },
  close: {
    from: ['submitted', 'acknowledged', 'responded', 'accepted', 'disputed', 'overdue'],
    to: 'closed',
    by: ['merchant'],
  },
};

export type TransitionResult =
  { readonly ok: true; readonly to: FilingState } | { readonly ok: false; readonly reason: string };

export function transition(
  state: FilingState,
  action: FilingAction,
  actor: Actor,
): TransitionResult {
  const move = MOVES[action];
  if (!move.by.includes(actor)) return { ok: false, reason: `${actor} may not ${action} a filing` };
  if (!move.from.includes(state)) {
    return {
      ok: false,
      reason: `a ${state} filing cannot be ${action === 'mark_overdue' ? 'marked overdue' : `${action}ed`.replace('eed', 'ed')}; it must be ${move.from.join(' or ')}`,
    };
  }
  return { ok: true, to: move.to };
}

/** States in which the respondent still owes an answer. */
export const AWAITING_ANSWER: readonly FilingState[] = ['submitted', 'acknowledged', 'overdue'];
