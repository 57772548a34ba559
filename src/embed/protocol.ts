// The messages between a story in an iframe and the page that embeds it, in our own format and
// in the formats hosts already speak (pym.js, Datawrapper, AMP). Shared by the host script
// (embed.js, which must stay tiny) and the story. Any window can post anything to any other, so
// every reader here checks the full shape and the range of every number.

/** px: the tallest story a host will size a frame to; more is a bug or an attack */
export const MAX_HEIGHT = 500_000;
/** px: the farthest a frame may sit from the host's viewport (long pages, long stories) */
export const MAX_OFFSET = 10_000_000;
/** px: the tallest viewport a host may report */
export const MAX_VIEWPORT = 20_000;

export const HEIGHT = 'story-embed:height';
export const VIEWPORT = 'story-embed:viewport';
export const SCROLL = 'story-embed:scroll';

/** Where the host's viewport is, seen from the frame: the frame's content top and bottom edges
 * in px from the host viewport's top, and the host viewport's height. */
export interface HostViewport {
  top: number;
  bottom: number;
  height: number;
}

type Data = Record<string, unknown>;
const isData = (d: unknown): d is Data => typeof d === 'object' && d !== null && !Array.isArray(d);
const within = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/** A checked HostViewport, or null when any number is not finite or out of range. */
export function hostViewport(top: unknown, bottom: unknown, height: unknown): HostViewport | null {
  return within(top, -MAX_OFFSET, MAX_OFFSET) && within(bottom, top, top + MAX_HEIGHT) && within(height, 1, MAX_VIEWPORT)
    ? { top, bottom, height }
    : null;
}

const PYM = 'xPYMx';
/** pym.js's wire format: `pymxPYMx<id>xPYMx<type>xPYMx<payload>`. */
export const pymMessage = (id: string, type: string, payload: string) => ['pym', id, type, payload].join(PYM);
/** pym ids are element ids the host chose; anything else in the URL is ignored. */
export const pymId = (raw: string | null): string | null => (raw && /^[\w.:-]{1,100}$/.test(raw) ? raw : null);

const NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;

/** The host's viewport from embed.js's message, or from pym.js's `viewport-iframe-position`
 * (`"<vw> <vh> <top> <left> <bottom> <right>"`) when the story runs under pym id `pym`. */
export function readViewport(data: unknown, pym: string | null): HostViewport | null {
  if (isData(data)) return data.type === VIEWPORT ? hostViewport(data.top, data.bottom, data.height) : null;
  if (typeof data !== 'string' || pym === null) return null;
  const prefix = pymMessage(pym, 'viewport-iframe-position', '');
  if (!data.startsWith(prefix) || data.length > prefix.length + 200) return null;
  const parts = data.slice(prefix.length).split(' ');
  if (parts.length !== 6 || !parts.every((p) => NUMBER.test(p))) return null;
  const [, vh, top, , bottom] = parts.map(Number);
  return hostViewport(top, bottom, vh);
}

/** A story's height request (embed.js's format), or null. */
export const readHeight = (data: unknown): number | null =>
  isData(data) && data.type === HEIGHT && within(data.height, 1, MAX_HEIGHT) ? data.height : null;

/** A story's request to scroll the host so that px `y` of the frame is at the viewport's top, or null. */
export const readScroll = (data: unknown): number | null =>
  isData(data) && data.type === SCROLL && within(data.y, 0, MAX_HEIGHT) ? data.y : null;

/** The story's content height in every format a host may listen for; pym's only with a pym id. */
export function heightMessages(height: number, pym: string | null, id: string): unknown[] {
  const messages: unknown[] = [
    { type: HEIGHT, height },
    { 'datawrapper-height': { [id]: height } },
    { sentinel: 'amp', type: 'embed-size', height },
  ];
  if (pym !== null) messages.push(pymMessage(pym, 'height', String(height)));
  return messages;
}

/** Ask the host to bring px `y` of the frame to the top of its viewport. */
export function scrollMessages(y: number, pym: string | null): unknown[] {
  const messages: unknown[] = [{ type: SCROLL, y }];
  if (pym !== null) messages.push(pymMessage(pym, 'scrollToChildPos', String(Math.round(y))));
  return messages;
}
