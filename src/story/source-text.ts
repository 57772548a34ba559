// What a text file must be before it is parsed: UTF-8, without control characters. Editors save
// these by accident (UTF-16 from some Windows editors, a NUL pasted from a PDF); YAML and JSON
// parsers either choke on them without a location or keep them silently in a caption.
import { count } from './limits.ts';

/** Where a text goes wrong: an offset into the decoded text (0 when the whole file is wrong). */
export interface TextProblem {
  offset: number;
  message: string;
}

export function decodeText(bytes: Uint8Array): { text: string } | TextProblem {
  const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // Without a byte-order mark, UTF-16 shows as a NUL after (or before) each ASCII letter.
  const nul16 = bytes.length > 1 && (bytes[0] === 0) !== (bytes[1] === 0);
  if (bom16 || nul16) return { offset: 0, message: 'the file is saved as UTF-16: save it as UTF-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // The lenient decoding puts U+FFFD where the first bad byte was.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    return { offset: Math.max(0, lenient.indexOf('\uFFFD')), message: 'invalid UTF-8 here: save the file as UTF-8' };
  }
}

// C0 controls but tab and line breaks, DEL, C1 controls but NEL, non-characters, unpaired surrogates.
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const CONTROL = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NAMES: Record<string, string> = { '\0': 'NUL', '\x1B': 'ESC', '\x7F': 'DEL' };

/** The first character no editor means to type, with where it is. */
export function controlCharacter(text: string): TextProblem | null {
  const m = CONTROL.exec(text);
  if (!m) return null;
  const code = m[0].charCodeAt(0);
  const name = NAMES[m[0]] ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const what = code >= 0xd800 && code <= 0xdfff ? 'a broken character (half of a surrogate pair)' : `control character ${name}`;
  return { offset: m.index, message: `${what} is not allowed: delete it (most editors do not show it)` };
}

export const tooLong = (what: string, length: number, max: number): string =>
  `${what} has ${count(length)} characters, more than the ${count(max)} allowed: split it or remove what is not needed`;
