import * as jComponent from 'j-component';
import * as exparser from 'miniprogram-exparser';
import type { ExparserNode } from 'miniprogram-exparser';
import type { ManifestEntry } from 'preview:app';
import { describeError, reportProblem } from './problems';
import type { Frame } from './shell';
import { type Options, WxFailure, asyncApi } from './wx/api';

// The page stack and its chrome, after WeChat's rules: navigateTo pushes (at most 10 pages), redirectTo replaces
// the top, navigateBack pops, switchTab goes to a tab page (tab pages stay alive once opened), reLaunch starts
// over. The navigation bar shows the page's title and a back button; the tab bar comes from app.json. The URL's
// hash holds the top page, so a reload (switching identity) opens the same page again.

type PageInstance = Record<string, any>;

/** What the router uses of j-component's RootComponent (its typings lack the page lifetimes). */
interface PageComponent {
  readonly dom: HTMLElement;
  readonly instance: unknown;
  readonly _exparserNode: ExparserNode;
  attach(parent: Node): void;
  detach(): void;
  triggerPageLifeTime(name: 'show' | 'hide'): void;
  querySelector(selector: string): { dom?: HTMLElement } | undefined;
}

interface OpenPage {
  route: string;
  search: string;
  view: HTMLElement;
  comp: PageComponent;
  page: PageInstance;
  title: string;
  ready: boolean;
}

interface TabBar {
  color?: string;
  selectedColor?: string;
  backgroundColor?: string;
  list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }>;
}

const MAX_PAGES = 10;

/** A page URL as WeChat reads it: absolute from the root or relative to the current page; query values as written. */
function resolveUrl(url: string, from = ''): { route: string; search: string; query: Record<string, string> } {
  const [path = '', search = ''] = url.split('?');
  const parts = path.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const part of path.replace(/^\//, '').split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  const query = Object.fromEntries(
    search
      .split('&')
      .filter(Boolean)
      .map((pair) => (pair.includes('=') ? [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] : [pair, ''])),
  );
  return { route: parts.join('/'), search, query };
}

