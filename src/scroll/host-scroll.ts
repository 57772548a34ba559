// Scroll geometry for a story embedded in an iframe sized to its content: the host page owns the
// scroll, so the trigger line and the sticky map are placed from the host's viewport (as posted
// by the host) instead of the frame's own. All in px, in the frame's viewport coordinates.
import type { HostViewport } from '../embed/protocol.ts';
import { activeIndex } from './active.ts';

/** The trigger line: `offset` (a share of the viewport's height) down from the top of the host's
 * viewport when it is known, else of the frame's own screen of height `screen`. */
export const triggerLine = (view: HostViewport | null, screen: number, offset: number): number =>
  view ? view.height * offset - view.top : screen * offset;

/** The active step, from the steps' tops and wherever the reader's viewport is. */
export const stepIndex = (tops: readonly number[], view: HostViewport | null, screen: number, offset: number): number =>
  activeIndex(tops, triggerLine(view, screen, offset));

/** How far to move the pinned element down from its place at the top of its container so that it
 * sits at the top of the host's viewport, as `position: sticky; top: 0` would, without leaving
 * the container. `box`: the container's top and height; `pinned`: the element's height. */
export function pinOffset(view: HostViewport, box: { top: number; height: number }, pinned: number): number {
  const room = Math.max(0, box.height - pinned);
  return Math.min(room, Math.max(0, -view.top - box.top));
}

/** The height that stands for one screen in the story's layout: the host's viewport when it posts
 * one, else the frame's own height. A resize to a height the story asked for (`asked`: its recent
 * requests, which a host may apply late) is a host obeying it, not a new screen: counting it would
 * grow every screen-high section, so the content, so the frame, without end. */
export function screenHeight(view: HostViewport | null, own: number, asked: readonly number[], previous: number | null): number {
  if (view) return view.height;
  if (previous !== null && asked.some((h) => Math.abs(own - h) <= 2)) return previous;
  return own;
}
