// Caption markup as plain text, apart from the parser (markup.ts) so that the page can use it
// without carrying the Markdown parser.
import type { Block, Inline } from './markup.ts';

const inlineText = (c: Inline[]): string => c.map((n) => (typeof n === 'string' ? n : inlineText(n.c))).join('');
const blockText = (b: Block): string =>
  b.t === 'p' ? inlineText(b.c) : [...b.c.map(blockText), ...(b.by ? [`— ${inlineText(b.by)}`] : [])].join(' ');

/** Text content; blocks (and a quote's paragraphs and attribution) are joined by a space. */
export function plainText(nodes: Block[] | Inline[]): string {
  const isBlocks = (ns: Block[] | Inline[]): ns is Block[] => ns.every((n) => typeof n !== 'string' && (n.t === 'p' || n.t === 'quote'));
  return isBlocks(nodes) ? nodes.map(blockText).join(' ') : inlineText(nodes);
}
