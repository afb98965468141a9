import { writeName } from './support/fake-canvas';
import { installFakeWx, serverError, type FakeWx } from './support/fake-wx';
import { finding, inspectionView } from './support/inspection-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
  fake.server.on('requestUpload', ({ purpose }: { purpose: string }) => ({ cloudPath: `uploads/staff/${purpose}/signature.png` }));
});

/** Every item checked, W2 failed with a note. */
const checked = () =>
  inspectionView({}, {
    W1: finding('conforming'),
    W2: finding('nonConforming', { note: '人孔未上锁' }),
    W3: finding('conforming'),
  });

async function openDecision(view = checked()): Promise<LoadedPage> {
  fake.server.on('getInspection', view);
  const p = loadPage('package-staff/pages/decision/decision');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

/** Writes a name on the pad (shown after the outcome is chosen) and confirms it. */
async function sign(p: LoadedPage) {
  const pad = p.comp.querySelector('#pad')!;
  // miniprogram-simulate fires `ready` only for what was there at first render.
  pad.triggerLifeTime('ready');
  await settled();
  writeName(pad.instance);
  await p.tap('#pad >>> #confirm');
}

test('the decision is refused without a signature, then sent with the rectification items and the deadline shown', async () => {
  fake.server.on('decideInspection', inspectionView({
    version: 11, state: 'rectifying', stateLabel: '限期整改', can: [],
    decisions: [{
      round: 1, outcome: 'rectify', outcomeLabel: '限期整改', opinion: '水箱人孔须加锁', reasons: [],
      decidedByName: '王芳', decidedAt: '2026-06-15T03:00:00.000Z', afterDeadline: false,
    }],
    rectification: {
      round: 1, workingDays: 10, deadline: '2026-06-29T15:59:59.999Z', deadlineProvisional: false, overdue: false,
      items: [{ id: 'R1', itemCode: 'W2', requirement: '水箱加盖加锁。达标要求：人孔加盖并上锁现场情况：人孔未上锁', proofs: [] }],
    },
  }));
  const p = await openDecision();
  expect(p.text()).toContain('不符合 1');

  await p.tap('#choice-rectify');
  // Prefilled from the failed item, worded as the server words its own default.
  expect(p.page.data.rectifyLines.map((l: { text: string }) => l.text)).toEqual(['水箱加盖加锁。达标要求：人孔加盖并上锁现场情况：人孔未上锁']);
  await p.type('#line-0', '水箱人孔加盖并上锁，上传上锁后的照片');
  await p.tap('#add-line');
  await p.type('#line-1', '补充近一年的清洗消毒记录');
  await p.type('#opinion', '水箱人孔须加锁');

  await p.tap('#submit');
  expect(p.text()).toContain('请在下方手写签名，并点“确认签名”');
  expect(fake.server.sent('decideInspection')).toEqual([]);
  expect(fake.calls('showModal')).toEqual([]);

  await sign(p);
  expect(p.exists('#signed')).toBe(true);
  await p.tap('#submit');

  expect(fake.calls('showModal')[0]).toMatchObject({ title: '确认作出“限期整改”决定？' });
  expect(fake.server.sent('requestUpload')).toEqual([{ fileName: 'signature.png', size: 4096, purpose: 'signature' }]);
  expect(fake.server.sent('decideInspection')).toEqual([{
    caseId: 'case-7',
    version: 10,
    outcome: 'rectify',
    opinion: '水箱人孔须加锁',
    signatureFileId: 'local://uploads/staff/signature/signature.png',
    rectificationItems: [
      { itemCode: 'W2', requirement: '水箱人孔加盖并上锁，上传上锁后的照片' },
      { requirement: '补充近一年的清洗消毒记录' },
    ],
  }]);
  expect(p.comp.querySelector('#deadline')!.dom!.textContent).toBe('整改期限：2026-06-29 23:59 前（10 个工作日）');
  expect(p.exists('#submit')).toBe(false);
});

test('a fail needs its reasons, prefilled from the failed items', async () => {
  fake.server.on('decideInspection', inspectionView({ state: 'failed', can: [] }));
  const p = await openDecision();
  await p.tap('#choice-fail');
  await p.tap('#remove-line-0');
  await p.type('#opinion', '水箱不符合卫生要求');
  await sign(p);

  await p.tap('#submit');
  expect(p.text()).toContain('请写明不通过的理由');
  expect(fake.server.sent('decideInspection')).toEqual([]);

  await p.tap('#add-line');
  await p.type('#line-0', '水箱人孔无盖');
  await p.tap('#submit');
  expect(fake.server.sent('decideInspection')[0]).toMatchObject({ outcome: 'fail', reasons: ['水箱人孔无盖'] });
  expect(fake.server.sent('decideInspection')[0]).not.toHaveProperty('rectificationItems');
});

test('switching to on-site inspection sends the reason, without a signature', async () => {
  fake.server.on('switchToOnsite', { id: 'case-7', state: 'ready', mode: 'onsite' });
  const p = await openDecision();
  fake.server.on('getInspection', inspectionView({ mode: 'onsite', state: 'ready', stateLabel: '待预约', can: ['offerSlots'] }));
  await p.tap('#choice-onsite');
  expect(p.exists('#pad')).toBe(false);
  await p.type('#opinion', '视频中无法看清水箱内部');
  await p.tap('#submit');

  expect(fake.server.sent('switchToOnsite')).toEqual([{ caseId: 'case-7', version: 10, reason: '视频中无法看清水箱内部' }]);
  expect(p.text()).toContain('已转为现场踏勘');
});

test('a decision refused because the case changed meanwhile keeps what was written and takes the new version', async () => {
  let calls = 0;
  fake.server.on('decideInspection', () => {
    calls++;
    return calls === 1
      ? serverError('CONFLICT', '办件已被他人更新')
      : inspectionView({ state: 'passed', can: [], decisions: [{ round: 1, outcome: 'pass', outcomeLabel: '通过', opinion: '符合', reasons: [], decidedByName: '王芳', decidedAt: '2026-06-15T03:00:00.000Z', afterDeadline: false }] });
  });
  const p = await openDecision(inspectionView({}, { W1: finding('conforming'), W2: finding('conforming'), W3: finding('notApplicable') }));
  await p.tap('#choice-pass');
  await p.type('#opinion', '符合');
  await sign(p);
  fake.server.on('getInspection', inspectionView({ version: 12 }, { W1: finding('conforming'), W2: finding('conforming'), W3: finding('notApplicable') }));

  await p.tap('#submit');
  expect(fake.calls('showModal')[1]).toMatchObject({ title: '办件刚有更新' });
  expect(p.page.data).toMatchObject({ version: 12, opinion: '符合', outcome: 'pass' });

  await p.tap('#submit');
  const sent = fake.server.sent('decideInspection');
  expect(sent[1]).toMatchObject({ version: 12, outcome: 'pass' });
  // The signature already uploaded is not uploaded again.
  expect(fake.server.sent('requestUpload')).toHaveLength(1);
  expect(p.text()).toContain('通过');
});
