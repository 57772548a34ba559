// What link previews read: the Open Graph and Twitter tags of the story's page, and one small
// page per step (s/<step-id>/) carrying that step's card, which sends people on to the story at
// that step at once. Crawlers run no script and drop #fragments: a page per step is the only
// way a link to one step can preview that step. Pure: HTML out.
import { esc } from '../map/static/static-svg.ts';
import { CARD } from './card.ts';

export interface Preview {
  title: string;
  description: string;
  /** the page's own address (absolute when the site's address is known) */
  url: string;
  image: { url: string; alt: string };
}

const meta = (key: 'property' | 'name', name: string, content: string) => `<meta ${key}="${name}" content="${esc(content)}" />`;

/** The tags a link preview is drawn from. */
export function previewTags(p: Preview): string {
  return [
    meta('property', 'og:type', 'article'),
    meta('property', 'og:title', p.title),
    meta('property', 'og:description', p.description),
    meta('property', 'og:url', p.url),
    meta('property', 'og:image', p.image.url),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', String(CARD.width)),
    meta('property', 'og:image:height', String(CARD.height)),
    meta('property', 'og:image:alt', p.image.alt),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', p.title),
    meta('name', 'twitter:description', p.description),
    meta('name', 'twitter:image', p.image.url),
    meta('name', 'twitter:image:alt', p.image.alt),
  ].join('\n    ');
}

export interface StepPage extends Preview {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** the story at this step: canonical address, the redirect's target and the link */
  story: string;
  /** the link's words */
  link: string;
}

/**
 * A step's page: its preview tags, a canonical link to the story at the step, a redirect there
 * with no script (a strict CSP allows it), and the same as a visible link for browsers that do not follow it.
 */
export function stepPage(p: StepPage): string {
  return `<!doctype html>
<html lang="${esc(p.lang)}" dir="${p.dir}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${esc(p.title)}</title>
    <meta name="description" content="${esc(p.description)}" />
    <link rel="canonical" href="${esc(p.story)}" />
    <meta http-equiv="refresh" content="0; url=${esc(p.story)}" />
    ${previewTags(p)}
  </head>
  <body>
    <p><a href="${esc(p.story)}">${esc(p.link)}</a></p>
  </body>
</html>
`;
}
