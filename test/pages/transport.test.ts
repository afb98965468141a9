import { NETWORK_DOWN, installFakeWx, type FakeWx } from './support/fake-wx';

let fake: FakeWx;

beforeEach(() => {
  jest.resetModules();
  fake = installFakeWx();
});

const load = () => {
  const transport = require('../../miniprogram/services/transport/transport') as typeof import('../../miniprogram/services/transport/transport');
  transport.RETRY_DELAY_MS.value = 1;
  return transport;
};

test('a call is posted to the local runtime with the demo identity and resolves with the data', async () => {
  const { callApi } = load();
  fake.storage.set('dev.openid', 'demo-staff');
  fake.server.on('getMatter', { code: 'X' });

  await expect(callApi('getMatter', { code: 'X' })).resolves.toEqual({ code: 'X' });

  const [request] = fake.calls('request');
  expect(request).toMatchObject({ url: 'http://127.0.0.1:3000/functions/api', method: 'POST', header: { 'X-Wx-Openid': 'demo-staff' } });
  expect(request!.data).toMatchObject({ action: 'getMatter', payload: { code: 'X' }, requestId: expect.any(String) });
});

test('a retried call after a network failure carries the same requestId', async () => {
  const { callApi } = load();
  let attempts = 0;
  fake.server.on('acceptCase', () => (++attempts === 1 ? NETWORK_DOWN : { id: 'case-7' }));

  await expect(callApi('acceptCase', { caseId: 'case-7', version: 3 })).resolves.toEqual({ id: 'case-7' });

  const ids = fake.server.received.map((c) => c.requestId);
  expect(ids).toHaveLength(2);
  expect(ids[1]).toBe(ids[0]);
});

test('two separate calls carry different requestIds', async () => {
  const { callApi } = load();
  fake.server.on('listMatters', []);
  await callApi('listMatters', {});
  await callApi('listMatters', {});
  const [a, b] = fake.server.received.map((c) => c.requestId);
  expect(a).not.toBe(b);
});

test('a refusal becomes an ApiError with the server code and Chinese message', async () => {
  const { callApi, ApiError } = load();
  fake.server.refuse('withdrawCase', 'INVALID_STATE', '办件当前状态不能撤回');

  const error = await callApi('withdrawCase', { caseId: 'c', version: 1, reason: '不办了' }).catch((e: unknown) => e);

  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ code: 'INVALID_STATE', message: '办件当前状态不能撤回' });
  expect(fake.server.received).toHaveLength(1);
});

test('a call that never gets an answer fails with a network error after its retries', async () => {
  const { callApi } = load();
  fake.server.on('listMatters', () => NETWORK_DOWN);

  await expect(callApi('listMatters', {})).rejects.toMatchObject({ code: 'NETWORK', message: '网络不稳定，请检查网络后重试' });
  expect(new Set(fake.server.received.map((c) => c.requestId)).size).toBe(1);
});

test('cloud mode calls the api cloud function and uploads through wx.cloud', async () => {
  const { callApi } = load();
  const { config } = require('../../miniprogram/config/config');
  const { uploadFile } = require('../../miniprogram/services/upload/upload');
  config.mode = 'cloud';
  fake.server.on('getCase', { id: 'case-1' });

  await expect(callApi('getCase', { caseId: 'case-1' })).resolves.toEqual({ id: 'case-1' });
  expect(fake.calls('cloud.callFunction')[0]).toMatchObject({ name: 'api', data: { action: 'getCase' } });

  const progress: number[] = [];
  await expect(uploadFile('materials/a.pdf', 'wxfile://a.pdf', (p: number) => progress.push(p))).resolves.toBe('cloud://env/materials/a.pdf');
  expect(progress).toEqual([50, 100]);
  expect(fake.calls('request')).toHaveLength(0);
});

test('a published build talks to the cloud whatever the switch says', () => {
  load();
  const { runtimeMode } = require('../../miniprogram/config/config');
  fake.wx.getAccountInfoSync = () => ({ miniProgram: { envVersion: 'release' } });
  expect(runtimeMode()).toBe('cloud');
});
