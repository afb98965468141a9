// Every message the office sends (SPEC.md "Notifications"): who gets it, what the inbox says, and which
// subscription-message template carries it, or why it stays in the inbox. An event that is not in this table cannot
// be queued: the notices' `event` is typed by it.
//
// Templates are chosen by the admin from WeChat's public template library (mp.weixin.qq.com → 订阅消息); each
// environment's template ids, and the keywords of the chosen template where they differ from the defaults below,
// come from the SUBSCRIBE_TEMPLATES setting (docs/notifications.md). A template not configured means inbox only.

import type { SubscribeMoment, SubscribeTemplateKey } from '../../../typings/models';
import { type FieldSource, formatField, kindOfKeyword } from '../domain/subscribe-fields';

interface TemplateField {
  label: string;
  /** The keyword in the suggested public template; its name says its kind (`thing2` is a thing). */
  keyword: string;
}

interface TemplateSpec {
  /** The public-library template to pick (its title); each title may be asked for once per request. */
  title: string;
  fields: Record<string, TemplateField>;
}

export const TEMPLATES = {
  caseProgress: {
    title: '办件进度通知',
    fields: {
      caseNumber: { label: '办件编号', keyword: 'character_string1' },
      matter: { label: '事项名称', keyword: 'thing2' },
      progress: { label: '办理进度', keyword: 'phrase3' },
      note: { label: '备注', keyword: 'thing4' },
    },
  },
  inspectionResult: {
    title: '审批结果通知',
    fields: {
      caseNumber: { label: '办件编号', keyword: 'character_string1' },
      matter: { label: '事项名称', keyword: 'thing2' },
      result: { label: '审批结果', keyword: 'phrase3' },
      decidedAt: { label: '办结时间', keyword: 'time4' },
      note: { label: '说明', keyword: 'thing5' },
    },
  },
  todo: {
    title: '待办事项提醒',
    fields: {
      task: { label: '待办事项', keyword: 'thing1' },
      caseNumber: { label: '办件编号', keyword: 'character_string2' },
      matter: { label: '事项名称', keyword: 'thing3' },
      note: { label: '备注', keyword: 'thing4' },
    },
  },
  meetingReminder: {
    title: '视频踏勘提醒',
    fields: {
      matter: { label: '踏勘事项', keyword: 'thing1' },
      start: { label: '踏勘时间', keyword: 'time2' },
      caseNumber: { label: '办件编号', keyword: 'character_string3' },
      note: { label: '温馨提示', keyword: 'thing4' },
    },
  },
  rectification: {
    title: '整改通知',
    fields: {
      caseNumber: { label: '办件编号', keyword: 'character_string1' },
      matter: { label: '事项名称', keyword: 'thing2' },
      deadline: { label: '整改期限', keyword: 'date3' },
      note: { label: '整改要求', keyword: 'thing4' },
    },
  },
  supervision: {
    title: '监督工作提醒',
    fields: {
      task: { label: '工作事项', keyword: 'thing1' },
      subject: { label: '工作对象', keyword: 'thing2' },
      time: { label: '时间', keyword: 'time3' },
      note: { label: '备注', keyword: 'thing4' },
    },
  },
  casePushed: {
    title: '办件推送通知',
    fields: {
      caseNumber: { label: '办件编号', keyword: 'character_string1' },
      matter: { label: '事项名称', keyword: 'thing2' },
      pushedAt: { label: '推送时间', keyword: 'time3' },
      note: { label: '备注', keyword: 'thing4' },
    },
  },
} as const satisfies Record<SubscribeTemplateKey, TemplateSpec>;

export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as SubscribeTemplateKey[];

/**
 * The templates asked for at each moment, most important first. One wx.requestSubscribeMessage call takes at most
 * three ids with distinct titles (newer clients take five; three works on all).
 */
export const SUBSCRIBE_MOMENTS: Record<SubscribeMoment, readonly SubscribeTemplateKey[]> = {
  afterApply: ['caseProgress', 'todo', 'inspectionResult'],
  afterBooking: ['meetingReminder', 'rectification', 'inspectionResult'],
  staffTab: ['todo', 'meetingReminder', 'caseProgress'],
  supervisorTab: ['supervision', 'meetingReminder', 'casePushed'],
};
export const MAX_TEMPLATES_PER_REQUEST = 3;

