import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import type { DrawDocument } from '../../../cloudfunctions/src/application/monthly-draw';
import type { FollowUpRecord } from '../../../cloudfunctions/src/application/follow-ups';
import { seededCalendar } from '../../support/calendar';
import { GENESIS_DRAW_HASH } from '../../../cloudfunctions/src/domain/monthly-draw';
import { addWorkingDays } from '../../../cloudfunctions/src/domain/working-days';
import { chinaDateOf } from '../../../cloudfunctions/src/domain/china-time';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness } from '../../support/harness';
import { CLOSED_MONTH, decidedCase, wholeDrawList } from '../../support/supervision-fixtures';

// The monthly spot-check draw (R7) as the supervisors and the timer run it: the month's population read from the
// cases in China time, one stored record per month, chained month to month, a follow-up visit per drawn case.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const outboxTo = (to: string, event: string) => h.deps.store.find<OutboxMessage>('outbox', { where: { to }, limit: 100 }).then((m) => m.filter((x) => x.event === event));

describe('the population of a month', () => {
  test('a case decided at 23:30 on 31 May China time is in May, although UTC already says 31 May 15:30 of the same day and one at 00:30 on 1 June China time is not', async () => {
    const lateMay = await decidedCase(h, '2026-05-31T15:30:00.000Z');
    const earlyJune = await decidedCase(h, '2026-05-31T16:30:00.000Z');
    const { draw } = await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    expect((await wholeDrawList(h, CLOSED_MONTH, 'population')).map((e) => e.id)).toEqual([lateMay._id]);
    expect(draw.populationSize).toBe(1);

    h.clock.set('2026-07-01T00:00:00Z');
    const june = await h.ok('supervisor', 'runDraw', { month: '2026-06' });
    expect(june.draw.populationSize).toBe(1);
    expect((await wholeDrawList(h, '2026-06', 'population')).map((e) => e.id)).toEqual([earlyJune._id]);
  });

  test('counts only remote-inspection cases that are decided', async () => {
    const remote = await decidedCase(h);
    await decidedCase(h, '2026-05-21T02:00:00.000Z', { mode: 'onsite' });
    await decidedCase(h, '2026-05-22T02:00:00.000Z', { decidedAt: null, state: 'scheduled' });
    const preview = await h.ok('supervisor', 'previewDraw', { month: CLOSED_MONTH });
    expect(preview).toMatchObject({ populationSize: 1, minimumSample: 1, alreadyDrawn: false });
    expect(preview.allocation).toEqual([{ matterCode: remote.matterCode, cases: 1, drawn: 1 }]);
  });
});

