// The built pages under a strict CSP (src/ssr/strict-html.ts): style attributes become classes,
// and whatever else such a policy refuses is found.
import { describe, expect, it } from 'vitest';
import { inlineCode, moveStyleAttributes, styleClass } from '../../src/ssr/strict-html.ts';

describe('moveStyleAttributes', () => {
  it('moves each style attribute into a class of its own, shared by equal styles', () => {
    const { html, css } = moveStyleAttributes(
      '<article class="card panel" style="--card-bg: rgb(255 255 255 / 0.97);"><span style="--c: #E69F00;" aria-label="a > b"></span>' +
        '<i style="--c: #E69F00;"></i><b class="" style="">x</b></article><p>style="not an attribute"</p>',
    );
    const card = styleClass('--card-bg: rgb(255 255 255 / 0.97);');
    const key = styleClass('--c: #E69F00;');
    expect(html).toBe(
      `<article class="card panel ${card}"><span class="${key}" aria-label="a > b"></span><i class="${key}"></i><b class="">x</b></article>` +
        '<p>style="not an attribute"</p>',
    );
    expect(css).toBe(`.${card}{--card-bg: rgb(255 255 255 / 0.97);}\n.${key}{--c: #E69F00;}\n`);
    expect(inlineCode(html)).toEqual([]);
  });

  it('unescapes the value and refuses one that could break out of its rule', () => {
    expect(moveStyleAttributes('<i style="font-family: &quot;Noto&quot;"></i>').css).toContain('font-family: "Noto"');
    expect(() => moveStyleAttributes('<i style="color: red} body {display: none"></i>')).toThrow(/cannot become a rule/);
  });
});

describe('inlineCode', () => {
  it('finds what a policy without unsafe-inline refuses', () => {
    const found = inlineCode(
      '<script type="module" src="./a.js"></script><script>x()</script><style>p{}</style>' +
        '<p style="color: red">a</p><button onclick="go()">b</button><a href="javascript:go()">c</a>',
    );
    expect(found).toEqual(['<script>', '<style>', '<p style="color: red">', '<button onclick="go()">', '<a href="javascript:go()">']);
  });
});
