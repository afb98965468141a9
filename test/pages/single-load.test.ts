import simulate = require('miniprogram-simulate');
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { matter } from './support/fixtures';
import { inspectionView } from './support/inspection-fixtures';
import { ROOT, loadPage, settled } from './support/load-page';
import { refusal, singleLoad, singleLoadData } from '../../miniprogram/behaviors/single-load/single-load';
import { caseLoader, caseLoaderData } from '../../miniprogram/behaviors/case-loader/case-loader';

// The Mini Program's project has no DOM typings; the one name used here:
declare const document: { createElement(tag: string): any };

// The singleLoad behavior (behaviors/single-load): first on a page defined here whose load() the test answers when
// it likes, then on the home page against the fake api.

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

interface Deferred {
  resolve(data: Record<string, unknown>): void;
  reject(err: unknown): void;
}

const apiError = (code: string, message: string) => Object.assign(new Error(message), { code });

let block: unknown;

/** The test page's own part: singleLoad's load(), or caseLoader's fetchCase() and showCase(). */
type On = (loads: Deferred[]) => Record<string, unknown>;
const ON_SINGLE_LOAD: On = (loads) => ({
  behaviors: [singleLoad],
  data: { ...singleLoadData('样例'), thing: '' },
  methods: { load: () => new Promise((resolve, reject) => loads.push({ resolve, reject })) },
});
const ON_CASE_LOADER: On = (loads) => ({
  behaviors: [caseLoader],
  data: { ...caseLoaderData(), thing: '' },
  methods: {
    fetchCase: () => new Promise((resolve, reject) => loads.push({ resolve, reject })),
    showCase(this: any, loaded: { thing: string }) {
      this.setData({ thing: loaded.thing });
    },
  },
});

/** A page on the behavior: each load() waits for the test to answer it, in `loads`; every setData is kept. */
function openTestPage(on: On = ON_SINGLE_LOAD) {
  const loads: Deferred[] = [];
  const sent: Array<Record<string, unknown>> = [];
  block ??= simulate.load(`${ROOT}/components/loading-block/loading-block`);
  const id = simulate.load({
    template: `<loading-block id="loading" wx:if="{{status !== 'ready'}}" status="{{status}}" failure="{{failure}}" bindretry="onRetry" />
      <view wx:else id="shown">{{thing}}</view>`,
    usingComponents: { 'loading-block': block },
    ...on(loads),
  });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  const page = comp.instance as any;
  const setData = page.setData.bind(page);
  page.setData = (data: Record<string, unknown>, done?: () => void) => {
    sent.push(data);
    setData(data, done);
  };
  const text = () => comp.dom!.textContent ?? '';
  const tap = async (selector: string) => {
    const [host, inner] = selector.split(' >>> ');
    comp.querySelector(host!)!.querySelector(inner!)!.dispatchEvent('tap');
    await settled();
  };
  return { page, loads, sent, text, tap, exists: (selector: string) => !!comp.querySelector(selector) };
}

/** The test page once its first load has failed with `err`. */
async function failedFirstLoad(err: unknown) {
  const p = openTestPage();
  p.page.onLoad({});
  await settled();
  p.loads[0]!.reject(err);
  await settled();
  return p;
}

test('the first load shows the loading block, then what load() returned, set with ready in one setData', async () => {
  const p = openTestPage();
  p.page.onLoad({});
  await settled();
  expect(p.text()).toContain('正在加载');
  expect(p.loads).toHaveLength(1);

  p.loads[0]!.resolve({ thing: '第一份' });
  await settled();
  expect(p.text()).toContain('第一份');
  expect(p.sent).toEqual([{ thing: '第一份', status: 'ready', failure: null }]);
});

test('a failed first load says why by kind with 重试; 重试 loads again and shows it', async () => {
  const p = await failedFirstLoad(apiError('INTERNAL', '服务暂不可用，请稍后重试'));
  expect(p.page.data.status).toBe('error');
  expect(p.page.data.failure).toMatchObject({ kind: 'server', title: '样例暂时加载不了', canRetry: true });
  expect(p.text()).toContain('服务暂不可用，请稍后重试');

  await p.tap('#loading >>> #retry');
  expect(p.text()).toContain('正在加载');
  expect(p.loads).toHaveLength(2);
  p.loads[1]!.resolve({ thing: '重试后' });
  await settled();
  expect(p.text()).toContain('重试后');
  expect(p.page.data.failure).toBeNull();
});

test('where trying again cannot help there is no 重试: not found, and a page not for the caller', async () => {
  const missing = await failedFirstLoad(apiError('NOT_FOUND', 'not found'));
  expect(missing.text()).toContain('未找到该样例');
  expect(missing.exists('#loading >>> #retry')).toBe(false);

  const refused = await failedFirstLoad(refusal('样例仅供系统管理员查看'));
  expect(refused.page.data.failure).toMatchObject({ kind: 'forbidden', title: '样例仅供系统管理员查看', canRetry: false });
  expect(refused.exists('#loading >>> #retry')).toBe(false);
});

