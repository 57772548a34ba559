// Where a JSON text first goes wrong, in an editor's words. JSON.parse in Node 20 names the token but not its
// position; jsonc-parser gives the offset, and the containers open around it say what was expected there.
import { findNodeAtLocation, printParseErrorCode, visit, type Node as JsonNode } from 'jsonc-parser';

export interface JsonError {
  offset: number;
  message: string;
}

interface Found {
  code: string;
  offset: number;
  length: number;
  close: string | undefined;
}

export function findJsonError(text: string): JsonError | null {
  const open: string[] = []; // closers of the containers around the parser
  const found: Found[] = [];
  visit(
    text,
    {
      onObjectBegin: () => void open.push('}'),
      onArrayBegin: () => void open.push(']'),
      onObjectEnd: () => void open.pop(),
      onArrayEnd: () => void open.pop(),
      onError: (code, offset, length) => void found.push({ code: printParseErrorCode(code), offset, length, close: open.at(-1) }),
    },
    { disallowComments: true },
  );
  return found[0] ? explain(text, found[0], found[1]) : null;
}

function explain(text: string, { code, offset, length, close }: Found, next: Found | undefined): JsonError {
  const raw = text.slice(offset, offset + Math.min(Math.max(length, 1), 20));
  const token = raw === '' ? 'end of file' : raw.startsWith('"') ? raw : `"${raw}"`; // a string token brings its own quotes
  const at = (message: string, where = offset) => ({ offset: where, message });
  // String errors come at the string's start: point at the offending character, past the valid escapes.
  const body = text.slice(offset, offset + length).replace(/\\(?:["\\/bfnrt]|u[\da-fA-F]{4})/g, (m) => '_'.repeat(m.length));
  const inString = (index: number, message: string) => at(message, offset + Math.max(0, index));
  const afterComma = text.slice(0, offset).trimEnd().endsWith(',') && /[\]}]/.test(text[offset] ?? '');
  switch (code) {
    case 'ValueExpected':
    case 'PropertyNameExpected':
      if (afterComma) return at(`trailing comma before "${text[offset]}": remove the comma`);
      return at(code === 'ValueExpected' ? `expected a value, found ${token}` : `expected a "quoted" key, found ${token}`);
    case 'ColonExpected':
      return at(`expected ":" after the key, found ${token}`);
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected': {
      // The parser reports a missing closer after leaving its container.
      const closer = code === 'CloseBraceExpected' ? '}' : code === 'CloseBracketExpected' ? ']' : close;
      return at(`expected "," or "${closer}" in ${closer === '}' ? 'an object' : 'a list'}, found ${token}`);
    }
    case 'UnexpectedEndOfString':
      return offset + length >= text.length
        ? at('unterminated string', text.length)
        : at('unescaped line break in a string; write \\n, or close the string with "', offset + length);
    case 'InvalidCharacter':
      return inString(
        body.split('').findIndex((c) => c < ' '),
        'unescaped control character (a tab?) in a string; write e.g. \\t',
      );
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return inString(body.indexOf('\\'), 'invalid escape in a string; write \\\\ for a backslash, \\u00e9 for "é"');
    case 'InvalidCommentToken':
      return at('comments are not allowed in JSON');
    case 'InvalidSymbol':
    case 'EndOfFileExpected': {
      if (next?.code === 'PropertyNameExpected') return at(`expected a "quoted" key, found ${token}`);
      const ended = close === undefined && text.slice(0, offset).trim() !== ''; // outside every container, after a value
      return at(`unexpected ${token}${ended ? ' after the end of the data' : ''}`);
    }
    default:
      return at(`invalid number ${token}`);
  }
}

/**
 * Offset of the first "[" or "{" nested more than `max` deep, or null. Checked before JSON.parse:
 * data nested 200,000 deep parses, then crashes whatever walks it (JSON.stringify in the build).
 */
export function tooDeep(text: string, max: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if (c === ']' || c === '}') depth--;
  }
  return null;
}

/** Offset of the value at `path` in a JSON text, or of the deepest part of the path that exists. */
export function jsonOffset(tree: JsonNode | undefined, path: readonly (string | number)[]): number {
  for (let n = path.length; n >= 0 && tree; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n) as (string | number)[]);
    if (node) return node.offset;
  }
  return 0;
}