describe('drawing a month', () => {
  test('draws at least 10% of the month, every matter represented, and opens a follow-up visit due in 20 working days', async () => {
    for (let day = 1; day <= 25; day++) await decidedCase(h, `2026-05-${String(day).padStart(2, '0')}T02:00:00.000Z`);
    h.clock.set('2026-06-01T02:00:00+08:00');
    const { created, draw } = await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    expect(created).toBe(true);
    expect(draw.selectedCount).toBe(3); // ceil(25 × 10%)
    expect(draw.record.previousDrawHash).toBe(GENESIS_DRAW_HASH);
    const followUps = await h.deps.store.find<FollowUpRecord>('followUps', { where: { month: CLOSED_MONTH } });
    expect(followUps.map((f) => f.caseId).sort()).toEqual((await wholeDrawList(h, CLOSED_MONTH, 'selected')).map((s) => s.caseId).sort());
    const due = addWorkingDays(new Date('2026-06-01T02:00:00+08:00'), 20, seededCalendar()).toISOString();
    expect(followUps.every((f) => f.status === 'open' && f.dueAt === due)).toBe(true);
    expect(await outboxTo('supervisor', 'drawDone')).toHaveLength(1);
  });

  test('refuses a month that has not ended in China time', async () => {
    h.clock.set('2026-05-31T15:59:59Z'); // 23:59:59 on 31 May in China
    expect(await h.call('supervisor', 'runDraw', { month: CLOSED_MONTH })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await h.call('supervisor', 'previewDraw', { month: CLOSED_MONTH })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await h.deps.store.count('draws')).toBe(0);
  });

  test('running it again returns the same record and opens no second set of follow-ups or notices', async () => {
    for (let day = 1; day <= 12; day++) await decidedCase(h, `2026-05-${String(day).padStart(2, '0')}T02:00:00.000Z`);
    const first = await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    h.clock.advance(3 * 24 * 60 * 60 * 1000);
    const again = await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    expect(again.created).toBe(false);
    expect(again.draw).toEqual(first.draw);
    expect(await h.deps.store.count('draws')).toBe(1);
    expect(await h.deps.store.count('followUps')).toBe(first.draw.selectedCount);
    expect(await outboxTo('supervisor', 'drawDone')).toHaveLength(1);
  });

  test('two runs at the same time store one draw, and both answer it', async () => {
    for (let day = 1; day <= 12; day++) await decidedCase(h, `2026-05-${String(day).padStart(2, '0')}T02:00:00.000Z`);
    const [a, b] = await Promise.all([
      h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH }),
      h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH }),
    ]);
    expect(a.draw.drawHash).toBe(b.draw.drawHash);
    expect(await h.deps.store.count('draws')).toBe(1);
    expect(await h.deps.store.count('followUps')).toBe(a.draw.selectedCount);
  });

  test('a missed month is drawn before the next one, so each month chains to the one before', async () => {
    await decidedCase(h, '2026-03-10T02:00:00.000Z');
    await decidedCase(h, '2026-04-10T02:00:00.000Z');
    await decidedCase(h, '2026-05-10T02:00:00.000Z');
    const march = await h.ok('supervisor', 'runDraw', { month: '2026-03' });
    const may = await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    const april = await h.ok('supervisor', 'getDraw', { month: '2026-04' });
    expect(april.record.previousDrawHash).toBe(march.draw.drawHash);
    expect(may.draw.record.previousDrawHash).toBe(april.drawHash);
    expect((await h.ok('supervisor', 'listDraws', {})).items.map((d) => d.month)).toEqual(['2026-05', '2026-04', '2026-03']);
    expect((await h.ok('supervisor', 'verifyDraw', { month: CLOSED_MONTH })).ok).toBe(true);
  });

  test('a month before the first draw can no longer be drawn: the chain has begun without it', async () => {
    await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    const r = await h.call('supervisor', 'runDraw', { month: '2026-04' });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('2026-05') });
  });

  test('a preview changes nothing', async () => {
    await decidedCase(h);
    await h.ok('supervisor', 'previewDraw', { month: CLOSED_MONTH });
    expect(await h.deps.store.count('draws')).toBe(0);
    expect(await h.deps.store.count('followUps')).toBe(0);
  });
});