/** Who receives a message, by their relation to the case or by role. */
export type Audience =
  | 'applicant'
  | 'contacts'
  | 'handler'
  | 'previousHandler'
  | 'observers'
  | 'supervisors'
  | 'sectorRegulators'
  | 'admins';

/**
 * What a queued message knows, for filling a template. `fields` holds what the queuing code put there: `number`
 * and `matter` for every case message (the helpers of application/notices.ts add them, with `company`, and the
 * booked `start` and rectification `deadline` when the case has them); `start`, `deadline`, `due` (ISO instants)
 * and `month` where the event's entry reads them.
 */
export interface MessageFacts {
  body: string;
  fields: Record<string, string>;
  createdAt: string;
}

type TemplateData<K extends SubscribeTemplateKey> = Record<keyof (typeof TEMPLATES)[K]['fields'], FieldSource>;

export interface Delivery {
  template: SubscribeTemplateKey;
  data(m: MessageFacts): Record<string, FieldSource>;
}

interface EventEntry {
  /** The inbox title; the body is the event's own text (a reason, a time …). */
  title: string;
  audience: readonly Audience[];
  /** The action or sweep that queues it. */
  queuedBy: string;
  /** The template that carries it, or why it stays in the inbox only. */
  delivery: Delivery | { inboxOnly: string };
}

const via = <K extends SubscribeTemplateKey>(template: K, data: (m: MessageFacts) => TemplateData<K>): Delivery => ({ template, data });

const field = (m: MessageFacts, name: string): string => m.fields[name] ?? '';
const instant = (m: MessageFacts, name: string): FieldSource => ({ instant: field(m, name) });
const sent = (m: MessageFacts): FieldSource => ({ instant: m.createdAt });
const caseOf = (m: MessageFacts) => ({ caseNumber: field(m, 'number'), matter: field(m, 'matter') });
/** An on-site case (fields.mode): the visit, not the video call. */
const onSite = (m: MessageFacts): boolean => field(m, 'mode') === 'onsite';
const pickTimeTask = (m: MessageFacts): FieldSource => (onSite(m) ? '选择现场踏勘时间' : '选择视频踏勘时间');

const CASE_PARTIES = ['applicant', 'contacts', 'handler', 'observers'] as const;

