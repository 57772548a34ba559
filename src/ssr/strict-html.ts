// The built HTML under a strict Content Security Policy (`script-src 'self'; style-src 'self'`,
// README "Content Security Policy"): such a policy refuses inline scripts, <style> elements and
// `style="…"` attributes. The prerendered page has style attributes wherever a component uses a
// `style:` directive (a card's background, the legend's colour keys); each distinct one becomes a
// class in a stylesheet of its own, so the page looks the same before its script runs, and once
// it hydrates Svelte sets those styles through the CSSOM, which the policy allows.
import { createHash } from 'node:crypto';

/** An opening tag whose attribute values are all double-quoted, as Svelte's server renderer writes them. */
const OPEN_TAG = /<[a-zA-Z][\w-]*(?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*\s*\/?>/g;
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/;
const CLASS_ATTRIBUTE = /\sclass="([^"]*)"/;

const unescapeAttribute = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The class that carries the declarations `style` (the same declarations, the same class). */
export const styleClass = (style: string): string => `s-${createHash('sha256').update(style).digest('hex').slice(0, 10)}`;

/** Moves every `style="…"` attribute of `html` into a class; returns the page and the rules of those classes. */
export function moveStyleAttributes(html: string): { html: string; css: string } {
  const rules = new Map<string, string>();
  const out = html.replace(OPEN_TAG, (tag) => {
    const style = STYLE_ATTRIBUTE.exec(tag);
    if (!style) return tag;
    const declarations = unescapeAttribute(style[1]!).trim();
    if (/[{}<]/.test(declarations)) throw new Error(`A style attribute that cannot become a rule: ${tag}`);
    let stripped = tag.replace(STYLE_ATTRIBUTE, '');
    if (!declarations) return stripped;
    const name = styleClass(declarations);
    rules.set(name, declarations);
    const classes = CLASS_ATTRIBUTE.exec(stripped);
    stripped = classes
      ? stripped.replace(CLASS_ATTRIBUTE, ` class="${classes[1] ? `${classes[1]} ` : ''}${name}"`)
      : stripped.replace(/^<[a-zA-Z][\w-]*/, (open) => `${open} class="${name}"`);
    return stripped;
  });
  const css = [...rules].map(([name, declarations]) => `.${name}{${declarations}}\n`).join('');
  return { html: out, css };
}

/** What a strict policy would refuse in `html`: inline scripts, <style> elements, style and event-handler attributes. */
export function inlineCode(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) if (!/\ssrc=/i.test(tag)) found.push(tag);
  for (const [tag] of html.matchAll(/<style\b[^>]*>/gi)) found.push(tag);
  for (const [tag] of html.matchAll(OPEN_TAG)) {
    if (STYLE_ATTRIBUTE.test(tag) || /\son[a-z]+="/i.test(tag) || /\shref="javascript:/i.test(tag)) found.push(tag);
  }
  return found;
}
