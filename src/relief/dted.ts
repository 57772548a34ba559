// DTED Level 0 elevation cells (MIL-PRF-89020B), decoded and checked: the relief's only input.
// Pure (bytes in, heights out), so the build and the tests read the cells the same way.

/** A 1°×1° cell: posts from its south-west corner, one column per longitude line, south to north. */
export interface DtedCell {
  /** file name, for errors */
  name: string;
  /** south-west corner, degrees */
  west: number;
  south: number;
  /** posts per column (latitude) and columns (longitude) */
  rows: number;
  columns: number;
  /** degrees between posts */
  lonStep: number;
  latStep: number;
  /** metres above sea level, column-major: heights[column * rows + row], row 0 the southernmost */
  heights: Int16Array;
}

/** A post with no data ("null" elevation in the spec). */
export const DTED_VOID = -32767;

const UHL = 80;
const DSI = 648;
const ACC = 2700;
const HEADERS = UHL + DSI + ACC;
/** sentinel, 3-byte block count, 2-byte longitude and latitude counts */
const RECORD_HEAD = 8;
const CHECKSUM = 4;
const SENTINEL = 0xaa;

const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));

/** DDDMMSSH (or DDMMSSH for latitude), hemisphere last, to signed degrees. */
function angle(text: string): number {
  const m = /^(\d{2,3})(\d{2})(\d{2})([NSEW])$/.exec(text);
  if (!m) return NaN;
  const deg = Number(m[1]) + Number(m[2]) / 60 + Number(m[3]) / 3600;
  return m[4] === 'S' || m[4] === 'W' ? -deg : deg;
}

/** An integer field of the header, or NaN when it holds anything else. */
const integer = (text: string) => (/^\d+$/.test(text) ? Number(text) : NaN);

/**
 * Decodes one cell, checking its headers, every record's sentinel, counts and checksum; throws an
 * error naming the file (and column) on anything else than a sound DTED cell.
 */
export function decodeDted(bytes: Uint8Array, name: string): DtedCell {
  const fail = (what: string): never => {
    throw new Error(`${name}: ${what}`);
  };
  if (bytes.length < HEADERS || ascii(bytes, 0, 4) !== 'UHL1') fail('not a DTED file (no UHL1 header)');
  if (ascii(bytes, UHL, 3) !== 'DSI' || ascii(bytes, UHL + DSI, 3) !== 'ACC') fail('not a DTED file (no DSI or ACC header)');
  const west = angle(ascii(bytes, 4, 8));
  const south = angle(ascii(bytes, 12, 8));
  // Intervals are in tenths of an arc second.
  const lonStep = integer(ascii(bytes, 20, 4)) / 36000;
  const latStep = integer(ascii(bytes, 24, 4)) / 36000;
  const columns = integer(ascii(bytes, 47, 4));
  const rows = integer(ascii(bytes, 51, 4));
  if (![west, south, lonStep, latStep, columns, rows].every(Number.isFinite) || !(columns > 1 && rows > 1 && lonStep > 0 && latStep > 0))
    fail('unreadable UHL header (origin, intervals or counts)');
  const record = RECORD_HEAD + 2 * rows + CHECKSUM;
  const expected = HEADERS + columns * record;
  if (bytes.length < expected) fail(`truncated: ${bytes.length} bytes, ${columns} columns of ${rows} posts need ${expected}`);
  if (bytes.length > expected) fail(`${bytes.length - expected} bytes after the last column`);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const heights = new Int16Array(columns * rows);
  for (let column = 0; column < columns; column++) {
    const at = HEADERS + column * record;
    const where = `column ${column}`;
    if (bytes[at] !== SENTINEL) fail(`${where}: no data record sentinel (0x${bytes[at]!.toString(16)} for 0xaa)`);
    const lonCount = view.getUint16(at + 4);
    const latCount = view.getUint16(at + 6);
    if (lonCount !== column || latCount !== 0) fail(`${where}: record counts longitude ${lonCount}, latitude ${latCount}`);
    let sum = 0;
    for (let i = at; i < at + record - CHECKSUM; i++) sum += bytes[i]!;
    const stored = view.getInt32(at + record - CHECKSUM);
    if (stored !== sum) fail(`${where} checksum mismatch (stored ${stored}, computed ${sum})`);
    for (let row = 0; row < rows; row++) {
      // Signed magnitude, not two's complement: the top bit is the sign.
      const raw = view.getUint16(at + RECORD_HEAD + 2 * row);
      heights[column * rows + row] = raw & 0x8000 ? -(raw & 0x7fff) : raw;
    }
  }
  return { name, west, south, rows, columns, lonStep, latStep, heights };
}
