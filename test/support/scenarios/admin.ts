import type { AdminActions } from '../../../typings/api';
import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import { type Harness, remoteMatter } from '../harness';
import { ALL, type ActionScenario } from './core';

let failures = 0;

/** A subscription message whose delivery finally failed, as the delivery run leaves it. */
export async function failedDelivery(h: Harness, to = 'applicant'): Promise<string> {
  const id = `failed-${++failures}`;
  const at = h.clock.now().toISOString();
  const message: OutboxMessage = {
    event: 'caseAccepted', to, title: '您的申请已受理', body: 'DL-20260612-0001 二次供水单位卫生许可', page: '/pages/inbox/inbox',
    fields: { number: 'DL-20260612-0001', matter: '二次供水单位卫生许可' },
    status: 'failed', attempts: 5, createdAt: at, nextAttemptAt: at, read: false, templateKey: 'caseProgress',
    outcome: { code: 40037, message: 'invalid template_id', at },
  };
  await h.deps.store.insert('outbox', id, message);
  return id;
}

const NOTICE_2027 = {
  year: 2027, version: 0, source: '国务院办公厅关于2027年部分节假日安排的通知', confirm: true,
  festivals: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] }],
};

/** Authorization-matrix rows of package-admin's actions. */
export const ADMIN_SCENARIOS: { [A in keyof AdminActions]: ActionScenario<A> } = {
  getCalendarYear: { payload: async () => ({ year: 2027 }), allowed: ['admin'] },
  saveCalendarYear: { payload: async () => NOTICE_2027, allowed: ['admin'], writes: ['audit', 'calendarYears'] },
  retryDelivery: { payload: async (h) => ({ id: await failedDelivery(h) }), allowed: ['admin'], writes: ['audit', 'outbox'] },
  dismissDelivery: { payload: async (h) => ({ id: await failedDelivery(h), note: '已电话告知申请人' }), allowed: ['admin'], writes: ['audit', 'outbox'] },
  listSectionGroupQrs: { payload: async () => ({}), allowed: ['admin'] },
  createBindingInvite: { payload: async () => ({ name: '新同事', roles: ['staff'], sectionCode: remoteMatter.sectionCode, reason: '新入职审批人员' }), allowed: ['admin'], writes: ['audit', 'bindingInvites'] },
  claimBindingInvite: {
    payload: async (h) => ({ token: (await h.ok('admin', 'createBindingInvite', { name: '新同事', roles: ['staff'], sectionCode: remoteMatter.sectionCode, reason: '新入职审批人员' })).token }),
    allowed: ALL,
    writes: ['audit', 'bindingInvites', 'roleChanges', 'users'],
  },
  listRoleChanges: { payload: async () => ({ openid: 'staff' }), allowed: ['admin'] },
  previewFormTemplate: { payload: async () => ({ kind: 'consent', title: '远程视频踏勘同意书', paragraphs: ['{{companyName}}同意由{{officeName}}以远程视频方式踏勘。'] }), allowed: ['admin'], writes: ['files', 'pdfJobs'] },
  getSectionWorkbench: { payload: async () => ({ sectionCode: remoteMatter.sectionCode }), allowed: ['head', 'admin'] },
  listSectionCases: { payload: async () => ({ sectionCode: remoteMatter.sectionCode, overdueOnly: false }), allowed: ['head', 'admin'] },
  listRatings: { payload: async () => ({ from: '2026-05', to: '2026-06' }), allowed: ['staff', 'otherStaff', 'foreignStaff', 'head', 'foreignHead', 'supervisor', 'observer', 'admin'] },
  getSettings: { payload: async () => ({}), allowed: ['admin'] },
  saveSettings: {
    payload: async () => ({
      version: 0, officeName: '东丽区行政审批局', district: '天津市东丽区', trialStart: '2022-06-14', trialMonths: 12,
      drawShareBasisPoints: 5700, dailyMaximum: 4, premisesThresholdMeters: 300, subscribeTemplateIds: { caseProgress: 'tmpl-progress' },
    }),
    allowed: ['admin'],
    writes: ['audit', 'settings'],
  },
};
