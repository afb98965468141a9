import { WxFailure, asyncApi } from './api';
import type { Ui } from './ui';

// WeChat's privacy consent (__usePrivacyCheck__): the first call of a privacy API (location, choosing files)
// waits for the user's consent. The listener the page registered with wx.onNeedPrivacyAuthorization is asked
// first (the project's privacy-prompt component); without one, a plain dialog asks. Consent is kept, as WeChat does.

type Answer = { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string };
type Listener = (resolve: (answer: Answer) => void) => void;

const AGREED_KEY = 'preview.privacyAgreed';
const CONTRACT = '《远程视频踏勘小程序隐私保护指引》';

export function createPrivacy(ui: Ui) {
  let listener: Listener | undefined;
  let waiting: Array<{ agreed: () => void; refused: (e: Error) => void }> = [];
  const hasAgreed = () => localStorage.getItem(AGREED_KEY) === 'yes';

  const settle = (agreed: boolean) => {
    const callers = waiting;
    waiting = [];
    for (const c of callers) agreed ? c.agreed() : c.refused(new WxFailure('privacy permission is not authorized'));
  };

  function agree(): void {
    localStorage.setItem(AGREED_KEY, 'yes');
    settle(true);
  }

  const answer = (a: Answer) => {
    if (a.event === 'agree') agree();
    else if (a.event === 'disagree') settle(false);
  };

  function ask(): Promise<void> {
    return new Promise((agreed, refused) => {
      waiting.push({ agreed, refused });
      if (waiting.length > 1) return;
      if (listener) listener(answer);
      else
        ui.dialog({
          title: '用户隐私保护提示',
          body: [`使用此功能前，请阅读并同意${CONTRACT}。`],
          buttons: [{ text: '拒绝', value: 'disagree' as const }, { text: '同意', value: 'agree' as const, primary: true }],
        }).then((event) => answer({ event }));
    });
  }

  /** Runs a privacy API once the user has consented. */
  async function gate<T>(run: () => T | Promise<T>): Promise<T> {
    if (!hasAgreed()) await ask();
    return run();
  }

  return {
    agree,
    gate,
    api: {
      onNeedPrivacyAuthorization: (l: Listener) => void (listener = l),
      getPrivacySetting: asyncApi('getPrivacySetting', () => ({ needAuthorization: !hasAgreed(), privacyContractName: CONTRACT })),
      requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', () => gate(() => ({}))),
      openPrivacyContract: asyncApi('openPrivacyContract', async () => {
        await ui.dialog({ title: CONTRACT, body: ['在微信中，这里打开小程序后台填写的隐私保护指引页面；预览没有这一页。'], buttons: [{ text: '知道了', value: true, primary: true }] });
        return {};
      }),
    },
  };
}

export type Privacy = ReturnType<typeof createPrivacy>;