export const MESSAGE_CATALOGUE = {
  // Applicants: acceptance (which asks for the two forms to be signed), returns and refusals.
  caseAccepted: {
    title: '您的申请已受理', audience: ['applicant'], queuedBy: 'acceptCase',
    delivery: via('caseProgress', (m) => ({ ...caseOf(m), progress: '已受理', note: '请在小程序内签署同意书和承诺书' })),
  },
  caseReturned: {
    title: '申请材料需补正', audience: ['applicant'], queuedBy: 'returnCase',
    delivery: via('caseProgress', (m) => ({ ...caseOf(m), progress: '待补正', note: m.body })),
  },
  caseRefused: {
    title: '申请不予受理', audience: ['applicant'], queuedBy: 'refuseCase',
    delivery: via('inspectionResult', (m) => ({ ...caseOf(m), result: '不予受理', decidedAt: sent(m), note: m.body })),
  },
  caseSwitchedToOnsite: {
    title: '已转为现场踏勘', audience: ['applicant'], queuedBy: 'switchToOnsite',
    delivery: via('caseProgress', (m) => ({ ...caseOf(m), progress: '转现场踏勘', note: m.body })),
  },
  // Staff: what happened to the cases they handle.
  caseWithdrawn: {
    title: '申请人已撤回办件', audience: ['handler'], queuedBy: 'withdrawCase',
    delivery: via('caseProgress', (m) => ({ ...caseOf(m), progress: '已撤回', note: m.body })),
  },
  caseReassignedTo: {
    title: '办件已改派给您', audience: ['handler'], queuedBy: 'reassignCase',
    delivery: via('todo', (m) => ({ ...caseOf(m), task: '接办改派的办件', note: m.body })),
  },
  caseReassignedFrom: {
    title: '办件已改派他人', audience: ['previousHandler'], queuedBy: 'reassignCase',
    delivery: { inboxOnly: '原经办人不再需要对该办件做任何事，站内消息留存即可' },
  },
  formsSigned: {
    title: '申请人已签署同意书和承诺书', audience: ['handler'], queuedBy: 'signForm',
    delivery: via('todo', (m) => ({ ...caseOf(m), task: '会签同意书，准备安排踏勘', note: m.body })),
  },
  // Scheduling (R11): times offered, picked, asked for, moved.
  timesOffered: {
    title: '请选择视频踏勘时间', audience: ['applicant'], queuedBy: 'offerSlots',
    delivery: via('todo', (m) => ({ ...caseOf(m), task: pickTimeTask(m), note: m.body })),
  },
  otherTimesRequested: {
    title: '申请人请求其他踏勘时间', audience: ['handler'], queuedBy: 'requestOtherTimes',
    delivery: via('todo', (m) => ({ ...caseOf(m), task: '重新提供踏勘时间', note: m.body })),
  },
  timePicked: {
    title: '申请人已选定踏勘时间', audience: ['handler'], queuedBy: 'bookSlot',
    delivery: via('meetingReminder', (m) => ({ ...caseOf(m), start: instant(m, 'start'), note: '申请人已选定时间，请准备踏勘' })),
  },
  meetingRescheduled: {
    title: '视频踏勘需改期', audience: CASE_PARTIES, queuedBy: 'rescheduleInspection, recordNoShow',
    // `start` is the cancelled time: notices are built from the case as it was before the change.
    delivery: via('meetingReminder', (m) => ({ ...caseOf(m), start: instant(m, 'start'), note: `已取消，请重新预约：${m.body}` })),
  },
  // Reminders (the `reminders` function): each sent once, the sweep ids them by what they remind of.
  meetingSoon: {
    title: '视频踏勘即将开始', audience: CASE_PARTIES, queuedBy: 'reminders',
    delivery: via('meetingReminder', (m) => ({ ...caseOf(m), start: instant(m, 'start'), note: onSite(m) ? '请安排人员在经营场所等候' : '请提前进入腾讯会议，备好现场' })),
  },
  timesOfferedUnanswered: {
    title: '请尽快选择视频踏勘时间', audience: ['applicant'], queuedBy: 'reminders',
    delivery: via('todo', (m) => ({ ...caseOf(m), task: pickTimeTask(m), note: m.body })),
  },
  otherTimesUnanswered: {
    title: '申请人仍在等待新的踏勘时间', audience: ['handler'], queuedBy: 'reminders',
    delivery: via('todo', (m) => ({ ...caseOf(m), task: '重新提供踏勘时间', note: m.body })),
  },
  rectificationDeadlineSoon: {
    title: '整改期限即将届满', audience: ['applicant'], queuedBy: 'reminders',
    delivery: via('rectification', (m) => ({ ...caseOf(m), deadline: instant(m, 'deadline'), note: '请在期限内上传整改材料并申请复查' })),
  },
  rectificationOverdue: {
    title: '整改期限已过', audience: ['handler'], queuedBy: 'reminders',
    delivery: via('todo', (m) => ({ ...caseOf(m), task: '整改逾期，请作出决定', note: m.body })),
  },
  followUpOverdue: {
    title: '监督回访已逾期', audience: ['supervisors'], queuedBy: 'reminders',
    delivery: via('supervision', (m) => ({ task: '完成监督回访', subject: field(m, 'number'), time: instant(m, 'due'), note: m.body })),
  },
  // The working-day calendar (issue 10): dates counted on the statutory days, and deadlines a new notice would move.
  provisionalDateIssued: {
    title: '期限按法定假日暂算', audience: ['handler'], queuedBy: 'decideInspection, offerSlots, decideCreditPenalty, monthly-draw',
    delivery: { inboxOnly: '办件页同样标明暂算，不占用订阅消息' },
  },
  deadlineRecountPending: {
    title: '节假日安排录入后期限待确认', audience: ['handler'], queuedBy: 'saveCalendarYear',
    delivery: via('todo', (m) => ({ ...caseOf(m), task: '确认新日历下的期限', note: m.body })),
  },
  bookingOnHoliday: {
    title: '预约的踏勘日在新日历下为节假日', audience: ['handler'], queuedBy: 'saveCalendarYear',
    delivery: via('todo', (m) => ({ ...caseOf(m), task: '与申请人改约踏勘时间', note: m.body })),
  },
  correctionRecountPending: {
    title: '节假日安排录入后责令改正期限待确认', audience: ['supervisors'], queuedBy: 'saveCalendarYear',
    delivery: via('supervision', (m) => ({ task: '确认新日历下的改正期限', subject: field(m, 'number'), time: sent(m), note: m.body })),
  },
  followUpDueAdopted: {
    title: '监督回访期限已调整', audience: ['supervisors'], queuedBy: 'settleRecountedDeadline',
    delivery: via('supervision', (m) => ({ task: '按新期限完成监督回访', subject: field(m, 'number'), time: instant(m, 'due'), note: m.body })),
  },
  calendarNoticeMissing: {
    title: '请录入明年的节假日安排', audience: ['admins'], queuedBy: 'reminders',
    delivery: { inboxOnly: '管理员在站内消息和工作日历页面都会看到提醒，不占用订阅消息' },
  },
  // Decision and rectification (R14).
  inspectionPassed: {
    title: '视频踏勘通过', audience: ['applicant'], queuedBy: 'decideInspection',
    delivery: via('inspectionResult', (m) => ({ ...caseOf(m), result: '通过', decidedAt: sent(m), note: m.body })),
  },
  rectificationRequired: {
    title: '请在期限内完成整改', audience: ['applicant'], queuedBy: 'decideInspection',
    delivery: via('rectification', (m) => ({ ...caseOf(m), deadline: instant(m, 'deadline'), note: m.body })),
  },
  rectificationSubmitted: {
    title: '申请人已提交整改材料', audience: ['handler'], queuedBy: 'requestReinspection',
    delivery: via('todo', (m) => ({ ...caseOf(m), task: '审核整改材料，安排复查', note: m.body })),
  },
  inspectionFailed: {
    title: '视频踏勘未通过', audience: ['applicant'], queuedBy: 'decideInspection',
    delivery: via('inspectionResult', (m) => ({ ...caseOf(m), result: '不通过', decidedAt: sent(m), note: m.body })),
  },
  // Supervision (R7, R8, R15, R17) and the regulator push.
  drawDone: {
    title: '月度监督抽查已完成', audience: ['supervisors'], queuedBy: 'monthly-draw, runDraw',
    delivery: via('supervision', (m) => ({ task: '开展监督回访', subject: field(m, 'month'), time: sent(m), note: m.body })),
  },
  findingReported: {
    title: '发现失信问题，待作出处理决定', audience: ['supervisors'], queuedBy: 'reportFinding, recordFollowUpOutcome',
    delivery: via('supervision', (m) => ({ task: '对失信问题作出处理决定', subject: field(m, 'number'), time: sent(m), note: m.body })),
  },
  observerAssigned: {
    title: '您被指派为远程踏勘观察员', audience: ['observers'], queuedBy: 'assignObserver',
    delivery: via('supervision', (m) => ({ task: '观察远程视频踏勘', subject: field(m, 'number'), time: sent(m), note: m.body })),
  },
  creditDecision: {
    title: '信用惩戒决定', audience: ['applicant'], queuedBy: 'decideCreditPenalty',
    delivery: via('caseProgress', (m) => ({ ...caseOf(m), progress: '信用惩戒', note: m.body })),
  },
  licenceRevoked: {
    title: '行政许可已撤销', audience: ['applicant', 'sectorRegulators'], queuedBy: 'decideCreditPenalty',
    delivery: via('caseProgress', (m) => ({ ...caseOf(m), progress: '许可已撤销', note: m.body })),
  },
  blacklistLifted: {
    title: '失信黑名单已解除', audience: ['applicant'], queuedBy: 'liftBlacklisting',
    delivery: via('caseProgress', (m) => ({ ...caseOf(m), progress: '信用修复', note: m.body })),
  },
  casePushed: {
    title: '收到推送的办件', audience: ['sectorRegulators'], queuedBy: 'decideInspection, archiveCase',
    delivery: via('casePushed', (m) => ({ ...caseOf(m), pushedAt: sent(m), note: m.body })),
  },
} as const satisfies Record<string, EventEntry>;

