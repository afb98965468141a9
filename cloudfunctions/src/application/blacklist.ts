import type { ActionContext } from '../api/context';

/** An entry of the dishonesty blacklist 失信黑名单 (R8), for a company or a person. */
export interface BlacklistEntry {
  /** `company:<credit code>`, `person:<openid>` or `phone:<number>`. */
  subjectKey: string;
  active: boolean;
  reason: string;
  listedAt: string;
  /** End of the listing period; null until lifted by credit repair 信用修复. */
  until: string | null;
}

export const blacklistKeys = (subject: { creditCode: string; openid?: string | null; phone?: string }): string[] => [
  `company:${subject.creditCode}`,
  ...(subject.openid ? [`person:${subject.openid}`] : []),
  ...(subject.phone ? [`phone:${subject.phone}`] : []),
];

/** The listing in force for any of the subject's keys at `now`, if one is. */
export async function activeBlacklisting(ctx: ActionContext, keys: string[]): Promise<BlacklistEntry | null> {
  const entries = await ctx.store.find<BlacklistEntry>('blacklist', {
    where: { subjectKey: { op: 'in', value: keys }, active: true },
    limit: 20,
  });
  const nowIso = ctx.now.toISOString();
  return entries.find((e) => e.until === null || e.until > nowIso) ?? null;
}
