import { reportProblem } from '../problems';
import { type Callbacks, type Options, type WxError, WxFailure, asyncApi } from './api';
import type { Privacy } from './privacy';

// Files: what WeChat keeps as temporary files (`wxfile://tmp_…`, the paths chooseMessageFile, chooseMedia,
// downloadFile and canvasToTempFilePath give, and files written under USER_DATA_PATH) are Blobs here, under
// paths of the same shape, so a page can read the extension as it does on a phone. Choosing goes through a file
// input; uploading is a multipart POST; images and canvases read the Blobs through object URLs.

interface TempFile {
  blob: Blob;
  name: string;
  url?: string;
}

const tempFiles = new Map<string, TempFile>();
/** Files opened with FileSystemManager.open, by descriptor. */
const openFiles = new Map<string, Blob>();
let descriptors = 0;
let sequence = 0;

const extensionOf = (name: string): string => /\.[A-Za-z0-9]+$/.exec(name)?.[0].toLowerCase() ?? '';

export function saveTempFile(blob: Blob, name: string): string {
  const path = `wxfile://tmp_${Date.now().toString(36)}${++sequence}${extensionOf(name)}`;
  tempFiles.set(path, { blob, name });
  return path;
}

/** wx.env.USER_DATA_PATH: files a page writes itself live under it, as temporary files do. */
export const USER_DATA_PATH = 'wxfile://usr';

/** An image whose `src` may be a temporary file path, like the image a canvas's createImage gives in WeChat. */
export function createImage(): HTMLImageElement {
  const image = new Image();
  const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
  Object.defineProperty(image, 'src', { get: () => src.get!.call(image), set: (value: string) => src.set!.call(image, fileUrl(value)) });
  return image;
}

/** The bytes of wx's writeFile data: base64 or text, or an ArrayBuffer. */
function bytesOf(data: string | ArrayBuffer, encoding: string | undefined): BlobPart {
  if (typeof data !== 'string') return data;
  if (encoding === 'base64') return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return data;
}

function tempFile(path: string): TempFile {
  const file = tempFiles.get(path);
  if (!file) throw new WxFailure(`file not found: ${path}`);
  return file;
}

/** A URL the browser can load for a temporary file path, or the path itself when it is not one. */
export function fileUrl(path: string): string {
  const file = tempFiles.get(path);
  if (!file) return path;
  file.url ??= URL.createObjectURL(file.blob);
  return file.url;
}

/** Opens the browser's file chooser; fails with 'cancel' when the user closes it. */
function chooseFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => reject(new WxFailure('cancel')));
    input.click();
  });
}

const kindOf = (file: File): 'image' | 'video' | 'file' => (file.type.startsWith('image/') ? 'image' : file.type.startsWith('video/') ? 'video' : 'file');

