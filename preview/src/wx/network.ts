import type { Callbacks, Options } from './api';

// wx.request as fetch. The preview is served by the local runtime it talks to, so there is no cross-origin step.

interface RequestResult {
  statusCode: number;
  data: unknown;
  header: Record<string, string>;
  errMsg: string;
}

function body(method: string, data: unknown, contentType: string): string | undefined {
  if (method === 'GET' || data === undefined) return undefined;
  if (typeof data === 'string') return data;
  if (/x-www-form-urlencoded/i.test(contentType)) return new URLSearchParams(data as Record<string, string>).toString();
  return JSON.stringify(data);
}

export function request(o: Options & Callbacks<RequestResult>) {
  const controller = new AbortController();
  const method = String(o.method ?? 'GET').toUpperCase();
  const header: Record<string, string> = { 'content-type': 'application/json', ...(o.header ?? {}) };
  const contentType = Object.entries(header).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  const url = new URL(o.url, location.href);
  if (method === 'GET' && o.data && typeof o.data === 'object') {
    for (const [key, value] of Object.entries(o.data as Record<string, unknown>)) url.searchParams.set(key, String(value));
  }
  const timer = setTimeout(() => controller.abort(), o.timeout ?? 60_000);
  fetch(url, { method, headers: header, body: body(method, o.data, contentType), signal: controller.signal })
    .then(async (res) => {
      const text = await res.text();
      let data: unknown = text;
      if ((o.dataType ?? 'json') === 'json') {
        try {
          data = JSON.parse(text);
        } catch {
          // WeChat hands over the text when it is not JSON.
        }
      }
      const result: RequestResult = { statusCode: res.status, data, header: Object.fromEntries(res.headers.entries()), errMsg: 'request:ok' };
      o.success?.(result);
      o.complete?.(result);
    })
    .catch((e: Error) => {
      const error = { errMsg: `request:fail ${controller.signal.aborted ? 'timeout' : e.message}` };
      o.fail?.(error);
      o.complete?.(error);
    })
    .finally(() => clearTimeout(timer));
  return { abort: () => controller.abort() };
}
