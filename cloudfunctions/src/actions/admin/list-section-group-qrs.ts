import * as z from 'zod';
import type { SectionGroupQr } from '../../../../typings/api';
import { defineAction } from '../../api/action';
import { findAll } from '../../application/find-all';
import type { SectionSettings } from '../../application/group';
import type { Matter } from '../../domain/matter';

/** The admin's list of the catalogue's sections, each with the group QR code its inspection groups show. */
export const listSectionGroupQrs = defineAction({
  name: 'listSectionGroupQrs',
  schema: () => z.strictObject({}),
  callers: ['admin'],
  mutates: false,
  async handle(ctx) {
    const matters = await findAll<Matter>(ctx.store, 'matters', { orderBy: [['_id', 'asc']] });
    const sections = new Map(matters.map((m) => [m.sectionCode, m.sectionName]));
    return Promise.all([...sections].sort(([a], [b]) => a.localeCompare(b)).map(async ([sectionCode, sectionName]): Promise<SectionGroupQr> => {
      const s = await ctx.store.get<SectionSettings>('sectionSettings', sectionCode);
      return {
        sectionCode, sectionName, published: !!s?.wechatGroupQrFileId,
        ...(s?.wechatGroupQrFileId ? { qrUrl: await ctx.files.downloadUrl(s.wechatGroupQrFileId) } : {}),
        ...(s ? { updatedAt: s.updatedAt } : {}),
      };
    }));
  },
});
