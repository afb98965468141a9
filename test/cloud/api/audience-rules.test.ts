import type { Caller } from '../../../cloudfunctions/src/api/context';
import type { Relation } from '../../../cloudfunctions/src/application/access';
import { actorName, audienceOf, partyName, phoneFor, seesInFull, timelineEntryFor } from '../../../cloudfunctions/src/application/audience';
import type { AuditEntry, CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { NO_RELATION } from '../../support/relation';

// What each person sees of a case (docs/audience.md), rule by rule: who reads as the office, the one masking rule,
// and what of an audit entry reaches the parties' timeline and the office's.

const NONE = NO_RELATION;
const as = (part: keyof Relation): Relation => ({ ...NONE, [part]: true });
const viewer = (openid: string): Caller => ({ openid, name: openid, roles: new Set() });
const aCase = (over: Partial<CaseRecord> = {}): CaseRecord => ({ applicantId: 'app', contactIds: ['con'], handlerId: 'han', ...over }) as CaseRecord;

test.each(['handler', 'sectionStaff', 'sectionHead', 'observer', 'supervisor', 'regulator', 'admin'] as const)('the %s reads as the office', (part) => {
  expect(audienceOf(as(part))).toBe('office');
});

test.each(['applicant', 'contact', 'registrar', 'actsForApplicant'] as const)('the %s alone reads as a party', (part) => {
  expect(audienceOf(as(part))).toBe('party');
  expect(audienceOf(NONE)).toBe('party');
});

describe('the masking rule', () => {
  const c = aCase();
  const unassigned = aCase({ handlerId: null });

  test('a person sees themselves in full; the handler sees the parties in full', () => {
    expect(seesInFull(viewer('con'), as('contact'), c, 'con')).toBe(true);
    expect(seesInFull(viewer('han'), as('handler'), c, 'app')).toBe(true);
  });

  test('section staff see them in full only while nobody handles the case', () => {
    expect(seesInFull(viewer('st'), as('sectionStaff'), unassigned, 'app')).toBe(true);
    expect(seesInFull(viewer('st'), as('sectionStaff'), c, 'app')).toBe(false);
  });

  test('everyone else sees them masked, another party included', () => {
    expect(seesInFull(viewer('con'), as('contact'), c, 'app')).toBe(false);
    expect(seesInFull(viewer('sup'), as('supervisor'), unassigned, 'app')).toBe(false);
    expect(seesInFull(viewer('hd'), as('sectionHead'), c, null)).toBe(false);
    expect(partyName(viewer('con'), as('contact'), c, 'app', '张三丰')).toBe('张**');
    expect(partyName(viewer('app'), as('applicant'), c, 'app', '张三丰')).toBe('张三丰');
    expect(phoneFor(viewer('con'), as('contact'), c, 'app', '13800138000')).toBe('138****8000');
    expect(phoneFor(viewer('han'), as('handler'), c, 'app', '13800138000')).toBe('13800138000');
  });

  test('who did something: a party by the masking rule, an officer as named', () => {
    expect(actorName(viewer('con'), as('contact'), c, 'app', '张三丰')).toBe('张**');
    expect(actorName(viewer('app'), as('applicant'), c, 'con', '李四')).toBe('李*');
    expect(actorName(viewer('con'), as('contact'), c, 'con', '李四')).toBe('李四');
    expect(actorName(viewer('app'), as('applicant'), c, 'han', '王科员')).toBe('王科员');
    expect(actorName(viewer('app'), as('applicant'), aCase({ contactIds: undefined }), 'con', '李四')).toBe('李四');
  });
});

describe('timelineEntryFor', () => {
  const labels = { withdrawCase: '撤回申请', signForm: '签署表单', offerSlots: '提供预约时段', addEvidence: '上传证据', acceptCase: '受理' };
  const entry = (action: string, note?: string, more: Partial<AuditEntry> = {}): AuditEntry => ({
    at: '2026-05-06T02:00:00.000Z',
    actorId: 'x',
    actorName: 'x',
    action,
    subject: 'case-1',
    ...(note === undefined ? {} : { note }),
    ...more,
  });
  const base = (action: string, actionLabel: string) => ({ at: '2026-05-06T02:00:00.000Z', actorName: '张*', action, actionLabel });

  test('a party reads the words written for them', () => {
    expect(timelineEntryFor('party', labels, entry('withdrawCase', '不再经营', { from: 'ready', to: 'withdrawn' }), '张*')).toEqual({
      ...base('withdrawCase', '撤回申请'),
      note: '不再经营',
    });
  });

  test('a party reads only the times offered, not why the order was changed', () => {
    expect(timelineEntryFor('party', labels, entry('offerSlots', '不按受理顺序（先于 DL-2026-0002）：申请人要求；时段 5月20日 9:00—10:00'), '张*')).toEqual({
      ...base('offerSlots', '提供预约时段'),
      note: '时段 5月20日 9:00—10:00',
    });
    expect(timelineEntryFor('party', labels, entry('offerSlots', '不按受理顺序：急'), '张*')).toEqual(base('offerSlots', '提供预约时段'));
  });

  test('a party reads a signed form by its name, without version or hash', () => {
    expect(timelineEntryFor('party', labels, entry('signForm', '住所（经营场所）告知承诺书（第2版） SHA-256 ab12'), '张*')).toEqual({
      ...base('signForm', '签署表单'),
      note: '住所（经营场所）告知承诺书',
    });
    expect(timelineEntryFor('party', labels, entry('signForm', '远程视频踏勘同意书（第12版） SHA-256 ab12'), '张*').note).toBe('远程视频踏勘同意书');
  });

  test('a party reads no note of an action not written for them, and a plain label for an action without one', () => {
    expect(timelineEntryFor('party', labels, entry('addEvidence', '照片 SHA-256 ab12'), '张*')).toEqual(base('addEvidence', '上传证据'));
    expect(timelineEntryFor('party', labels, entry('withdrawCase'), '张*')).toEqual(base('withdrawCase', '撤回申请'));
    expect(timelineEntryFor('party', labels, entry('fixSomething', 'internal'), '张*')).toEqual(base('fixSomething', '办理记录'));
  });

  test('the office reads the states and the note, with the hashes apart in the 核验 part', () => {
    expect(timelineEntryFor('office', labels, entry('addEvidence', '照片，现场门头， SHA-256 ab12', { from: 'inspecting', to: 'inspecting' }), '张*')).toEqual({
      ...base('addEvidence', '上传证据'),
      from: 'inspecting',
      to: 'inspecting',
      note: '照片，现场门头',
      verification: 'SHA-256 ab12',
    });
    expect(timelineEntryFor('office', labels, entry('addEvidence', 'SHA-256 ab12'), '张*')).toEqual({ ...base('addEvidence', '上传证据'), verification: 'SHA-256 ab12' });
    expect(timelineEntryFor('office', labels, entry('acceptCase', '材料齐全', { from: 'submitted', to: 'accepted' }), '张*')).toEqual({
      ...base('acceptCase', '受理'),
      from: 'submitted',
      to: 'accepted',
      note: '材料齐全',
    });
    expect(timelineEntryFor('office', labels, entry('acceptCase'), '张*')).toEqual(base('acceptCase', '受理'));
  });
});
