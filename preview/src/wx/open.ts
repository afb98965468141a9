import { type Options, WxFailure, asyncApi } from './api';
import { describeError, reportProblem } from '../problems';
import type { Ui } from './ui';

// What WeChat does outside the Mini Program: subscription prompts, other Mini Programs, the settings page, sharing.
// Each is a dialog that says what would happen and answers as the user chooses.

/** Mini Programs the project opens, by appId. */
const KNOWN_APPS: Record<string, string> = { wx33fd6cdc62520063: '腾讯会议' };

export function createOpen(ui: Ui) {
  return {
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', async (o: Options) => {
      const ids = (o.tmplIds ?? []) as string[];
      const allowed = await ui.dialog({
        title: '订阅消息（预览）',
        body: ['小程序想向你发送以下通知：', ...ids.map((id) => `· 模板 ${id}`)],
        buttons: [{ text: '取消', value: false }, { text: '允许', value: true, primary: true }],
      });
      return Object.fromEntries(ids.map((id) => [id, allowed ? 'accept' : 'reject']));
    }),

    navigateToMiniProgram: asyncApi('navigateToMiniProgram', async (o: Options) => {
      const path = String(o.path ?? '');
      const query = new URLSearchParams(path.split('?')[1] ?? '');
      const code = query.get('code');
      const opened = await ui.dialog({
        title: `打开「${KNOWN_APPS[o.appId] ?? o.appId}」（预览）`,
        body: [
          '在微信中，这里会跳转到另一个小程序；预览只显示将要打开的内容。',
          ...(code ? [`会议号：${code}`] : []),
          `appId：${o.appId}`,
          `路径：${path || '（首页）'}`,
        ],
        buttons: [{ text: '取消', value: false }, { text: '打开', value: true, primary: true }],
      });
      if (!opened) throw new WxFailure('cancel');
      return {};
    }),

    openSetting: asyncApi('openSetting', async () => {
      await ui.dialog({ title: '设置（预览）', body: ['在微信中，这里打开小程序的授权设置页；预览中所有授权都已允许。'], buttons: [{ text: '返回', value: true, primary: true }] });
      return { authSetting: { 'scope.userLocation': true } };
    }),
  };
}

/** What a page's onShareAppMessage is told when a `<button open-type="share">` is tapped. */
export interface ShareTarget {
  id: string;
  dataset: Record<string, unknown>;
}

/**
 * `<button open-type="share">`: WeChat asks the page for its card (onShareAppMessage, from 'button') and lets the
 * person choose a chat; here a dialog shows the card that would be sent: its title and the page it opens.
 */
export async function shareFromButton(ui: Ui, page: Record<string, any> | undefined, target: ShareTarget): Promise<void> {
  const handler = page?.onShareAppMessage;
  if (typeof handler !== 'function') return reportProblem('<button open-type="share"> on a page without onShareAppMessage: WeChat shares nothing');
  let card: { title?: string; path?: string; promise?: Promise<{ title?: string; path?: string }> } | undefined;
  try {
    card = handler.call(page, { from: 'button', target, webViewUrl: '' });
    if (card?.promise) card = { ...card, ...(await card.promise) };
  } catch (e) {
    return reportProblem(`onShareAppMessage: ${describeError(e)}`);
  }
  await ui.dialog({
    title: '转发给朋友（预览）',
    body: [
      '在微信中，这里选择聊天并发出小程序卡片；对方轻触卡片，即在自己的微信中打开下面的页面。',
      `卡片标题：${card?.title ?? '（小程序名称）'}`,
      `打开页面：${card?.path ?? `/${String(page?.route ?? '')}`}`,
    ],
    buttons: [{ text: '完成', value: true, primary: true }],
  });
}
