import { deflateSync, inflateSync } from 'node:zlib';

// What pdf-lib and its PNG and standard-font helpers call of pako, done by Node's own zlib (issue 14): pako's
// JavaScript deflate, cold in a fresh process, took about a fifth of the pdf function's first render (the embedded
// font, the page contents, the signature's pixels). Same format and defaults (zlib wrapper, level 6); the bundle of
// the pdf function takes this module for `pako` (scripts/build.mjs). Anything else of pako's is absent, so a
// pdf-lib that came to need more would fail loudly, not quietly.

export function deflate(data: Uint8Array, options?: { level?: number }): Uint8Array {
  return new Uint8Array(deflateSync(data, options?.level === undefined ? {} : { level: options.level }));
}

export function inflate(data: Uint8Array): Uint8Array {
  return new Uint8Array(inflateSync(data));
}

export default { deflate, inflate };
