// Advance widths read from a font's own tables (cmap format 4, hmtx), so the cards wrap and cut
// their text where it really runs out of room. Shaping (kerning, Arabic joining forms) is
// ignored: widths come out within a few per cent, which the cards' margins absorb.

/** Width of `text` at 1 px font size; characters the font lacks count as `fallback` em. */
export type Measure = (text: string) => number;

export function fontMeasure(sfnt: Uint8Array, fallback = 0.6): Measure {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const tables = new Map<string, number>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + 16 * i;
    tables.set(String.fromCharCode(...sfnt.subarray(at, at + 4)), view.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`font has no ${tag} table`);
    return at;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const metrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, metrics - 1)) / unitsPerEm;

  // The Unicode BMP subtable (platform 3 encoding 1, or platform 0), format 4: segments of code points.
  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const at = cmap + 4 + 8 * i;
    const [platform, encoding] = [view.getUint16(at), view.getUint16(at + 2)];
    const offset = cmap + view.getUint32(at + 4);
    if ((platform === 3 && encoding === 1) || platform === 0) if (view.getUint16(offset) === 4) sub = offset;
  }
  if (sub < 0) throw new Error('font has no format-4 Unicode cmap');
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  const glyphOf = (code: number): number => {
    for (let s = 0; s < segments; s++) {
      if (code > view.getUint16(ends + 2 * s)) continue;
      const start = view.getUint16(starts + 2 * s);
      if (code < start) return 0;
      const delta = view.getInt16(deltas + 2 * s);
      const range = view.getUint16(ranges + 2 * s);
      if (range === 0) return (code + delta) & 0xffff;
      const glyph = view.getUint16(ranges + 2 * s + range + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const widths = new Map<number, number>();
  const width = (code: number) => {
    let w = widths.get(code);
    if (w === undefined) {
      const glyph = code > 0xffff ? 0 : glyphOf(code);
      w = glyph === 0 ? Number.NaN : advance(glyph);
      widths.set(code, w);
    }
    return w;
  };
  return (text) => {
    let sum = 0;
    for (const ch of text) {
      const w = width(ch.codePointAt(0)!);
      sum += Number.isNaN(w) ? fallback : w;
    }
    return sum;
  };
}

/** One measure over several fonts of a family (its subsets): each character from the first font that has it. */
export function subsetMeasure(fonts: Uint8Array[]): Measure {
  const NONE = -1;
  const each = fonts.map((f) => fontMeasure(f, NONE));
  return (text) => {
    let sum = 0;
    for (const ch of text) {
      const w = each.map((m) => m(ch)).find((v) => v !== NONE);
      sum += w ?? 0.6;
    }
    return sum;
  };
}
