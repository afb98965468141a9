import { ALL_ACTIONS } from '../../../cloudfunctions/src/actions';
import { createApi } from '../../../cloudfunctions/src/api/router';
import type { ActionContext } from '../../../cloudfunctions/src/api/context';
import { claimOpenApplication, nextCaseNumber, openApplicationId } from '../../../cloudfunctions/src/application/intake';
import { systemContext } from '../../../cloudfunctions/src/application/system-context';
import { PILOT_MATTERS } from '../../../cloudfunctions/src/catalogue/pilot-matters';
import { composeCloud } from '../../../cloudfunctions/src/compose/cloud';
import { configFromEnv } from '../../../cloudfunctions/src/config';
import { checklistId } from '../../../cloudfunctions/src/domain/matter';
import type { Query, Store } from '../../../cloudfunctions/src/ports/store';
import { type CloudbaseStandin, initWxServerSdk, startCloudbaseStandin } from '../../support/cloudbase-standin';
import { type Harness, PEOPLE, makeHarness, remoteMatter, validCreditCode } from '../../support/harness';
import { addScreenshot, startedCase, upload } from '../../support/inspection';
import { registered } from '../../support/scenarios/claims';
import { application } from '../../support/scenarios/core';
import { decidedCase, drawnFollowUp } from '../../support/supervision-fixtures';
import { storeWith } from '../../support/store-with';

// The edges of taking in an application (application/intake.ts: which file ids are the caller's uploads, the day's
// case numbers and the one open application per company and matter, under contention) and of reading a case's
// files (application/file-access.ts: which files a caller may open, the relation a link is recorded under, and who
// reads the log). Found by the mutation run (test/mutation/); where a race is the point, another writer is stood in.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/**
 * The store, with the next `losses` writes (insert, replace) to `collection` lost to another writer: `beat` is what
 * that writer does first (the write then goes to the store and fails on its own); without it the write is answered
 * as lost and nothing changes, as when the other writer wrote the same.
 */
function contended(store: Store, collection: string, losses: number, beat?: (id: string) => Promise<void>): { store: Store; writes: () => number } {
  let left = losses;
  let writes = 0;
  const loses = (c: string): boolean => c === collection && (writes++, left-- > 0);
  return {
    writes: () => writes,
    store: storeWith(store, {
      insert: async (c, id, doc) => {
        if (!loses(c)) return store.insert(c, id, doc);
        if (!beat) return false;
        await beat(id);
        return store.insert(c, id, doc);
      },
      replace: async (c, id, version, doc) => {
        if (!loses(c)) return store.replace(c, id, version, doc);
        if (!beat) return null;
        await beat(id);
        return store.replace(c, id, version, doc);
      },
    }),
  };
}

/** A request's context as `who`, on `store`. */
const ctxOf = (store: Store, who = 'applicant'): ActionContext => ({
  ...systemContext(h.deps), store, caller: { openid: who, name: PEOPLE[who]?.name ?? '', roles: new Set() },
});

/** Another office issuing the day's next number first: the counter moves on under the reader. */
const anotherNumberTaken = async (id: string): Promise<void> => {
  const counter = await h.deps.store.get<{ value: number }>('counters', id);
  if (!counter) await h.deps.store.insert('counters', id, { value: 1 });
  else await h.deps.store.replace('counters', id, counter._version, { value: counter.value + 1 });
};

const BUSY = { code: 'CONFLICT', message: '系统繁忙，请稍后重试' };

describe('the files an application attaches', () => {
  const applyWith = async (fileId: string, who = 'applicant') =>
    h.call(who, 'applyForInspection', application(who, [fileId]));

  test('an upload place handed out but never uploaded to is named, and nothing is stored', async () => {
    const { cloudPath } = await h.ok('applicant', 'requestUpload', { fileName: '营业执照副本.pdf', size: 12, purpose: 'material' });
    expect(await applyWith(`local://${cloudPath}`)).toEqual({ ok: false, code: 'VALIDATION', message: '材料「营业执照副本.pdf」尚未上传完成，请重新上传' });
    expect(await h.deps.store.count('cases')).toBe(0);
  });

  test('only a whole file id of the caller\'s own upload is theirs: text before or after it, or another\'s upload, is refused', async () => {
    const own = await h.uploadMaterial('applicant');
    const refused = { ok: false, code: 'FORBIDDEN', message: '只能提交本人上传的材料' };
    expect(await applyWith(`https://example.com/${own}`)).toEqual(refused);
    expect(await applyWith(`${own}\nlocal://uploads/applicant/x.pdf`)).toEqual(refused);
    expect(await applyWith(await h.uploadMaterial('otherApplicant'))).toEqual(refused);
    expect(await h.deps.store.count('cases')).toBe(0);
    await expect(applyWith(own)).resolves.toMatchObject({ ok: true });
  });
});

