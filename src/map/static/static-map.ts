// The static engine: a MapAdapter that draws each step as a static SVG (static-svg.ts), shown
// until the real engine starts (reader/first-move.ts) and whenever it cannot run (no WebGL, a failure).
import land from '../../../assets/basemap/land.json';
import borders from '../../../assets/basemap/borders.json';
import type { Story, StoryData, View } from '../../story/model.ts';
import type { MapAdapter, ShowOptions } from '../engine/adapter.ts';
import { projector, staticMapSvg, type Basemap, type Frame, type ReliefImage } from './static-svg.ts';
import { snapshot } from '../../geo/morph-plan.ts';
import { RELIEF_BOUNDS, RELIEF_SHADE, siteRoot } from '../../relief/relief.ts';

export interface StaticOptions {
  container: HTMLElement;
  story: Story;
  data: StoryData;
  /** the basemap's names (map/style/labels.ts); null when they could not be loaded */
  labels: GeoJSON.FeatureCollection | null;
  view: View;
  options: ShowOptions;
}

/** The static engine; its shaded relief is drawn once it stands in for the engine (it is the engine's to load). */
export interface StaticMap extends MapAdapter {
  shadeRelief(): void;
}

export function createStaticMap({ container, story, data, labels, view, options }: StaticOptions): StaticMap {
  const basemap = { land, borders, labels: labels ?? { type: 'FeatureCollection', features: [] } } as unknown as Basemap;
  const el = document.createElement('div');
  el.className = 'static-map';
  el.style.cssText = 'position:absolute;inset:0;overflow:hidden';
  container.append(el);
  let current = view;
  const moved = new Set<() => void>();
  let frame: Frame = { width: 0, height: 0, padding: options.padding, zoomOffset: options.zoomOffset };
  let relief: ReliefImage | undefined;

  const render = ({ padding, zoomOffset }: Pick<ShowOptions, 'padding' | 'zoomOffset'>) => {
    frame = { width: container.clientWidth, height: container.clientHeight, padding, zoomOffset };
    el.innerHTML = staticMapSvg(story, data, basemap, current, frame, relief);
    for (const fn of moved) fn();
  };
  render(options);

  return {
    engine: 'static',
    ready: Promise.resolve(),
    show(v, o) {
      current = v;
      render(o);
    },
    camera: () => current.camera,
    project: (lngLat) => projector(current.camera, frame)(lngLat),
    visibleLayers: () => story.layers.filter((l) => current.layers.includes(l.id)).map((l) => l.id),
    layerData(layerId) {
      const layer = story.layers.find((l) => l.id === layerId);
      const fc = data[layerId];
      if (!layer || !fc) return null;
      return layer.kind === 'front' ? snapshot(fc, current.front) : fc;
    },
    isMoving: () => false,
    onMove(fn) {
      moved.add(fn);
      return () => void moved.delete(fn);
    },
    // A picture: nothing to pan or zoom.
    setInteractive: () => {},
    shadeRelief() {
      if (relief) return;
      // Beside the page, on its own origin (the site's base is './').
      relief = { href: new URL(RELIEF_SHADE, siteRoot(document)).href, bounds: RELIEF_BOUNDS };
      render(frame);
    },
    resize: () => render(frame),
    destroy: () => el.remove(),
  };
}
