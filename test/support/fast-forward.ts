import type { CaseRecord } from '../../cloudfunctions/src/domain/case';
import type { Harness } from './harness';

/**
 * Puts a case straight into a later state, for unit tests of one area's actions that do not need to replay the
 * earlier areas. The end-to-end scenarios walk the real path instead.
 */
export async function forceCase(h: Harness, caseId: string, patch: Partial<CaseRecord>): Promise<number> {
  const c = await h.deps.store.get<CaseRecord>('cases', caseId);
  if (!c) throw new Error(`no case ${caseId}`);
  const { _id, _version, ...body } = c;
  const version = await h.deps.store.replace('cases', _id, _version, { ...body, ...patch });
  if (version === null) throw new Error('forceCase lost a race');
  return version;
}
