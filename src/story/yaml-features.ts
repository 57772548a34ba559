// YAML features a story script has no use for, refused with their place. An unquoted caption that
// starts with *emphasis* is an alias (the parser throws "Unresolved alias"), one that starts with
// &word or !word loses that word to an anchor or a tag, and aliases are how an alias bomb makes a
// tiny file expand to gigabytes. Refusing all three keeps the text as written and the work bounded.
import { isAlias, isNode, isPair, isScalar, visit, type Document } from 'yaml';

export interface Refused {
  offset: number;
  message: string;
}

const isCaption = (key: unknown) => key === 'caption' || key === 'method';
const cure = (key: unknown) => `quote the ${isCaption(key) ? 'caption' : 'value'} or start it with a word`;
/** For a caption, the cure that also keeps its line breaks. */
const block = (key: unknown) => (isCaption(key) ? ' (a | block is the usual cure)' : '');

/** Aliases, anchors and tags, in document order. */
export function refusedFeatures(doc: Document.Parsed, text: string): Refused[] {
  const out: Refused[] = [];
  visit(doc, (_, node, path) => {
    if (!isNode(node)) return undefined; // a pair's key and value are visited on their own
    const parent = path.at(-1);
    const key = isPair(parent) && isScalar(parent.key) && parent.key !== node ? parent.key.value : undefined;
    const start = node.range?.[0] ?? 0;
    if (isAlias(node)) {
      out.push({
        offset: start,
        message: `${cure(key)}: \`*\` starts a YAML alias here ("*${node.source}"); story scripts use no aliases${block(key)}`,
      });
      return undefined;
    }
    const { anchor, tag } = node;
    if (anchor) {
      out.push({
        offset: Math.max(0, text.lastIndexOf(`&${anchor}`, start)),
        message: `${cure(key)}: \`&\` starts a YAML anchor here, and "&${anchor}" would be dropped from the text; story scripts use no anchors${block(key)}`,
      });
    }
    if (tag) {
      let at = Math.max(0, text.lastIndexOf('!', start));
      while (text[at - 1] === '!') at--; // "!!str": the tag starts at its first "!"
      const written = /^!\S*/.exec(text.slice(at, at + 80))?.[0] ?? '!';
      out.push({
        offset: at,
        message: `${cure(key)}: \`!\` starts a YAML tag here, and "${written}" would be dropped from the text; story scripts use no tags${block(key)}`,
      });
    }
    return undefined;
  });
  return out.sort((a, b) => a.offset - b.offset);
}
