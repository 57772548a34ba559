// Article pages that embed the story, one per way a host may do it. `story`: the story's URL on
// its own origin (serveDir's). Served by serveHostPages.

const article = (n: number, from = 0) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${from + i + 1} of the host's article. The offensive in the Qalamoun mountains drew fighters from both sides of the border, and the reporting here sits around the embedded story the way a newspaper's text would.</p>`,
  ).join('\n');

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="icon" href="data:,">
<style>body{margin:0;font:18px/1.6 Georgia,serif;color:#222} p,h1{max-width:38rem;margin:1em auto;padding:0 1rem}</style>
</head><body><h1>${title}</h1>
${body}
</body></html>`;

export function hostPages(story: string): Record<string, string> {
  const src = `${story}?embed`;
  const frame = (id: string) =>
    `<iframe id="${id}" src="${src}" data-story-embed title="The battle for the barrens" style="display:block;width:100%;height:100vh;border:0"></iframe>`;
  return {
    // The snippet from embed.html, twice, with an unrelated frame (an ad) in between.
    '/embed-js': page(
      'Two stories and embed.js',
      `${article(6)}
${frame('a')}
${article(4, 6)}
<iframe id="ad" title="An advertisement" srcdoc="<p>Advertisement</p>" style="width:300px;height:100px;border:1px solid #ccc"></iframe>
${article(6, 10)}
${frame('b')}
${article(10, 16)}
<script src="${story}embed.js" async></script>
<script src="${story}embed.js" async></script>`,
    ),
    // The snippet once.
    '/embed-js-one': page(
      'One story and embed.js',
      `${article(2)}\n${frame('a')}\n${article(4, 2)}\n<script src="${story}embed.js" async></script>`,
    ),
    // pym.js's auto-init from npm, with scroll tracking, and no embed.js.
    '/pym': page(
      'pym.js',
      `${article(6)}
<div id="pym-story" data-pym-src="${src}" data-pym-trackscroll></div>
${article(10, 6)}
<script src="/pym.v1.js"></script>`,
    ),
    // An AMP-style recorder and Datawrapper's published responsive-embed listener, no embed.js.
    '/listeners': page(
      'AMP and Datawrapper listeners',
      `${article(3)}
<iframe id="story" src="${src}" title="The battle for the barrens" style="display:block;width:100%;height:600px;border:0"></iframe>
${article(6, 3)}
<script>
  window.heights = { amp: [], datawrapper: [] };
  const story = document.getElementById('story');
  addEventListener('message', (e) => {
    if (e.source !== story.contentWindow || typeof e.data !== 'object' || !e.data) return;
    if (e.data.sentinel === 'amp' && e.data.type === 'embed-size') heights.amp.push(e.data.height);
    if (e.data['datawrapper-height']) heights.datawrapper.push(...Object.values(e.data['datawrapper-height']));
  });
</script>
<script>!function(){"use strict";window.addEventListener("message",(function(a){if(void 0!==a.data["datawrapper-height"]){var e=document.querySelectorAll("iframe");for(var t in a.data["datawrapper-height"])for(var r=0;r<e.length;r++)if(e[r].contentWindow===a.source){var i=a.data["datawrapper-height"][t]+"px";e[r].style.height=i}}}))}();</script>`,
    ),
    // A plain frame of fixed height, no script at all.
    '/plain': page(
      'A plain iframe',
      `${article(2)}
<iframe id="story" src="${src}" title="The battle for the barrens" style="display:block;width:100%;height:700px;border:0"></iframe>
${article(6, 2)}`,
    ),
  };
}
