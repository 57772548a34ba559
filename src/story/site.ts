// The site's public address (the English page's), from VITE_SITE_URL at build time: share previews
// need absolute addresses for their images, and search engines absolute hreflang alternates.
// Shared by the build and `npm run check`.

/** The address with one trailing slash, or null when unset; a malformed one is an error that says so. */
export function siteAddress(value: string | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`VITE_SITE_URL must be the site's full address, e.g. https://example.org/qalamoun/ (got "${text}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`VITE_SITE_URL must start with https:// (got "${text}")`);
  if (url.search || url.hash) throw new Error(`VITE_SITE_URL must have no ?query or #fragment (got "${text}")`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
