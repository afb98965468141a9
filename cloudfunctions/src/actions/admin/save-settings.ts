import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { text } from '../../api/validation';
import { writeAudit } from '../../application/audit';
import { SETTINGS_ID, type SettingsRecord, applySettings, loadSettings, settingsOf, settingsView } from '../../application/settings';
import { TEMPLATE_KEYS } from '../../catalogue/message-catalogue';

const integer = (min: number, max: number, what: string) =>
  z.number().int({ message: `${what}须为整数` }).min(min, { message: `${what}不能小于${min}` }).max(max, { message: `${what}不能大于${max}` });

const LABELS: Record<string, string> = {
  officeName: '机关名称', district: '辖区名称', trialStart: '试点开始日期', trialMonths: '试点期（月）', drawShareBasisPoints: '抽查比例（万分点）',
  dailyMaximum: '每人每日踏勘上限', premisesThresholdMeters: '经营场所距离阈值（米）', subscribeTemplateIds: '订阅消息模板',
};

/** The admin saves the office's settings: validated, compare-and-set, audited with what changed, in force at once. */
export const saveSettings = defineAction({
  name: 'saveSettings',
  schema: () => z.strictObject({
    version: z.number().int().min(0).max(1_000_000_000),
    officeName: text(40, 2),
    district: text(40, 2),
    trialStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' }).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: '不是有效日期' }),
    trialMonths: integer(1, 60, '试点期'),
    drawShareBasisPoints: integer(1000, 10000, '抽查比例'),
    dailyMaximum: integer(1, 20, '每日上限'),
    premisesThresholdMeters: integer(50, 5000, '距离阈值'),
    subscribeTemplateIds: z.partialRecord(z.enum(TEMPLATE_KEYS as [string, ...string[]]), z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, { message: '模板编号只含字母、数字、下划线和短横线' })),
  }),
  callers: ['admin'],
  mutates: true,
  async handle(ctx, { version, ...settings }) {
    const before = await loadSettings(ctx.store);
    const old = before ?? settingsOf(ctx.config);
    const record: SettingsRecord = { ...settings, updatedAt: ctx.now.toISOString(), updatedBy: ctx.caller.openid, updatedByName: ctx.caller.name };
    const saved = version === 0 && !before
      ? ((await ctx.store.insert('settings', SETTINGS_ID, record)) ? 1 : null)
      : before && before._version === version ? await ctx.store.replace('settings', SETTINGS_ID, version, record) : null;
    if (saved === null) throw new AppError('CONFLICT', '系统设置刚被他人修改，请刷新后重试');
    const changed = (Object.keys(LABELS) as (keyof typeof settings)[])
      .filter((k) => JSON.stringify(old[k]) !== JSON.stringify(settings[k]))
      .map((k) => `${LABELS[k]}：${JSON.stringify(old[k])} → ${JSON.stringify(settings[k])}`);
    await writeAudit(ctx, `settings/${SETTINGS_ID}:${saved}`, { action: 'saveSettings', subject: `settings/${SETTINGS_ID}`, note: changed.join('；') || '未改动' });
    return settingsView(applySettings(ctx.config, settings), { ...record, _id: SETTINGS_ID, _version: saved });
  },
});
