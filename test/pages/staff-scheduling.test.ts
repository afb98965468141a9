import { writeName } from './support/fake-canvas';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { caseForm, caseForms, groupView, meetingCard, readiness } from './support/forms-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

async function open(page: string, query: Record<string, string>): Promise<LoadedPage> {
  const p = loadPage(page);
  p.page.onLoad(query);
  await settled();
  return p;
}

/** Chooses a value in a picker, as its change event reports it. */
async function pick(p: LoadedPage, selector: string, value: string) {
  p.comp.querySelector(selector)!.dispatchEvent('change', { detail: { value } });
  await settled();
}

describe('offering slots', () => {
  const READY = { state: 'ready' as const, stateLabel: '待预约', version: 8, can: ['offerSlots', 'postGroupMessage'] };
  const openOffer = (query: Record<string, string> = { id: 'case-7' }) => open('package-staff/pages/offer-slots/offer-slots', query);

  test('offers up to three picked times in China time; a case taken out of order needs the reason typed here', async () => {
    fake.server
      .on('getGroup', groupView({}, READY))
      .on('offerSlots', readiness({ scheduling: { offeredSlots: [{ start: '2026-12-01T01:00:00.000Z', end: '2026-12-01T02:00:00.000Z' }, { start: '2026-12-02T06:00:00.000Z', end: '2026-12-02T07:00:00.000Z' }], reschedules: 0, noShows: 0 } }, READY));
    const p = await openOffer({ id: 'case-7', ahead: '2' });
    expect(p.text()).toContain('更早受理的2件尚未安排时间');

    await p.tap('#submit');
    expect(p.text()).toContain('请为每个时段选择日期和开始时间');
    await pick(p, '#date-0', '2026-12-01');
    await pick(p, '#time-0', '09:00');
    await p.tap('#add-row');
    await pick(p, '#date-1', '2026-12-02');
    await pick(p, '#time-1', '14:00');
    await p.tap('#add-row');
    expect(p.exists('#add-row')).toBe(false);
    await p.tap('#remove-2');
    await p.tap('#submit');
    expect(p.text()).toContain('请写明先安排此件的原因');
    expect(fake.server.sent('offerSlots')).toEqual([]);
    await p.type('#reason', '申请人下周出国');
    await p.tap('#submit');

    expect(fake.server.sent('offerSlots')).toEqual([
      { caseId: 'case-7', version: 8, starts: ['2026-12-01T09:00:00+08:00', '2026-12-02T14:00:00+08:00'], reason: '申请人下周出国' },
    ]);
    expect(p.text()).toContain('已向申请人提供以下时段');
    expect(p.text()).toContain('12月2日（周三）14:00-15:00');
  });

  test('shows the server\'s refusal of a conflict or the daily maximum', async () => {
    fake.server.on('getGroup', groupView({}, READY)).refuse('offerSlots', 'VALIDATION', '12月1日您已安排6场踏勘，达到每日上限');
    const p = await openOffer();
    await pick(p, '#date-0', '2026-12-01');
    await pick(p, '#time-0', '09:00');
    await p.tap('#submit');

    expect(fake.calls('showModal')[1]).toMatchObject({ title: '未能提供时段', content: '12月1日您已安排6场踏勘，达到每日上限' });
    expect(p.exists('#submit')).toBe(true);
  });
});

