// A step's one-line summary, for its share card and the text a share sheet sends: the script's
// `share:` when it has one, else the caption's first sentence.
import { plainText, type Block } from './markup.ts';

/**
 * The first sentence of `text`: up to a full stop, question or exclamation mark (and any closing
 * quote) followed by a space and a capital, a digit, an opening quote or an Arabic letter (Arabic
 * has no capitals). The whole text when there is none.
 */
export function firstSentence(text: string): string {
  const end = /[.!?؟][”’"')»]?(?=\s+[\p{Lu}\p{N}“‘"(«\p{Script=Arabic}])/u.exec(text);
  return (end ? text.slice(0, end.index + end[0].length) : text).trim();
}

/**
 * The caption's first sentence, within its first paragraph; a paragraph that introduces a quote
 * ("…said:") runs on into the quote's words, without the attribution the lead-in already gives.
 */
export function captionSummary(blocks: readonly Block[]): string {
  const [first, next] = blocks;
  if (!first) return '';
  const lead = plainText([first]);
  const quoted = first.t === 'p' && next?.t === 'quote' && /:\s*$/.test(lead) ? ` ${plainText(next.c)}` : '';
  return firstSentence(`${lead}${quoted}`);
}