describe('the files an application attaches, in CloudBase storage', () => {
  let standin: CloudbaseStandin;
  beforeAll(async () => {
    standin = await startCloudbaseStandin();
  }, 30_000);
  afterEach(() => expect(standin.unsupported).toEqual([]));
  afterAll(() => standin.close());

  test('a CloudBase file id (cloud://<env>.<bucket>/uploads/…) of the caller\'s upload is attached and frozen into the case', async () => {
    const deps = composeCloud(initWxServerSdk(standin), configFromEnv({}));
    const now = new Date().toISOString();
    const { matter, checklist } = PILOT_MATTERS.find((m) => m.matter.code === remoteMatter.code)!;
    await deps.store.insert('matters', matter.code, { ...matter, checklistVersion: 1 });
    await deps.store.insert('checklists', checklistId(matter.code, 1), { matterCode: matter.code, version: 1, items: checklist, publishedAt: now, publishedBy: 'seed' });
    await deps.store.insert('users', 'applicant', { name: '张三', roles: [], createdAt: now });
    const api = createApi(deps, ALL_ACTIONS);

    const requested = await api({ action: 'requestUpload', payload: { fileName: '营业执照.pdf', size: 14, purpose: 'material' } }, 'applicant');
    if (!requested.ok) throw new Error(requested.message);
    const { fileId } = await deps.files.put((requested.data as { cloudPath: string }).cloudPath, Buffer.from('%PDF-1.4 cloud'));
    expect(fileId).toMatch(/^cloud:\/\/standin-env\.[^/]+\/uploads\/applicant\//);
    const applied = await api({ action: 'applyForInspection', payload: application('applicant', [fileId]) }, 'applicant');
    expect(applied).toMatchObject({ ok: true, data: { stateLabel: '待受理', materials: [{ name: '营业执照.pdf', size: 14 }] } });
  });
});

describe('the day\'s case numbers', () => {
  test('numbers run on through the day: the third application of the day is 0003', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) numbers.push((await h.apply()).number);
    expect(numbers).toEqual(['DL-20260612-0001', 'DL-20260612-0002', 'DL-20260612-0003']);
  });

  test('a number another request took between the read and the write is not handed out again', async () => {
    expect(await nextCaseNumber(ctxOf(h.deps.store))).toBe('DL-20260612-0001');
    const raced = contended(h.deps.store, 'counters', 1, anotherNumberTaken);
    // The other request took 0002; this one reads again and takes 0003.
    expect(await nextCaseNumber(ctxOf(raced.store))).toBe('DL-20260612-0003');
    expect(raced.writes()).toBe(2);
    // The day's first number too: another request inserted the counter first.
    h.clock.advance(86_400_000);
    expect(await nextCaseNumber(ctxOf(contended(h.deps.store, 'counters', 1, anotherNumberTaken).store))).toBe('DL-20260613-0002');
  });

  test('twenty attempts: nineteen writes lost to other requests still get a number, twenty give up with 系统繁忙', async () => {
    await nextCaseNumber(ctxOf(h.deps.store));
    const nineteen = contended(h.deps.store, 'counters', 19, anotherNumberTaken);
    expect(await nextCaseNumber(ctxOf(nineteen.store))).toBe('DL-20260612-0021');
    expect(nineteen.writes()).toBe(20);
    const twenty = contended(h.deps.store, 'counters', 20, anotherNumberTaken);
    await expect(nextCaseNumber(ctxOf(twenty.store))).rejects.toMatchObject(BUSY);
    expect(twenty.writes()).toBe(20);
  });
});

