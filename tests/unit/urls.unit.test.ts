// The link checks the components run again where they render a link (Story.svelte's sources,
// Caption.svelte's links): a story JSON made by other means than the loader gets no unsafe href either.
import { describe, expect, it } from 'vitest';
import { isCaptionHref, isWebUrl } from '../../src/story/urls.ts';

const UNSAFE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  ' javascript:alert(1)',
  'data:text/html,x',
  'vbscript:x',
  'file:///etc/passwd',
  'ftp://example.org',
  'https://',
  '//example.org',
  '',
];

describe('links a page may carry', () => {
  it.each(UNSAFE)('refuses %j everywhere', (url) => {
    expect(isWebUrl(url)).toBe(false);
    expect(isCaptionHref(url)).toBe(false);
  });

  it('takes web pages everywhere, mail and sections of the page in captions only', () => {
    expect(['https://example.org/a?b#c', 'HTTP://example.org'].every(isWebUrl)).toBe(true);
    expect(['https://example.org', 'mailto:desk@example.org', '#sources'].every(isCaptionHref)).toBe(true);
    expect(isWebUrl('mailto:desk@example.org')).toBe(false);
    expect(isWebUrl('#sources')).toBe(false);
  });
});
