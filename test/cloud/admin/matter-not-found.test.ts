import { AppError } from '../../../cloudfunctions/src/api/errors';
import { loadChecklist } from '../../../cloudfunctions/src/application/catalogue';
import { type Harness, makeHarness, remoteMatter } from '../../support/harness';

// A matter or a checklist version that is not there is refused in words (application/catalogue.ts).

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

test('an unknown matter', async () => {
  expect(await h.call('applicant', 'getMatter', { code: 'NO-SUCH-MATTER' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '未找到该事项' });
  expect(await h.call('applicant', 'getMatter', { code: remoteMatter.code })).toMatchObject({ ok: true });
});

test('a checklist version never published', async () => {
  await expect(loadChecklist(h.deps.store, remoteMatter.code, 99)).rejects.toEqual(new AppError('NOT_FOUND', '未找到该事项的踏勘标准'));
  await expect(loadChecklist(h.deps.store, remoteMatter.code, 99)).rejects.toMatchObject({ code: 'NOT_FOUND', message: '未找到该事项的踏勘标准' });
  expect((await loadChecklist(h.deps.store, remoteMatter.code, 1)).items.length).toBeGreaterThan(0);
});
