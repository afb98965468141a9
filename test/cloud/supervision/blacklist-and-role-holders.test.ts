import { activeBlacklisting, blacklistKeys } from '../../../cloudfunctions/src/application/blacklist';
import { roleHolders } from '../../../cloudfunctions/src/application/role-holders';
import { systemContext } from '../../../cloudfunctions/src/application/system-context';
import { type Harness, makeHarness, remoteMatter } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

describe('the blacklist (R8)', () => {
  it('keys a subject by its company, and by the person and phone when known', () => {
    expect(blacklistKeys({ creditCode: 'C1', openid: 'o1', phone: '13800000000' })).toEqual(['company:C1', 'person:o1', 'phone:13800000000']);
    expect(blacklistKeys({ creditCode: 'C1', openid: null })).toEqual(['company:C1']);
  });

  it('a listing is in force until its end, exclusive, or until lifted when it has none', async () => {
    const ctx = systemContext(h.deps);
    const now = ctx.now.toISOString();
    await h.deps.store.insert('blacklist', 'b-open', { subjectKey: 'phone:13900000001', active: true, reason: '虚报经营场所', listedAt: now, until: null });
    await h.deps.store.insert('blacklist', 'b-ends-now', { subjectKey: 'phone:13900000002', active: true, reason: '提交虚假材料', listedAt: now, until: now });
    await h.deps.store.insert('blacklist', 'b-later', { subjectKey: 'phone:13900000003', active: true, reason: '逃避检查', listedAt: now, until: new Date(Date.parse(now) + 1).toISOString() });
    expect(await activeBlacklisting(ctx, ['phone:13900000001'])).toMatchObject({ reason: '虚报经营场所' });
    expect(await activeBlacklisting(ctx, ['phone:13900000002'])).toBeNull();
    expect(await activeBlacklisting(ctx, ['phone:13900000003'])).toMatchObject({ reason: '逃避检查' });
  });
});

describe('the holders of a role', () => {
  it('are every holder without a sector named, and only that sector’s with one', async () => {
    expect((await roleHolders(h.deps.store, 'regulator')).map((u) => u._id).sort()).toEqual(['foreignRegulator', 'regulator']);
    expect((await roleHolders(h.deps.store, 'regulator', remoteMatter.sectorCode)).map((u) => u._id)).toEqual(['regulator']);
    expect((await roleHolders(h.deps.store, 'supervisor')).map((u) => u._id)).toEqual(['supervisor']);
  });
});
