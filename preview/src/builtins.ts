import * as jComponent from 'j-component';
import * as exparser from 'miniprogram-exparser';
import type { ExparserNode } from 'miniprogram-exparser';
import { reportProblem } from './problems';
import type { ShareTarget } from './wx/open';
import { createImage } from './wx/files';
import { NODE_OF } from './wx/selector-query';

// WeChat's built-in components. j-component looks a built-in up by its WXML name ('input') and renders what
// nobody registered as a bare element, so each is registered here, as miniprogram-simulate does, under its name
// with WeChat's `wx-` element (<wx-view>, <wx-input>). Those a browser has no equivalent for hold a real control
// (an <input>, a <select>, a <canvas>) and turn its events into the Mini Program's events with WeChat's
// `detail`; the rest only show their content (styled in shell.css). Taps reach every element through the
// frame's click handler (router.ts).

type Data = Record<string, any>;
type Update = (data: Data) => void;

interface Host {
  /** The built-in's own element (`<wx-input>`), already carrying the page's classes. */
  el: HTMLElement;
  node: ExparserNode;
  /** Triggers a Mini Program event on the element, as WeChat's component would (bindinput, bindchange, …). */
  emit(name: string, detail?: object): void;
}

interface BuiltinThis {
  data: Data;
  _exparserNode: ExparserNode & { $$: HTMLElement };
  triggerEvent(name: string, detail: object): void;
  previewUpdate?: Update;
}

type PropertyType = StringConstructor | NumberConstructor | BooleanConstructor | ArrayConstructor | ObjectConstructor | null;

export interface BuiltinDeps {
  agreePrivacy(): void;
  navigate(openType: string, options: { url?: string; delta?: number }): void;
  /** `<button open-type="share">`: the top page's share card. */
  share(target: ShareTarget): void;
  /** The browser URL of an image source: a project path, a temporary file, or a web address. */
  imageUrl(src: string): string;
}

const register = jComponent.register as unknown as (definition: Record<string, unknown>) => string;

function defineBuiltin(name: string, properties: Record<string, [PropertyType, unknown]>, mount: (host: Host) => Update): void {
  const refresh = function (this: BuiltinThis) {
    this.previewUpdate?.(this.data);
  };
  // `hidden` and the accessibility attributes (aria-label, aria-role, aria-hidden) are every built-in's in WeChat.
  const all = {
    ...properties,
    hidden: [Boolean, false] as [PropertyType, unknown],
    ariaLabel: [String, ''] as [PropertyType, unknown],
    ariaRole: [String, ''] as [PropertyType, unknown],
    ariaHidden: [null, ''] as [PropertyType, unknown],
    ariaChecked: [null, ''] as [PropertyType, unknown],
    ariaSelected: [null, ''] as [PropertyType, unknown],
    ariaDisabled: [null, ''] as [PropertyType, unknown],
  };
  register({
    id: name,
    tagName: `wx-${name}`,
    template: '<slot/>',
    properties: Object.fromEntries(Object.entries(all).map(([key, [type, value]]) => [key, { type, value, observer: refresh }])),
    lifetimes: {
      attached(this: BuiltinThis) {
        writeId(this._exparserNode);
        if (!this.previewUpdate) {
          const node = this._exparserNode;
          const update = mount({ el: node.$$, node, emit: (event, detail = {}) => this.triggerEvent(event, detail) });
          this.previewUpdate = (data) => {
            node.$$.hidden = !!data.hidden;
            update(data);
            applyAria(node.$$, data);
          };
        }
        this.previewUpdate(this.data);
      },
    },
  });
}

/**
 * The WXML id on the element, as WeChat's view has it: j-component keeps ids to itself (writeIdToDOM is off), and
 * WXSS `#id` selectors and the browser's tools need them.
 */
export function writeId(node: ExparserNode): void {
  if (node.id && node.$$) node.$$.id = node.id;
}

