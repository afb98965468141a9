import type { MatterSummary, MatterView } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import { type Checklist, checklistId, type Matter } from '../domain/matter';
import type { Store, Stored } from '../ports/store';

export async function loadMatter(ctx: ActionContext, code: string): Promise<Stored<Matter>> {
  const matter = await ctx.store.get<Matter>('matters', code);
  if (!matter) throw new AppError('NOT_FOUND', '未找到该事项');
  return matter;
}

export async function loadChecklist(store: Store, matterCode: string, version: number): Promise<Checklist> {
  const checklist = await store.get<Checklist>('checklists', checklistId(matterCode, version));
  if (!checklist) throw new AppError('NOT_FOUND', '未找到该事项的踏勘标准');
  return checklist;
}

export const toMatterSummary = (m: Matter): MatterSummary => ({
  code: m.code, name: m.name, sectionName: m.sectionName, remoteAllowed: m.remoteAllowed, checklistVersion: m.checklistVersion,
  sectionCode: m.sectionCode, sectorCode: m.sectorCode, regulatorName: m.regulatorName,
});

export async function toMatterView(ctx: ActionContext, m: Matter): Promise<MatterView> {
  const checklist = await loadChecklist(ctx.store, m.code, m.checklistVersion);
  return {
    ...toMatterSummary(m),
    legalBasis: m.legalBasis,
    checklist: checklist.items,
    preparation: m.preparation,
  };
}
