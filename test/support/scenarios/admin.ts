import type { AdminActions } from '../../../typings/api';
import { type ActionScenario } from './core';

const NOTICE_2027 = {
  year: 2027, version: 0, source: '国务院办公厅关于2027年部分节假日安排的通知', confirm: true,
  festivals: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] }],
};

/** Authorization-matrix rows of package-admin's actions. */
export const ADMIN_SCENARIOS: { [A in keyof AdminActions]: ActionScenario<A> } = {
  getCalendarYear: { payload: async () => ({ year: 2027 }), allowed: ['admin'] },
  saveCalendarYear: { payload: async () => NOTICE_2027, allowed: ['admin'] },
  getSettings: { payload: async () => ({}), allowed: ['admin'] },
  saveSettings: {
    payload: async () => ({
      version: 0, officeName: '东丽区行政审批局', district: '天津市东丽区', trialStart: '2022-06-14', trialMonths: 12,
      drawShareBasisPoints: 5700, dailyMaximum: 4, premisesThresholdMeters: 300, subscribeTemplateIds: { caseProgress: 'tmpl-progress' },
    }),
    allowed: ['admin'],
  },
};