/**
 * WeChat's aria-* attributes, as a screen reader reads them: on the element, and for a built-in holding a native
 * control (input, picker, switch) on that control, which is what takes the focus.
 */
function applyAria(el: HTMLElement, d: Data): void {
  const target = el.querySelector<HTMLElement>(':scope > input, :scope > select, :scope > textarea') ?? el;
  if (d.ariaLabel) target.setAttribute('aria-label', d.ariaLabel);
  else target.removeAttribute('aria-label');
  if (d.ariaRole) el.setAttribute('role', d.ariaRole);
  if (d.ariaHidden === true || d.ariaHidden === 'true') el.setAttribute('aria-hidden', 'true');
  else el.removeAttribute('aria-hidden');
  // States, as written ({{…}} gives true or false): only when the page sets them (a button keeps its own).
  for (const [prop, attr] of [['ariaChecked', 'aria-checked'], ['ariaSelected', 'aria-selected'], ['ariaDisabled', 'aria-disabled']] as const) {
    if (d[prop] !== '' && d[prop] !== null && d[prop] !== undefined) el.setAttribute(attr, String(d[prop]));
  }
}

const setFlag = (el: Element, name: string, on: unknown) => (on ? el.setAttribute(name, '') : el.removeAttribute(name));

/** The caller (`this`) of the built-in component whose element this is. */
const builtinOf = (el: Element | null): BuiltinThis | undefined => {
  const node = (el as (Element & { __wxElement?: ExparserNode }) | null)?.__wxElement;
  return node ? (exparser.Element.getMethodCaller(node) as BuiltinThis) : undefined;
};

/** input and textarea: a real control whose typing becomes bindinput with detail.value. */
function textControl(host: Host, control: HTMLInputElement | HTMLTextAreaElement): void {
  host.el.append(control);
  control.addEventListener('input', () => host.emit('input', { value: control.value, cursor: control.selectionStart ?? control.value.length, keyCode: 0 }));
  control.addEventListener('focus', () => host.emit('focus', { value: control.value, height: 0 }));
  control.addEventListener('blur', () => host.emit('blur', { value: control.value, cursor: control.selectionStart ?? 0 }));
  control.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter' && control instanceof HTMLInputElement) host.emit('confirm', { value: control.value });
  });
}

function applyTextProps(control: HTMLInputElement | HTMLTextAreaElement, d: Data): void {
  if (control.value !== String(d.value ?? '')) control.value = String(d.value ?? '');
  control.placeholder = d.placeholder ?? '';
  control.disabled = !!d.disabled;
  if (d.maxlength >= 0) control.maxLength = d.maxlength;
  else control.removeAttribute('maxlength');
  if (d.focus && document.activeElement !== control) control.focus();
}

/** Built-ins that only show their content here (no map, video or camera in a preview). */
const PLAIN = ['view', 'text', 'icon', 'rich-text', 'label', 'form', 'cover-view', 'cover-image', 'swiper', 'swiper-item', 'movable-area', 'movable-view',
  'map', 'video', 'camera', 'audio', 'web-view', 'official-account', 'open-data', 'page-meta', 'navigation-bar'];

