import { type FakeCanvas, fakeCanvas, selectorQuery } from './fake-canvas';

// A fake `wx` for page tests: records every call, answers from the test, and plays the `api` cloud function
// (local mode: wx.request to /functions/api) and the upload endpoint.

type Options = Record<string, any>;
/** What a fake API answers: a success result, or `fail(errMsg)`. A function gets the call's options. */
export type Answer = unknown | ((options: Options) => unknown);

const FAIL = Symbol('fail');
export const fail = (errMsg: string) => ({ [FAIL]: errMsg });
const failure = (value: unknown): string | undefined => (value && typeof value === 'object' ? (value as any)[FAIL] : undefined);

export interface ApiCall {
  action: string;
  payload: any;
  requestId?: string;
}

/** The `api` function as the tests want it to answer. */
export class FakeServer {
  readonly received: ApiCall[] = [];
  private readonly handlers = new Map<string, (payload: any) => unknown>();

  /** Answers `action` with data (or the function's result, which may be `serverError(...)` or NETWORK_DOWN). */
  on(action: string, reply: unknown): this {
    this.handlers.set(action, typeof reply === 'function' ? (reply as (p: any) => unknown) : () => reply);
    return this;
  }

  /** Refuses `action` with a code and a Chinese message. */
  refuse(action: string, code: string, message: string): this {
    return this.on(action, () => serverError(code, message));
  }

  /** Payloads the page sent for `action`. */
  sent(action: string): any[] {
    return this.received.filter((c) => c.action === action).map((c) => c.payload);
  }

  answer(call: ApiCall): unknown {
    this.received.push(call);
    const handler = this.handlers.get(call.action);
    if (!handler) return { ok: false, code: 'UNKNOWN_ACTION', message: `测试未设置 ${call.action}` };
    const result = handler(call.payload);
    if (result === NETWORK_DOWN) return NETWORK_DOWN;
    return result && typeof result === 'object' && (result as any)[ERROR] ? (result as any)[ERROR] : { ok: true, data: result };
  }
}

const ERROR = Symbol('error');
export const serverError = (code: string, message: string) => ({ [ERROR]: { ok: false, code, message } });
/** A reply that never arrives: the client sees a network failure. */
export const NETWORK_DOWN = Symbol('network down');

export interface FakeWx {
  wx: Options;
  server: FakeServer;
  storage: Map<string, unknown>;
  /** Options of every call to `api`, in order. */
  calls(api: string): Options[];
  answer(api: string, answer: Answer): void;
  /** fileID the upload endpoint gives the n-th upload (from 1). */
  uploads: Array<{ filePath: string; cloudPath: string }>;
  /** Canvases the pages' selector queries found, in order. */
  canvases: FakeCanvas[];
  /** Bytes of local files, for FileSystemManager.open/read (a path not here reads as the text `bytes of <path>`, one byte a character). */
  files: Map<string, Uint8Array>;
}

