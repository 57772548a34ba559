// Reads a script's YAML: its tokens, from the YAML library's lexer, are checked before the parser
// builds anything, then handed to the parser (lexing once, not twice). The checks:
// - how deep it nests: the parser recurses once a level, so "[[[[…" or "- - - …" 400,000 deep ran
//   for seconds to minutes (one error a level) before overflowing the stack; a story needs a few;
// - the aliases, anchors and tags it uses, which story scripts refuse: an unquoted caption that
//   starts with *emphasis* is an alias (the parser throws "Unresolved alias"), one that starts with
//   &word or !word loses that word to an anchor or a tag, and aliases are how an alias bomb makes a
//   tiny file expand to gigabytes. Outside quotes and block text, only these tokens start with *, & or !.
import { Composer, Lexer, Parser, YAMLParseError, type Document, type LineCounter } from 'yaml';

export interface TokenProblem {
  offset: number;
  message: string;
}

// The lexer's own markers (document, flow end, scalar) take no room in the text.
const MARKERS = new Set(['\x02', '\x18', '\x1f']);
/** "- " or "? " items that open on one line: "- - x" is a list in a list; a script needs one. */
const ITEMS_PER_LINE = 8;

const FEATURES: Record<string, { what: string; plural: string; drops: boolean }> = {
  '*': { what: 'alias', plural: 'aliases', drops: false },
  '&': { what: 'anchor', plural: 'anchors', drops: true },
  '!': { what: 'tag', plural: 'tags', drops: true },
};

function refusal(token: string, key: string | undefined): string {
  const { what, plural, drops } = FEATURES[token[0]!]!;
  const caption = key === 'caption' || key === 'method';
  const lost = drops ? `, and "${token}" would be dropped from the text` : ` ("${token}")`;
  // For a caption, a | block also keeps its line breaks.
  return `quote the ${caption ? 'caption' : 'value'} or start it with a word: \`${token[0]}\` starts a YAML ${what} here${lost}; story scripts use no ${plural}${caption ? ' (a | block is the usual cure)' : ''}`;
}

/** The first nesting problem (reading stops there), and every alias, anchor and tag before it; `tokens` gets the tokens read. */
function check(lexed: Iterable<string>, maxDepth: number, tokens: string[]): { nesting: TokenProblem | null; refused: TokenProblem[] } {
  const refused: TokenProblem[] = [];
  let [offset, depth, items] = [0, 0, 0];
  let [scalar, key] = ['', undefined as string | undefined]; // the last plain word, and the key of this line
  // Tokens are kept for the parser as they are read, so reading stops at the first level too deep.
  for (const token of lexed) {
    tokens.push(token);
    if (token === '[' || token === '{') {
      if (++depth > maxDepth)
        return { nesting: { offset, message: `lists and mappings nested more than ${maxDepth} deep: a story needs a few levels` }, refused };
    } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
    else if (token === '\n' || token === '\r\n') [items, key] = [0, undefined];
    else if ((token === '-' || token === '?') && ++items > ITEMS_PER_LINE)
      return { nesting: { offset, message: `more than ${ITEMS_PER_LINE} "${token} " items open on one line: write one item a line` }, refused };
    else if (token === ':') key = scalar;
    else if (token[0]! in FEATURES) refused.push({ offset, message: refusal(token, key) });
    else if (!MARKERS.has(token) && token.trim()) scalar = token;
    if (!MARKERS.has(token)) offset += token.length;
  }
  return { nesting: null, refused };
}

/**
 * The script's document, unless it nests too deep (then null: the parser is not run), with the
 * aliases, anchors and tags to refuse. As the library's parseDocument, fed the tokens already read.
 */
export function readYaml(
  text: string,
  maxDepth: number,
  lineCounter: LineCounter,
): { doc: Document.Parsed | null; nesting: TokenProblem | null; refused: TokenProblem[] } {
  const tokens: string[] = [];
  const { nesting, refused } = check(new Lexer().lex(text), maxDepth, tokens);
  if (nesting) return { doc: null, nesting, refused };
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  // logLevel: an unknown tag is refused above, located, instead of as a process warning.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  function* cst() {
    for (const token of tokens) yield* parser.next(token);
    yield* parser.end();
  }
  let doc: Document.Parsed | null = null;
  for (const next of composer.compose(cst(), true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return { doc, nesting: null, refused };
}
