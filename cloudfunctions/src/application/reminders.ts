import type { OutboxMessage } from '../adapters/outbox-notifier';
import type { Deps } from '../api/context';
import { MESSAGE_CATALOGUE, type NoticeEvent } from '../catalogue/message-catalogue';
import type { AuditEntry, CaseRecord } from '../domain/case';
import { formatChina } from '../domain/china-time';
import {
  deadlineWithinAWorkingDay, isDaytimeInChina, MEETING_LEADS, meetingReminderDue, unansweredForAWorkingDay,
} from '../domain/reminder-timing';
import { yearsAround } from '../ports/calendar';
import type { Notice } from '../ports/notifier';
import type { Stored } from '../ports/store';
import type { StoredCase } from './cases';
import { findAll, findInRange } from './find-all';
import type { FollowUpRecord } from './follow-ups';
import { noticesToCaseParties } from './notices';
import { roleHolders } from './role-holders';
import { SUPERVISE_PAGES } from './supervision-pages';

// The reminders of the `reminders` timer (every five minutes): meetings starting soon, times offered or asked for
// and not answered for a working day, rectification deadlines a working day ahead and past, overdue follow-up
// visits. A reminder's id names what it reminds of (the case, the meeting's start, the deadline …) and its
// recipient, so every sweep may find it due again and it is still queued, and sent, once. A meeting moved to
// another time is a new meeting, with its own reminders.

type ReminderDeps = Pick<Deps, 'store' | 'notifier' | 'config' | 'calendar'>;

interface ReminderRule {
  name: string;
  /** Reminders that can wait for the morning are not sent at night. */
  daytimeOnly: boolean;
  due(deps: ReminderDeps, now: Date): Promise<Notice[]>;
}

export interface ReminderReport {
  /** Reminders queued by this sweep (those queued by an earlier sweep are not queued again). */
  queued: number;
  /** Rules that could not run this time (the next sweep tries again). */
  failed: string[];
}

const reminderId = (event: NoticeEvent, subject: string, about: string, to: string): string => `reminder:${event}:${subject}:${about}:${to}`;

/** The event's reminders to the case parties its catalogue entry names. */
const caseReminders = (c: StoredCase, event: NoticeEvent, about: string, body: string): Notice[] =>
  noticesToCaseParties(c, event, body).map(({ key: _key, ...n }) => ({ ...n, id: reminderId(event, c._id, about, n.to), caseId: c._id }));

const casesIn = (deps: ReminderDeps, state: CaseRecord['state']): Promise<StoredCase[]> =>
  // Served by by_state_scheduled (its first key).
  findAll<CaseRecord>(deps.store, 'cases', { where: { state }, orderBy: [['scheduledAt', 'asc'], ['_id', 'asc']] });

const chinaDay = (iso: string): string => formatChina(iso, 'YYYY年M月D日');

