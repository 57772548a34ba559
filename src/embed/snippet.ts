// The code a journalist pastes into an article: the story's frame and the host script.

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * `site`: the story's address (its folder, ending in "/"); `title`: the frame's accessible name;
 * `edition`: the edition's folder under it ("ar/" for the Arabic), the English by default.
 */
export function embedSnippet(site: string, title: string, edition = ''): string {
  const story = new URL(`./${edition}?embed`, site).href;
  const script = new URL('./embed.js', site).href;
  // A screen-high frame until embed.js sizes it: without the script the story scrolls inside it.
  return [
    `<iframe src="${attribute(story)}" data-story-embed title="${attribute(title)}" loading="lazy"`,
    `  style="display:block;width:100%;height:100vh;border:0"></iframe>`,
    `<script src="${attribute(script)}" async></script>`,
  ].join('\n');
}