export function registerBuiltins(deps: BuiltinDeps): void {
  for (const name of PLAIN) defineBuiltin(name, {}, () => () => undefined);
  const textProps: Record<string, [PropertyType, unknown]> = {
    value: [String, ''], placeholder: [String, ''], disabled: [Boolean, false], maxlength: [Number, 140], focus: [Boolean, false],
  };

  defineBuiltin('input', { ...textProps, type: [String, 'text'], password: [Boolean, false], confirmType: [String, 'done'] }, (host) => {
    const input = document.createElement('input');
    textControl(host, input);
    return (d) => {
      applyTextProps(input, d);
      input.type = d.password ? 'password' : 'text';
      // WeChat's keyboards: number and digit are numeric pads; its confirm-type values are enterkeyhint's.
      const keyboard = ({ number: 'numeric', digit: 'decimal' } as Record<string, string>)[d.type];
      if (keyboard) input.inputMode = keyboard;
      else input.removeAttribute('inputmode');
      input.enterKeyHint = d.confirmType;
    };
  });

  defineBuiltin('textarea', { ...textProps, autoHeight: [Boolean, false] }, (host) => {
    const textarea = document.createElement('textarea');
    textControl(host, textarea);
    const fit = () => {
      // auto-height: the box grows with its text and the page's height style does not apply (as in WeChat).
      textarea.style.height = 'auto';
      host.el.style.height = `${textarea.scrollHeight}px`;
      textarea.style.height = '100%';
    };
    textarea.addEventListener('input', () => builtinOf(host.el)?.data.autoHeight && fit());
    return (d) => {
      applyTextProps(textarea, d);
      if (d.autoHeight) requestAnimationFrame(fit);
    };
  });

  defineBuiltin(
    'button',
    { type: [String, 'default'], size: [String, 'default'], plain: [Boolean, false], disabled: [Boolean, false], loading: [Boolean, false], openType: [String, ''] },
    (host) => {
      host.el.setAttribute('role', 'button');
      host.el.addEventListener('click', () => {
        const { openType, disabled } = builtinOf(host.el)?.data ?? {};
        if (disabled || !openType) return;
        if (openType === 'agreePrivacyAuthorization') {
          deps.agreePrivacy();
          host.emit('agreeprivacyauthorization');
        } else if (openType === 'share') {
          deps.share({ id: host.node.id ?? '', dataset: { ...((host.node as { dataset?: Record<string, unknown> }).dataset ?? {}) } });
        } else reportProblem(`<button open-type="${openType}"> does nothing in the preview`);
      });
      // Attributes rather than classes, so the page's `.btn[disabled]` and the base styles can match them.
      return (d) => {
        host.el.setAttribute('type', d.type);
        host.el.setAttribute('size', d.size);
        setFlag(host.el, 'plain', d.plain);
        setFlag(host.el, 'disabled', d.disabled);
        setFlag(host.el, 'loading', d.loading);
        host.el.setAttribute('aria-disabled', String(!!d.disabled));
      };
    },
  );

  // picker: the page's own content stays visible; an invisible native control over it opens the browser's list.
  defineBuiltin(
    'picker',
    { mode: [String, 'selector'], range: [Array, []], rangeKey: [String, ''], value: [null, 0], disabled: [Boolean, false], start: [String, ''], end: [String, ''] },
    (host) => {
      let control: HTMLSelectElement | HTMLInputElement | undefined;
      let mode = '';
      return (d) => {
        if (mode !== d.mode) {
          control?.remove();
          mode = d.mode;
          if (mode === 'selector') control = document.createElement('select');
          else if (mode === 'date' || mode === 'time') Object.assign((control = document.createElement('input')), { type: mode });
          else {
            control = undefined;
            reportProblem(`<picker mode="${mode}"> is not available in the preview`);
            return;
          }
          control.className = 'wx-picker__native';
          control.addEventListener('change', () => host.emit('change', { value: mode === 'selector' ? Number(control!.value) : control!.value }));
          host.el.append(control);
        }
        if (!control) return;
        control.disabled = !!d.disabled;
        if (control instanceof HTMLSelectElement) {
          const labels = (d.range as unknown[]).map((item) => String(d.rangeKey && item && typeof item === 'object' ? (item as Data)[d.rangeKey] : item));
          control.replaceChildren(...labels.map((label, i) => Object.assign(document.createElement('option'), { value: String(i), textContent: label })));
          control.value = String(d.value ?? 0);
        } else {
          control.value = String(d.value ?? '');
          control.min = d.start;
          control.max = d.end;
        }
      };
    },
  );

  defineBuiltin('switch', { checked: [Boolean, false], disabled: [Boolean, false], type: [String, 'switch'], color: [String, '#04BE02'] }, (host) => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'wx-switch__native';
    box.addEventListener('change', () => host.emit('change', { value: box.checked }));
    host.el.append(box);
    return (d) => {
      box.checked = !!d.checked;
      box.disabled = !!d.disabled;
      box.setAttribute('role', d.type === 'checkbox' ? 'checkbox' : 'switch');
      box.style.accentColor = d.color;
    };
  });

  // radio and checkbox: tapping one (or its label) changes it; its group then emits change with the values.
  for (const [kind, group] of [['radio', 'radio-group'], ['checkbox', 'checkbox-group']] as const) {
    defineBuiltin(group, { name: [String, ''] }, () => () => undefined);
    defineBuiltin(kind, { value: [String, ''], checked: [Boolean, false], disabled: [Boolean, false], color: [String, '#09BB07'] }, (host) => {
      const mark = document.createElement('input');
      mark.type = kind;
      mark.className = 'wx-choice__native';
      mark.tabIndex = -1;
      host.el.prepend(mark);
      host.el.addEventListener('click', () => {
        const self = builtinOf(host.el);
        if (!self || self.data.disabled) return;
        const groupEl = host.el.closest(`wx-${group}`);
        const members = groupEl ? Array.from(groupEl.querySelectorAll(`wx-${kind}`)) : [host.el];
        if (kind === 'radio') for (const member of members) builtinOf(member)?.previewUpdate?.({ ...builtinOf(member)!.data, checked: member === host.el });
        else mark.checked = !mark.checked;
        const values = members.filter((m) => (m.querySelector('.wx-choice__native') as HTMLInputElement | null)?.checked).map((m) => builtinOf(m)?.data.value);
        builtinOf(groupEl)?.triggerEvent('change', { value: kind === 'radio' ? (values[0] ?? '') : values });
      });
      return (d) => {
        mark.checked = !!d.checked;
        mark.disabled = !!d.disabled;
        mark.style.accentColor = d.color;
      };
    });
  }

  defineBuiltin(
    'scroll-view',
    { scrollX: [Boolean, false], scrollY: [Boolean, false], scrollTop: [null, 0], scrollLeft: [null, 0], lowerThreshold: [null, 50] },
    (host) => {
      let atEnd = false;
      let last = { top: 0, left: 0 };
      host.el.addEventListener('scroll', () => {
        const el = host.el;
        host.emit('scroll', { scrollTop: el.scrollTop, scrollLeft: el.scrollLeft, scrollHeight: el.scrollHeight, scrollWidth: el.scrollWidth, deltaX: last.left - el.scrollLeft, deltaY: last.top - el.scrollTop });
        last = { top: el.scrollTop, left: el.scrollLeft };
        const data = builtinOf(el)?.data ?? {};
        const nearEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - Number(data.lowerThreshold ?? 50);
        if (nearEnd && !atEnd) host.emit('scrolltolower', { direction: 'bottom' });
        atEnd = nearEnd;
      });
      return (d) => {
        host.el.style.overflowX = d.scrollX ? 'auto' : 'hidden';
        host.el.style.overflowY = d.scrollY ? 'auto' : 'hidden';
        if (Number(d.scrollTop)) host.el.scrollTop = Number(d.scrollTop);
        if (Number(d.scrollLeft)) host.el.scrollLeft = Number(d.scrollLeft);
      };
    },
  );

  const FIT: Record<string, string> = { scaleToFill: 'fill', aspectFit: 'contain', aspectFill: 'cover', widthFix: 'fill', heightFix: 'fill' };
  defineBuiltin('image', { src: [String, ''], mode: [String, 'scaleToFill'] }, (host) => {
    const img = document.createElement('img');
    img.alt = '';
    img.addEventListener('load', () => host.emit('load', { width: img.naturalWidth, height: img.naturalHeight }));
    img.addEventListener('error', () => host.emit('error', { errMsg: `GET ${img.src} failed` }));
    host.el.append(img);
    return (d) => {
      const src = d.src ? deps.imageUrl(d.src) : '';
      if (img.getAttribute('src') !== src) img.setAttribute('src', src);
      img.style.objectFit = FIT[d.mode] ?? 'none';
      host.el.setAttribute('mode', d.mode);
    };
  });

  // canvas type="2d": a real canvas, its node given by createSelectorQuery; the mouse draws as a finger would,
  // with touches carrying canvas-relative x and y like WeChat's canvas touch events.
  defineBuiltin('canvas', { type: [String, ''], canvasId: [String, ''] }, (host) => {
    const canvas = document.createElement('canvas');
    host.el.append(canvas);
    const node = Object.assign(canvas, {
      createImage,
      requestAnimationFrame: (cb: FrameRequestCallback) => window.requestAnimationFrame(cb),
      cancelAnimationFrame: (id: number) => window.cancelAnimationFrame(id),
    });
    NODE_OF.set(host.el, node);
    requestAnimationFrame(() => {
      canvas.width = canvas.clientWidth;
      canvas.height = canvas.clientHeight;
    });
    let drawing = false;
    const touch = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      return { identifier: e.pointerId, x: e.clientX - r.left, y: e.clientY - r.top, clientX: e.clientX, clientY: e.clientY, pageX: e.pageX, pageY: e.pageY };
    };
    const send = (name: string, e: PointerEvent, touches: object[]) =>
      exparser.Event.dispatchEvent(
        host.node,
        exparser.Event.create(name, {}, { originalEvent: e, bubbles: true, capturePhase: true, composed: true, extraFields: { touches, changedTouches: [touch(e)] } }),
      );
    canvas.addEventListener('pointerdown', (e) => {
      drawing = true;
      canvas.setPointerCapture(e.pointerId);
      send('touchstart', e, [touch(e)]);
    });
    canvas.addEventListener('pointermove', (e) => drawing && send('touchmove', e, [touch(e)]));
    for (const [type, name] of [['pointerup', 'touchend'], ['pointercancel', 'touchcancel']] as const) {
      canvas.addEventListener(type, (e) => {
        if (!drawing) return;
        drawing = false;
        send(name, e, []);
      });
    }
    return (d) => {
      if (d.type !== '2d') reportProblem(`<canvas> without type="2d" (canvas-id "${d.canvasId}") is not available in the preview`);
    };
  });

  defineBuiltin('navigator', { url: [String, ''], openType: [String, 'navigate'], delta: [Number, 1] }, (host) => {
    host.el.addEventListener('click', () => {
      const d = builtinOf(host.el)?.data ?? {};
      deps.navigate(d.openType, { url: d.url, delta: d.delta });
    });
    return () => undefined;
  });

  defineBuiltin(
    'progress',
    { percent: [Number, 0], showInfo: [Boolean, false], strokeWidth: [null, 6], activeColor: [String, '#09BB07'], backgroundColor: [String, '#EBEBEB'] },
    (host) => {
      const track = document.createElement('div');
      track.className = 'wx-progress__track';
      const bar = document.createElement('div');
      bar.className = 'wx-progress__bar';
      const info = document.createElement('span');
      info.className = 'wx-progress__info';
      track.append(bar);
      host.el.append(track, info);
      host.el.setAttribute('role', 'progressbar');
      return (d) => {
        const percent = Math.max(0, Math.min(100, Number(d.percent) || 0));
        track.style.height = `${Number(d.strokeWidth) || 6}px`;
        track.style.background = d.backgroundColor;
        bar.style.width = `${percent}%`;
        bar.style.background = d.activeColor;
        info.textContent = d.showInfo ? `${percent}%` : '';
        host.el.setAttribute('aria-valuenow', String(percent));
      };
    },
  );
}