test('pull-down refresh shows the new answer and then stops the spinner; a failed one keeps the page and says so', async () => {
  const p = openTestPage();
  p.page.onLoad({});
  await settled();
  p.loads[0]!.resolve({ thing: '旧的' });
  await settled();

  const refreshed = p.page.onPullDownRefresh();
  await settled();
  expect(fake.calls('stopPullDownRefresh')).toHaveLength(0);
  p.loads[1]!.resolve({ thing: '新的' });
  await refreshed;
  expect(p.text()).toContain('新的');
  expect(fake.calls('stopPullDownRefresh')).toHaveLength(1);
  // Already ready: only the data is sent again.
  expect(p.sent.slice(-1)[0]).toEqual({ thing: '新的' });

  const failing = p.page.onPullDownRefresh();
  await settled();
  p.loads[2]!.reject(apiError('NETWORK', 'request:fail'));
  await failing;
  expect(p.text()).toContain('新的');
  expect(p.page.data.status).toBe('ready');
  expect(fake.calls('showToast').slice(-1)[0]).toMatchObject({ title: '刷新失败，请稍后重试' });
  expect(fake.calls('stopPullDownRefresh')).toHaveLength(2);
});

test.each<[string, On]>([['singleLoad', ON_SINGLE_LOAD], ['caseLoader', ON_CASE_LOADER]])('%s: a newer load makes an older answer stale, whichever way it ends', async (_, on) => {
  const p = openTestPage(on);
  p.page.onLoad({});
  await settled();
  p.page.reload();
  await settled();
  p.loads[1]!.resolve({ thing: '后发的' });
  await settled();
  p.loads[0]!.reject(apiError('INTERNAL', '迟到的失败'));
  await settled();
  expect(p.page.data.status).toBe('ready');
  expect(fake.calls('showToast')).toHaveLength(0);

  p.page.reload();
  p.page.reload();
  await settled();
  p.loads[3]!.resolve({ thing: '最新的' });
  await settled();
  p.loads[2]!.resolve({ thing: '过时的' });
  await settled();
  expect(p.text()).toContain('最新的');
  expect(p.text()).not.toContain('过时的');
});

test('on a real page: pull-down refresh reloads the matters from the api, and a failed refresh keeps them', async () => {
  fake.server.on('listMatters', [matter()]);
  const p = loadPage('pages/home/home');
  p.page.onLoad({});
  await settled();
  expect(p.text()).toContain('二次供水单位卫生许可');

  fake.server.on('listMatters', [matter(), matter({ code: 'RADIATION', name: '辐射安全许可', remoteAllowed: false })]);
  await p.page.onPullDownRefresh();
  expect(p.text()).toContain('辐射安全许可');
  expect(fake.server.sent('listMatters')).toHaveLength(2);
  expect(fake.calls('stopPullDownRefresh')).toHaveLength(1);

  fake.server.refuse('listMatters', 'INTERNAL', '系统繁忙，请稍后重试');
  await p.page.onPullDownRefresh();
  expect(p.text()).toContain('辐射安全许可');
  expect(fake.calls('showToast').slice(-1)[0]).toMatchObject({ title: '系统繁忙，请稍后重试' });
});

test('caseLoader on it: a case page reads its id, shows the case, refreshes when shown again, and a missing case has no 重试', async () => {
  fake.server.on('getInspection', inspectionView({ state: 'archived', stateLabel: '已归档', sessionCode: undefined, can: ['rateService'] }));
  const p = loadPage('pages/rating/rating');
  p.page.onShow(); // shown before it has loaded: nothing more is fetched
  p.page.onLoad({ id: encodeURIComponent('办件 7') });
  await settled();
  expect(fake.server.sent('getInspection')).toEqual([{ caseId: '办件 7' }]);
  expect(p.page.data.status).toBe('ready');

  fake.server.on('getInspection', inspectionView({
    state: 'archived', can: [], rating: { score: 5, suggestions: '', ratedAt: '2026-06-16T01:00:00.000Z' },
  }));
  p.page.onShow();
  await settled();
  expect(fake.server.sent('getInspection')).toHaveLength(2);
  expect(p.text()).toContain('感谢您的评价');

  fake.server.refuse('getInspection', 'NOT_FOUND', '办件不存在');
  const missing = loadPage('pages/rating/rating');
  missing.page.onLoad({ id: 'case-gone' });
  await settled();
  expect(missing.text()).toContain('未找到该办件');
  expect(missing.text()).not.toContain('重试');
});
