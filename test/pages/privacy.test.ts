import { installFakeWx, type FakeWx } from './support/fake-wx';
import { matter, me } from './support/fixtures';
import { loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
  fake.server.on('getMatter', matter()).on('whoami', me());
});

async function promptShown() {
  const p = loadPage('pages/apply/apply');
  p.page.onLoad({ code: 'SECONDARY_WATER' });
  await settled();
  const listeners = fake.calls('onNeedPrivacyAuthorization') as unknown as Array<(resolve: jest.Mock) => void>;
  const resolve = jest.fn();
  listeners[listeners.length - 1]!(resolve);
  await settled();
  return { p, resolve };
}

test('the privacy prompt appears when WeChat asks and lets the user agree with the agree button', async () => {
  const { p, resolve } = await promptShown();
  expect(p.text()).toContain('用户隐私保护提示');
  expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });

  p.comp.querySelector('#privacy')!.querySelector('#privacy-agree')!.dispatchEvent('agreeprivacyauthorization');
  await settled();

  expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' });
  expect(p.text()).not.toContain('用户隐私保护提示');
});

test('the privacy prompt tells WeChat when the user refuses', async () => {
  const { p, resolve } = await promptShown();
  await p.tap('#privacy >>> #privacy-disagree');
  expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
});
