import { installFakeWx, type FakeWx } from './support/fake-wx';
import { me } from './support/fixtures';
import { loadPage, settled } from './support/load-page';

// The Mini Program's project has no Node typings; the one name used here:
declare const __dirname: string;

// Every page parameter is decoded where it is read (utils/page-query): WeChat hands onLoad the values still
// percent-encoded. A value with Chinese, an emoji, spaces and a literal % reaches the page's data and the api as
// written, and nothing percent-encoded is kept or sent.

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
  fake.server.on('whoami', me(['staff', 'sectionHead', 'supervisor', 'regulator']));
});

const WRITTEN = '办件 7 😀 a+b 100%';
const ENCODED = encodeURIComponent(WRITTEN);

/** Each page and the parameters it reads. */
const PAGES: Array<[string, string[]]> = [
  ['pages/case-detail/case-detail', ['id']],
  ['pages/matter-detail/matter-detail', ['code']],
  ['pages/apply/apply', ['code']],
  ['pages/sign-forms/sign-forms', ['id']],
  ['pages/group/group', ['id']],
  ['pages/join-group/join-group', ['token']],
  ['pages/booking/booking', ['id']],
  ['pages/session-code/session-code', ['id']],
  ['pages/live-capture/live-capture', ['id']],
  ['pages/rectification/rectification', ['id']],
  ['pages/rating/rating', ['id']],
  ['package-staff/pages/case-review/case-review', ['id']],
  ['package-staff/pages/offer-slots/offer-slots', ['id']],
  ['package-staff/pages/countersign/countersign', ['id']],
  ['package-staff/pages/meeting/meeting', ['id']],
  ['package-staff/pages/inspection/inspection', ['id']],
  ['package-staff/pages/decision/decision', ['id']],
  ['package-staff/pages/evidence/evidence', ['id']],
  ['package-supervise/pages/observe/observe', ['id']],
  ['package-supervise/pages/finding/finding', ['id']],
  ['package-supervise/pages/follow-up/follow-up', ['id', 'month']],
  ['package-supervise/pages/draw/draw', ['month']],
  ['package-supervise/pages/regulator-case/regulator-case', ['id']],
  ['package-supervise/pages/report-finding/report-finding', ['id']],
];

test.each(PAGES)('%s reads %j as written', async (page, params) => {
  const p = loadPage(page);
  p.page.onLoad(Object.fromEntries(params.map((name) => [name, ENCODED])));
  await settled();
  const data = JSON.stringify(p.page.data);
  const sent = JSON.stringify(fake.server.received.map((c) => c.payload));
  expect(data.includes(JSON.stringify(WRITTEN).slice(1, -1)) || sent.includes(JSON.stringify(WRITTEN).slice(1, -1))).toBe(true);
  expect(data).not.toContain(ENCODED);
  expect(sent).not.toContain(ENCODED);
  expect(p.text()).not.toMatch(/%[0-9A-F]{2}/);
});

test('every page that reads a parameter is in the table above', () => {
  const fs = require('fs') as { readdirSync(dir: string, o: { recursive: true }): string[]; readFileSync(f: string, e: 'utf8'): string };
  const root = `${__dirname}/../../miniprogram`;
  const pages = fs.readdirSync(root, { recursive: true })
    .filter((f) => /(^|\/)pages\/.+\.ts$/.test(f))
    // caseLoader reads `id`; so does singleLoad for a page with `caseId` in its data.
    .filter((f) => /pageParam\(query|behaviors: \[caseLoader\]|behaviors: \[singleLoad\][^]*\bcaseId: ''/.test(fs.readFileSync(`${root}/${f}`, 'utf8')))
    .map((f) => f.replace(/\.ts$/, ''));
  expect(PAGES.map(([page]) => page).sort()).toEqual(pages.sort());
});
