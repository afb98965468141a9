import * as z from 'zod';
import { defineAction } from '../../api/action';
import type { UserRecord } from '../../api/context';
import { pageQuery } from '../../api/validation';
import type { StoredCase } from '../../application/cases';
import { pageOf } from '../../application/find-all';
import { toCaseSummary } from '../../application/views';
import type { CaseRecord } from '../../domain/case';

/** Booked inspections in order of their time, with their observers, for the supervisor choosing whom to send (R17). */
export const listUpcomingInspections = defineAction({
  name: 'listUpcomingInspections',
  schema: () => z.strictObject(pageQuery()),
  callers: ['supervisor'],
  mutates: false,
  async handle(ctx, query) {
    const page = await pageOf<CaseRecord, StoredCase>(ctx.store, 'cases', { state: 'scheduled' }, [['scheduledAt', 'asc'], ['_id', 'asc']], query, (c) => c);
    const observerIds = [...new Set(page.items.flatMap((c) => c.observerIds ?? []))];
    const observers = observerIds.length
      ? await ctx.store.find<UserRecord>('users', { where: { _id: { op: 'in', value: observerIds } }, limit: observerIds.length })
      : [];
    const nameOf = new Map(observers.map((u) => [u._id, u.name]));
    const items = page.items.map((c) => ({
      ...toCaseSummary(c),
      version: c._version,
      ...(c.scheduledAt ? { scheduledAt: c.scheduledAt } : {}),
      observers: (c.observerIds ?? []).map((openid) => ({ openid, name: nameOf.get(openid) ?? '' })),
    }));
    return { ...page, items };
  },
});
