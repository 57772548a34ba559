// Runs the front-line morph for a map engine: the adapter hands every view to `show()` and
// gets frames back through `setData`; nothing here knows maplibre or mapbox. One GSAP tween
// drives a progress value; each tick is one interpolation and one setData per front layer.
// GSAP is the page's (motion/tweens.ts), not imported here: the map must start without it, and
// until it is in (or when it fails to load) every change of front is a cut.
import { loadedGsap } from '../../motion/tweens.ts';
import type { Layer } from '../../story/schema.ts';
import type { StoryData, View } from '../../story/model.ts';
import { expand } from '../../geo/morph-space.ts';
import { Morpher } from './morpher.ts';
import { snapshot, type MorphPlan } from '../../geo/morph-plan.ts';
import { between } from '../../geo/timeline.ts';

export interface FrontState {
  /** the snapshot shown, or being morphed to */
  snapshot: string | null;
  morphing: boolean;
  /** setData calls so far (a cut is one; a morph is one per frame) */
  frames: number;
  /** what each front layer's source holds now, by layer id */
  data: Record<string, GeoJSON.FeatureCollection>;
  /** opacity of the ghost of the snapshot being left, 0..1 (0 at rest) */
  ghost: number;
  /** the day shown by date (the explore scrubber), its shapes interpolated between snapshots; null when the view's snapshot is */
  day: string | null;
}

export interface FrontMorphOptions {
  layers: readonly Layer[];
  data: StoryData;
  /** from `virtual:story-morph` (built by morph-plan.ts) */
  plans: Record<string, MorphPlan>;
  /** the front layer's polygons: once per cut, once per frame of a morph */
  setData(layerId: string, fc: GeoJSON.FeatureCollection): void;
  /** the ghost of the snapshot a morph leaves (its own source): sent once per morph */
  setGhostData(layerId: string, fc: GeoJSON.FeatureCollection): void;
  /** the ghost's opacity, 0..1, every frame (a paint property: nothing for the worker to redo) */
  setGhostFade(layerId: string, fade: number): void;
}

export interface FrontMorph {
  /** Brings the front layers to `view.front`: a morph where the layer stays in view, else a cut. */
  show(view: View, reducedMotion: boolean): void;
  /**
   * Shows the fronts on `day` (the scrubber), at once, until called with null: views shown
   * meanwhile change which layers are visible, not their shapes; null goes back to the view's snapshot.
   */
  showDay(day: string | null): void;
  /** a snapshot of the state (frame data by reference) */
  state(): FrontState;
  destroy(): void;
}

interface Front {
  id: string;
  fc: GeoJSON.FeatureCollection;
  morpher: Morpher | null;
  /** visible at the last view shown */
  visible: boolean;
  /** the morpher's state is what the source shows (false after a cut to a date it has no snapshot for) */
  live: boolean;
  /** the ghost's opacity now */
  fade: number;
}

export function createFrontMorph({ layers, data, plans, setData, setGhostData, setGhostFade }: FrontMorphOptions): FrontMorph {
  const fronts: Front[] = layers
    .filter((l) => l.kind === 'front' && data[l.id])
    .map((l) => {
      const fc = data[l.id]!;
      const plan = plans[l.id];
      return { id: l.id, fc, morpher: plan ? new Morpher(expand(fc, plan), fc) : null, visible: false, live: false, fade: 0 };
    });
  const state: FrontState = { snapshot: null, morphing: false, frames: 0, data: {}, ghost: 0, day: null };
  /** the snapshot of the last view shown; undefined before the first */
  let shown: string | null | undefined;
  let tween: { kill(): unknown } | null = null;

  const put = (f: Front, fc: GeoJSON.FeatureCollection) => {
    state.data[f.id] = fc;
    state.frames++;
    setData(f.id, fc);
  };
  const indexOf = (f: Front, date: string | null) => (date === null || !f.morpher ? -1 : f.morpher.snapshots.indexOf(date));
  const fadeGhost = (f: Front, value: number) => {
    if (f.fade === value) return;
    f.fade = value;
    setGhostFade(f.id, value);
    state.ghost = Math.max(...fronts.map((g) => g.fade));
  };
  /** Cut to `date` (empty for null, or for a date this layer has no snapshot for). */
  const cut = (f: Front, date: string | null) => {
    const s = indexOf(f, date);
    f.live = s >= 0;
    put(f, s >= 0 ? f.morpher!.rest(s) : snapshot(f.fc, date));
    fadeGhost(f, 0);
  };
  const stop = () => {
    tween?.kill();
    tween = null;
    state.morphing = false;
  };

  return {
    show(view, reducedMotion) {
      const target = view.front;
      const visible = new Set(view.layers);
      const wasVisible = new Map(fronts.map((f) => [f, f.visible]));
      for (const f of fronts) f.visible = visible.has(f.id);
      if (state.day !== null) {
        // The scrubber's day stays on screen; this snapshot is where showDay(null) returns.
        shown = target;
        return;
      }
      if (target === shown) {
        // Same snapshot (a camera-only step): a running morph carries on, unless motion was just turned off.
        if (tween && reducedMotion) {
          stop();
          for (const f of fronts) cut(f, target);
        }
        return;
      }
      // Stopped where it is: the next morph starts from the shape on screen, never from a stale one.
      stop();
      const gsap = loadedGsap();
      const morphing: [Front, Morpher][] = [];
      for (const f of fronts) {
        const s = indexOf(f, target);
        if (gsap && !reducedMotion && view.morph.duration > 0 && f.live && f.visible && wasVisible.get(f) && s >= 0) {
          if (f.morpher!.begin(s)) setGhostData(f.id, f.morpher!.ghost);
          morphing.push([f, f.morpher!]);
        } else cut(f, target);
      }
      shown = target;
      state.snapshot = target;
      if (!gsap || !morphing.length) return;
      const progress = { t: 0 };
      state.morphing = true;
      tween = gsap.to(progress, {
        t: 1,
        duration: view.morph.duration / 1000,
        ease: view.morph.ease,
        onUpdate: () => {
          for (const [f, m] of morphing) {
            put(f, m.frame(progress.t));
            fadeGhost(f, m.fade);
          }
        },
        onComplete: () => {
          tween = null;
          state.morphing = false;
          for (const [f] of morphing) cut(f, target);
        },
      });
    },
    showDay(day) {
      if (day === state.day) return;
      stop();
      state.day = day;
      if (day === null) {
        for (const f of fronts) cut(f, shown ?? null);
        state.snapshot = shown ?? null;
        return;
      }
      for (const f of fronts) {
        if (!f.morpher) cut(f, day);
        else {
          f.live = true;
          put(f, f.morpher.onDay(day));
          fadeGhost(f, 0);
        }
      }
      const first = fronts.find((f) => f.morpher)?.morpher;
      state.snapshot = first ? first.snapshots[between(first.snapshots, day).from]! : null;
    },
    // a copy: the handle is read-only for hosts
    state: () => ({ ...state, data: { ...state.data } }),
    destroy: stop,
  };
}
