import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudbaseSubscriber } from '../../../cloudfunctions/src/adapters/cloudbase/cloudbase-subscriber';
import { RecordingSubscriber } from '../../../cloudfunctions/src/adapters/local/recording-subscriber';
import { systemClock } from '../../../cloudfunctions/src/ports/clock';
import type { SubscribeMessage } from '../../../cloudfunctions/src/ports/subscriber';
import { initWxServerSdk, STANDIN_ENV } from '../../support/cloudbase-standin';
import { type OpenapiStandin, startOpenapiStandin } from '../../support/openapi-standin';

// The Subscriber port: the CloudBase adapter runs the real wx-server-sdk against a loopback stand-in that reads the
// cloud call's wire format (multipart, protobuf, snake_case parameters); the local adapter writes to a file.

const message: SubscribeMessage = {
  touser: 'oYqmk7X4pNnKYCDz6aJaoqcBdxfA',
  templateId: 'W25vrVdFrfC1CBXlJG7aGYk0B8y3hR5jLvsTg2Xmhrs',
  page: 'pages/case-detail/case-detail?id=c1',
  data: { character_string1: { value: 'DL-20260612-0007' }, thing2: { value: '二次供水单位卫生许可' }, phrase3: { value: '已受理' }, time4: { value: '2026年6月12日 09:30' } },
  miniprogramState: 'formal',
};

describe('Subscriber: CloudBase cloud call (wx-server-sdk against the loopback stand-in)', () => {
  let standin: OpenapiStandin;
  let subscriber: CloudbaseSubscriber;
  beforeAll(async () => {
    standin = await startOpenapiStandin();
    subscriber = new CloudbaseSubscriber(initWxServerSdk(standin));
  });
  afterEach(() => {
    expect(standin.unsupported).toEqual([]);
    standin.calls.length = 0;
  });
  afterAll(() => standin.close());

  test('sends subscribeMessage.send with WeChat\'s snake_case parameters and answers ok', async () => {
    expect(await subscriber.send(message)).toEqual({ ok: true });
    expect(standin.calls).toEqual([{
      envName: STANDIN_ENV,
      apiName: 'subscribeMessage.send',
      params: {
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: 'formal',
      },
    }]);
  });

  test('keeps every value exactly as given, Chinese and symbols included', async () => {
    const odd = { ...message, data: { thing1: { value: '整改：3项（含“水箱”）…' }, character_string2: { value: 'A-1_b.2/3#' } } };
    await subscriber.send(odd);
    expect(standin.calls[0]!.params.data).toEqual(odd.data);
  });

  test('answers WeChat\'s 43101 as a value: the person has no subscription left', async () => {
    standin.answer({ errcode: 43101, errmsg: 'user refuse to accept the msg rid: 67f39aa3-68729fee' });
    expect(await subscriber.send(message)).toEqual({ ok: false, errcode: 43101, errmsg: expect.stringContaining('user refuse to accept the msg') });
  });

  test('answers a value WeChat refuses (47003) with the field it names', async () => {
    standin.answer({ errcode: 47003, errmsg: 'argument invalid! data.phrase3.value invalid' });
    expect(await subscriber.send(message)).toEqual({ ok: false, errcode: 47003, errmsg: expect.stringContaining('data.phrase3.value') });
  });

  test('answers a CloudBase-side failure with a negative code, which the sender retries', async () => {
    standin.answer({ cloudbaseError: { code: 'EXCEED_REQUEST_LIMIT', message: 'request limit exceeded' } });
    const result = await subscriber.send(message);
    expect(result).toEqual({ ok: false, errcode: -501003, errmsg: expect.stringContaining('request limit exceeded') });
  });
});

describe('Subscriber: the local runtime\'s recording', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rvi-subscriber-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('writes each message as one JSON line and answers ok', async () => {
    const file = join(dir, 'nested', 'subscribe-messages.jsonl');
    const subscriber = new RecordingSubscriber(file, systemClock);
    expect(await subscriber.send(message)).toEqual({ ok: true });
    expect(await subscriber.send({ ...message, touser: 'someone-else' })).toEqual({ ok: true });
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { at: expect.any(String), ...message },
      { at: expect.any(String), ...message, touser: 'someone-else' },
    ]);
  });
});
