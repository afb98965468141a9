import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { cachedPreviewBuilder } from './build';

// The browser preview's routes on the local runtime: GET / and /preview/ (the page), /preview/app.js (the bundle,
// rebuilt when a source changed) and its source map, /preview/mp/… (images of the Mini Program).

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>远程视频踏勘 · 浏览器预览</title>
<link rel="icon" href="data:,">
</head>
<body>
<div id="preview"></div>
<script src="/preview/app.js"></script>
</body>
</html>
`;

const STATIC_TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml', '.webp': 'image/webp',
};

/** A script that shows a failed build in the page instead of a blank frame. */
const buildFailure = (message: string): string =>
  `document.getElementById('preview').innerHTML = '<pre style="white-space:pre-wrap;color:#ad352f;padding:16px"></pre>';
document.querySelector('#preview pre').textContent = ${JSON.stringify(`预览构建失败 (preview build failed):\n${message}`)};`;

/** Answers the preview's requests; false when the request is not one of them. */
export function previewRoutes(projectRoot: string): (method: string, pathname: string, res: ServerResponse) => Promise<boolean> {
  const bundle = cachedPreviewBuilder(projectRoot);
  const mpRoot = join(projectRoot, 'miniprogram');
  return async (method, pathname, res) => {
    if (method !== 'GET') return false;
    if (pathname === '/' || pathname === '/preview') {
      res.writeHead(302, { Location: '/preview/' });
      res.end();
      return true;
    }
    if (pathname === '/preview/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE);
      return true;
    }
    if (pathname === '/preview/app.js' || pathname === '/preview/app.js.map') {
      let body: string;
      try {
        const built = await bundle();
        body = pathname.endsWith('.map') ? built.map : built.js;
      } catch (e) {
        body = buildFailure((e as Error).message);
      }
      res.writeHead(200, { 'Content-Type': `${pathname.endsWith('.map') ? 'application/json' : 'text/javascript'}; charset=utf-8`, 'Cache-Control': 'no-store' });
      res.end(body);
      return true;
    }
    if (pathname.startsWith('/preview/mp/')) {
      const file = normalize(join(mpRoot, decodeURIComponent(pathname.slice('/preview/mp/'.length))));
      const type = STATIC_TYPES[extname(file).toLowerCase()];
      if (!type || !file.startsWith(mpRoot + sep) || !existsSync(file) || !statSync(file).isFile()) return false;
      res.writeHead(200, { 'Content-Type': type });
      createReadStream(file).pipe(res);
      return true;
    }
    return false;
  };
}