describe('one open application per company and matter: the claim', () => {
  const company = { name: '天津东丽认领边界有限公司', creditCode: validCreditCode('91120110MA0EDGE01') };
  const applyAs = async (who: string) => h.call(who, 'applyForInspection', { ...application(who, [await h.uploadMaterial(who)]), company });
  const claimId = openApplicationId(company.creditCode, remoteMatter.code);
  const staleClaim = (claimedBy: string, claimedAt = h.clock.now().toISOString()) =>
    h.deps.store.insert('openApplications', claimId, { caseId: 'never-written', claimedBy, claimedAt });

  test('an open case with no claim document (stored before the claims existed) still refuses a second application', async () => {
    const first = await applyAs('applicant');
    if (!first.ok) throw new Error(first.message);
    await h.deps.store.remove('openApplications', claimId);
    expect(await applyAs('otherApplicant')).toEqual({
      ok: false, code: 'DUPLICATE', message: `该企业的本事项已有正在办理的申请（办件编号 ${first.data.number}），请在该办件中继续办理，或撤回后再申请`,
    });
    expect(await h.deps.store.count('cases')).toBe(1);
  });

  test('an application whose case query ran just before another\'s case was written is refused by that case\'s claim', async () => {
    let first: Awaited<ReturnType<typeof applyAs>> | undefined;
    const store = h.deps.store;
    const late = storeWith(store, {
      // The query finds no open case; the other application then completes before this one reads the claim.
      find: async <T extends object>(c: string, q: Query) => {
        const found = await store.find<T>(c, q);
        if (c === 'cases' && !first) first = await applyAs('applicant');
        return found;
      },
    });
    const second = createApi({ ...h.deps, store: late }, ALL_ACTIONS);
    const r = await second({ action: 'applyForInspection', payload: { ...application('otherApplicant', [await h.uploadMaterial('otherApplicant')]), company } }, 'otherApplicant');
    if (!first?.ok) throw new Error('the first application did not go through');
    expect(r).toEqual({ ok: false, code: 'DUPLICATE', message: expect.stringContaining(`办件编号 ${first.data.number}`) });
    expect(await h.deps.store.get('openApplications', claimId)).toMatchObject({ caseId: first.data.id, claimedBy: 'applicant' });
    expect(await h.deps.store.count('cases')).toBe(1);
  });

  test('a claim whose case was withdrawn is taken over at once, by anyone', async () => {
    const first = await applyAs('applicant');
    if (!first.ok) throw new Error(first.message);
    await h.ok('applicant', 'withdrawCase', { caseId: first.data.id, version: first.data.version, reason: '材料有误' });
    h.clock.advance(10_000);
    const second = await applyAs('otherApplicant');
    expect(second).toMatchObject({ ok: true, data: { state: 'submitted' } });
    expect(await h.deps.store.get('openApplications', claimId)).toMatchObject({ claimedBy: 'otherApplicant' });
  });

  test('the applicant\'s own claim left by a request that failed midway does not hold them off', async () => {
    await staleClaim('applicant');
    expect(await applyAs('applicant')).toMatchObject({ ok: true });
  });

  test('another\'s unwritten claim holds for exactly the 90-second request lease', async () => {
    await staleClaim('someoneElse');
    h.clock.advance(89_999);
    expect(await applyAs('applicant')).toEqual({ ok: false, code: 'IN_PROGRESS', message: '该企业的本事项正有一份申请在提交中，请稍后刷新查看，勿重复提交' });
    h.clock.advance(1);
    expect(await applyAs('applicant')).toMatchObject({ ok: true });
  });

  test('five attempts: four takeovers lost to other requests still claim, five give up with 系统繁忙', async () => {
    await staleClaim('someoneElse', '2026-06-12T01:00:00.000Z');
    const four = contended(h.deps.store, 'openApplications', 4);
    await claimOpenApplication(ctxOf(four.store), 'case-a', company.creditCode, remoteMatter.code);
    expect(four.writes()).toBe(5);
    expect(await h.deps.store.get('openApplications', claimId)).toMatchObject({ caseId: 'case-a', claimedBy: 'applicant' });

    await h.deps.store.remove('openApplications', claimId);
    const five = contended(h.deps.store, 'openApplications', 5);
    await expect(claimOpenApplication(ctxOf(five.store), 'case-b', company.creditCode, remoteMatter.code)).rejects.toMatchObject(BUSY);
    expect(five.writes()).toBe(5);
    expect(await h.deps.store.get('openApplications', claimId)).toBeNull();
  });
});

