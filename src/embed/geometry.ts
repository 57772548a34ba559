// Geometry of a story in an iframe sized to its content: where the pinned map goes, and what
// height stands for one screen. All in px, in the frame's viewport coordinates.
import type { HostViewport } from './protocol.ts';

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
