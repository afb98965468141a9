import * as z from 'zod';
import { defineAction } from '../../api/action';
import { type CreditRecord, type ListingRecord, toCreditRecordView, toListingView } from '../../application/credit';
import type { FindingRecord } from '../../application/findings';
import { provisionalCheck } from '../../application/provisional-marks';
import type { Stored } from '../../ports/store';
import type { CaseRecord } from '../../domain/case';

/**
 * What concerns the caller in the credit file and on the blacklist: entries about them (by OPENID, or by the phone
 * of their cases) and about the companies they applied for.
 */
export const listMyCreditRecords = defineAction({
  name: 'listMyCreditRecords',
  schema: () => z.strictObject({}),
  callers: 'anyone',
  mutates: false,
  async handle(ctx) {
    const own = await ctx.store.find<CaseRecord>('cases', { where: { applicantId: ctx.caller.openid }, orderBy: [['submittedAt', 'desc']], limit: 200 });
    const keys = [
      ...new Set([
        `person:${ctx.caller.openid}`,
        ...own.map((c) => `company:${c.company.creditCode}`),
        ...own.map((c) => `phone:${c.applicantPhone}`),
      ]),
    ];
    const where = { subjectKey: { op: 'in' as const, value: keys } };
    const [records, listings] = await Promise.all([
      ctx.store.find<CreditRecord>('creditRecords', { where, orderBy: [['recordedAt', 'desc']], limit: 100 }),
      ctx.store.find<ListingRecord>('blacklist', { where, orderBy: [['listedAt', 'desc']], limit: 100 }),
    ]);
    const check = provisionalCheck(ctx.calendar);
    // Still provisional while a notice entered since would move the deadline and no supervisor has decided.
    const pending = async (r: Stored<CreditRecord>) => !!(await ctx.store.get<FindingRecord>('findings', r.findingId))?.pendingRecount;
    const views = await Promise.all(records.map(async (record) => {
      const { correctionDeadlineProvisional: marked, ...r } = toCreditRecordView(record);
      const provisional = !!marked && ((await pending(record)) || (await check(marked, r.correctionDeadline ?? r.recordedAt)));
      return provisional ? { ...r, correctionDeadlineProvisional: true } : r;
    }));
    return { records: views, blacklistings: listings.map((e) => toListingView(e, ctx.now)) };
  },
});
