// The scrubber's days reach the map faster than it draws (a drag sends an input per pointer
// move): only the latest day is drawn, once per animation frame.

export interface PerFrame<T> {
  /** asks for `value` to be applied at the next frame, replacing any value still waiting */
  set(value: T): void;
  /** a value waits for its frame */
  pending(): boolean;
  cancel(): void;
}

export function perFrame<T>(apply: (value: T) => void): PerFrame<T> {
  let frame = 0;
  let latest: T;
  return {
    set(value) {
      latest = value;
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        apply(latest);
      });
    },
    pending: () => frame !== 0,
    cancel() {
      cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}
