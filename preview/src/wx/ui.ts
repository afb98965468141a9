import { type Options, WxFailure, asyncApi } from './api';

// Toasts, loading, modals and action sheets as plain DOM over the phone frame, and the dialog the other shims use
// where WeChat shows its own screen (choosing a location, the privacy prompt, opening another Mini Program).

export interface DialogButton<T> {
  text: string;
  value: T;
  primary?: boolean;
  color?: string;
}

export interface DialogSpec<T> {
  title?: string;
  /** Text (kept as written, line breaks too) or elements such as inputs. */
  body?: Array<string | HTMLElement>;
  buttons: Array<DialogButton<T>>;
  /** A bottom sheet (action sheet) rather than a centred modal. */
  sheet?: boolean;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A labelled text field for a dialog. */
export function field(label: string, value: string): { row: HTMLElement; input: HTMLInputElement } {
  const row = el('label', 'wx-dialog__field');
  row.append(el('span', 'wx-dialog__label', label));
  const input = el('input', 'wx-dialog__input');
  input.value = value;
  row.append(input);
  return { row, input };
}

export function createUi(overlay: HTMLElement) {
  /** Shows a dialog and resolves with the value of the button pressed. */
  function dialog<T>(spec: DialogSpec<T>): Promise<T> {
    return new Promise((resolve) => {
      const mask = el('div', 'wx-mask');
      const box = el('div', spec.sheet ? 'wx-sheet' : 'wx-modal');
      if (spec.title) box.append(el('div', 'wx-modal__title', spec.title));
      if (spec.body?.length) {
        const body = el('div', 'wx-modal__body');
        for (const part of spec.body) body.append(typeof part === 'string' ? el('div', 'wx-modal__text', part) : part);
        box.append(body);
      }
      const buttons = el('div', spec.sheet ? 'wx-sheet__items' : 'wx-modal__buttons');
      for (const b of spec.buttons) {
        const button = el('button', `wx-dialog__button${b.primary ? ' wx-dialog__button--primary' : ''}`, b.text);
        button.type = 'button';
        if (b.color) button.style.color = b.color;
        button.addEventListener('click', () => {
          mask.remove();
          resolve(b.value);
        });
        buttons.append(button);
      }
      box.append(buttons);
      mask.append(box);
      overlay.append(mask);
      box.querySelector<HTMLElement>('input, textarea')?.focus();
    });
  }

  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  let toast: { node: HTMLElement; loading: boolean } | undefined;
  const hideToast = () => {
    clearTimeout(toastTimer);
    toast?.node.remove();
    toast = undefined;
  };
  /** One toast at a time, as in WeChat: a new toast or loading replaces the old one. */
  const showToast = (title: string, icon: string, mask: boolean, duration: number | undefined, loading: boolean) => {
    hideToast();
    const node = el('div', `wx-toast-layer${mask ? ' wx-toast-layer--mask' : ''}`);
    const box = el('div', `wx-toast${icon === 'none' ? ' wx-toast--text' : ''}`);
    if (icon !== 'none') box.append(el('div', `wx-toast__icon wx-toast__icon--${icon}`, icon === 'success' ? '✓' : icon === 'error' ? '✕' : ''));
    box.append(el('div', 'wx-toast__title', title));
    node.append(box);
    overlay.append(node);
    toast = { node, loading };
    if (duration !== undefined) toastTimer = setTimeout(hideToast, duration);
  };

  return {
    dialog,
    showToast: asyncApi('showToast', (o: Options) => {
      showToast(String(o.title ?? ''), o.icon ?? 'success', !!o.mask, o.duration ?? 1500, false);
      return {};
    }),
    hideToast: asyncApi('hideToast', () => {
      if (toast && !toast.loading) hideToast();
      return {};
    }),
    showLoading: asyncApi('showLoading', (o: Options) => {
      showToast(String(o.title ?? ''), 'loading', !!o.mask, undefined, true);
      return {};
    }),
    hideLoading: asyncApi('hideLoading', () => {
      if (toast?.loading) hideToast();
      return {};
    }),
    showModal: asyncApi('showModal', async (o: Options) => {
      const input = o.editable ? Object.assign(el('textarea', 'wx-dialog__input'), { value: String(o.content ?? ''), placeholder: o.placeholderText ?? '' }) : undefined;
      const confirm = await dialog({
        title: o.title,
        body: input ? [input] : o.content ? [String(o.content)] : [],
        buttons: [
          ...(o.showCancel === false ? [] : [{ text: o.cancelText ?? '取消', value: false, color: o.cancelColor }]),
          { text: o.confirmText ?? '确定', value: true, primary: true, color: o.confirmColor },
        ],
      });
      return { confirm, cancel: !confirm, ...(input ? { content: confirm ? input.value : '' } : {}) };
    }),
    showActionSheet: asyncApi('showActionSheet', async (o: Options) => {
      const items = (o.itemList ?? []) as string[];
      const tapIndex = await dialog({
        title: o.alertText,
        sheet: true,
        buttons: [...items.map((text, i) => ({ text, value: i, color: o.itemColor })), { text: '取消', value: -1 }],
      });
      if (tapIndex < 0) throw new WxFailure('cancel');
      return { tapIndex };
    }),
  };
}

export type Ui = ReturnType<typeof createUi>;
