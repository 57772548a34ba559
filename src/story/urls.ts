// The links a story may publish: web pages, e-mail addresses in captions, and sections of this
// page. The schema and the caption parser refuse any other scheme (javascript:, data:, …) at
// build time, and the components check again where they render a link, so a story JSON made by
// other means cannot put one on the page either.
const WEB = /^https?:\/\/[^\s/?#]+\S*$/i;
const MAIL = /^mailto:[^\s@]+@[^\s@]+$/i;
const SECTION = /^#[a-z0-9-]+$/;

/** An address a reader can be sent to from a source list: https:// or http://. */
export const isWebUrl = (url: string): boolean => WEB.test(url);

/** A link target allowed in caption text: a web page, an e-mail address or a section of this page. */
export const isCaptionHref = (href: string): boolean => WEB.test(href) || MAIL.test(href) || SECTION.test(href);
