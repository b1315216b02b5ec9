import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './types.js';

/**
 * What `/` serves when the web app has not been built (`npm run build`): where the API and its
 * documentation are, in Chinese and English. A plain page, no script.
 */
const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>扣费卫士 FeeGuard</title>
<style>
  body { font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
  main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem; line-height: 1.7; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  .card { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
  a { color: #0969da; display: inline-block; min-height: 44px; line-height: 44px; }
  code { background: #eff1f3; padding: .1rem .3rem; border-radius: 4px; }
</style>
</head>
<body><main>
<h1>扣费卫士 FeeGuard</h1>
<p>帮小商户追回被 POS 机服务商悄悄扣走的流量费、服务费、押金和涨价手续费。</p>
<div class="card">
  <p><strong>API 已运行。</strong> 网页版正在开发中；现在可以通过 API 或命令行使用全部功能。</p>
  <p><a href="/api/docs">API 文档 / API documentation</a><br>
  <a href="/api/openapi.json">OpenAPI (JSON)</a><br>
  <a href="/api/channels">投诉渠道知识库 / Complaint channels</a></p>
</div>
<div class="card">
  <p>The API is running. The web app is being built; everything works through the API or the
  command line today: <code>npx feeguard audit statement.csv --contract contract.json</code>.</p>
</div>
</main></body>
</html>
`;

/** The built web app (dist/web) when there is one; the page above otherwise. */
const WEB_ROOT = path.resolve(import.meta.dirname, '../../../web');

export async function homeRoute(app: App): Promise<void> {
  if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(PAGE),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: WEB_ROOT,
    prefix: '/',
    wildcard: false,
    // The build writes `.br` and `.gz` beside every file worth compressing.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', cacheControlFor(file));
    },
  });
  // The app routes in the browser (/cases/…): any other page address gets the app itself.
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply
        .status(404)
        .send({ code: 'FG_ERR_NOT_FOUND', message: { zh: '找不到', en: 'Not found' } });
    }
    return reply.sendFile('index.html');
  });
}

/**
 * Files under assets/ carry a hash of their content in their name, so a browser may keep them
 * for a year without asking; anything else (index.html, which names the current hashes) is
 * checked with the server on every visit.
 */
export function cacheControlFor(file: string): string {
  return /[\\/]assets[\\/]/u.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