export function createRouter(frame: Frame, appJson: Record<string, any>, entries: Map<string, ManifestEntry>, imageUrl: (src: string) => string) {
  const window_ = (appJson.window ?? {}) as Record<string, string>;
  const tabBar = appJson.tabBar as TabBar | undefined;
  const tabRoutes = new Set((tabBar?.list ?? []).map((t) => t.pagePath));
  const stack: OpenPage[] = [];
  const tabPages = new Map<string, OpenPage>();
  let refreshing = false;

  const top = (): OpenPage | undefined => stack[stack.length - 1];

  const call = (p: OpenPage, name: string, ...args: unknown[]) => {
    const method = p.page[name];
    if (typeof method !== 'function') return;
    const fail = (e: unknown) => reportProblem(`${p.route} ${name}: ${describeError(e)}`);
    try {
      const result = method.apply(p.page, args);
      if (result && typeof result.then === 'function') result.then(undefined, fail);
    } catch (e) {
      fail(e);
    }
  };

  function create(url: string): OpenPage {
    const { route, search, query } = resolveUrl(url, top()?.route);
    const entry = entries.get(route);
    if (!entry || entry.kind !== 'page') throw new WxFailure(`page "${route}" is not found`);
    const view = document.createElement('div');
    view.className = 'phone__page';
    // The page scrolls: reachable from the keyboard, as a region named after the page.
    view.tabIndex = 0;
    view.setAttribute('role', 'region');
    frame.pages.append(view);
    const comp = jComponent.create(route) as unknown as PageComponent;
    comp.dom.setAttribute('data-route', route);
    comp.attach(view);
    const page = comp.instance as PageInstance;
    Object.assign(page, { route, options: query });
    const opened: OpenPage = { route, search, view, comp, page, title: String(entry.json.navigationBarTitleText ?? window_.navigationBarTitleText ?? ''), ready: false };
    view.setAttribute('aria-label', opened.title);
    let atBottom = false;
    view.addEventListener('scroll', () => {
      call(opened, 'onPageScroll', { scrollTop: view.scrollTop });
      const distance = Number(entry.json.onReachBottomDistance ?? window_.onReachBottomDistance ?? 50);
      const nearBottom = view.scrollTop + view.clientHeight >= view.scrollHeight - distance;
      if (nearBottom && !atBottom) call(opened, 'onReachBottom');
      atBottom = nearBottom;
    });
    if (tabRoutes.has(route)) tabPages.set(route, opened);
    call(opened, 'onLoad', query);
    return opened;
  }

  function show(p: OpenPage): void {
    p.view.hidden = false;
    call(p, 'onShow');
    p.comp.triggerPageLifeTime('show');
    if (!p.ready) {
      p.ready = true;
      call(p, 'onReady');
    }
    renderChrome();
  }

  function hide(p: OpenPage): void {
    call(p, 'onHide');
    p.comp.triggerPageLifeTime('hide');
    p.view.hidden = true;
  }

  function unload(p: OpenPage): void {
    call(p, 'onUnload');
    p.comp.detach();
    p.view.remove();
    if (tabPages.get(p.route) === p) tabPages.delete(p.route);
  }

  function renderChrome(): void {
    const p = top();
    if (!p) return;
    const json = entries.get(p.route)?.json ?? {};
    const background = String(json.navigationBarBackgroundColor ?? window_.navigationBarBackgroundColor ?? '#000000');
    const text = String(json.navigationBarTextStyle ?? window_.navigationBarTextStyle ?? 'white');
    frame.nav.style.background = background;
    frame.nav.style.color = text === 'black' ? '#000' : '#fff';
    frame.title.textContent = p.title;
    frame.back.hidden = stack.length < 2;
    frame.home.hidden = stack.length > 1 || tabRoutes.has(p.route) || !tabBar;
    frame.refresh.hidden = !(json.enablePullDownRefresh ?? (window_ as Record<string, unknown>).enablePullDownRefresh);
    frame.pages.style.background = String(json.backgroundColor ?? window_.backgroundColor ?? '#ffffff');
    frame.tabBar.hidden = !tabRoutes.has(p.route);
    for (const item of frame.tabBar.querySelectorAll<HTMLElement>('.phone__tab')) {
      const selected = item.dataset.route === p.route;
      item.setAttribute('aria-selected', String(selected));
      item.style.color = (selected ? tabBar?.selectedColor : tabBar?.color) ?? '';
      const icon = item.querySelector('img');
      const tab = tabBar?.list.find((t) => t.pagePath === item.dataset.route);
      if (icon && tab) icon.src = imageUrl(`/${(selected && tab.selectedIconPath) || tab.iconPath}`);
    }
    history.replaceState(null, '', `#/${p.route}${p.search ? `?${p.search}` : ''}`);
  }

  function navigateTo(url: string): void {
    if (tabRoutes.has(resolveUrl(url, top()?.route).route)) throw new WxFailure('can not navigateTo a tabbar page');
    if (stack.length >= MAX_PAGES) throw new WxFailure('webview count limit exceed');
    const previous = top();
    if (previous) hide(previous);
    const opened = create(url);
    stack.push(opened);
    show(opened);
  }

  function redirectTo(url: string): void {
    if (tabRoutes.has(resolveUrl(url, top()?.route).route)) throw new WxFailure('can not redirectTo a tabbar page');
    const opened = create(url);
    const previous = stack.pop();
    if (previous) unload(previous);
    stack.push(opened);
    show(opened);
  }

  function navigateBack(delta = 1): void {
    if (stack.length < 2) throw new WxFailure('cannot navigate back at first page.');
    for (let i = 0; i < delta && stack.length > 1; i++) unload(stack.pop()!);
    show(top()!);
  }

  function switchTab(url: string): void {
    const { route } = resolveUrl(url, top()?.route);
    if (!tabRoutes.has(route)) throw new WxFailure('can not switch to no-tabBar page');
    if (stack.length === 1 && top()!.route === route) return;
    while (stack.length) {
      const p = stack.pop()!;
      if (tabPages.get(p.route) === p) {
        if (p.route !== route) hide(p);
      } else unload(p);
    }
    const target = tabPages.get(route) ?? create(`/${route}`);
    stack.push(target);
    show(target);
  }

  function reLaunch(url: string): void {
    for (const p of new Set([...stack.splice(0).reverse(), ...tabPages.values()])) unload(p);
    const opened = create(url);
    stack.push(opened);
    show(opened);
  }

  /** Clicks become WeChat's tap, dispatched from the element clicked as a tap from a finger would be. */
  frame.pages.addEventListener('click', (e) => {
    // On a touch screen j-component turns the touches into the tap itself.
    if ((e as PointerEvent).pointerType === 'touch') return;
    let target = e.target as (Node & { __wxElement?: ExparserNode }) | null;
    while (target && !target.__wxElement) target = target.parentNode as typeof target;
    if (!target) return;
    const point = { x: e.pageX, y: e.pageY, clientX: e.clientX, clientY: e.clientY, pageX: e.pageX, pageY: e.pageY, identifier: 0 };
    exparser.Event.dispatchEvent(
      target as ExparserNode,
      exparser.Event.create('tap', { x: e.pageX, y: e.pageY }, { originalEvent: e, bubbles: true, capturePhase: true, composed: true, extraFields: { touches: [], changedTouches: [point] } }),
    );
  });

  /** A tab's badge: text (a count), a red dot, or nothing. */
  const badge = (index: number, text: string, dot: boolean) => {
    const tab = frame.tabBar.querySelectorAll('.phone__tab')[index];
    if (!tab) throw new WxFailure(`tabbar item not found: ${index}`);
    tab.querySelector('.phone__badge')?.remove();
    if (text || dot) tab.append(Object.assign(document.createElement('span'), { className: `phone__badge${dot ? ' phone__badge--dot' : ''}`, textContent: text }));
  };

  const pullDown = () => {
    const p = top();
    if (!p || refreshing) return;
    refreshing = true;
    frame.refresh.classList.add('is-refreshing');
    call(p, 'onPullDownRefresh');
  };
  frame.refresh.addEventListener('click', pullDown);
  frame.back.addEventListener('click', () => navigateBack());
  frame.home.addEventListener('click', () => reLaunch(`/${tabBar!.list[0]!.pagePath}`));
  for (const tab of tabBar?.list ?? []) {
    const item = document.createElement('button');
    item.type = 'button';
    item.className = 'phone__tab';
    item.dataset.route = tab.pagePath;
    item.setAttribute('role', 'tab');
    if (tab.iconPath) item.append(Object.assign(document.createElement('img'), { alt: '' }));
    item.append(Object.assign(document.createElement('span'), { textContent: tab.text }));
    item.addEventListener('click', () => switchTab(`/${tab.pagePath}`));
    frame.tabBar.append(item);
  }
  if (tabBar?.backgroundColor) frame.tabBar.style.background = tabBar.backgroundColor;

  return {
    /** Opens the page the URL's hash names, or the app's first page. */
    launch(): void {
      const hash = decodeURI(location.hash.replace(/^#\/?/, ''));
      const first = String(appJson.entryPagePath ?? (appJson.pages as string[])[0]);
      const wanted = entries.get(resolveUrl(`/${hash}`).route)?.kind === 'page' ? `/${hash}` : `/${first}`;
      reLaunch(wanted);
    },
    pages: (): PageInstance[] => stack.map((p) => p.page),
    currentNode: (): ExparserNode | undefined => top()?.comp._exparserNode,
    navigate(openType: string, o: { url?: string; delta?: number }): void {
      const run: Record<string, () => void> = {
        navigate: () => navigateTo(o.url ?? ''),
        redirect: () => redirectTo(o.url ?? ''),
        switchTab: () => switchTab(o.url ?? ''),
        reLaunch: () => reLaunch(o.url ?? ''),
        navigateBack: () => navigateBack(o.delta ?? 1),
      };
      try {
        (run[openType] ?? (() => reportProblem(`<navigator open-type="${openType}"> is not available in the preview`)))();
      } catch (e) {
        reportProblem(`<navigator>: ${describeError(e)}`);
      }
    },
    api: {
      navigateTo: asyncApi('navigateTo', (o: Options) => (navigateTo(o.url), {})),
      redirectTo: asyncApi('redirectTo', (o: Options) => (redirectTo(o.url), {})),
      navigateBack: asyncApi('navigateBack', (o: Options) => (navigateBack(o.delta ?? 1), {})),
      switchTab: asyncApi('switchTab', (o: Options) => (switchTab(o.url), {})),
      reLaunch: asyncApi('reLaunch', (o: Options) => (reLaunch(o.url), {})),
      setNavigationBarTitle: asyncApi('setNavigationBarTitle', (o: Options) => {
        const p = top();
        if (p) p.title = String(o.title ?? '');
        renderChrome();
        return {};
      }),
      startPullDownRefresh: asyncApi('startPullDownRefresh', () => (pullDown(), {})),
      stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => {
        refreshing = false;
        frame.refresh.classList.remove('is-refreshing');
        return {};
      }),
      setTabBarBadge: asyncApi('setTabBarBadge', (o: Options) => (badge(o.index, String(o.text ?? ''), false), {})),
      removeTabBarBadge: asyncApi('removeTabBarBadge', (o: Options) => (badge(o.index, '', false), {})),
      showTabBarRedDot: asyncApi('showTabBarRedDot', (o: Options) => (badge(o.index, '', true), {})),
      hideTabBarRedDot: asyncApi('hideTabBarRedDot', (o: Options) => (badge(o.index, '', false), {})),
      pageScrollTo: asyncApi('pageScrollTo', (o: Options) => {
        const p = top();
        if (!p) return {};
        let scrollTop = Number(o.scrollTop ?? 0);
        if (o.selector) {
          const found = p.comp.querySelector(o.selector)?.dom;
          if (!found) throw new WxFailure(`no node found for selector "${o.selector}"`);
          scrollTop = found.getBoundingClientRect().top - p.view.getBoundingClientRect().top + p.view.scrollTop;
        }
        p.view.scrollTo({ top: scrollTop, behavior: o.duration ? 'smooth' : 'auto' });
        return {};
      }),
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
