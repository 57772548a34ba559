// A static server for dist/, mounted under a sub-path to prove the build's relative base.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg']);

export interface ServeOptions {
  /**
   * Serve as a production host does (for Lighthouse and the bench): text files compressed when the
   * client accepts it, and the build's hashed files (assets/) cached for good.
   */
  gzip?: boolean;
  /** sent with every file served (a Content-Security-Policy, say) */
  headers?: Record<string, string>;
}

export async function serveDir(
  dir: string,
  base = '/news/2015/qalamoun/',
  { gzip = false, headers = {} }: ServeOptions = {},
): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return void res.writeHead(404).end();
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const sent =
      gzip && path.startsWith(`${base}assets/`) ? { ...headers, 'cache-control': 'public, max-age=31536000, immutable' } : headers;
    if (gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      res.writeHead(200, { ...sent, 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      createReadStream(file).pipe(createGzip()).pipe(res);
    } else {
      res.writeHead(200, { ...sent, 'content-type': type });
      createReadStream(file).pipe(res);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
