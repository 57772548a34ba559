// Adds the embedding files to the built site: `embed.js` (the host script) and `embed.html` (the
// snippet page with its script `embed-page.js`). Each script is compiled on its own into one
// classic, dependency-free file, outside the story's bundle: a host page loads embed.js with a
// plain <script> tag, and a second HTML entry would split the story's chunks (an extra request).
// In dev, Vite serves embed.html from the root as it is, and this plugin serves embed.js.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';

const HOST_SCRIPT = 'src/embed/embed.ts';
const PAGE = 'embed.html';
/** the page's stylesheet, copied as it is (a <style> element would be refused by a strict CSP) */
const PAGE_STYLE = 'embed.css';
const PAGE_SCRIPT = 'src/embed/page.ts';

/** One TypeScript entry compiled to a minified IIFE. */
export async function compileScript(root: string, entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2018',
      minify: true,
      lib: { entry: resolve(root, entry), formats: ['iife'], name: 'storyEmbed', fileName: () => 'out.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk) throw new Error(`${entry} compiled to nothing`);
  return chunk.code;
}

export function embedPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'embed',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle() {
      const tag = `<script type="module" src="/${PAGE_SCRIPT}"></script>`;
      const page = readFileSync(resolve(root, PAGE), 'utf8');
      if (!page.includes(tag)) this.error(`${PAGE} must load its script with ${tag}`);
      const [host, pageScript] = await Promise.all([compileScript(root, HOST_SCRIPT), compileScript(root, PAGE_SCRIPT)]);
      this.emitFile({ type: 'asset', fileName: 'embed.js', source: host });
      this.emitFile({ type: 'asset', fileName: 'embed-page.js', source: pageScript });
      this.emitFile({ type: 'asset', fileName: PAGE_STYLE, source: readFileSync(resolve(root, PAGE_STYLE), 'utf8') });
      this.emitFile({ type: 'asset', fileName: PAGE, source: page.replace(tag, '<script src="./embed-page.js" defer></script>') });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/embed.js') return next();
        compileScript(root, HOST_SCRIPT).then(
          (code) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(code),
          (error: unknown) => next(error),
        );
      });
    },
  };
}
