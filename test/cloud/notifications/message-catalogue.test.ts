import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SubscribeMoment } from '../../../typings/models';
import {
  type Audience, type Delivery, fillTemplate, localTemplates, MAX_TEMPLATES_PER_REQUEST, MESSAGE_CATALOGUE, type MessageFacts, NOTICE_EVENTS,
  parseSubscribeTemplates, SUBSCRIBE_MOMENTS, TEMPLATE_KEYS, TEMPLATES,
} from '../../../cloudfunctions/src/catalogue/message-catalogue';

// The catalogue is the contract between the code that queues messages and the sender: every event someone queues
// is in it, each says who gets it and how it reaches them, and what it sends obeys WeChat's field rules.

const SOURCE = join(__dirname, '../../../cloudfunctions/src');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });

/** Event names the code queues: notice objects (`event: 'x', to: …`) and the notice helpers' event argument. */
function queuedEvents(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /event:\s*'(\w+)'(?:\s+as const)?,\s*to:/g,
    /\b(?:noticeToApplicant|noticeToStaff|noticesToCaseParties|caseReminders)\([^;']*'(\w+)'/g,
    // caseNotice(c, 'audience', to, 'event', …)
    /\bcaseNotice\([^;']*'\w+'[^;']*'(\w+)'/g,
  ];
  for (const file of sourceFiles(SOURCE)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.set(m[1]!, file.slice(SOURCE.length + 1));
  }
  return found;
}

test('every event queued anywhere in the code has a catalogue entry', () => {
  const queued = queuedEvents();
  // The scan must see the events of the areas already built, or it proves nothing.
  expect([...queued.keys()]).toEqual(expect.arrayContaining(['caseAccepted', 'caseWithdrawn', 'caseReassignedFrom', 'meetingSoon', 'findingReported', 'casePushed']));
  const missing = [...queued].filter(([event]) => !(NOTICE_EVENTS as string[]).includes(event)).map(([event, file]) => `${event} (${file})`);
  expect(missing).toEqual([]);
});

describe.each(NOTICE_EVENTS)('%s', (event) => {
  const entry = MESSAGE_CATALOGUE[event];

  test('has an inbox title, recipients and the code that queues it', () => {
    expect(entry.title).toMatch(/\p{Script=Han}/u);
    expect(entry.audience.length).toBeGreaterThan(0);
    expect(entry.queuedBy).not.toBe('');
  });

  test('goes out with a template, or stays in the inbox by a stated decision', () => {
    if ('inboxOnly' in entry.delivery) expect(entry.delivery.inboxOnly).toMatch(/\p{Script=Han}{6,}/u);
    else expect(TEMPLATE_KEYS).toContain(entry.delivery.template);
  });
});

test('every template is asked for at some moment, or nobody could ever subscribe to it', () => {
  const asked = new Set(Object.values(SUBSCRIBE_MOMENTS).flat());
  expect([...asked].sort()).toEqual([...TEMPLATE_KEYS].sort());
});

/** Where each audience is asked to subscribe: applicants after applying and booking, officers and supervisors on their tabs. */
const ASKED_AT: Record<Audience, SubscribeMoment[]> = {
  applicant: ['afterApply', 'afterBooking'], contacts: ['afterBooking'], handler: ['staffTab'], previousHandler: ['staffTab'],
  observers: ['supervisorTab'], supervisors: ['supervisorTab'], sectorRegulators: ['supervisorTab'], admins: ['staffTab'],
};
/** Recipients for whom an event stays in the inbox, by decision: the applicant's template serves the applicant. */
const INBOX_FOR = ['licenceRevoked:sectorRegulators'];

test('every recipient of a delivered event is asked, somewhere, for the template that carries it', () => {
  const unreachable = NOTICE_EVENTS.flatMap((event) => {
    const { audience, delivery } = MESSAGE_CATALOGUE[event];
    if (!('template' in delivery)) return [];
    return audience
      .filter((a) => !ASKED_AT[a].some((moment) => SUBSCRIBE_MOMENTS[moment].includes(delivery.template)))
      .map((a) => `${event}:${a}`);
  });
  expect(unreachable).toEqual(INBOX_FOR);
});

test.each(Object.entries(SUBSCRIBE_MOMENTS))('the %s moment asks for at most three templates of distinct titles', (_moment, keys) => {
  expect(keys.length).toBeLessThanOrEqual(MAX_TEMPLATES_PER_REQUEST);
  expect(new Set(keys.map((k) => TEMPLATES[k].title)).size).toBe(keys.length);
});

// Facts as the queuing code gives them, with text longer and odder than any real case, to prove every value is
// made to fit its kind.
const LONG = '天津市东丽区津塘公路398号宏达物业管理有限公司二次供水设施，请补正：营业执照副本、卫生许可证、水质检测报告。\n另需现场照片';
const facts: MessageFacts = {
  body: LONG,
  createdAt: '2026-06-12T01:30:00.000Z',
  fields: {
    number: 'DL-20260612-0007', matter: '二次供水单位卫生许可（新办、延续、变更、注销）', company: LONG, month: '2026-05',
    start: '2026-06-15T06:00:00.000Z', deadline: '2026-06-26T15:59:59.999Z', due: '2026-06-30T15:59:59.999Z',
  },
};

/** WeChat's published rules, written independently of the formatter under test. */
const RULES: Record<string, (v: string) => boolean> = {
  thing: (v) => Array.from(v).length <= 20 && !/\n/.test(v),
  phrase: (v) => /^\p{Script=Han}{1,5}$/u.test(v),
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  time: (v) => /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{2}:\d{2}$/.test(v),
  date: (v) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(v),
};

const delivered = NOTICE_EVENTS.filter((e) => 'template' in MESSAGE_CATALOGUE[e].delivery);

test.each(delivered)('%s fills every field of its template within WeChat\'s rule for the field\'s kind', (event) => {
  const delivery = MESSAGE_CATALOGUE[event].delivery as Delivery;
  const filled = fillTemplate(delivery, localTemplates()[delivery.template]!, facts);
  if (!filled.ok) throw new Error(filled.reason);
  const keywords = Object.values(TEMPLATES[delivery.template].fields).map((f) => f.keyword);
  expect(Object.keys(filled.data).sort()).toEqual([...keywords].sort());
  for (const [keyword, { value }] of Object.entries(filled.data)) {
    const kind = keyword.replace(/\d+$/, '');
    expect({ keyword, value, fits: RULES[kind]!(value) }).toEqual({ keyword, value, fits: true });
  }
});

test.each(TEMPLATE_KEYS)('the %s template fills the keywords the office configured, in their kinds', (key) => {
  const fields = Object.keys(TEMPLATES[key].fields);
  const renamed = Object.fromEntries(fields.map((name, i) => [name, `thing${i + 11}`]));
  const configured = parseSubscribeTemplates(JSON.stringify({ [key]: { id: 'tmpl-1', keywords: renamed } }))[key]!;
  const event = delivered.find((e) => (MESSAGE_CATALOGUE[e].delivery as Delivery).template === key)!;
  const filled = fillTemplate(MESSAGE_CATALOGUE[event].delivery as Delivery, configured, facts);
  if (!filled.ok) throw new Error(filled.reason);
  expect(Object.keys(filled.data).sort()).toEqual(Object.values(renamed).sort());
  for (const { value } of Object.values(filled.data)) expect(RULES.thing!(value)).toBe(true);
});

test('a value the chosen keyword cannot take is refused with the field named, not sent to fail', () => {
  const configured = parseSubscribeTemplates('{"caseProgress": {"id": "tmpl-1", "keywords": {"caseNumber": "number1"}}}').caseProgress!;
  const filled = fillTemplate(MESSAGE_CATALOGUE.caseAccepted.delivery as Delivery, configured, facts);
  expect(filled).toEqual({ ok: false, reason: expect.stringContaining('办件编号（number1）') });
});

test('an enum keyword takes the progress word when its template lists it, and refuses one it does not', () => {
  const setting = (values: string[]) => parseSubscribeTemplates(JSON.stringify({
    caseProgress: { id: 'tmpl-1', keywords: { progress: 'enum3' }, enums: { progress: values } },
  })).caseProgress!;
  const delivery = MESSAGE_CATALOGUE.caseAccepted.delivery as Delivery;
  const sent = fillTemplate(delivery, setting(['已受理', '已办结']), facts);
  if (!sent.ok) throw new Error(sent.reason);
  expect(sent.data.enum3).toEqual({ value: '已受理' });
  expect(fillTemplate(delivery, setting(['已办结']), facts)).toEqual({ ok: false, reason: expect.stringContaining('办理进度（enum3）须为模板定义的取值之一') });
});

describe('SUBSCRIBE_TEMPLATES', () => {
  test('takes a template id, or an id with keywords and the long-term flag', () => {
    const templates = parseSubscribeTemplates(JSON.stringify({
      caseProgress: 'AbC-123_x',
      todo: { id: 'todo-id', keywords: { task: 'thing7' }, longTerm: true },
    }));
    expect(templates.caseProgress).toEqual({ id: 'AbC-123_x', longTerm: false, enums: {}, keywords: { caseNumber: 'character_string1', matter: 'thing2', progress: 'phrase3', note: 'thing4' } });
    expect(templates.todo).toEqual({ id: 'todo-id', longTerm: true, enums: {}, keywords: { task: 'thing7', caseNumber: 'character_string2', matter: 'thing3', note: 'thing4' } });
    expect(templates.meetingReminder).toBeUndefined();
  });

  test('is empty when unset: every message stays in the inbox', () => {
    expect(parseSubscribeTemplates(undefined)).toEqual({});
    expect(parseSubscribeTemplates('  ')).toEqual({});
  });

  test.each([
    ['{not json', 'not valid JSON'],
    ['["caseProgress"]', 'must be an object'],
    ['{"caseProgres": "x"}', 'unknown template caseProgres'],
    ['{"caseProgress": ""}', 'template id missing'],
    ['{"caseProgress": {"id": "x", "keywords": {"number": "thing1"}}}', 'no field number'],
    ['{"caseProgress": {"id": "x", "keywords": {"note": "remark4"}}}', 'not a WeChat keyword'],
    ['{"caseProgress": {"id": "x", "keywords": {"progress": "enum3"}}}', 'enum3 is an enum; list its values'],
    ['{"caseProgress": {"id": "x", "keywords": {"progress": "enum3"}, "enums": {"progress": []}}}', 'enum3 is an enum; list its values'],
  ])('refuses %s at start (%s)', (json, message) => {
    expect(() => parseSubscribeTemplates(json)).toThrow(message);
  });
});

test('docs/notifications.md lists every event with its template and every template with its keywords', () => {
  const lines = readFileSync(join(__dirname, '../../../docs/notifications.md'), 'utf8').split('\n');
  for (const event of NOTICE_EVENTS) {
    const { delivery, title } = MESSAGE_CATALOGUE[event];
    const row = lines.find((line) => line.startsWith(`| \`${event}\` | ${title}`)) ?? `no row for ${event}`;
    expect(row).toContain('template' in delivery ? `\`${delivery.template}\`` : 'inbox only');
  }
  for (const key of TEMPLATE_KEYS) {
    const row = lines.find((line) => line.startsWith(`| \`${key}\` | ${TEMPLATES[key].title}`)) ?? `no row for ${key}`;
    for (const f of Object.values(TEMPLATES[key].fields)) expect(row).toContain(`${f.label} \`${f.keyword}\``);
  }
});
