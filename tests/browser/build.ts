// Production builds for the browser tests, with exactly the build settings a test asks for: a
// developer's own token (shell or .env.local) must not turn the offline suite into a Mapbox one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InlineConfig } from 'vite';
import { productionBuild } from '../production-build.ts';

/** `config`: for a site other than the story's (a fixture's), Vite settings over the project's. */
export async function buildSite(
  outDir: string,
  env: Record<string, string> = {},
  { manifest = false, config = {} }: { manifest?: boolean; config?: InlineConfig } = {},
): Promise<void> {
  const envDir = mkdtempSync(join(tmpdir(), 'story-env-'));
  writeFileSync(
    join(envDir, '.env'),
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  const inherited = Object.keys(process.env).filter((k) => k.startsWith('VITE_'));
  const saved = inherited.map((k) => [k, process.env[k]] as const);
  for (const k of inherited) delete process.env[k];
  try {
    await productionBuild({ logLevel: 'warn', ...config, envDir, build: { ...config.build, outDir, emptyOutDir: true, manifest } });
  } finally {
    for (const [k, v] of saved) process.env[k] = v;
    rmSync(envDir, { recursive: true, force: true });
  }
}
