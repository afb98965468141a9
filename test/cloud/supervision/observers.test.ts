import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import type { UserRecord } from '../../../cloudfunctions/src/api/context';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness } from '../../support/harness';
import { cases } from '../../support/scenarios';

// Observers 观察员 (R17): supervisors see the booked inspections in time order and send one of their own.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
  const colleague: UserRecord = { name: '黄蕾', roles: ['supervisor'], createdAt: h.clock.now().toISOString() };
  await h.deps.store.insert('users', 'supervisor2', colleague);
});
afterEach(() => h.close());

const scheduled = async (at: string) => {
  const c = await cases.accepted(h);
  await forceCase(h, c.id, { state: 'scheduled', scheduledAt: at });
  return c.id;
};

test('upcoming inspections are the booked ones, soonest first', async () => {
  const later = await scheduled('2026-06-20T02:00:00.000Z');
  const sooner = await scheduled('2026-06-15T06:30:00.000Z');
  await cases.accepted(h);
  const page = await h.ok('supervisor', 'listUpcomingInspections', {});
  expect(page.total).toBe(2);
  expect(page.items.map((c) => [c.id, c.scheduledAt])).toEqual([
    [sooner, '2026-06-15T06:30:00.000Z'],
    [later, '2026-06-20T02:00:00.000Z'],
  ]);
});

test('an assigned observer is told and is listed with the inspection', async () => {
  const id = await scheduled('2026-06-15T06:30:00.000Z');
  const [inspection] = (await h.ok('supervisor', 'listUpcomingInspections', {})).items;
  const view = await h.ok('supervisor', 'assignObserver', { caseId: id, version: inspection!.version, observerOpenid: 'supervisor2' });
  expect(view.timeline.at(-1)).toMatchObject({ actionLabel: '指派观察员', note: '观察员：黄蕾' });
  const stored = await h.deps.store.get<{ observerIds?: string[] }>('cases', id);
  expect(stored?.observerIds).toEqual(['supervisor2']);
  const notices = await h.deps.store.find<OutboxMessage>('outbox', { where: { to: 'supervisor2' } });
  expect(notices).toEqual([expect.objectContaining({
    event: 'observerAssigned', caseId: id, body: expect.stringContaining('2026-06-15 14:30'), page: `/package-supervise/pages/observe/observe?id=${id}`,
  })]);
  expect((await h.ok('supervisor', 'listUpcomingInspections', {})).items[0]!.observers).toEqual([{ openid: 'supervisor2', name: '黄蕾' }]);
});

test('the supervisors who may be sent as observer are listed, and nobody else', async () => {
  const supervisors = await h.ok('supervisor', 'listSupervisors', {});
  const openids = supervisors.map((u) => u.openid);
  expect(openids).toEqual(expect.arrayContaining(['supervisor', 'supervisor2']));
  expect(supervisors.every((u) => u.roles.includes('supervisor'))).toBe(true);
  expect(openids).not.toContain('staff');
  expect(supervisors.find((u) => u.openid === 'supervisor2')).toMatchObject({ name: '黄蕾', roles: ['supervisor'] });
});

test('only a supervisor can be an observer, and only once per case', async () => {
  const id = await scheduled('2026-06-15T06:30:00.000Z');
  const version = (await h.ok('supervisor', 'getCase', { caseId: id })).version;
  expect(await h.call('supervisor', 'assignObserver', { caseId: id, version, observerOpenid: 'staff' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  const view = await h.ok('supervisor', 'assignObserver', { caseId: id, version, observerOpenid: 'supervisor' });
  expect(await h.call('supervisor', 'assignObserver', { caseId: id, version: view.version, observerOpenid: 'supervisor' })).toMatchObject({ ok: false, code: 'VALIDATION' });
});

test('no observer for a case that has not been accepted or is already decided', async () => {
  const submitted = await h.apply();
  expect(await h.call('supervisor', 'assignObserver', { caseId: submitted.id, version: submitted.version, observerOpenid: 'supervisor' }))
    .toMatchObject({ ok: false, code: 'INVALID_STATE' });
  const c = await cases.accepted(h);
  const version = await forceCase(h, c.id, { state: 'passed', decidedAt: '2026-06-12T01:00:00.000Z' });
  expect(await h.call('supervisor', 'assignObserver', { caseId: c.id, version, observerOpenid: 'supervisor' }))
    .toMatchObject({ ok: false, code: 'INVALID_STATE' });
});