export type NoticeEvent = keyof typeof MESSAGE_CATALOGUE;
export const NOTICE_EVENTS = Object.keys(MESSAGE_CATALOGUE) as NoticeEvent[];

export const catalogueEntry = (event: string): EventEntry | undefined =>
  Object.prototype.hasOwnProperty.call(MESSAGE_CATALOGUE, event) ? MESSAGE_CATALOGUE[event as NoticeEvent] : undefined;

// ---- Configuration: SUBSCRIBE_TEMPLATES ----

/** One template as configured for this environment, every field's keyword resolved. */
export interface ConfiguredTemplate {
  id: string;
  /** Field name → the keyword of the chosen WeChat template (e.g. caseNumber → character_string1). */
  keywords: Record<string, string>;
  /** A long-term template 长期订阅 (government services may use them): one acceptance covers every later message. */
  longTerm: boolean;
  /** Field name → the values an `enum` keyword of the chosen template allows (WeChat takes no other). */
  enums: Record<string, string[]>;
}

export type SubscribeTemplates = Partial<Record<SubscribeTemplateKey, ConfiguredTemplate>>;

type TemplateSetting = string | { id: string; keywords?: Record<string, string>; longTerm?: boolean; enums?: Record<string, string[]> };

/**
 * Reads SUBSCRIBE_TEMPLATES: `{"caseProgress": "<template id>", "todo": {"id": "…", "keywords": {"task": "thing7"},
 * "longTerm": true}}`; a keyword of kind enum lists its template's values: `"enums": {"progress": ["已受理", "已办结"]}`. A mistake (unknown template or field, a keyword of another kind than WeChat allows there)
 * stops the function at start, where the deployment shows it, rather than failing each send later.
 */
