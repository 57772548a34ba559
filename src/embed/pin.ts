// Sticky, emulated: in a frame sized to its content `position: sticky` has nothing to stick to
// (the frame never scrolls), so while a host reports its viewport the map is moved with a
// transform to the top of that viewport, within its container, as sticky would place it.
import type { Attachment } from 'svelte/attachments';
import type { ReaderViewport } from '../layout/viewport.ts';
import { pinOffset } from './geometry.ts';

export const pinToHost =
  (host: ReaderViewport | null): Attachment<HTMLElement> =>
  (element) => {
    const box = element.parentElement;
    if (!host || !box) return;
    const apply = () => {
      if (!host.view) return;
      element.style.position = 'relative';
      element.style.transform = `translateY(${pinOffset(host.view, box.getBoundingClientRect(), element.offsetHeight)}px)`;
    };
    apply();
    const unsubscribe = host.subscribe(apply);
    return () => {
      unsubscribe();
      element.style.removeProperty('position');
      element.style.removeProperty('transform');
    };
  };
