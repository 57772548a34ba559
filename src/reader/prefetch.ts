// Fetches the map engine's files ahead, while the reader reads the first card: on a slow phone
// their download is seconds of the wait between the first scroll and the live map. Only into the
// HTTP cache (rel=prefetch): nothing is compiled or run before the reader moves, so the page's
// first seconds cost the main thread nothing more. Not on a metered or slow connection.

/** `<meta name=…>` naming the files, space-separated, relative to the page (map/engine/vite-plugin.ts writes it). */
export const ENGINE_FILES_META = 'story:engine-files';

/** The Network Information API, where the browser has it (Chromium). */
interface Connection {
  saveData?: boolean;
  effectiveType?: string;
}

/** Whether the connection allows fetching ahead: not with Save-Data, not on 2G. */
export const prefetchAllowed = (connection: Connection | undefined): boolean =>
  !connection?.saveData && !['slow-2g', '2g'].includes(connection?.effectiveType ?? '');

/** Once the page has loaded and the browser is idle, asks for each file the page names. */
export function prefetchEngine(win: Window): void {
  const doc = win.document;
  const files = doc.querySelector<HTMLMetaElement>(`meta[name="${ENGINE_FILES_META}"]`)?.content.split(' ').filter(Boolean) ?? [];
  if (!files.length || !prefetchAllowed((win.navigator as Navigator & { connection?: Connection }).connection)) return;
  const idle = win.requestIdleCallback ?? ((f: () => void) => win.setTimeout(f, 1));
  const go = () =>
    idle(() => {
      for (const href of files) {
        const link = doc.createElement('link');
        link.rel = 'prefetch';
        link.href = href;
        doc.head.append(link);
      }
    });
  if (doc.readyState === 'complete') go();
  else win.addEventListener('load', go, { once: true });
}
