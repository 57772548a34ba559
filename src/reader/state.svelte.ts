// The reader's state, in one place: the active step's index (the only scroll state), how the
// map is drawn, the map itself and its camera. Owned by the story page (Story.svelte), which
// derives everything shown from it; window.__story (handle.ts) and the editors' camera picker
// read it. Nothing else keeps a copy.
import { createSubscriber } from 'svelte/reactivity';
import type { MapAdapter, MapStatus } from '../map/engine/adapter.ts';
import type { Camera } from '../story/schema.ts';

/** The story's shapes (its layers' data): on their way, drawn, or missing (failed or never answered; the map shows without them). */
export type DataStatus = 'loading' | 'ready' | 'failed';

export class ReaderState {
  /** the active step; one past the last is the free-exploration zone after the story */
  index = $state(0);
  /** the day the reader chose on the explore scrubber (ISO), kept while they scroll back into the story; null until they choose one */
  date: string | null = $state(null);
  mapStatus: MapStatus = $state('loading');
  /** whether the story's shapes reached the map (StoryMap.svelte sets it once they are loaded, or given up on) */
  dataStatus: DataStatus = $state('loading');
  /** raw: an engine's map must not be proxied */
  map: MapAdapter | null = $state.raw(null);
  /** the map's element, to turn map pixels into viewport pixels */
  container: HTMLElement | null = null;
  readonly #steps: () => readonly string[];
  #unfollow = () => {};
  // Set only while an effect reads the camera (the dev camera picker): readers pay nothing per frame.
  #moved: (() => void) | null = null;
  readonly #followMoves = createSubscriber((update) => {
    this.#moved = update;
    return () => (this.#moved = null);
  });

  /** `steps`: the story's step ids, read when needed (a live dev update may change them) */
  constructor(steps: () => readonly string[]) {
    this.#steps = steps;
  }

  get steps(): readonly string[] {
    return this.#steps();
  }

  /** id of the active step (the last one while exploring after it) */
  get step(): string {
    return this.steps[Math.min(this.index, this.steps.length - 1)]!;
  }

  /** the camera now, in the script's terms; read in an effect, it follows every frame of a move, and the reader's own */
  get camera(): Camera | null {
    this.#followMoves();
    return this.map?.camera() ?? null;
  }

  /** The map the reader sees changed (an engine took over, static maps stand in, or none). */
  setMap(map: MapAdapter | null, status: MapStatus, container: HTMLElement | null) {
    this.#unfollow();
    this.map = map;
    this.mapStatus = status;
    this.container = container;
    this.#unfollow = map?.onMove(() => this.#moved?.()) ?? (() => {});
  }
}