describe('reading a draw a page at a time', () => {
  test('getDraw answers the record without its lists and one page of the list asked for; the pages together are the frozen lists', async () => {
    for (let day = 1; day <= 25; day++) await decidedCase(h, `2026-05-${String(day).padStart(2, '0')}T02:00:00.000Z`);
    await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    const stored = (await h.deps.store.get<DrawDocument>('draws', CLOSED_MONTH))!;

    const first = await h.ok('supervisor', 'getDraw', { month: CLOSED_MONTH, list: 'population', limit: 10 });
    expect(first.record).not.toHaveProperty('population');
    expect(first.record).not.toHaveProperty('selectedIds');
    expect(first.record.drawHash).toBe(stored.drawHash);
    expect(first.page).toMatchObject({ list: 'population', total: 25, offset: 0, limit: 10 });
    expect(first.page.items).toHaveLength(10);
    const last = await h.ok('supervisor', 'getDraw', { month: CLOSED_MONTH, list: 'population', offset: 20, limit: 10 });
    expect(last.page.items).toEqual(stored.population.slice(20));
    expect(await wholeDrawList(h, CLOSED_MONTH, 'population')).toEqual(stored.population);
    expect((await wholeDrawList(h, CLOSED_MONTH, 'selected')).map((s) => s.caseId)).toEqual(stored.selectedIds);
    // The matters the allocation names by code come with their names.
    expect(Object.keys(first.matterNames).sort()).toEqual(stored.allocation.map((a) => a.matterCode).sort());
    expect(Object.values(first.matterNames).every((name) => /[\u4e00-\u9fff]/.test(name))).toBe(true);
  });

  test('verifying a draw answers the verdict only: no case of the population travels to the phone', async () => {
    for (let day = 1; day <= 12; day++) await decidedCase(h, `2026-05-${String(day).padStart(2, '0')}T02:00:00.000Z`);
    await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    const { population } = (await h.deps.store.get<DrawDocument>('draws', CLOSED_MONTH))!;
    const answer = JSON.stringify(await h.ok('supervisor', 'verifyDraw', { month: CLOSED_MONTH }));
    expect(population.filter((e) => answer.includes(e.id) || answer.includes(e.number))).toEqual([]);
  });
});

