import { Readable } from 'node:stream';
import type { ActionContext } from '../../../cloudfunctions/src/api/context';
import { claimRendering, readSignaturePng, renderAndStoreCopy } from '../../../cloudfunctions/src/application/signed-forms';
import { systemContext } from '../../../cloudfunctions/src/application/system-context';
import { CONSENT_FORM_V1, type FormValues } from '../../../cloudfunctions/src/catalogue/form-templates';
import type { Store } from '../../../cloudfunctions/src/ports/store';
import { type Harness, makeHarness } from '../../support/harness';
import { signaturePng } from '../../support/images';

// What a signature must be before a form is rendered with it, and the claim that lets one of many concurrent
// signing calls render: through the functions the signing actions call.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const ctxReading = (chunks: Buffer[], store: Store = h.deps.store): ActionContext => ({
  ...systemContext(h.deps),
  store,
  caller: { openid: 'applicant', name: '王小明', roles: new Set() },
  files: { ...h.deps.files, read: async () => Readable.from(chunks) } as ActionContext['files'],
});

describe('a signature image', () => {
  const png = Buffer.from(signaturePng());

  test('a whole PNG is read back as it was, in however many pieces it arrives', async () => {
    expect(await readSignaturePng(ctxReading([png.subarray(0, 10), png.subarray(10, 40), png.subarray(40)]), 'f')).toEqual(png);
  });

  test('a PNG cut short, one without its header chunk, another format, or a stub is refused', async () => {
    const refused = { code: 'VALIDATION', message: '签名须为完整的PNG图片，请重新签名' };
    await expect(readSignaturePng(ctxReading([png.subarray(0, png.length - 12)]), 'f')).rejects.toMatchObject(refused);
    const noHeader = Buffer.from(png);
    noHeader.write('IHDX', 12, 'latin1');
    await expect(readSignaturePng(ctxReading([noHeader]), 'f')).rejects.toMatchObject(refused);
    const notPng = Buffer.from(png);
    notPng[1] = 0x51;
    await expect(readSignaturePng(ctxReading([notPng]), 'f')).rejects.toMatchObject(refused);
    // 33 bytes: a signature, a header and an end chunk's name would fit, but no image.
    const stub = Buffer.concat([png.subarray(0, 25), png.subarray(png.length - 8)]);
    expect(stub.length).toBe(33);
    await expect(readSignaturePng(ctxReading([stub]), 'f')).rejects.toMatchObject(refused);
  });

  test('reading stops as soon as it passes 1 MB; exactly 1 MB is still read', async () => {
    const MB = 1024 * 1024;
    const tooLarge = { code: 'VALIDATION', message: '签名图片不能超过1MB，请重新签名' };
    let pulled = 0;
    const endless = async function* () {
      for (;;) {
        pulled++;
        yield Buffer.alloc(256 * 1024);
      }
    };
    const ctx = { ...ctxReading([]), files: { read: async () => Readable.from(endless()) } } as unknown as ActionContext;
    await expect(readSignaturePng(ctx, 'f')).rejects.toMatchObject(tooLarge);
    // Five pieces pass 1 MB; the stream may have read one ahead.
    expect(pulled).toBeLessThanOrEqual(6);
    // A whole PNG padded inside to exactly 1 MB passes the size check (and is then judged as a PNG).
    const padded = Buffer.concat([png.subarray(0, png.length - 12), Buffer.alloc(MB - png.length), png.subarray(png.length - 12)]);
    expect(padded.length).toBe(MB);
    expect(await readSignaturePng(ctxReading([padded]), 'f')).toHaveLength(MB);
  });
});

describe('claiming a rendering', () => {
  const ctxAt = (iso: string, openid: string, store: Store = h.deps.store): ActionContext => ({
    ...systemContext(h.deps), store, now: new Date(iso), caller: { openid, name: openid, roles: new Set() },
  });

  test('the first call at a version renders; another at the same version waits, at another version renders', async () => {
    await claimRendering(ctxAt('2026-12-04T02:00:00.000Z', 'a'), 'c1', 3, 'consent');
    expect(await h.deps.store.get('renderingClaims', 'c1:consent:3')).toMatchObject({ caseId: 'c1', what: 'consent', version: 3, by: 'a', at: '2026-12-04T02:00:00.000Z' });
    await expect(claimRendering(ctxAt('2026-12-04T02:00:01.000Z', 'b'), 'c1', 3, 'consent')).rejects.toMatchObject({ code: 'IN_PROGRESS', message: '该表单正在签署，请稍候刷新查看' });
    await claimRendering(ctxAt('2026-12-04T02:00:01.000Z', 'b'), 'c1', 4, 'consent');
  });

  test('a claim left for over two minutes by a call the platform killed is taken over; at two minutes it still holds', async () => {
    await claimRendering(ctxAt('2026-12-04T02:00:00.000Z', 'a'), 'c1', 3, 'consent');
    await expect(claimRendering(ctxAt('2026-12-04T02:02:00.000Z', 'b'), 'c1', 3, 'consent')).rejects.toMatchObject({ code: 'IN_PROGRESS' });
    await claimRendering(ctxAt('2026-12-04T02:02:00.001Z', 'b'), 'c1', 3, 'consent');
    expect(await h.deps.store.get('renderingClaims', 'c1:consent:3')).toMatchObject({ by: 'b', at: '2026-12-04T02:02:00.001Z', _version: 2 });
  });

  test('of two calls taking over one stale claim, the one whose write is lost waits', async () => {
    await claimRendering(ctxAt('2026-12-04T02:00:00.000Z', 'a'), 'c1', 3, 'consent');
    const lost: Store = { ...h.deps.store, insert: (c, i, d) => h.deps.store.insert(c, i, d), get: (c, i) => h.deps.store.get(c, i), find: (c, q) => h.deps.store.find(c, q), count: (c, w) => h.deps.store.count(c, w), remove: (c, i) => h.deps.store.remove(c, i), replace: async () => null };
    await expect(claimRendering(ctxAt('2026-12-04T02:05:00.000Z', 'b', lost), 'c1', 3, 'consent')).rejects.toMatchObject({ code: 'IN_PROGRESS' });
    expect(await h.deps.store.get('renderingClaims', 'c1:consent:3')).toMatchObject({ by: 'a' });
  });
});

test('a form with a blank where a fact belongs is refused before anything is rendered', async () => {
  const rendered: unknown[] = [];
  const ctx = { ...systemContext(h.deps), pdf: { render: async (job: unknown) => (rendered.push(job), { fileId: 'x', sha256: '', size: 0 }) } } as unknown as ActionContext;
  const values = { officeName: '示范区行政审批局', district: '示范区', companyName: '', creditCode: '91310000MA1K000001', applicantName: '王小明', matterName: '食品经营许可', premisesAddress: '示范路1号', caseNumber: 'TK-2026-0001' } as FormValues;
  await expect(renderAndStoreCopy(ctx, 'c1', 'applicant', { template: CONSENT_FORM_V1, values, signatureFileId: 'sig', signedAt: new Date() })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('表单缺少以下填写内容') });
  expect(rendered).toEqual([]);
});
