import type { CaseState, FormStatus, MeetingCard, ReadinessView, SchedulingView } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { FORM_NAMES } from '../catalogue/form-templates';
import type { CaseRecord } from '../domain/case';
import { TENCENT_MEETING_MINI_PROGRAM_APP_ID, tencentMeetingMiniProgramPath } from '../domain/meeting-code';
import { FORM_KINDS } from '../domain/signed-form';
import { type Relation, authorizeCaseAction } from './access';
import { type CaseChange, loadCase, type StoredCase, saveCase } from './cases';
import { provisionalCheck, slotsAsTheyStand } from './provisional-marks';
import { toCaseView } from './views';

export const formStatuses = (c: CaseRecord): FormStatus[] =>
  FORM_KINDS.map((kind) => {
    const signed = c.forms?.[kind];
    return {
      kind,
      name: FORM_NAMES[kind],
      ...(signed ? { signedAt: signed.signedAt, signedVersion: signed.templateVersion } : {}),
      ...(signed?.countersign ? { countersignedAt: signed.countersign.at } : {}),
    };
  });

/** The scheduling state but the offered slots, which toReadinessView gives with their provisional marks as they stand. */
const schedulingOf = (c: CaseRecord): Omit<SchedulingView, 'offeredSlots'> => ({
  ...(c.otherTimesRequest ? { otherTimesRequest: c.otherTimesRequest } : {}),
  ...(c.scheduledAt && c.scheduledEnd ? { booked: { start: c.scheduledAt, end: c.scheduledEnd } } : {}),
  reschedules: c.reschedules ?? 0,
  noShows: c.noShows ?? 0,
});

const MEETING_STATES: ReadonlySet<CaseState> = new Set(['scheduled', 'inspecting']);

/**
 * The meeting button's data: the slot, and once there is a code, the Tencent Meeting Mini Program path that joins
 * it with the group label as nickname (every member shows under it, R5).
 */
function meetingCardOf(c: CaseRecord): MeetingCard | undefined {
  // Only while the meeting can still be joined: after the decision, a withdrawal or a move on-site a countdown and
  // an active 进入腾讯会议 would mislead.
  if (!MEETING_STATES.has(c.state) || !c.scheduledAt || !c.scheduledEnd) return undefined;
  const slot = { start: c.scheduledAt, end: c.scheduledEnd };
  const m = c.meeting;
  if (!m) return slot;
  const password = m.password ? { password: m.password } : {};
  return {
    ...slot,
    meetingCode: m.meetingCode,
    ...(m.joinUrl ? { joinUrl: m.joinUrl } : {}),
    ...password,
    miniProgram: {
      appId: TENCENT_MEETING_MINI_PROGRAM_APP_ID,
      path: tencentMeetingMiniProgramPath({ meetingCode: m.meetingCode, nickname: c.groupLabel ?? '', ...password }),
    },
  };
}

export async function toReadinessView(ctx: ActionContext, c: StoredCase): Promise<ReadinessView> {
  const check = provisionalCheck(ctx.calendar);
  const card = meetingCardOf(c);
  // A booked day in a year still without its notice reads as provisional, as the slot it was booked from did.
  const meeting = card && (await check(true, card.start)) ? { ...card, provisional: true } : card;
  return {
    case: await toCaseView(ctx, c),
    forms: formStatuses(c),
    scheduling: { ...schedulingOf(c), offeredSlots: await slotsAsTheyStand(c.offeredSlots ?? [], check) },
    ...(meeting ? { meeting } : {}),
  };
}

/**
 * A per-case action on a case the action has already loaded (to answer a repeat without a change, or to check
 * something first): authorized by the rule table, saved by compare-and-set on the version the caller saw, with
 * its audit entry and notices.
 */
export async function changeCase(
  ctx: ActionContext,
  c: StoredCase,
  seenVersion: number,
  action: string,
  build: (c: StoredCase, to: CaseState, relation: Relation) => Promise<[CaseRecord, Omit<CaseChange, 'action'>?]>,
): Promise<StoredCase> {
  const { relation, to } = authorizeCaseAction(ctx.caller, c, action, seenVersion);
  const [after, change] = await build(c, to, relation);
  return saveCase(ctx, c, after, { action, ...change });
}

/** Loads the case, changes it as `changeCase` does, and answers the readiness view. */
export async function actOnReadiness(
  ctx: ActionContext,
  ref: { caseId: string; version: number },
  action: string,
  build: Parameters<typeof changeCase>[4],
): Promise<ReadinessView> {
  return toReadinessView(ctx, await changeCase(ctx, await loadCase(ctx, ref.caseId), ref.version, action, build));
}
