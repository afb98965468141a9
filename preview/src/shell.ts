import { DEMO_USERS, devOpenid, setDevOpenid } from '../../miniprogram/services/transport/dev-identity';
import { onProblem } from './problems';
import { el } from './wx/ui';

// The page around the Mini Program: the identity bar (the demo users of the local runtime), the phone frame
// (navigation bar, pages, tab bar, overlays), and the notes that say this is a preview, with any problem found.

export interface Frame {
  identityBar: HTMLElement;
  nav: HTMLElement;
  title: HTMLElement;
  back: HTMLButtonElement;
  home: HTMLButtonElement;
  refresh: HTMLButtonElement;
  pages: HTMLElement;
  tabBar: HTMLElement;
  overlay: HTMLElement;
}

/** The phone's screen in CSS pixels; 750rpx is its width. */
export const SCREEN = { width: 375, height: 812 };

function button(className: string, label: string, text: string): HTMLButtonElement {
  const b = el('button', className, text);
  b.type = 'button';
  b.setAttribute('aria-label', label);
  return b;
}

/** The demo users as buttons; choosing one sets the identity the transport sends and opens the same page again. */
export function fillIdentityBar(bar: HTMLElement): void {
  bar.append(el('span', 'identity-bar__label', '演示身份'));
  const current = devOpenid();
  for (const user of DEMO_USERS) {
    const b = button('identity', `${user.name}（${user.roleLabel}）`, user.name);
    b.dataset.openid = user.openid;
    b.setAttribute('aria-pressed', String(user.openid === current));
    b.append(el('small', 'identity__role', user.roleLabel));
    b.addEventListener('click', () => {
      if (user.openid === devOpenid()) return;
      setDevOpenid(user.openid);
      location.reload();
    });
    bar.append(b);
  }
}

export function createShell(root: HTMLElement): Frame {
  const identityBar = el('div', 'identity-bar');
  identityBar.setAttribute('role', 'group');
  identityBar.setAttribute('aria-label', '演示身份');
  const phone = el('div', 'phone');
  phone.style.setProperty('--rpx', `${SCREEN.width / 750}px`);
  phone.style.width = `${SCREEN.width}px`;
  phone.style.height = `${SCREEN.height}px`;
  const nav = el('div', 'phone__nav');
  const back = button('phone__back', '返回', '‹');
  const home = button('phone__home', '首页', '⌂');
  const title = el('div', 'phone__title');
  const refresh = button('phone__refresh', '刷新（代替下拉刷新）', '↻');
  nav.append(back, home, title, refresh);
  const pages = el('div', 'phone__pages');
  const tabBar = el('div', 'phone__tabbar');
  tabBar.setAttribute('role', 'tablist');
  const overlay = el('div', 'phone__overlay');
  phone.append(nav, pages, tabBar, overlay);

  const notes = el('aside', 'preview__notes');
  notes.append(
    el('p', 'preview__badge', '浏览器预览 · 不是微信'),
    el('p', '', '运行的是小程序真实的页面与组件（WXML、WXSS、TypeScript），由 j-component 渲染；微信的能力（位置、文件、弹窗、订阅消息、跳转腾讯会议）是模拟的。真实效果请用微信开发者工具或真机。'),
  );
  const problems = el('ul', 'preview__problems');
  problems.setAttribute('aria-label', '预览发现的问题');
  onProblem((message) => problems.append(el('li', 'preview__problem', message)));
  notes.append(problems);

  const body = el('div', 'preview__body');
  body.append(phone, notes);
  root.replaceChildren(identityBar, body);
  return { identityBar, nav, title, back, home, refresh, pages, tabBar, overlay };
}
