import * as z from 'zod';
import { defineAction } from '../../api/action';
import type { UserRecord } from '../../api/context';
import { AppError } from '../../api/errors';
import { idString, version } from '../../api/validation';
import { actOnCase } from '../../application/cases';
import { SUPERVISE_PAGES } from '../../application/supervision-pages';
import { formatChina } from '../../domain/china-time';

/**
 * A supervisor sends a supervisor as observer 观察员 to a case's inspection (R17): the observer may then read the
 * case, sees its meeting card and is told now.
 */
export const assignObserver = defineAction({
  name: 'assignObserver',
  schema: () => z.strictObject({ caseId: idString(), version: version(), observerOpenid: idString() }),
  callers: ['supervisor'],
  mutates: true,
  handle: (ctx, { observerOpenid, ...ref }) =>
    actOnCase(ctx, ref, 'assignObserver', async (c) => {
      const observer = await ctx.store.get<UserRecord>('users', observerOpenid);
      if (!observer?.roles.includes('supervisor')) throw new AppError('VALIDATION', '观察员须为政策法规科人员');
      if (c.observerIds?.includes(observerOpenid)) throw new AppError('VALIDATION', `${observer.name} 已是该办件的观察员`);
      const when = c.scheduledAt ? `，踏勘时间 ${formatChina(c.scheduledAt, 'YYYY-MM-DD HH:mm')}` : '';
      return [
        { ...c, observerIds: [...(c.observerIds ?? []), observerOpenid] },
        {
          note: `观察员：${observer.name}`,
          notices: [{
            event: 'observerAssigned', to: observerOpenid, title: '您被指派为远程踏勘观察员',
            body: `${c.number} ${c.matterName}（${c.company.name}）${when}`,
            page: SUPERVISE_PAGES.observe(c._id), fields: { number: c.number, matter: c.matterName },
          }],
        },
      ];
    }),
});
