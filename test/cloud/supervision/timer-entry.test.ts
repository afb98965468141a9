import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DrawDocument } from '../../../cloudfunctions/src/application/monthly-draw';
import { composeLocal } from '../../../cloudfunctions/src/compose/local';
import { configFromEnv } from '../../../cloudfunctions/src/config';
import { TIMER_TRIGGERS } from '../../../cloudfunctions/src/entries/timer-trigger';
import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { validCreditCode } from '../../support/harness';

// The `monthly-draw` function as the platform calls it: the timer's event, no OPENID, the function's own clock
// (here 02:00 on 1 July 2026 China time, which is still 30 June in UTC).

const dataDir = mkdtempSync(join(tmpdir(), 'rvi-timer-'));
const savedEnv = { RVI_LOCAL: process.env.RVI_LOCAL, RVI_DATA_DIR: process.env.RVI_DATA_DIR };
Object.assign(process.env, { RVI_LOCAL: '1', RVI_DATA_DIR: dataDir });
const seeding = composeLocal({ dataDir, publicBaseUrl: 'http://127.0.0.1:0', config: configFromEnv(process.env) });

beforeAll(() => {
  jest.useFakeTimers({
    now: new Date('2026-07-01T02:00:00+08:00'),
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
  });
});
afterAll(() => {
  jest.useRealTimers();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  seeding.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const decidedCase = (id: string, decidedAt: string): CaseRecord => ({
  number: `DL-${id}`, matterCode: 'TJDL-LAB-001', matterName: '劳务派遣经营许可', sectionCode: 'SEC-SOCIAL', sectorCode: 'REG-HRSS',
  mode: 'remote', channel: 'miniprogram', applicantId: 'applicant', applicantName: '张三', applicantPhone: '13812345678',
  company: { name: '天津东丽宏达物业管理有限公司', creditCode: validCreditCode() },
  premises: { address: '天津市东丽区津塘公路398号', latitude: 39.09, longitude: 117.31 }, materials: [],
  state: 'passed', handlerId: 'staff', handlerName: '王芳', submittedAt: '2026-06-01T02:00:00.000Z', acceptedAt: '2026-06-01T03:00:00.000Z', decidedAt,
});

test('called by the timer without an OPENID, it draws the previous China month, once', async () => {
  await seeding.store.insert('users', 'supervisor', { name: '陈静', roles: ['supervisor'], createdAt: '2026-01-01T00:00:00.000Z' });
  await seeding.store.insert('cases', 'june-last-evening', decidedCase('june-last-evening', '2026-06-30T15:30:00.000Z')); // 23:30 on 30 June, China
  await seeding.store.insert('cases', 'july-first', decidedCase('july-first', '2026-06-30T16:30:00.000Z')); // 00:30 on 1 July, China
  const { main } = await import('../../../cloudfunctions/src/entries/monthly-draw');

  const report = await main({ Type: 'Timer', TriggerName: 'monthly', Time: '2026-06-30T18:00:00Z' });
  expect(report).toMatchObject({ ok: true, month: '2026-06', created: true, selected: 1 });
  const draw = await seeding.store.get<DrawDocument>('draws', '2026-06');
  expect(draw).toMatchObject({ trigger: 'timer', drawnBy: 'system', selectedIds: ['june-last-evening'] });
  expect(await seeding.store.count('followUps')).toBe(1);
  expect(await seeding.store.count('outbox', { to: 'supervisor' })).toBe(1);

  expect(await main({ Type: 'Timer', TriggerName: 'monthly' })).toMatchObject({ ok: true, month: '2026-06', created: false, drawHash: draw!.drawHash });
  expect(await seeding.store.count('draws')).toBe(1);
});

test('anyone but its own timer is refused: a user, a user sending a timer-shaped event, no caller without the event, another trigger', async () => {
  const { main } = await import('../../../cloudfunctions/src/entries/monthly-draw');
  const timer = { Type: 'Timer', TriggerName: 'monthly', Time: '2026-06-30T18:00:00Z' };
  await seeding.store.remove('draws', '2026-06');
  const refusals = [
    await main({}, { localOpenid: 'applicant' }),
    await main(timer, { localOpenid: 'applicant' }),
    await main({}, {}),
    await main(undefined, {}),
    await main({ ...timer, Type: 'timer' }, {}),
    await main({ ...timer, TriggerName: 'every-five-minutes' }, {}),
  ];
  expect(refusals).toEqual(refusals.map(() => expect.objectContaining({ ok: false, code: 'FORBIDDEN' })));
  expect(await seeding.store.count('draws')).toBe(0);
});

test('the trigger names it accepts are those of the deployed config.json', () => {
  for (const [fn, name] of Object.entries(TIMER_TRIGGERS)) {
    const config = JSON.parse(readFileSync(join(__dirname, '../../../cloudfunctions', fn, 'config.json'), 'utf8')) as { triggers: { name: string; type: string }[] };
    expect(config.triggers).toEqual([expect.objectContaining({ name, type: 'timer' })]);
  }
});
