import { type Options, WxFailure, asyncApi } from './api';

// wx storage in localStorage, JSON-encoded like WeChat's, under a prefix of its own.

const PREFIX = 'wx:';

export function getStorageSync(key: string): unknown {
  const raw = localStorage.getItem(PREFIX + key);
  return raw === null ? '' : JSON.parse(raw);
}

export function setStorageSync(key: string, value: unknown): void {
  localStorage.setItem(PREFIX + key, JSON.stringify(value));
}

export function removeStorageSync(key: string): void {
  localStorage.removeItem(PREFIX + key);
}

const keys = (): string[] =>
  Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '').filter((k) => k.startsWith(PREFIX)).map((k) => k.slice(PREFIX.length));

export const storage = {
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync: () => keys().forEach(removeStorageSync),
  getStorageInfoSync: () => ({ keys: keys(), currentSize: 0, limitSize: 10240 }),
  getStorage: asyncApi('getStorage', (o: Options) => {
    if (localStorage.getItem(PREFIX + o.key) === null) throw new WxFailure('data not found');
    return { data: getStorageSync(o.key) };
  }),
  setStorage: asyncApi('setStorage', (o: Options) => (setStorageSync(o.key, o.data), {})),
  removeStorage: asyncApi('removeStorage', (o: Options) => (removeStorageSync(o.key), {})),
};
