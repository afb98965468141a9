import {
  loadSubscriptions, markRefused, maySend, recordAnswers, spendCredit, type SubscriptionRecord,
} from '../../../cloudfunctions/src/application/subscriptions';
import type { ConfiguredTemplate, SubscribeTemplates } from '../../../cloudfunctions/src/catalogue/message-catalogue';
import { type Harness, makeHarness } from '../../support/harness';

// What each person answered to wx.requestSubscribeMessage, counted as WeChat counts it: a one-time acceptance
// allows one message, a long-term one every message, a refusal or WeChat's 43101 none.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const once: ConfiguredTemplate = { id: 'tmpl-progress', keywords: {}, longTerm: false, enums: {} };
const always: ConfiguredTemplate = { id: 'tmpl-todo', keywords: {}, longTerm: true, enums: {} };
const templates: SubscribeTemplates = { caseProgress: once, todo: always };
const AT = '2026-12-04T02:00:00.000Z';
const record = () => loadSubscriptions(h.deps.store, 'u1');

test('each one-time acceptance allows one more message; a refusal of the same template in the same answer loses to its acceptance', async () => {
  await recordAnswers(h.deps.store, 'u1', templates, { accepted: ['caseProgress', 'caseProgress'], rejected: ['caseProgress'] }, AT);
  expect((await record())!.templates.caseProgress).toEqual({ templateId: 'tmpl-progress', status: 'accept', credits: 1, answeredAt: AT });
  await recordAnswers(h.deps.store, 'u1', templates, { accepted: ['caseProgress'], rejected: [] }, AT);
  expect((await record())!.templates.caseProgress!.credits).toBe(2);
});

test('an acceptance after a refusal, or for a template id the office has since changed, starts again at one', async () => {
  await recordAnswers(h.deps.store, 'u1', templates, { accepted: [], rejected: ['caseProgress', 'todo'] }, AT);
  expect((await record())!.templates).toEqual({
    caseProgress: { templateId: 'tmpl-progress', status: 'reject', credits: 0, answeredAt: AT },
    todo: { templateId: 'tmpl-todo', status: 'reject', credits: 0, answeredAt: AT },
  });
  await recordAnswers(h.deps.store, 'u1', templates, { accepted: ['caseProgress'], rejected: [] }, AT);
  expect((await record())!.templates.caseProgress!.credits).toBe(1);
  await recordAnswers(h.deps.store, 'u1', templates, { accepted: ['caseProgress'], rejected: [] }, AT);
  const changed = { ...templates, caseProgress: { ...once, id: 'tmpl-progress-2' } };
  await recordAnswers(h.deps.store, 'u1', changed, { accepted: ['caseProgress'], rejected: [] }, AT);
  expect((await record())!.templates.caseProgress).toMatchObject({ templateId: 'tmpl-progress-2', credits: 1 });
});

test('templates this environment does not configure are not recorded, accepted or refused', async () => {
  await recordAnswers(h.deps.store, 'u1', { todo: always }, { accepted: ['caseProgress'], rejected: ['inspectionResult'] }, AT);
  expect((await record())!.templates).toEqual({});
});

test('a message sent spends a one-time credit, down to none; a long-term acceptance is not spent', async () => {
  await recordAnswers(h.deps.store, 'u1', templates, { accepted: ['caseProgress', 'todo'], rejected: [] }, AT);
  await spendCredit(h.deps.store, 'u1', 'caseProgress', once, AT);
  expect((await record())!.templates.caseProgress!.credits).toBe(0);
  const version = (await record())!._version;
  // Nothing left to spend, and nobody to spend for: nothing is written.
  await spendCredit(h.deps.store, 'u1', 'caseProgress', once, AT);
  await spendCredit(h.deps.store, 'nobody', 'caseProgress', once, AT);
  await spendCredit(h.deps.store, 'u1', 'inspectionResult', once, AT);
  expect((await record())!._version).toBe(version);
  expect(await loadSubscriptions(h.deps.store, 'nobody')).toBeNull();
  await spendCredit(h.deps.store, 'u1', 'todo', always, AT);
  expect((await record())!.templates.todo!.credits).toBe(1);
  expect((await record())!._version).toBe(version);
});

test('WeChat’s 43101 turns the acceptance into a refusal with no credit left, only for that template', async () => {
  await recordAnswers(h.deps.store, 'u1', templates, { accepted: ['caseProgress', 'caseProgress', 'todo'], rejected: [] }, AT);
  await recordAnswers(h.deps.store, 'u1', templates, { accepted: ['caseProgress'], rejected: [] }, AT);
  await markRefused(h.deps.store, 'u1', 'caseProgress', '2026-12-05T02:00:00.000Z');
  const r = (await record())!;
  expect(r.templates.caseProgress).toEqual({ templateId: 'tmpl-progress', status: 'reject', credits: 0, answeredAt: AT, refusedAt: '2026-12-05T02:00:00.000Z' });
  expect(r.templates.todo).toMatchObject({ status: 'accept', credits: 1 });
  await markRefused(h.deps.store, 'nobody', 'caseProgress', AT);
  await markRefused(h.deps.store, 'u1', 'inspectionResult', AT);
  expect(await loadSubscriptions(h.deps.store, 'nobody')).toBeNull();
  expect((await record())!.templates.inspectionResult).toBeUndefined();
});

test('maySend: accepted for this very template id, with a credit left or long-term', () => {
  const r = (templatesOf: SubscriptionRecord['templates']): SubscriptionRecord => ({ templates: templatesOf, updatedAt: AT });
  const accepted = { templateId: 'tmpl-progress', status: 'accept' as const, credits: 1, answeredAt: AT };
  expect(maySend(r({ caseProgress: accepted }), 'caseProgress', once)).toBe(true);
  expect(maySend(r({ caseProgress: { ...accepted, credits: 0 } }), 'caseProgress', once)).toBe(false);
  expect(maySend(r({ caseProgress: { ...accepted, credits: 0 } }), 'caseProgress', { ...once, longTerm: true })).toBe(true);
  expect(maySend(r({ caseProgress: { ...accepted, status: 'reject' } }), 'caseProgress', { ...once, longTerm: true })).toBe(false);
  expect(maySend(r({ caseProgress: accepted }), 'caseProgress', { ...once, id: 'other' })).toBe(false);
  expect(maySend(r({}), 'caseProgress', once)).toBe(false);
  expect(maySend(null, 'caseProgress', once)).toBe(false);
});
