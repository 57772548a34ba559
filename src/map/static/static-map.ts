// The static engine: a MapAdapter that draws each step as a static SVG (static-svg.ts), shown
// until the real engine starts (reader/first-move.ts) and whenever it cannot run (no WebGL, a failure).
import land from '../../../assets/basemap/land.json';
import borders from '../../../assets/basemap/borders.json';
import type { Story, StoryData, View } from '../../story/model.ts';
import type { MapAdapter, ShowOptions } from '../engine/adapter.ts';
import { projector, staticMapSvg, type Basemap, type Frame, type ReliefImage } from './static-svg.ts';
import { snapshot, type MorphPlan } from '../../geo/morph-plan.ts';
import { expand } from '../../geo/morph-space.ts';
import { Morpher } from '../front/morpher.ts';
import { perFrame } from '../front/per-frame.ts';
import { RELIEF_BOUNDS, RELIEF_SHADE, siteRoot } from '../../relief/relief.ts';

export interface StaticOptions {
  container: HTMLElement;
  story: Story;
  data: StoryData;
  /** the fronts' morph plans: a day between snapshots (the explore scrubber) is drawn with them */
  plans: Record<string, MorphPlan>;
  /** the basemap's names (map/style/labels.ts); null when they could not be loaded */
  labels: GeoJSON.FeatureCollection | null;
  view: View;
  options: ShowOptions;
}

/** The static engine; its shaded relief is drawn once it stands in for the engine (it is the engine's to load). */
export interface StaticMap extends MapAdapter {
  shadeRelief(): void;
}

export function createStaticMap({ container, story, data, plans, labels, view, options }: StaticOptions): StaticMap {
  const basemap = { land, borders, labels: labels ?? { type: 'FeatureCollection', features: [] } } as unknown as Basemap;
  const el = document.createElement('div');
  el.className = 'static-map';
  el.style.cssText = 'position:absolute;inset:0;overflow:hidden';
  container.append(el);
  let current = view;
  const moved = new Set<() => void>();
  let frame: Frame = { width: 0, height: 0, padding: options.padding, zoomOffset: options.zoomOffset };
  let relief: ReliefImage | undefined;
  // The fronts on the scrubber's day, by layer (none: the view's snapshot); morphers made on the first day asked for.
  let morphers: [string, Morpher][] | null = null;
  let fronts: Record<string, GeoJSON.FeatureCollection> | undefined;

  // One drawing per frame however fast the scrubber moves: the whole SVG is redrawn.
  const dayFrame = perFrame((day: string | null) => {
    morphers ??= story.layers.flatMap((l) => {
      const plan = plans[l.id];
      return l.kind === 'front' && plan && data[l.id]
        ? [[l.id, new Morpher(expand(data[l.id]!, plan), data[l.id]!)] as [string, Morpher]]
        : [];
    });
    // Each frame's features are rewritten by the next: copied, as the SVG is a string drawn once.
    fronts = day === null ? undefined : Object.fromEntries(morphers.map(([id, m]) => [id, structuredClone(m.onDay(day))]));
    render(frame);
  });

  const render = ({ padding, zoomOffset }: Pick<ShowOptions, 'padding' | 'zoomOffset'>) => {
    frame = { width: container.clientWidth, height: container.clientHeight, padding, zoomOffset };
    el.innerHTML = staticMapSvg(story, data, basemap, current, frame, relief, fronts);
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
    showDay(day) {
      if (day !== null || fronts || dayFrame.pending()) dayFrame.set(day);
    },
    camera: () => current.camera,
    project: (lngLat) => projector(current.camera, frame)(lngLat),
    visibleLayers: () => story.layers.filter((l) => current.layers.includes(l.id)).map((l) => l.id),
    layerData(layerId) {
      const layer = story.layers.find((l) => l.id === layerId);
      const fc = data[layerId];
      if (!layer || !fc) return null;
      return layer.kind === 'front' ? (fronts?.[layerId] ?? snapshot(fc, current.front)) : fc;
    },
    isMoving: () => dayFrame.pending(),
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
    destroy() {
      dayFrame.cancel();
      el.remove();
    },
  };
}