describe('the booked meeting', () => {
  const SCHEDULED = { state: 'scheduled' as const, stateLabel: '已预约', version: 9 };
  const booked = (can: string[], meeting = meetingCard({ meetingCode: undefined, joinUrl: undefined, miniProgram: undefined })) =>
    groupView({ meeting }, { ...SCHEDULED, can });
  const openMeeting = () => open('package-staff/pages/meeting/meeting', { id: 'case-7' });

  test('the handler pastes a meeting scheduled in Tencent Meeting', async () => {
    fake.server
      .on('getGroup', booked(['setMeetingManually', 'createMeeting', 'recordNoShow', 'rescheduleInspection']))
      .on('setMeetingManually', readiness({ meeting: meetingCard() }, { ...SCHEDULED, version: 10, can: ['setMeetingManually', 'recordNoShow', 'rescheduleInspection'] }));
    const p = await openMeeting();
    expect(p.text()).toContain('会议号待经办人发布');

    await p.tap('#open-paste');
    await p.type('#panel-text', '#腾讯会议：123-456-789');
    await p.tap('#submit-panel');
    expect(fake.server.sent('setMeetingManually')).toEqual([{ caseId: 'case-7', version: 9, pasted: '#腾讯会议：123-456-789' }]);
    expect(p.text()).toContain('123 456 789');
    expect(p.exists('#create')).toBe(false);
  });

  test('a no-show is recorded after confirming and the case goes back to the queue', async () => {
    fake.server
      .on('getGroup', booked(['recordNoShow', 'rescheduleInspection'], meetingCard()))
      .on('recordNoShow', readiness({ scheduling: { offeredSlots: [], reschedules: 0, noShows: 1 } }, { state: 'ready', stateLabel: '待预约', version: 10, can: ['offerSlots'] }));
    const p = await openMeeting();
    await p.tap('#open-no-show');
    await p.tap('#submit-panel');

    expect(fake.calls('showModal')[0]).toMatchObject({ title: '确认申请人未参加？' });
    expect(fake.server.sent('recordNoShow')).toEqual([{ caseId: 'case-7', version: 9 }]);
    expect(p.text()).toContain('未按约参加 1 次');
    expect(p.text()).toContain('该办件当前没有已预约的踏勘');
  });

  test('a reschedule needs a reason', async () => {
    fake.server
      .on('getGroup', booked(['rescheduleInspection'], meetingCard()))
      .on('rescheduleInspection', readiness({ scheduling: { offeredSlots: [], reschedules: 1, noShows: 0 } }, { state: 'ready', stateLabel: '待预约', version: 10 }));
    const p = await openMeeting();
    await p.tap('#open-reschedule');
    await p.tap('#submit-panel');
    expect(p.text()).toContain('请写明改期原因');

    await p.type('#panel-text', '经办人临时外出');
    await p.tap('#submit-panel');
    expect(fake.server.sent('rescheduleInspection')).toEqual([{ caseId: 'case-7', version: 9, reason: '经办人临时外出' }]);
    expect(p.text()).toContain('已改期 1 次');
  });
});

test('the handler countersigns the office copy of the consent form', async () => {
  fake.server
    .on('getCaseForms', caseForms([caseForm('consent', { signedAt: '2026-06-12T02:00:00.000Z', signedVersion: 2 }), caseForm('commitment')]))
    .on('requestUpload', { cloudPath: 'uploads/staff/signature/1.png' })
    .on('countersignConsent', readiness({ forms: [{ kind: 'consent', name: '同意书', signedAt: '2026-06-12T02:00:00.000Z', countersignedAt: '2026-06-12T03:00:00.000Z' }] }, { version: 6 }));
  const p = await open('package-staff/pages/countersign/countersign', { id: 'case-7' });
  expect(p.text()).toContain('申请人已于 2026-06-12 10:00 签署');

  const pad = p.comp.querySelector('#pad')!;
  pad.triggerLifeTime('ready'); // miniprogram-simulate fires `ready` only for what was there at first render
  await settled();
  writeName(pad.instance);
  await p.tap('#pad >>> #confirm');

  expect(fake.server.sent('requestUpload')[0]).toMatchObject({ purpose: 'signature' });
  expect(fake.server.sent('countersignConsent')).toEqual([{ caseId: 'case-7', version: 5, signatureFileId: 'local://uploads/staff/signature/1.png' }]);
  expect(p.text()).toContain('已于 2026-06-12 11:00 会签');
});
