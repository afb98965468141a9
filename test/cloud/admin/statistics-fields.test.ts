import type { Query } from '../../../cloudfunctions/src/ports/store';
import { type Harness, makeHarness } from '../../support/harness';
import { decidedCase } from '../../support/supervision-fixtures';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

test('the statistics read of each case only the fields they count, and count the same', async () => {
  const c = await decidedCase(h, '2026-05-20T02:00:00.000Z', { rounds: 2, noShows: 1 });
  await h.ok('applicant', 'rateService', { caseId: c._id, score: 4, suggestions: '很方便' });
  const store = h.deps.store;
  const find = store.find.bind(store);
  const caseQueries: Query[] = [];
  const returned: object[] = [];
  store.find = (async (collection: string, query: Query) => {
    const docs = await find(collection, query);
    if (collection === 'cases') {
      caseQueries.push(query);
      returned.push(...docs);
    }
    return docs;
  }) as typeof store.find;
  const report = await h.ok('supervisor', 'getStatistics', { from: '2026-05', to: '2026-05' });
  store.find = find;

  expect(caseQueries.length).toBeGreaterThanOrEqual(3);
  for (const q of caseQueries) expect(q.fields).toBeDefined();
  // Nothing personal or bulky is read: no company, applicant, materials, signatures or decisions.
  for (const doc of returned) {
    for (const key of Object.keys(doc)) {
      expect(['_id', '_version', 'matterCode', 'matterName', 'mode', 'submittedAt', 'acceptedAt', 'decidedAt', 'decision', 'rounds', 'noShows', 'rating']).toContain(key);
    }
  }
  expect(report.rows.find((r) => r.matterCode === null)).toMatchObject({ decided: 1, reinspections: 1, noShows: 1, ratings: 1, satisfactionMean: 4 });
});
