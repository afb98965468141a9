import type { CaseState } from '../../../typings/models';

// The case's life (SPEC.md "The case and its life"): which event moves which state where.

export const STATE_LABELS: Record<CaseState, string> = {
  draft: '草稿',
  submitted: '待受理',
  returned: '退回补正',
  rejected: '不予受理',
  accepted: '已受理',
  signed: '已签署',
  ready: '待预约',
  scheduled: '已预约',
  inspecting: '踏勘中',
  rectifying: '限期整改',
  passed: '踏勘通过',
  failed: '踏勘不通过',
  archived: '已归档',
  withdrawn: '已撤回',
  // Cases switched before the on-site path existed stopped here; a switched case now continues (switchToOnsite).
  onsite: '转现场踏勘',
};

export type CaseEvent =
  | 'submit'
  | 'accept'
  | 'return'
  | 'resubmit'
  | 'refuse'
  | 'signBoth'
  | 'joinGroup'
  | 'book'
  | 'start'
  | 'pass'
  | 'rectify'
  | 'fail'
  | 'requestReinspection'
  | 'archive'
  | 'withdraw'
  | 'switchToOnsite'
  | 'reschedule';

/** States a case can still be withdrawn from or switched to on-site inspection. */
export const OPEN_STATES: readonly CaseState[] = [
  'submitted', 'returned', 'accepted', 'signed', 'ready', 'scheduled', 'inspecting', 'rectifying',
];

const TRANSITIONS: Record<CaseEvent, [from: readonly CaseState[], to: CaseState | null]> = {
  submit: [['draft'], 'submitted'],
  accept: [['submitted'], 'accepted'],
  return: [['submitted'], 'returned'],
  resubmit: [['returned'], 'submitted'],
  refuse: [['submitted'], 'rejected'],
  signBoth: [['accepted'], 'signed'],
  joinGroup: [['signed'], 'ready'],
  book: [['ready'], 'scheduled'],
  reschedule: [['scheduled'], 'ready'],
  start: [['scheduled'], 'inspecting'],
  pass: [['inspecting', 'rectifying'], 'passed'],
  rectify: [['inspecting'], 'rectifying'],
  fail: [['inspecting', 'rectifying'], 'failed'],
  requestReinspection: [['rectifying'], 'ready'],
  archive: [['passed', 'failed'], 'archived'],
  withdraw: [OPEN_STATES.filter((s) => s !== 'inspecting'), 'withdrawn'],
  // A case switched to on-site inspection 转现场踏勘 goes on along the on-site path: back to scheduling a visit.
  switchToOnsite: [OPEN_STATES.filter((s) => s !== 'submitted' && s !== 'returned'), 'ready'],
};

/** The state after `event`, or null when the event is not allowed from `from`. */
export function nextState(from: CaseState, event: CaseEvent): CaseState | null {
  const [sources, to] = TRANSITIONS[event];
  return sources.includes(from) ? to : null;
}

export const canHappen = (from: CaseState, event: CaseEvent): boolean => nextState(from, event) !== null;
