import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

// The platform facts the code must not bet on, each settled against a real environment by `npm run cloud-check`.
// Every check talks to the environment through the same server SDK calls the functions make (database(),
// uploadFile, getTempFileURL), so what it finds is what the functions will meet. Each finding says what was seen,
// and whether the code copes with it (the adapters page until an empty page, detect a taken id by reading back,
// and ask for link lifetimes explicitly, so most answers are informative rather than fatal).

/** The server SDK calls the checks use (wx-server-sdk's `cloud` and @cloudbase/node-sdk's app both have them). */
export interface CheckedCloud {
  database(): {
    collection(name: string): {
      add(options: { data: Record<string, unknown> }): Promise<unknown> | unknown;
      where(query: Record<string, unknown>): {
        limit(n: number): { get(): Promise<{ data: unknown[] }> | unknown };
        remove(): Promise<unknown> | unknown;
      };
    };
  };
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }> | unknown;
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList: { fileID: string; tempFileURL: string; status: number; errMsg?: string }[] }> | unknown;
}

export interface Finding {
  check: string;
  /** 'ok': as the code expects; 'attention': the code copes, but the fact differs from a documented value; 'fail'. */
  verdict: 'ok' | 'attention' | 'fail';
  seen: string;
}

/** The scratch collection the checks write to (created by the cloud-check command, emptied after). */
export const CHECK_COLLECTION = 'cloudCheck';
const CAP_DOCS = 150;
const LINK_SECONDS = 60;

const awaited = <T>(value: Promise<T> | unknown): Promise<T> => Promise.resolve(value as Promise<T>);

