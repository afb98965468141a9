import type { TimelineEntry } from '../../../typings/models';
import type { Caller } from '../api/context';
import type { AuditEntry, CaseRecord } from '../domain/case';
import { maskName, maskPhone } from '../domain/masking';
import type { Relation } from './access';

// What each person sees of a case (docs/audience.md), decided here once for every view of the api.
//
// - The parties (the applicant and the on-site contacts) read plain-language events: what happened, when, by whom,
//   and the words a person wrote for them; never a hash, an internal code, an id or a version.
// - The office and its overseers (the officers, the section head, 政策法规科, the sector regulator, admins) read the
//   same events with a 核验 part: the hashes of signed forms and evidence, wrapped and copyable on the page.
// - One masking rule for personal data: a person sees themselves in full; the officer handling the case (or, before
//   anyone handles it, the section's staff who take it up) sees the parties' contact details in full; everyone
//   else sees them masked. Officers act in their office: their names are never masked.

export type Audience = 'party' | 'office';

/** Where a note holds verification data: the hashes begin here and go to the 核验 part. */
const VERIFICATION_MARK = 'SHA-256';

export function audienceOf(r: Relation): Audience {
  return r.handler || r.sectionStaff || r.sectionHead || r.observer || r.supervisor || r.regulator || r.admin ? 'office' : 'party';
}

/** Whether the viewer sees the personal data of `personId` (a party of case `c`) in full. */
export function seesInFull(viewer: Caller, r: Relation, c: CaseRecord, personId: string | null): boolean {
  return viewer.openid === personId || r.handler || (!c.handlerId && r.sectionStaff);
}

/** A party's name (the applicant's, a contact's) as this viewer may see it. */
export function partyName(viewer: Caller, r: Relation, c: CaseRecord, personId: string | null, name: string): string {
  return seesInFull(viewer, r, c, personId) ? name : maskName(name);
}

/** Who did something: a party by the masking rule, an officer as named. */
export function actorName(viewer: Caller, r: Relation, c: CaseRecord, actorId: string, name: string): string {
  const party = c.applicantId === actorId || (c.contactIds?.includes(actorId) ?? false);
  return party ? partyName(viewer, r, c, actorId, name) : name;
}

export function phoneFor(viewer: Caller, r: Relation, c: CaseRecord, personId: string | null, phone: string): string {
  return seesInFull(viewer, r, c, personId) ? phone : maskPhone(phone);
}


/**
 * What the parties read of an event's note, by action: the words written for them, or a plain summary; nothing
 * else (checklist codes, the other cases an officer took first, hashes, versions).
 */
const PARTY_NOTES: Record<string, (note: string) => string> = {
  withdrawCase: (n) => n,
  returnCase: (n) => n,
  refuseCase: (n) => n,
  switchToOnsite: (n) => n,
  resubmitCase: (n) => n,
  requestOtherTimes: (n) => n,
  rescheduleInspection: (n) => n,
  recordNoShow: (n) => n,
  bookSlot: (n) => n,
  decideInspection: (n) => n,
  rateService: (n) => n,
  confirmSessionCode: (n) => n,
  resumeInspection: (n) => n,
  createMeeting: (n) => n,
  setMeetingManually: (n) => n,
  revokeLicence: (n) => n,
  assignObserver: (n) => n,
  // 不按受理顺序（先于…）：reason；时段 … → only the times offered.
  offerSlots: (n) => (n.includes('时段 ') ? n.slice(n.lastIndexOf('时段 ')) : ''),
  // 住所（经营场所）告知承诺书（第2版）SHA-256 … → the form's name.
  signForm: (n) => n.split(VERIFICATION_MARK)[0]!.replace(/（第\d+版）/, '').trim(),
};

/** Labels of actions the timeline may meet that have none of their own. */
const FALLBACK_LABEL = '办理记录';

export function timelineEntryFor(
  audience: Audience, labels: Record<string, string>, a: AuditEntry, actorName: string,
): TimelineEntry {
  const base = { at: a.at, actorName, action: a.action, actionLabel: labels[a.action] ?? FALLBACK_LABEL };
  if (audience === 'party') {
    const note = a.note ? (PARTY_NOTES[a.action]?.(a.note) ?? '') : '';
    return { ...base, ...(note ? { note } : {}) };
  }
  const mark = a.note?.indexOf(VERIFICATION_MARK) ?? -1;
  const note = mark >= 0 ? a.note!.slice(0, mark).replace(/[，,\s]+$/, '') : a.note;
  return {
    ...base,
    ...(a.from ? { from: a.from } : {}),
    ...(a.to ? { to: a.to } : {}),
    ...(note ? { note } : {}),
    ...(mark >= 0 ? { verification: a.note!.slice(mark) } : {}),
  };
}