/** The file APIs; choosing files is a privacy API and waits for the user's consent. */
export const createFiles = (privacy: Privacy) => ({
  chooseMessageFile: asyncApi('chooseMessageFile', async (o: Options) => {
    const extensions = (o.extension ?? []) as string[];
    const accept = extensions.length ? extensions.map((e) => `.${e.replace(/^\./, '')}`).join(',') : o.type === 'image' ? 'image/*' : o.type === 'video' ? 'video/*' : '';
    const chosen = (await privacy.gate(() => chooseFiles(accept, (o.count ?? 1) > 1))).slice(0, o.count ?? 1);
    return { tempFiles: chosen.map((f) => ({ path: saveTempFile(f, f.name), name: f.name, size: f.size, type: kindOf(f), time: Math.floor(f.lastModified / 1000) })) };
  }),

  chooseMedia: asyncApi('chooseMedia', async (o: Options) => {
    const types = (o.mediaType ?? ['image', 'video']) as string[];
    const accept = types.map((t) => (t === 'mix' ? 'image/*,video/*' : `${t}/*`)).join(',');
    const chosen = (await privacy.gate(() => chooseFiles(accept, (o.count ?? 9) > 1))).slice(0, o.count ?? 9);
    return {
      type: chosen.every((f) => kindOf(f) === 'image') ? 'image' : 'mix',
      tempFiles: chosen.map((f) => ({ tempFilePath: saveTempFile(f, f.name), size: f.size, fileType: kindOf(f) === 'video' ? 'video' : 'image' })),
    };
  }),

  chooseImage: asyncApi('chooseImage', async (o: Options) => {
    const chosen = (await privacy.gate(() => chooseFiles('image/*', (o.count ?? 9) > 1))).slice(0, o.count ?? 9);
    const tempFilesChosen = chosen.map((f) => ({ path: saveTempFile(f, f.name), size: f.size }));
    return { tempFilePaths: tempFilesChosen.map((f) => f.path), tempFiles: tempFilesChosen };
  }),

  /** A multipart POST with the form fields before the file (the local runtime reads cloudPath first). */
  uploadFile(o: Options & Callbacks<{ statusCode: number; data: string; errMsg: string }>) {
    const progress: Array<(r: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void> = [];
    const xhr = new XMLHttpRequest();
    const finish = (outcome: { statusCode: number; data: string; errMsg: string } | WxError, ok: boolean) => {
      if (ok) o.success?.(outcome as { statusCode: number; data: string; errMsg: string });
      else o.fail?.(outcome);
      o.complete?.(outcome);
    };
    Promise.resolve().then(() => {
      let file: TempFile;
      try {
        file = tempFile(o.filePath);
      } catch (e) {
        return finish({ errMsg: `uploadFile:fail ${(e as Error).message}` }, false);
      }
      const form = new FormData();
      for (const [key, value] of Object.entries((o.formData ?? {}) as Record<string, unknown>)) form.append(key, String(value));
      form.append(o.name, file.blob, file.name);
      xhr.open('POST', o.url);
      for (const [key, value] of Object.entries((o.header ?? {}) as Record<string, string>)) xhr.setRequestHeader(key, value);
      xhr.upload.onprogress = (e) => {
        if (!e.lengthComputable) return;
        for (const listener of progress) listener({ progress: Math.round((e.loaded / e.total) * 100), totalBytesSent: e.loaded, totalBytesExpectedToSend: e.total });
      };
      xhr.onload = () => finish({ statusCode: xhr.status, data: xhr.responseText, errMsg: 'uploadFile:ok' }, true);
      xhr.onerror = () => finish({ errMsg: 'uploadFile:fail network error' }, false);
      xhr.onabort = () => finish({ errMsg: 'uploadFile:fail abort' }, false);
      xhr.send(form);
    });
    return {
      onProgressUpdate: (listener: (typeof progress)[number]) => void progress.push(listener),
      abort: () => xhr.abort(),
    };
  },

  downloadFile(o: Options & Callbacks<{ statusCode: number; tempFilePath: string; errMsg: string }>) {
    const controller = new AbortController();
    const progress: Array<(r: { progress: number }) => void> = [];
    fetch(o.url, { headers: o.header ?? {}, signal: controller.signal })
      .then(async (res) => {
        const name = decodeURIComponent(new URL(o.url, location.href).pathname.split('/').pop() ?? 'download');
        const result = { statusCode: res.status, tempFilePath: saveTempFile(await res.blob(), name), errMsg: 'downloadFile:ok' };
        for (const listener of progress) listener({ progress: 100 });
        o.success?.(result);
        o.complete?.(result);
      })
      .catch((e: Error) => {
        const error = { errMsg: `downloadFile:fail ${e.message}` };
        o.fail?.(error);
        o.complete?.(error);
      });
    return { onProgressUpdate: (listener: (r: { progress: number }) => void) => void progress.push(listener), abort: () => controller.abort() };
  },

  /** WeChat's document reader: here the browser's, in a new tab. */
  openDocument: asyncApi('openDocument', (o: Options) => {
    tempFile(o.filePath);
    window.open(fileUrl(o.filePath), '_blank');
    return {};
  }),

  previewImage: asyncApi('previewImage', (o: Options) => {
    window.open(fileUrl(o.current ?? (o.urls as string[])[0]), '_blank');
    return {};
  }),

  /** The file system: what pages do with temporary files and files they write under USER_DATA_PATH. */
  getFileSystemManager: () => ({
    getFileInfo: asyncApi('getFileInfo', (o: Options) => ({ size: tempFile(o.filePath).blob.size })),
    writeFile: asyncApi('writeFile', (o: Options) => {
      if (!String(o.filePath).startsWith(`${USER_DATA_PATH}/`)) throw new WxFailure(`permission denied, open ${o.filePath}`);
      tempFiles.set(o.filePath, { blob: new Blob([bytesOf(o.data, o.encoding)]), name: String(o.filePath).split('/').pop()! });
      return {};
    }),
    // Reading a file in chunks (the Mini Program hashes captures this way): a descriptor names the file's Blob, and
    // each read is a slice of it, so a large recording is never read whole.
    open: asyncApi('open', (o: Options) => {
      const fd = `fd-${++descriptors}`;
      openFiles.set(fd, tempFile(o.filePath).blob);
      return { fd };
    }),
    read: asyncApi('read', async (o: Options) => {
      const blob = openFiles.get(o.fd);
      if (!blob) throw new WxFailure(`bad file descriptor ${o.fd}`);
      const chunk = new Uint8Array(await blob.slice(o.position, o.position + o.length).arrayBuffer());
      new Uint8Array(o.arrayBuffer as ArrayBuffer).set(chunk);
      return { bytesRead: chunk.length, arrayBuffer: o.arrayBuffer as ArrayBuffer };
    }),
    close: asyncApi('close', (o: Options) => {
      openFiles.delete(o.fd);
      return {};
    }),
  }),

  getImageInfo: asyncApi('getImageInfo', async (o: Options) => {
    const image = createImage();
    await new Promise((loaded, failed) => {
      image.onload = loaded;
      image.onerror = () => failed(new WxFailure('image not found'));
      image.src = o.src;
    });
    return { width: image.naturalWidth, height: image.naturalHeight, path: o.src, orientation: 'up', type: extensionOf(o.src).slice(1) || 'unknown' };
  }),

  /** An offscreen canvas 2D: a canvas that is never shown. */
  createOffscreenCanvas: (o: Options = {}) => Object.assign(document.createElement('canvas'), { width: o.width ?? 300, height: o.height ?? 150, createImage }),

  /** Forwarding a file to a chat: the browser downloads it instead. */
  shareFileMessage: asyncApi('shareFileMessage', (o: Options) => {
    tempFile(o.filePath);
    Object.assign(document.createElement('a'), { href: fileUrl(o.filePath), download: o.fileName ?? tempFile(o.filePath).name }).click();
    return {};
  }),

  /** Canvas 2D only (`{canvas}`); the old `canvasId` API has no canvas here to read. */
  canvasToTempFilePath: asyncApi('canvasToTempFilePath', async (o: Options) => {
    const canvas = o.canvas as HTMLCanvasElement | undefined;
    if (!canvas) {
      reportProblem('wx.canvasToTempFilePath: the preview supports the canvas 2D form ({canvas}) only, not canvasId');
      throw new WxFailure('canvasId is not supported in the preview');
    }
    const type = o.fileType === 'jpg' ? 'image/jpeg' : 'image/png';
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, type, o.quality ?? 1));
    if (!blob) throw new WxFailure('canvas is empty');
    return { tempFilePath: saveTempFile(blob, type === 'image/png' ? 'canvas.png' : 'canvas.jpg') };
  }),
});
