// How deep a script nests, read from the YAML lexer's tokens before the parser builds anything:
// the parser recurses once per level, so "[[[[…" or "- - - …" 400,000 deep ran for seconds to
// minutes (one error per level) before overflowing the stack. A story needs a few levels.
import { Lexer } from 'yaml';

// The lexer's own markers (document, flow end, scalar) take no room in the text.
const MARKERS = new Set(['\x02', '\x18', '\x1f']);
/** "- " or "? " items that open on one line: "- - x" is a list in a list; a script needs one. */
const ITEMS_PER_LINE = 8;

/** Where the script nests too deep, or null. */
export function nestingProblem(text: string, maxDepth: number): { offset: number; message: string } | null {
  let [offset, depth, items] = [0, 0, 0];
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++depth > maxDepth) return { offset, message: `lists and mappings nested more than ${maxDepth} deep: a story needs a few levels` };
    } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
    else if (token === '\n' || token === '\r\n') items = 0;
    else if ((token === '-' || token === '?') && ++items > ITEMS_PER_LINE)
      return { offset, message: `more than ${ITEMS_PER_LINE} "${token} " items open on one line: write one item a line` };
    if (!MARKERS.has(token)) offset += token.length;
  }
  return null;
}
