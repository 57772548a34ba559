// A second origin for the embedding tests: article pages (HTML given by each test) that embed the
// story served by serveDir. Served as http://localhost:<port>, while serveDir answers on
// 127.0.0.1: another origin, and another site, as a newspaper's page would be.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { StaticServer } from './server.ts';

/** pym.js from npm, as a host page would load it. */
const PYM = readFileSync(createRequire(import.meta.url).resolve('pym.js'), 'utf8');

export async function serveHostPages(pages: Record<string, string>): Promise<StaticServer> {
  const files: Record<string, [string, string]> = { '/pym.v1.js': ['text/javascript', PYM] };
  for (const [path, html] of Object.entries(pages)) files[path] = ['text/html; charset=utf-8', html];
  const server: Server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://localhost:${port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
