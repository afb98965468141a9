// The office's settings kept in the database (one document, settings/office), edited on 系统设置 and in force for
// the next request without a redeploy. The environment's values are only the first defaults.

import type { OfficeSettings, SettingsView } from '../../../typings/api';
import type { SubscribeTemplateKey } from '../../../typings/models';
import type { Deps } from '../api/context';
import { TEMPLATES, type SubscribeTemplates, configuredTemplate } from '../catalogue/message-catalogue';
import type { AppConfig } from '../config';
import type { Store, Stored } from '../ports/store';

export interface SettingsRecord extends OfficeSettings {
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

export const SETTINGS_ID = 'office';

export const loadSettings = (store: Store): Promise<Stored<SettingsRecord> | null> => store.get<SettingsRecord>('settings', SETTINGS_ID);

/** The settings as the environment gives them, before anything was saved. */
export function settingsOf(config: AppConfig): OfficeSettings {
  return {
    officeName: config.officeName,
    district: config.district,
    trialStart: config.supervision.trialStart,
    trialMonths: config.supervision.trialMonths,
    drawShareBasisPoints: config.supervision.drawShareBasisPoints,
    dailyMaximum: config.scheduling.dailyMaximum,
    premisesThresholdMeters: config.inspection.premisesThresholdMeters,
    subscribeTemplateIds: Object.fromEntries(
      Object.entries(config.notifications.templates).map(([key, t]) => [key, t!.id]),
    ) as Partial<Record<SubscribeTemplateKey, string>>,
  };
}

/** The configuration with the saved settings laid over the environment's. */
export function applySettings(base: AppConfig, s: OfficeSettings | null): AppConfig {
  if (!s) return base;
  const templates: SubscribeTemplates = {};
  for (const [key, id] of Object.entries(s.subscribeTemplateIds) as [SubscribeTemplateKey, string][]) {
    // A template configured in the environment keeps its field keywords; only its id is the admin's.
    const configured = base.notifications.templates[key];
    templates[key] = configured ? { ...configured, id } : configuredTemplate(key, id);
  }
  return {
    ...base,
    officeName: s.officeName,
    district: s.district,
    scheduling: { ...base.scheduling, dailyMaximum: s.dailyMaximum },
    supervision: { ...base.supervision, trialStart: s.trialStart, trialMonths: s.trialMonths, drawShareBasisPoints: s.drawShareBasisPoints },
    inspection: { ...base.inspection, premisesThresholdMeters: s.premisesThresholdMeters },
    notifications: { ...base.notifications, templates },
  };
}

/** The dependencies with the settings in force now: every request and every timer run starts from this. */
export async function withSettings<D extends Deps>(deps: D): Promise<D> {
  const saved = await loadSettings(deps.store);
  return saved ? { ...deps, config: applySettings(deps.config, saved) } : deps;
}

export function settingsView(config: AppConfig, saved: Stored<SettingsRecord> | null): SettingsView {
  return {
    ...(saved ? pick(saved) : settingsOf(config)),
    version: saved?._version ?? 0,
    ...(saved ? { updatedAt: saved.updatedAt, updatedByName: saved.updatedByName } : {}),
    tencentMeetingConfigured: !!config.tencentMeeting,
    templates: (Object.keys(TEMPLATES) as SubscribeTemplateKey[]).map((key) => ({ key, title: TEMPLATES[key].title })),
  };
}

const pick = (s: OfficeSettings): OfficeSettings => ({
  officeName: s.officeName, district: s.district, trialStart: s.trialStart, trialMonths: s.trialMonths,
  drawShareBasisPoints: s.drawShareBasisPoints, dailyMaximum: s.dailyMaximum, premisesThresholdMeters: s.premisesThresholdMeters,
  subscribeTemplateIds: s.subscribeTemplateIds,
});