function status(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = (url.startsWith('https:') ? httpsRequest : httpRequest)(url, { method: 'GET' }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer from ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

const errorText = (error: unknown): string => {
  const e = (error ?? {}) as { errCode?: unknown; code?: unknown; errMsg?: unknown; message?: unknown };
  return `errCode ${String(e.errCode ?? e.code ?? '?')}: ${String(e.errMsg ?? e.message ?? error)}`;
};

export async function checkQueryCap(cloud: CheckedCloud): Promise<Finding> {
  const docs = cloud.database().collection(CHECK_COLLECTION);
  await awaited(docs.where({ kind: 'cap' }).remove());
  for (let start = 0; start < CAP_DOCS; start += 25) {
    await Promise.all(Array.from({ length: Math.min(25, CAP_DOCS - start) }, (_, i) => awaited(docs.add({ data: { kind: 'cap', seq: start + i } }))));
  }
  const { data } = await awaited<{ data: unknown[] }>(docs.where({ kind: 'cap' }).limit(1000).get());
  await awaited(docs.where({ kind: 'cap' }).remove());
  const seen = `a query with limit(1000) over ${CAP_DOCS} documents answered ${data.length}`;
  if (data.length === CAP_DOCS) return { check: 'per-query cap', verdict: 'ok', seen: `${seen} (the cap is above ${CAP_DOCS}; 1000 per the limit reference)` };
  return { check: 'per-query cap', verdict: 'attention', seen: `${seen}: the cap is ${data.length}; the adapters page on until an empty page, so nothing is cut` };
}

export async function checkDuplicateId(cloud: CheckedCloud): Promise<Finding> {
  const docs = cloud.database().collection(CHECK_COLLECTION);
  const id = `dup-${Date.now()}`;
  await awaited(docs.add({ data: { _id: id, kind: 'dup' } }));
  try {
    await awaited(docs.add({ data: { _id: id, kind: 'dup' } }));
    return { check: 'duplicate _id', verdict: 'fail', seen: 'a second insert with the same _id was accepted: insert-if-absent (request ids, evidence places) does not hold' };
  } catch (error) {
    const { data } = await awaited<{ data: unknown[] }>(docs.where({ _id: id }).limit(1).get());
    if (data.length !== 1) return { check: 'duplicate _id', verdict: 'fail', seen: `refused (${errorText(error)}) but the first document cannot be read back` };
    return { check: 'duplicate _id', verdict: 'ok', seen: `refused with ${errorText(error)}; the adapter reads the document back, whatever the text` };
  } finally {
    await awaited(docs.where({ kind: 'dup' }).remove());
  }
}

/** `wait` lets the clock pass (a real sleep against a real environment). */
export async function checkLinkLifetime(cloud: CheckedCloud, wait: (ms: number) => Promise<void>): Promise<Finding> {
  const { fileID } = await awaited<{ fileID: string }>(cloud.uploadFile({ cloudPath: `system/cloud-check/link-${Date.now()}.txt`, fileContent: Buffer.from('cloud-check') }));
  const { fileList } = await awaited<{ fileList: { tempFileURL: string; status: number }[] }>(cloud.getTempFileURL({ fileList: [{ fileID, maxAge: LINK_SECONDS }] }));
  const link = fileList[0]!;
  if (link.status !== 0) return { check: 'temporary link lifetime', verdict: 'fail', seen: `getTempFileURL answered status ${link.status} for a file just uploaded` };
  const fresh = await status(link.tempFileURL);
  await wait((LINK_SECONDS + 15) * 1000);
  const later = await status(link.tempFileURL);
  // The host the Mini Program downloads from: it must be in the downloadFile domain list of the Mini Program's console.
  const seen = `a link asked for ${LINK_SECONDS} s answered HTTP ${fresh} at once and HTTP ${later} ${LINK_SECONDS + 15} s later`
    + ` (download domain for the whitelist: ${new URL(link.tempFileURL).origin})`;
  if (fresh !== 200) return { check: 'temporary link lifetime', verdict: 'fail', seen };
  if (later === 200) return { check: 'temporary link lifetime', verdict: 'attention', seen: `${seen}: maxAge is not honoured as a limit; links live longer than asked` };
  return { check: 'temporary link lifetime', verdict: 'ok', seen: `${seen}: maxAge is honoured` };
}

export async function checkMissingFile(cloud: CheckedCloud): Promise<Finding> {
  const { fileID } = await awaited<{ fileID: string }>(cloud.uploadFile({ cloudPath: 'system/file-id-probe', fileContent: Buffer.from('probe') }));
  const missing = fileID.replace(/system\/file-id-probe$/, `system/cloud-check/missing-${Date.now()}.txt`);
  const { fileList } = await awaited<{ fileList: { status: number; errMsg?: string; tempFileURL: string }[] }>(cloud.getTempFileURL({ fileList: [{ fileID: missing, maxAge: LINK_SECONDS }] }));
  const answer = fileList[0]!;
  if (answer.status === -503003) return { check: 'stat of a missing file', verdict: 'ok', seen: 'getTempFileURL answers status -503003 (STORAGE_FILE_NONEXIST), as the Files adapter expects' };
  const http = answer.tempFileURL ? await status(answer.tempFileURL) : 0;
  return {
    check: 'stat of a missing file',
    verdict: http === 404 ? 'attention' : 'fail',
    seen: `getTempFileURL answered status ${answer.status} (${answer.errMsg ?? ''}) and its link HTTP ${http}${http === 404 ? ': the adapter takes the 404 as missing' : ''}`,
  };
}

export async function runPlatformChecks(cloud: CheckedCloud, wait: (ms: number) => Promise<void>): Promise<Finding[]> {
  const findings: Finding[] = [];
  const checks: [string, () => Promise<Finding>][] = [
    ['per-query cap', () => checkQueryCap(cloud)],
    ['duplicate _id', () => checkDuplicateId(cloud)],
    ['stat of a missing file', () => checkMissingFile(cloud)],
    ['temporary link lifetime', () => checkLinkLifetime(cloud, wait)],
  ];
  for (const [check, run] of checks) {
    try {
      findings.push(await run());
    } catch (error) {
      findings.push({ check, verdict: 'fail', seen: `the check itself failed: ${errorText(error)}` });
    }
  }
  return findings;
}
