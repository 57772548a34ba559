import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDted, DTED_VOID } from '../../src/relief/dted.ts';
import { elevationSampler, extentOf } from '../../src/relief/elevation.ts';

const DIR = join(import.meta.dirname, '../../assets/relief');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.dt0'));
const read = (file: string) => new Uint8Array(readFileSync(join(DIR, file)));
const cells = FILES.map((f) => decodeDted(read(f), f));
const height = elevationSampler(cells);

/** A DTED cell of `heights[column][row]` (south to north) at 36 E, 33 N, 30″ posts, as the spec lays it out. */
function syntheticCell(heights: number[][]): Uint8Array {
  const columns = heights.length;
  const rows = heights[0]!.length;
  const pad = (s: string, n: number) => s.padEnd(n, ' ');
  const count = (v: number) => String(v).padStart(4, '0');
  const uhl = pad(`UHL10360000E0330000N03000300002 U  ${' '.repeat(12)}${count(columns)}${count(rows)}0`, 80);
  const head = uhl + pad('DSIU', 648) + pad('ACC', 2700);
  const record = 8 + 2 * rows + 4;
  const bytes = new Uint8Array(head.length + columns * record);
  for (let i = 0; i < head.length; i++) bytes[i] = head.charCodeAt(i);
  const view = new DataView(bytes.buffer);
  heights.forEach((column, c) => {
    const at = head.length + c * record;
    bytes[at] = 0xaa;
    view.setUint16(at + 4, c);
    view.setUint16(at + 6, 0);
    column.forEach((h, r) => view.setUint16(at + 8 + 2 * r, h < 0 ? 0x8000 | -h : h));
    let sum = 0;
    for (let i = at; i < at + record - 4; i++) sum += bytes[i]!;
    view.setInt32(at + record - 4, sum);
  });
  return bytes;
}

describe('DTED Level 0 cells in assets/relief', () => {
  it('are the six cells of lon 35–38 E, lat 33–35 N, 121 × 121 posts each', () => {
    expect(FILES.sort()).toEqual(['e035_n33.dt0', 'e035_n34.dt0', 'e036_n33.dt0', 'e036_n34.dt0', 'e037_n33.dt0', 'e037_n34.dt0']);
    for (const c of cells) {
      expect([c.rows, c.columns]).toEqual([121, 121]);
      expect(c.lonStep).toBeCloseTo(30 / 3600, 12);
      expect(c.name).toBe(`e0${c.west}_n${c.south}.dt0`);
    }
    expect(extentOf(cells)).toEqual([35, 33, 38, 35]);
  });

  it.each([
    ['Arsal', 36.42, 34.18, 1428],
    ['Zabadani', 36.1, 33.72, 1164],
    ['Yabroud', 36.66, 33.97, 1394],
    ['Tallat Musa', 36.39, 34.07, 2242],
  ])('gives %s (%f E, %f N) its checked height, %i m', (_, lon, lat, metres) => {
    expect(Math.abs(height(lon, lat)! - metres)).toBeLessThan(30);
  });

  it('agrees across the edge two cells share, and has nothing outside them', () => {
    const [west, east] = [cells.find((c) => c.name === 'e035_n34.dt0')!, cells.find((c) => c.name === 'e036_n34.dt0')!];
    expect(Array.from(west.heights.subarray(120 * 121))).toEqual(Array.from(east.heights.subarray(0, 121)));
    expect(height(34.99, 34)).toBeNull();
    expect(height(36, 35.01)).toBeNull();
    expect(height(38, 35)).toBeTypeOf('number');
  });

  it('interpolates between posts, with no step at a post', () => {
    const post = 1 / 120;
    const [a, b] = [height(36.5, 34), height(36.5 + post, 34)];
    expect(height(36.5 + post / 4, 34)).toBeCloseTo(a! * 0.75 + b! * 0.25, 6);
    expect(height(36.5 + post - 1e-9, 34)).toBeCloseTo(b!, 3);
  });
});

describe('decodeDted', () => {
  it('reads signed-magnitude heights (below sea level), column by column from the south', () => {
    const cell = decodeDted(
      syntheticCell([
        [-5, 0, 12],
        [-300, 1, 32767],
      ]),
      'synthetic.dt0',
    );
    expect([cell.west, cell.south, cell.columns, cell.rows]).toEqual([36, 33, 2, 3]);
    expect(Array.from(cell.heights)).toEqual([-5, 0, 12, -300, 1, 32767]);
    expect(elevationSampler([cell])(36 + 1 / 240, 33)).toBeCloseTo(-152.5, 6);
  });

  it('keeps void posts recognisable and samples them as sea level', () => {
    const cell = decodeDted(
      syntheticCell([
        [DTED_VOID, 100],
        [100, 100],
      ]),
      'void.dt0',
    );
    expect(cell.heights[0]).toBe(DTED_VOID);
    expect(elevationSampler([cell])(36, 33)).toBe(0);
  });

  it('rejects a flipped byte with the file, the column and both checksums', () => {
    const bytes = read('e036_n34.dt0');
    const at = 80 + 648 + 2700 + 57 * (8 + 2 * 121 + 4) + 8 + 2 * 60 + 1;
    bytes[at] = bytes[at]! ^ 0x10;
    expect(() => decodeDted(bytes, 'e036_n34.dt0')).toThrow(/^e036_n34\.dt0: column 57 checksum mismatch \(stored \d+, computed \d+\)$/);
  });

  it('rejects a broken record sentinel or count', () => {
    const bytes = syntheticCell([
      [1, 2],
      [3, 4],
    ]);
    bytes[3428 + 16] = 0;
    expect(() => decodeDted(bytes, 'x.dt0')).toThrow('x.dt0: column 1: no data record sentinel');
  });

  it('rejects a truncated file cleanly', () => {
    expect(() => decodeDted(read('e036_n33.dt0').subarray(0, 20_000), 'e036_n33.dt0')).toThrow(
      'e036_n33.dt0: truncated: 20000 bytes, 121 columns of 121 posts need 34162',
    );
    expect(() => decodeDted(read('e036_n33.dt0').subarray(0, 100), 'e036_n33.dt0')).toThrow('e036_n33.dt0: not a DTED file');
  });

  it('rejects a file that is not DTED', () => {
    const json = new Uint8Array(readFileSync(join(import.meta.dirname, '../../package.json')));
    expect(() => decodeDted(json, 'package.json')).toThrow('package.json: not a DTED file (no UHL1 header)');
  });
});
