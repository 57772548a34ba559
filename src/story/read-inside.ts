// Reads a file a story script names, only when it is a regular file inside the story folder and
// small enough to check: a path with "..", or a symlink out of story/, would publish whatever it
// points at (the build bundles every data file); /dev/zero or a folder would hang or crash the check.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import { count, LIMITS } from './limits.ts';
import type { Unreadable } from './load.ts';
import { decodeText } from './source-text.ts';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The bytes of `relative` under `root`, null when there is no such file, or why it is not read. */
export function readBytesInside(root: string, relative: string, maxBytes: number): Uint8Array | null | Unreadable {
  if (isAbsolute(relative) || relative.split(/[/\\]/).includes('..'))
    return { problem: 'the path leaves the story folder: name a file under data/, without ".."' };
  const path = resolve(root, relative);
  if (!existsSync(path)) return null;
  const real = realpathSync(path);
  if (!real.startsWith(realpathSync(root) + sep))
    return { problem: 'links to a file outside the story folder (a symlink?): copy the file into data/ instead' };
  const stats = statSync(real);
  if (stats.isDirectory()) return { problem: 'is a folder, not a file' };
  if (!stats.isFile()) return { problem: 'is not a regular file' };
  if (stats.size > maxBytes) return { problem: `is ${mb(stats.size)}, more than the ${mb(maxBytes)} allowed (${count(stats.size)} bytes)` };
  return readFileSync(real);
}

/** A data file's text, decoded as UTF-8 (an encoding problem is placed in the file). */
export function readInside(root: string, relative: string): string | null | Unreadable {
  const bytes = readBytesInside(root, relative, LIMITS.dataFileBytes);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const decoded = decodeText(bytes);
  return 'text' in decoded ? decoded.text : { problem: decoded.message, at: { text: new TextDecoder().decode(bytes), offset: decoded.offset } };
}
