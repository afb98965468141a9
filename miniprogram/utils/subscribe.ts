import type { SubscribeMoment, SubscribeTemplate, SubscribeTemplateKey, WhoAmI } from '../../typings/models';
import { getSubscribeTemplates } from '../services/inbox/get-subscribe-templates';
import { recordSubscriptions } from '../services/inbox/record-subscriptions';
import { hasRole } from './session';

// Asking for subscription messages 订阅消息. WeChat opens its dialog only from a tap itself, not after an await in
// the handler, so a page fetches the template ids when it loads (`templatesFor`) and asks in the tap
// (`askToSubscribe`). Which page asks at which moment: docs/notifications.md "Asking to subscribe".

/** The moment that suits the person on their own tabs: officers' work, supervisors' and regulators', or an applicant's case. */
export const tabMomentOf = (me: WhoAmI): SubscribeMoment =>
  hasRole(me, 'supervisor', 'regulator') ? 'supervisorTab' : hasRole(me, 'staff', 'sectionHead') ? 'staffTab' : 'afterApply';

/** The templates to ask for at a moment; none when they cannot be fetched (asking is never in the way). */
export async function templatesFor(moment: SubscribeMoment): Promise<SubscribeTemplate[]> {
  try {
    return (await getSubscribeTemplates({ moment })).templates;
  } catch {
    return [];
  }
}

/** The local runtime's stand-in ids, which WeChat does not know: the dialog is played by a confirmation instead. */
const isLocalStandIn = (templates: SubscribeTemplate[]) => templates.every((t) => t.id.startsWith('local-'));

function answerOf(templates: SubscribeTemplate[]): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    if (isLocalStandIn(templates)) {
      wx.showModal({
        title: '本地模式：模拟订阅',
        content: `接收${templates.map((t) => t.title).join('、')}？`,
        success: (r) => resolve(Object.fromEntries(templates.map((t) => [t.id, r.confirm ? 'accept' : 'reject']))),
        fail: () => resolve({}),
      });
      return;
    }
    // https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
    wx.requestSubscribeMessage({
      tmplIds: templates.map((t) => t.id),
      success: (res) => resolve(res as unknown as Record<string, string>),
      fail: () => resolve({}),
    });
  });
}

/**
 * Call first thing in a tap handler: shows WeChat's dialog for the templates and records the answer. Resolves with
 * the templates accepted ('accept', or 'acceptWithAudio' with a voice alert); a dismissed dialog records nothing.
 */
export async function askToSubscribe(templates: SubscribeTemplate[]): Promise<SubscribeTemplateKey[]> {
  if (!templates.length) return [];
  const answer = await answerOf(templates);
  const accepted = templates.filter((t) => answer[t.id] === 'accept' || answer[t.id] === 'acceptWithAudio').map((t) => t.key);
  const rejected = templates.filter((t) => answer[t.id] === 'reject').map((t) => t.key);
  if (accepted.length || rejected.length) {
    // Not recording leaves the messages in the inbox only, which is no reason to trouble the person.
    await recordSubscriptions({ accepted, rejected }).catch(() => undefined);
  }
  return accepted;
}