describe('reading a case\'s files', () => {
  const NOT_ON_CASE = { ok: false, code: 'NOT_FOUND', message: '该办件中没有这个文件' };
  const supervisorUpload = (name: string) => upload(h, 'supervisor', 'evidence', name, Buffer.from(`photo ${name}`));

  test('a recording opened by the handler is shown to the applicant as 录像', async () => {
    const { caseId } = await startedCase(h);
    const fileId = await upload(h, 'staff', 'evidence', '踏勘录像.mp4', Buffer.from('not really an mp4'));
    await h.ok('staff', 'addEvidence', { caseId, fileId, kind: 'recording' });
    h.clock.set('2026-06-20T02:00:00.000Z');
    await h.ok('staff', 'getFileUrl', { caseId, fileId });
    expect(await h.ok('applicant', 'listFileAccess', { caseId })).toEqual([
      { at: '2026-06-20T02:00:00.000Z', who: '王芳', roleLabel: '经办人', fileName: '踏勘录像.mp4', kindLabel: '录像' },
    ]);
  });

  test('the supervision files (a visit\'s and a finding\'s evidence) open for the office only, and only under their own case', async () => {
    const drawn = await drawnFollowUp(h);
    const visitPhoto = await supervisorUpload('回访照片.jpg');
    await h.ok('supervisor', 'recordFollowUpOutcome', {
      followUpId: drawn.followUpId, version: 1, result: 'consistent', note: '经营场所与申报一致', evidenceFileIds: [visitPhoto],
    });
    const report = await upload(h, 'regulator', 'evidence', '监管报告.pdf', Buffer.from('%PDF-1.4 report'));
    await h.ok('regulator', 'reportFinding', { caseId: drawn.caseId, kind: 'falseAddress', severity: 'minor', description: '抽查发现门牌不符', evidenceFileIds: [report] });

    for (const fileId of [visitPhoto, report]) {
      await expect(h.ok('supervisor', 'getFileUrl', { caseId: drawn.caseId, fileId })).resolves.toHaveProperty('url');
      await expect(h.ok('otherStaff', 'getFileUrl', { caseId: drawn.caseId, fileId })).resolves.toHaveProperty('url');
      expect(await h.call('applicant', 'getFileUrl', { caseId: drawn.caseId, fileId })).toEqual(NOT_ON_CASE);
    }
    const other = await h.apply();
    for (const fileId of [visitPhoto, report]) expect(await h.call('supervisor', 'getFileUrl', { caseId: other.id, fileId })).toEqual(NOT_ON_CASE);

    expect(await h.ok('head', 'listFileAccess', { caseId: drawn.caseId })).toEqual(expect.arrayContaining([
      expect.objectContaining({ who: '陈静', roleLabel: '政策法规科', fileName: '回访照片.jpg', kindLabel: '监督回访材料' }),
      expect.objectContaining({ who: '赵磊', roleLabel: '审批工作人员', fileName: '监管报告.pdf', kindLabel: '监督回访材料' }),
    ]));
    expect(await h.ok('applicant', 'listFileAccess', { caseId: drawn.caseId })).toEqual([]);
  });

  test('a case whose follow-up visit is still open gives the office its materials as before', async () => {
    const drawn = await drawnFollowUp(h);
    const c = await h.ok('supervisor', 'getCase', { caseId: drawn.caseId });
    await expect(h.ok('supervisor', 'getFileUrl', { caseId: drawn.caseId, fileId: c.materials[0]!.fileId })).resolves.toHaveProperty('url');
  });

  test('each case\'s log lists its own links only', async () => {
    const a = await h.ok('staff', 'acceptCase', await h.apply().then((c) => ({ caseId: c.id, version: c.version })));
    const b = await h.apply();
    await h.ok('staff', 'getFileUrl', { caseId: a.id, fileId: a.materials[0]!.fileId });
    await h.ok('head', 'getFileUrl', { caseId: b.id, fileId: b.materials[0]!.fileId });
    expect((await h.ok('staff', 'listFileAccess', { caseId: a.id })).map((r) => r.who)).toEqual(['王芳']);
    expect((await h.ok('staff', 'listFileAccess', { caseId: b.id })).map((r) => r.who)).toEqual(['刘强']);
  });

  test('a section officer who is not the handler reads the whole log, the officers\' own evidence included', async () => {
    const { caseId } = await startedCase(h);
    const { fileId } = await addScreenshot(h, caseId, '截图.jpg');
    await h.ok('staff', 'getFileUrl', { caseId, fileId });
    expect(await h.ok('otherStaff', 'listFileAccess', { caseId })).toEqual([expect.objectContaining({ who: '王芳', fileName: '截图.jpg', kindLabel: '踏勘证据' })]);
  });

  test('an applicant with no name on file is logged as 申请人', async () => {
    const c = await h.apply('newcomer');
    await h.ok('newcomer', 'getFileUrl', { caseId: c.id, fileId: c.materials[0]!.fileId });
    expect(await h.ok('newcomer', 'listFileAccess', { caseId: c.id })).toEqual([expect.objectContaining({ who: '申请人', roleLabel: '申请人' })]);
  });

  test('the officer who registered a case and has since left the office opens it as 其他, and may not read the log', async () => {
    const receipt = await registered(h);
    await h.ok('admin', 'grantRoles', { openid: 'staff', name: '王芳', roles: [], reason: '调离审批岗位' });
    const fileId = receipt.case.materials[0]!.fileId;
    await expect(h.ok('staff', 'getFileUrl', { caseId: receipt.case.id, fileId })).resolves.toHaveProperty('url');
    expect(await h.call('staff', 'listFileAccess', { caseId: receipt.case.id }))
      .toEqual({ ok: false, code: 'FORBIDDEN', message: '只有申请人和审批人员可以查看文件查阅记录' });
    expect(await h.ok('head', 'listFileAccess', { caseId: receipt.case.id })).toEqual([expect.objectContaining({ who: '王芳', roleLabel: '其他', kindLabel: '申请材料' })]);
  });

  test('the sector\'s regulator reads a decided case but not its file log', async () => {
    const c = await decidedCase(h);
    expect(await h.call('regulator', 'listFileAccess', { caseId: c._id }))
      .toEqual({ ok: false, code: 'FORBIDDEN', message: '只有申请人和审批人员可以查看文件查阅记录' });
  });
});