const RULES: ReminderRule[] = [
  {
    name: 'meetingSoon',
    daytimeOnly: false,
    async due(deps, now) {
      const horizon = new Date(now.getTime() + MEETING_LEADS[0].ms).toISOString();
      const cases = await findInRange<CaseRecord>(deps.store, 'cases', { state: 'scheduled' }, 'scheduledAt', now.toISOString(), horizon);
      return cases.flatMap((c) => {
        const lead = meetingReminderDue(new Date(c.scheduledAt!), now);
        const body = `${c.number} ${c.matterName}，视频踏勘将于${formatChina(c.scheduledAt!, 'M月D日 HH:mm')}开始`;
        return lead ? caseReminders(c, 'meetingSoon', `${c.scheduledAt}:${lead}`, body) : [];
      });
    },
  },
  {
    name: 'schedulingUnanswered',
    daytimeOnly: true,
    async due(deps, now) {
      const [calendar, ready] = await Promise.all([yearsAround(deps.calendar, now), casesIn(deps, 'ready')]);
      const offered = await Promise.all(ready.map((c) => (c.offeredSlots?.length ? lastAuditOf(deps, c._id, 'offerSlots') : null)));
      return ready.flatMap((c, i) => {
        const reminders: Notice[] = [];
        const asked = c.otherTimesRequest;
        if (asked && unansweredForAWorkingDay(new Date(asked.at), now, calendar)) {
          reminders.push(...caseReminders(c, 'otherTimesUnanswered', asked.at, `${c.number} 申请人${chinaDay(asked.at)}请求其他时间：${asked.note}`));
        }
        const offeredAt = offered[i];
        if (offeredAt && unansweredForAWorkingDay(new Date(offeredAt), now, calendar)) {
          reminders.push(...caseReminders(c, 'timesOfferedUnanswered', offeredAt, `${c.number} 经办人${chinaDay(offeredAt)}提供的踏勘时段尚未选择，请尽快选定或请求其他时间`));
        }
        return reminders;
      });
    },
  },
  {
    name: 'rectificationDeadlines',
    daytimeOnly: true,
    async due(deps, now) {
      const [calendar, rectifying] = await Promise.all([yearsAround(deps.calendar, now), casesIn(deps, 'rectifying')]);
      return rectifying.flatMap((c) => {
        const deadline = c.rectification?.deadline;
        if (!deadline || c.rectification?.reinspectionRequestedAt) return [];
        if (new Date(deadline) <= now) {
          return caseReminders(c, 'rectificationOverdue', deadline, `${c.number} 的整改期限（${chinaDay(deadline)}）已过，申请人未申请复查，请作出决定`);
        }
        return deadlineWithinAWorkingDay(new Date(deadline), now, calendar)
          ? caseReminders(c, 'rectificationDeadlineSoon', deadline, `${c.number} 的整改期限为${chinaDay(deadline)}，请在期限内上传整改材料并申请复查`)
          : [];
      });
    },
  },
  {
    // From 1 November, while next year is still counted on the statutory days, every admin is reminded once a month.
    name: 'calendarNoticeMissing',
    daytimeOnly: true,
    async due(deps, now) {
      const [year, month] = formatChina(now, 'YYYY-MM').split('-').map(Number) as [number, number];
      if (month < 11 || !(await deps.calendar.year(year + 1)).provisional) return [];
      const admins = new Set([...deps.config.firstAdminOpenids, ...(await roleHolders(deps.store, 'admin')).map((u) => u._id)]);
      return [...admins].map((to) => ({
        id: reminderId('calendarNoticeMissing', String(year + 1), `${year}-${month}`, to),
        event: 'calendarNoticeMissing' as const,
        to,
        title: MESSAGE_CATALOGUE.calendarNoticeMissing.title,
        body: `${year + 1}年的国务院节假日安排尚未录入，期限暂按法定假日计算。通知发布后请在“工作日历”中录入`,
        page: `/package-admin/pages/calendar/calendar?year=${year + 1}`,
        fields: { year: String(year + 1) },
      }));
    },
  },
  {
    name: 'followUpOverdue',
    daytimeOnly: true,
    async due(deps, now) {
      const overdue = await findAll<FollowUpRecord>(deps.store, 'followUps', {
        where: { status: 'open', dueAt: { op: 'lte', value: now.toISOString() } },
        orderBy: [['dueAt', 'asc'], ['_id', 'asc']],
      });
      if (!overdue.length) return [];
      const supervisors = await roleHolders(deps.store, 'supervisor');
      return overdue.flatMap((f: Stored<FollowUpRecord>) =>
        supervisors.map((s) => ({
          id: reminderId('followUpOverdue', f._id, f.dueAt, s._id),
          event: 'followUpOverdue' as const,
          to: s._id,
          caseId: f.caseId,
          title: MESSAGE_CATALOGUE.followUpOverdue.title,
          body: `${f.caseNumber} ${f.companyName} 的监督回访应于${chinaDay(f.dueAt)}前完成`,
          page: SUPERVISE_PAGES.draw(f.month),
          fields: { number: f.caseNumber, matter: f.matterName, due: f.dueAt },
        })),
      );
    },
  },
];

/** When the handler last offered times: the audit keeps it (by_case index), the case keeps only the slots. */
async function lastAuditOf(deps: ReminderDeps, caseId: string, action: string): Promise<string | null> {
  const entries = await deps.store.find<AuditEntry>('audit', { where: { caseId }, orderBy: [['at', 'desc']], limit: 200 });
  return entries.find((e) => e.action === action)?.at ?? null;
}

/**
 * Queues every reminder due now that no earlier sweep has queued. One rule failing does not stop the others. The
 * rules read side by side (each its own queries), so a sweep's cold start waits for the slowest rule, not for all.
 */
export async function queueReminders(deps: ReminderDeps, now: Date): Promise<ReminderReport> {
  const outcomes = await Promise.all(
    RULES.filter((rule) => !rule.daytimeOnly || isDaytimeInChina(now)).map(async (rule) => {
      try {
        const due = await rule.due(deps, now);
        const queuedBefore = await Promise.all(due.map((notice) => deps.store.get<OutboxMessage>('outbox', notice.id)));
        const fresh = due.filter((_, i) => !queuedBefore[i]);
        await deps.notifier.queue(fresh);
        return { queued: fresh.length };
      } catch (error) {
        // The rule's name and the error class are enough to look further; no personal data in the log.
        console.error(`reminders: ${rule.name} failed`, (error as Error)?.name, (error as Error)?.message);
        return { failed: rule.name };
      }
    }),
  );
  return {
    queued: outcomes.reduce((sum, o) => sum + (o.queued ?? 0), 0),
    failed: outcomes.flatMap((o) => (o.failed ? [o.failed] : [])),
  };
}
