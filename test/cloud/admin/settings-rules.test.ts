import type { OfficeSettings } from '../../../typings/api';
import { applySettings, type SettingsRecord, settingsOf, settingsView, withSettings } from '../../../cloudfunctions/src/application/settings';
import { configuredTemplate, TEMPLATES } from '../../../cloudfunctions/src/catalogue/message-catalogue';
import { type AppConfig, configFromEnv } from '../../../cloudfunctions/src/config';
import type { Deps } from '../../../cloudfunctions/src/api/context';
import type { Store, Stored } from '../../../cloudfunctions/src/ports/store';

// The office's saved settings laid over the environment's (application/settings.ts), without the store: what is
// replaced, what is kept, and what the 系统设置 page is shown.

const base: AppConfig = {
  ...configFromEnv({}),
  notifications: { ...configFromEnv({}).notifications, templates: { caseProgress: configuredTemplate('caseProgress', { id: 'Env_Progress', keywords: { note: 'thing5' } }) } },
};

const saved: OfficeSettings = {
  officeName: '东丽区政务服务办公室',
  district: '天津市东丽区',
  trialStart: '2026-03-01',
  trialMonths: 18,
  drawShareBasisPoints: 1500,
  dailyMaximum: 2,
  premisesThresholdMeters: 300,
  subscribeTemplateIds: { caseProgress: 'Saved_Progress', todo: 'Saved_Todo' } as OfficeSettings['subscribeTemplateIds'],
};
const stored = (s: OfficeSettings): Stored<SettingsRecord> => ({ ...s, _id: 'office', _version: 4, updatedAt: '2026-05-06T02:00:00.000Z', updatedBy: 'adm', updatedByName: '管理员' });

test('before anything is saved, the settings are the environment’s, template ids included', () => {
  expect(settingsOf(base)).toEqual({
    officeName: base.officeName,
    district: base.district,
    trialStart: base.supervision.trialStart,
    trialMonths: base.supervision.trialMonths,
    drawShareBasisPoints: base.supervision.drawShareBasisPoints,
    dailyMaximum: base.scheduling.dailyMaximum,
    premisesThresholdMeters: base.inspection.premisesThresholdMeters,
    subscribeTemplateIds: { caseProgress: 'Env_Progress' },
  });
});

test('saved settings replace the environment’s values and keep everything else', () => {
  const config = applySettings(base, saved);
  expect(config).toMatchObject({
    officeName: '东丽区政务服务办公室',
    district: '天津市东丽区',
    caseNumberPrefix: base.caseNumberPrefix,
    scheduling: { ...base.scheduling, dailyMaximum: 2 },
    supervision: { ...base.supervision, trialStart: '2026-03-01', trialMonths: 18, drawShareBasisPoints: 1500 },
    inspection: { ...base.inspection, premisesThresholdMeters: 300 },
  });
  // A template the environment configured keeps its keywords with the saved id; another is the catalogue's.
  expect(config.notifications.templates.caseProgress).toEqual({ ...base.notifications.templates.caseProgress, id: 'Saved_Progress' });
  expect(config.notifications.templates.todo).toEqual(configuredTemplate('todo', 'Saved_Todo'));
  expect(Object.keys(config.notifications.templates).sort()).toEqual(['caseProgress', 'todo']);
  expect(applySettings(base, null)).toBe(base);
  // The environment's configuration is not changed.
  expect(base.notifications.templates.caseProgress!.id).toBe('Env_Progress');
});

test('withSettings puts the saved settings in force, or leaves the dependencies as they are', async () => {
  const storeWith = (doc: Stored<SettingsRecord> | null): Store => ({ get: async (collection: string, id: string) => (collection === 'settings' && id === 'office' ? doc : null) }) as unknown as Store;
  const deps = { config: base, store: storeWith(stored(saved)) } as unknown as Deps;
  const inForce = await withSettings(deps);
  expect(inForce.config.officeName).toBe('东丽区政务服务办公室');
  expect(inForce.store).toBe(deps.store);
  const none = { config: base, store: storeWith(null) } as unknown as Deps;
  expect(await withSettings(none)).toBe(none);
});

test('the page is shown the settings in force, their version and who saved them, and the template titles', () => {
  const titles = Object.entries(TEMPLATES).map(([key, t]) => ({ key, title: t.title }));
  expect(settingsView(base, null)).toEqual({ ...settingsOf(base), version: 0, tencentMeetingConfigured: false, templates: titles });
  const withMeeting = { ...base, tencentMeeting: { secretId: 'i', secretKey: 'k', appId: 'a', userId: 'u' } } as AppConfig;
  expect(settingsView(withMeeting, stored(saved))).toEqual({
    ...saved,
    version: 4,
    updatedAt: '2026-05-06T02:00:00.000Z',
    updatedByName: '管理员',
    tencentMeetingConfigured: true,
    templates: titles,
  });
});