export function parseSubscribeTemplates(json: string | undefined): SubscribeTemplates {
  if (!json?.trim()) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('SUBSCRIBE_TEMPLATES is not valid JSON');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('SUBSCRIBE_TEMPLATES must be an object');
  const templates: SubscribeTemplates = {};
  for (const [key, setting] of Object.entries(raw as Record<string, TemplateSetting>)) {
    if (!(TEMPLATE_KEYS as string[]).includes(key)) throw new Error(`SUBSCRIBE_TEMPLATES: unknown template ${key}`);
    templates[key as SubscribeTemplateKey] = configuredTemplate(key as SubscribeTemplateKey, setting);
  }
  return templates;
}

export function configuredTemplate(key: SubscribeTemplateKey, setting: TemplateSetting): ConfiguredTemplate {
  const { id, keywords = {}, longTerm = false, enums = {} } = typeof setting === 'string' ? { id: setting } : setting;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(id)) throw new Error(`SUBSCRIBE_TEMPLATES.${key}: template id missing or malformed`);
  const fields: Record<string, TemplateField> = TEMPLATES[key].fields;
  for (const [name, keyword] of Object.entries(keywords)) {
    if (!fields[name]) throw new Error(`SUBSCRIBE_TEMPLATES.${key}: no field ${name} (fields: ${Object.keys(fields).join(', ')})`);
    if (!kindOfKeyword(keyword)) throw new Error(`SUBSCRIBE_TEMPLATES.${key}.${name}: ${keyword} is not a WeChat keyword such as thing2`);
  }
  const resolved = Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, keywords[name] ?? f.keyword]));
  // An enum keyword takes only its template's values: without them every send would fail, so say so at start.
  for (const [name, keyword] of Object.entries(resolved)) {
    const values = enums[name];
    if (kindOfKeyword(keyword) === 'enum' && !(Array.isArray(values) && values.length && values.every((v) => typeof v === 'string' && v))) {
      throw new Error(`SUBSCRIBE_TEMPLATES.${key}.${name}: ${keyword} is an enum; list its values in "enums": {"${name}": ["…"]}`);
    }
  }
  return { id, keywords: resolved, longTerm: longTerm === true, enums };
}

/**
 * In the local runtime every template has a stand-in id, so asking and sending can be tried without WeChat. Built
 * when asked for, not when a deployed function loads (which never uses it).
 */
export const localTemplates = (): SubscribeTemplates => Object.fromEntries(
  TEMPLATE_KEYS.map((key) => [key, configuredTemplate(key, `local-${key}`)]),
);

/**
 * A message's template data: each field under the keyword the environment's template uses, in the form its kind
 * requires (free text shortened to fit); or the first field that cannot be sent, and why.
 */
export function fillTemplate(
  delivery: Delivery, configured: ConfiguredTemplate, facts: MessageFacts,
): { ok: true; data: Record<string, { value: string }> } | { ok: false; reason: string } {
  const fields: Record<string, TemplateField> = TEMPLATES[delivery.template].fields;
  const data: Record<string, { value: string }> = {};
  for (const [name, source] of Object.entries(delivery.data(facts))) {
    const keyword = configured.keywords[name]!;
    const result = formatField(kindOfKeyword(keyword)!, source, configured.enums[name]);
    if (!result.ok) return { ok: false, reason: `${fields[name]!.label}（${keyword}）${result.reason}` };
    data[keyword] = { value: result.value };
  }
  return { ok: true, data };
}