describe('verifying a draw', () => {
  beforeEach(async () => {
    for (let day = 1; day <= 15; day++) await decidedCase(h, `2026-05-${String(day).padStart(2, '0')}T02:00:00.000Z`);
    await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
  });

  const tamper = async (change: (d: DrawDocument) => DrawDocument): Promise<void> => {
    const stored = (await h.deps.store.get<DrawDocument>('draws', CLOSED_MONTH))!;
    const { _id, _version, ...body } = stored;
    expect(await h.deps.store.replace('draws', _id, _version, change(body))).not.toBeNull();
  };

  test('an untouched draw verifies', async () => {
    expect(await h.ok('supervisor', 'verifyDraw', { month: CLOSED_MONTH })).toMatchObject({ ok: true, problems: [] });
  });

  test('detects a stored record whose selection was changed', async () => {
    await tamper((d) => {
      const swapped = d.population.find((e) => !d.selectedIds.includes(e.id))!.id;
      return { ...d, selectedIds: [swapped, ...d.selectedIds.slice(1)] };
    });
    const result = await h.ok('supervisor', 'verifyDraw', { month: CLOSED_MONTH });
    expect(result.ok).toBe(false);
    expect(result.codes).toEqual(expect.arrayContaining(['SELECTION', 'DRAW_HASH']));
  });

  test('detects a case dropped from the frozen population', async () => {
    await tamper((d) => ({ ...d, population: d.population.slice(1) }));
    const result = await h.ok('supervisor', 'verifyDraw', { month: CLOSED_MONTH });
    expect(result.ok).toBe(false);
    expect(result.codes).toContain('POPULATION_HASH');
  });

  test('detects a decision time moved out of the month after the draw', async () => {
    const { population } = (await h.deps.store.get<DrawDocument>('draws', CLOSED_MONTH))!;
    await forceCase(h, population[0]!.id, { decidedAt: '2026-06-02T02:00:00.000Z' });
    const result = await h.ok('supervisor', 'verifyDraw', { month: CLOSED_MONTH });
    expect(result.codes).toEqual(['POPULATION_CHANGED']);
    expect(result.problems[0]).toContain(population[0]!.id);
  });

  test('a month never drawn is not found', async () => {
    expect(await h.call('supervisor', 'verifyDraw', { month: '2026-04' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await h.call('supervisor', 'getDraw', { month: '2026-04' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '2026-04 尚无抽查记录' });
  });

  test('a draw whose month before has vanished from the chain is reported broken', async () => {
    h.clock.set('2026-08-01T02:00:00+08:00');
    // July is drawn after June, which chains to May.
    await h.ok('supervisor', 'runDraw', { month: '2026-07' });
    expect(await h.ok('supervisor', 'verifyDraw', { month: '2026-07' })).toMatchObject({ ok: true });
    await h.deps.store.remove('draws', '2026-06');
    const result = await h.ok('supervisor', 'verifyDraw', { month: '2026-07' });
    expect(result.ok).toBe(false);
    expect(result.codes).toContain('CHAIN');
    expect(result.problems).toContain('CHAIN: 上期（2026-06）抽查记录缺失，抽查链中断');
  });
});

describe('what a draw tells', () => {
  test('the draw is audited with its figures and hash, and each supervisor is told how many to visit by when', async () => {
    for (let day = 1; day <= 12; day++) await decidedCase(h, `2026-05-${String(day).padStart(2, '0')}T02:00:00.000Z`);
    h.clock.set('2026-06-01T02:00:00+08:00');
    const { draw } = await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    expect(await h.deps.store.get('audit', `draws/${CLOSED_MONTH}`)).toMatchObject({
      action: 'monthlyDraw', subject: `draws/${CLOSED_MONTH}`, note: `总体 12 件，抽取 2 件，抽查哈希 ${draw.record.drawHash}`,
    });
    const [notice] = await outboxTo('supervisor', 'drawDone');
    const due = chinaDateOf(addWorkingDays(new Date('2026-06-01T02:00:00+08:00'), 20, seededCalendar()).toISOString());
    expect(notice).toMatchObject({
      _id: `draws:${CLOSED_MONTH}:drawDone:supervisor`, title: `${CLOSED_MONTH} 监督回访抽查已完成`,
      body: `上月远程踏勘办结 12 件，抽取 2 件，请于 ${due} 前完成回访`,
      fields: { month: CLOSED_MONTH, count: '2' },
    });
  });

  test('a month without remote decisions tells the supervisors there is nothing to visit', async () => {
    await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    const [notice] = await outboxTo('supervisor', 'drawDone');
    expect(notice).toMatchObject({ body: `${CLOSED_MONTH} 没有远程踏勘办结的办件，本月无需回访`, fields: { month: CLOSED_MONTH, count: '0' } });
  });

  test('the domain’s refusals reach the supervisor as errors: a share under the policy’s 10% or out of range, a case that cannot enter a population', async () => {
    await decidedCase(h);
    h.deps.config.supervision = { ...h.deps.config.supervision, drawShareBasisPoints: 500 };
    expect(await h.call('supervisor', 'runDraw', { month: CLOSED_MONTH })).toMatchObject({ ok: false, code: 'VALIDATION', message: '抽查比例不得低于 10%（1000 个万分点，津丽政务〔2022〕7号）：500' });
    h.deps.config.supervision = { ...h.deps.config.supervision, drawShareBasisPoints: 10001 };
    expect(await h.call('supervisor', 'runDraw', { month: CLOSED_MONTH })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('抽查比例须为 1000 至 10000 之间') });
    h.deps.config.supervision = { ...h.deps.config.supervision, drawShareBasisPoints: 1000 };
    const broken = await decidedCase(h, '2026-05-21T02:00:00.000Z');
    await forceCase(h, broken._id, { decidedAt: '2026-05-21 10:00' });
    expect(await h.call('supervisor', 'runDraw', { month: CLOSED_MONTH })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining(`办件 ${broken._id} 的办结时间不是带时区的 ISO 时间`) });
    expect(await h.deps.store.get('draws', CLOSED_MONTH)).toBeNull();
  });

  test('a month before the pilot began has nothing to draw; the pilot’s first month has', async () => {
    h.deps.config.supervision = { ...h.deps.config.supervision, trialStart: '2026-05-15' };
    expect(await h.call('supervisor', 'runDraw', { month: '2026-04' })).toMatchObject({
      ok: false, code: 'VALIDATION', message: '远程视频踏勘试点自 2026-05 开始，此前的月份没有可抽查的办件',
    });
    expect(await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH })).toMatchObject({ created: true });
  });
});