/** Installs a fresh fake as the global `wx`. */
export function installFakeWx(): FakeWx {
  const log: Array<{ api: string; options: Options }> = [];
  const answers = new Map<string, Answer>();
  const storage = new Map<string, unknown>();
  const server = new FakeServer();
  const uploads: Array<{ filePath: string; cloudPath: string }> = [];
  const canvases: FakeCanvas[] = [];
  const files = new Map<string, Uint8Array>();
  const open = new Map<string, Uint8Array>();

  /** Calls back success/fail (and complete) or settles a promise, like the platform does, a tick later. */
  const settle = (api: string, options: Options, result: unknown) => {
    const errMsg = failure(result);
    const usesCallbacks = ['success', 'fail', 'complete'].some((k) => typeof options[k] === 'function');
    const outcome = errMsg !== undefined ? { errMsg } : { errMsg: `${api}:ok`, ...(result as object) };
    const run = () => {
      if (errMsg !== undefined) options.fail?.(outcome);
      else options.success?.(outcome);
      options.complete?.(outcome);
    };
    if (usesCallbacks) {
      Promise.resolve().then(run);
      return undefined;
    }
    return new Promise((resolve, reject) => Promise.resolve().then(() => (errMsg !== undefined ? reject(outcome) : resolve(outcome))));
  };

  const asyncApi = (api: string, fallback: unknown = {}) => (options: Options = {}) => {
    log.push({ api, options });
    const answer = answers.has(api) ? answers.get(api) : fallback;
    const result = typeof answer === 'function' ? (answer as (o: Options) => unknown)(options) : answer;
    return settle(api, options, result);
  };

  const record = (api: string, value?: (options: any) => unknown) => (options?: any) => {
    log.push({ api, options });
    return value?.(options);
  };

  /** An upload task that reports 50% and 100% before it succeeds. */
  const uploadTask = (api: string, options: Options, finish: () => unknown) => {
    log.push({ api, options });
    let progress: ((r: { progress: number }) => void) | undefined;
    Promise.resolve()
      .then(() => progress?.({ progress: 50 }))
      .then(() => progress?.({ progress: 100 }))
      .then(() => settle(api, options, finish()));
    return { onProgressUpdate: (cb: (r: { progress: number }) => void) => (progress = cb), abort: () => undefined };
  };

  const wx: Options = {
    request: (options: Options) => {
      log.push({ api: 'request', options });
      const event = options.data as ApiCall;
      const reply = server.answer(event);
      const result = reply === NETWORK_DOWN ? fail('request:fail timeout') : { statusCode: 200, data: reply };
      settle('request', options, result);
      return { abort: () => undefined };
    },
    uploadFile: (options: Options) =>
      uploadTask('uploadFile', options, () => {
        uploads.push({ filePath: options.filePath, cloudPath: options.formData?.cloudPath });
        return { statusCode: 200, data: JSON.stringify({ fileID: `local://${options.formData?.cloudPath}` }) };
      }),
    cloud: {
      init: record('cloud.init'),
      callFunction: (options: Options) => {
        log.push({ api: 'cloud.callFunction', options });
        const reply = server.answer(options.data as ApiCall);
        return settle('cloud.callFunction', options, reply === NETWORK_DOWN ? fail('cloud.callFunction:fail timeout') : { result: reply });
      },
      uploadFile: (options: Options) =>
        uploadTask('cloud.uploadFile', options, () => {
          uploads.push({ filePath: options.filePath, cloudPath: options.cloudPath });
          return { fileID: `cloud://env/${options.cloudPath}`, statusCode: 200 };
        }),
      downloadFile: asyncApi('cloud.downloadFile', { tempFilePath: 'wxfile://tmp/download' }),
    },
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    showToast: asyncApi('showToast'),
    showLoading: asyncApi('showLoading'),
    hideLoading: asyncApi('hideLoading'),
    showModal: asyncApi('showModal', { confirm: true, cancel: false }),
    showActionSheet: asyncApi('showActionSheet', { tapIndex: 0 }),
    chooseLocation: asyncApi('chooseLocation', fail('chooseLocation:fail cancel')),
    chooseMessageFile: asyncApi('chooseMessageFile', fail('chooseMessageFile:fail cancel')),
    chooseMedia: asyncApi('chooseMedia', fail('chooseMedia:fail cancel')),
    downloadFile: asyncApi('downloadFile', { statusCode: 200, tempFilePath: 'wxfile://tmp/download' }),
    openDocument: asyncApi('openDocument'),
    shareFileMessage: asyncApi('shareFileMessage'),
    previewImage: asyncApi('previewImage'),
    openSetting: asyncApi('openSetting'),
    openPrivacyContract: asyncApi('openPrivacyContract'),
    getPrivacySetting: asyncApi('getPrivacySetting', { needAuthorization: false, privacyContractName: '《远程视频踏勘小程序隐私保护指引》' }),
    onNeedPrivacyAuthorization: record('onNeedPrivacyAuthorization'),
    navigateTo: asyncApi('navigateTo'),
    redirectTo: asyncApi('redirectTo'),
    switchTab: asyncApi('switchTab'),
    reLaunch: asyncApi('reLaunch'),
    navigateBack: asyncApi('navigateBack'),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle'),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh'),
    pageScrollTo: asyncApi('pageScrollTo'),
    setTabBarBadge: asyncApi('setTabBarBadge'),
    removeTabBarBadge: asyncApi('removeTabBarBadge'),
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', fail('requestSubscribeMessage:fail cancel')),
    createSelectorQuery: selectorQuery(canvases),
    createOffscreenCanvas: (options: Options) => {
      log.push({ api: 'createOffscreenCanvas', options });
      const canvas = Object.assign(fakeCanvas(), { width: options.width, height: options.height });
      canvases.push(canvas);
      return canvas;
    },
    getImageInfo: asyncApi('getImageInfo', { width: 4000, height: 3000 }),
    getLocation: asyncApi('getLocation', { latitude: 39.09012, longitude: 117.31045, accuracy: 15 }),
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getWindowInfo: () => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 667 }),
    canvasToTempFilePath: asyncApi('canvasToTempFilePath', { tempFilePath: 'wxfile://tmp/signature.png' }),
    getFileSystemManager: () => ({
      getFileInfo: asyncApi('getFileInfo', { size: 4096 }),
      open: (options: Options) => {
        const fd = `fd-${open.size + 1}`;
        open.set(fd, files.get(options.filePath) ?? Uint8Array.from(`bytes of ${options.filePath}`, (c) => c.charCodeAt(0) & 0xff));
        settle('open', options, { fd });
      },
      read: (options: Options) => {
        const bytes = open.get(options.fd)!;
        const chunk = bytes.subarray(options.position, options.position + options.length);
        new Uint8Array(options.arrayBuffer).set(chunk);
        log.push({ api: 'fs.read', options: { fd: options.fd, position: options.position, length: options.length } });
        settle('read', options, { bytesRead: chunk.length, arrayBuffer: options.arrayBuffer });
      },
      close: (options: Options) => void open.delete(options.fd),
      writeFile: asyncApi('writeFile', {}),
    }),
    setClipboardData: asyncApi('setClipboardData'),
    navigateToMiniProgram: asyncApi('navigateToMiniProgram'),
  };

  (globalThis as any).wx = wx;
  return {
    wx,
    server,
    storage,
    uploads,
    canvases,
    files,
    calls: (api) => log.filter((c) => c.api === api).map((c) => c.options),
    answer: (api, answer) => void answers.set(api, answer),
  };
}
