// WOFF 1.0 → TrueType/OpenType bytes. resvg reads only sfnt fonts, and the repo's fonts come from
// @fontsource as WOFF/WOFF2; WOFF 1 is the same tables, each zlib-compressed, so Node's zlib
// unpacks it (WOFF 2 would need a Brotli + glyph-transform decoder). Build time only.
import { inflateSync } from 'node:zlib';

const WOFF = 0x774f4646; // 'wOFF'
const HEADER = 44;
const ENTRY = 20;

/** The sfnt font inside a WOFF 1.0 file; `label` names the file in errors. */
export function woffToSfnt(woff: Uint8Array, label: string): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < HEADER || view.getUint32(0) !== WOFF) throw new Error(`${label}: not a WOFF 1.0 font`);
  const flavor = view.getUint32(4);
  const count = view.getUint16(12);
  if (HEADER + count * ENTRY > woff.byteLength) throw new Error(`${label}: truncated table directory`);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = HEADER + i * ENTRY;
    const [tag, offset, packed, size, checksum] = [0, 4, 8, 12, 16].map((o) => view.getUint32(at + o)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    if (offset + packed > woff.byteLength) throw new Error(`${label}: table ${i} runs past the end of the file`);
    const raw = woff.subarray(offset, offset + packed);
    const data = packed < size ? new Uint8Array(inflateSync(raw)) : raw;
    if (data.byteLength !== size) throw new Error(`${label}: table ${i} unpacks to ${data.byteLength} bytes, not ${size}`);
    return { tag, checksum, data };
  });
  // sfnt: offset table, table records, then each table on a 4-byte boundary.
  const padded = (n: number) => (n + 3) & ~3;
  const out = new Uint8Array(12 + 16 * count + tables.reduce((sum, t) => sum + padded(t.data.byteLength), 0));
  const w = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(Math.max(1, count)));
  w.setUint32(0, flavor);
  w.setUint16(4, count);
  w.setUint16(6, power * 16);
  w.setUint16(8, Math.log2(power));
  w.setUint16(10, count * 16 - power * 16);
  let offset = 12 + 16 * count;
  tables.forEach((t, i) => {
    const at = 12 + 16 * i;
    w.setUint32(at, t.tag);
    w.setUint32(at + 4, t.checksum);
    w.setUint32(at + 8, offset);
    w.setUint32(at + 12, t.data.byteLength);
    out.set(t.data, offset);
    offset += padded(t.data.byteLength);
  });
  return out;
}
