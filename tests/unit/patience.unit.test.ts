// A file the map needs that never answers ends like one that failed (map/engine/engine.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { LOAD_PATIENCE_MS, loadPatience, patiently } from '../../src/map/engine/engine.ts';

afterEach(() => void delete (globalThis as { __storyLoadPatienceMs?: unknown }).__storyLoadPatienceMs);

describe('patiently', () => {
  it('passes on what arrives in time, and rejects, naming the file, what does not', async () => {
    await expect(patiently(Promise.resolve(7), 'x', 50)).resolves.toBe(7);
    await expect(patiently(Promise.reject(new Error('gone')), 'x', 50)).rejects.toThrow('gone');
    await expect(patiently(new Promise(() => {}), 'The story’s data', 20)).rejects.toThrow('The story’s data did not load within 0.02 s');
  });

  it('waits 12 s unless a test page says otherwise', () => {
    expect(loadPatience()).toBe(LOAD_PATIENCE_MS);
    expect(LOAD_PATIENCE_MS).toBe(12_000);
    Object.assign(globalThis, { __storyLoadPatienceMs: 1500 });
    expect(loadPatience()).toBe(1500);
    Object.assign(globalThis, { __storyLoadPatienceMs: 'soon' });
    expect(loadPatience()).toBe(LOAD_PATIENCE_MS);
  });
});
