import type { OfficeSettings } from '../../../typings/api';
import { type Harness, makeHarness } from '../../support/harness';
import { MONDAY_10, MONDAY_14, prepared } from '../../support/readiness';
import { ref } from '../../support/scenarios';
import { CLOSED_MONTH, decidedCase } from '../../support/supervision-fixtures';

const settings = (overrides: Partial<OfficeSettings & { version: number }> = {}): OfficeSettings & { version: number } => ({
  version: 0, officeName: '东丽区行政审批局', district: '天津市东丽区', trialStart: '2022-06-14', trialMonths: 12,
  drawShareBasisPoints: 1000, dailyMaximum: 6, premisesThresholdMeters: 500, subscribeTemplateIds: {},
  ...overrides,
});

describe('系统设置 in the database', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(() => h.close());

  it('shows the environment values until saved, and whether Tencent Meeting is configured, never its secret', async () => {
    const view = await h.ok('admin', 'getSettings', {});
    expect(view).toMatchObject({ version: 0, officeName: '东丽区行政审批局', drawShareBasisPoints: 1000, dailyMaximum: 6, tencentMeetingConfigured: false });
    expect(view.templates.map((t) => t.key)).toContain('caseProgress');
    const withMeeting = await makeHarness({ config: { tencentMeeting: { secretId: 'id', secretKey: 'very-secret', appId: 'a', userId: 'u' } } });
    const shown = await withMeeting.ok('admin', 'getSettings', {});
    withMeeting.close();
    expect(shown.tencentMeetingConfigured).toBe(true);
    expect(JSON.stringify(shown)).not.toContain('very-secret');
  });

  it('puts a saved value in force from the next request on: the daily maximum, the draw share, the template ids', async () => {
    // Four cases of five in May: 10% draws 1; 57% (5700 basis points) draws ceil(2.85) = 3.
    for (let i = 0; i < 5; i++) await decidedCase(h, `2026-05-2${i}T02:00:00.000Z`);
    expect((await h.ok('supervisor', 'previewDraw', { month: CLOSED_MONTH })).minimumSample).toBe(1);
    const saved = await h.ok('admin', 'saveSettings', settings({ dailyMaximum: 1, drawShareBasisPoints: 5700, officeName: '东丽区政务服务办公室', subscribeTemplateIds: { caseProgress: 'Tmpl_Progress-1' } }));
    expect(saved).toMatchObject({ version: 1, dailyMaximum: 1, drawShareBasisPoints: 5700, updatedByName: '管理员' });
    expect((await h.ok('supervisor', 'previewDraw', { month: CLOSED_MONTH })).minimumSample).toBe(3);

    const first = await prepared.ready(h);
    await h.ok('staff', 'offerSlots', { ...ref(first), starts: [MONDAY_10] });
    await h.ok('applicant', 'bookSlot', { ...ref(await h.ok('staff', 'getCase', { caseId: first.id })), start: MONDAY_10 });
    const second = await prepared.ready(h, 'otherApplicant');
    const refused = await h.call('staff', 'offerSlots', { ...ref(second), starts: [MONDAY_14], reason: '按申请人要求' });
    expect(refused).toMatchObject({ ok: false, code: 'LIMIT', message: '经办人当天的踏勘已达上限（1场），请选择其他日期' });

    const templates = await h.ok('applicant', 'getSubscribeTemplates', { moment: 'afterApply' });
    expect(JSON.stringify(templates)).toContain('Tmpl_Progress-1');

    const audit = await h.deps.store.get<{ note: string }>('audit', 'settings/office:1');
    expect(audit!.note).toContain('每人每日踏勘上限：6 → 1');
    expect(audit!.note).toContain('抽查比例（万分点）：1000 → 5700');
  });

  it('refuses a share that is not whole basis points or below 10%, and a stale version', async () => {
    expect(await h.call('admin', 'saveSettings', settings({ drawShareBasisPoints: 0.57 }))).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('抽查比例须为整数') });
    expect(await h.call('admin', 'saveSettings', settings({ drawShareBasisPoints: 999 }))).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('不能小于1000') });
    expect(await h.call('admin', 'saveSettings', settings({ trialStart: '2022-02-30' }))).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await h.deps.store.get('settings', 'office')).toBeNull();
    await h.ok('admin', 'saveSettings', settings());
    expect(await h.call('admin', 'saveSettings', settings())).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await h.ok('admin', 'saveSettings', settings({ version: 1, dailyMaximum: 3 }))).version).toBe(2);
  });
});
