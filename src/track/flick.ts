/** The document's scroll position `y` (px) at a moment `t` (ms, any one clock). */
export interface ScrollSample {
  t: number
  y: number
}

// What reads as a flick up to leave. A phone's flick to head out (for the address bar, the tabs,
// the back gesture) moves at 4 px/ms and more; a reader scrolling back a paragraph, at under
// 1.5 px/ms (the gesture tables in `flick.test.ts` and `examples/e2e/phone.spec.ts`).
/** How far down the visitor must have read first: their deepest scroll position over the scrollable height. */
export const flickReadDepth = 0.3
/** The flick's speed upwards, px per ms, over a stretch of at least `flickSpanMs`. */
export const flickSpeed = 2.5
/** How far up the run that ends with the flick has gone, px. */
export const flickDistance = 300
/**
 * The shortest stretch a speed is measured over: one frame's position is too noisy. There is
 * no longest: a stretch's mean speed is the least its fastest moment went, so a pause in it
 * only slows it down. Samples far apart are a busy main thread, not a pause: scroll events
 * come once a frame it renders (every 175 ms under long tasks), the fling goes on regardless.
 */
export const flickSpanMs = 50

/**
 * Whether the end of `samples` (oldest first) reads as a visitor leaving: a fast flick up
 * after reading down the page to `depth` (0–1). The speed is the flick's own, measured over
 * its recent samples: a pause before it (reading, a finger held still) does not slow it down.
 * Pure: the watcher gathers the samples and the depth.
 */
export function readsAsExit(samples: readonly ScrollSample[], depth: number): boolean {
  const end = samples.length - 1
  if (end < 1 || depth < flickReadDepth) return false
  // The upward run that ends with the last sample: back while the page was no higher up before.
  let start = end
  while (start > 0 && samples[start - 1]!.y >= samples[start]!.y) start--
  if (samples[start]!.y - samples[end]!.y < flickDistance) return false
  // Its fastest stretch: from each sample back to the latest one at least flickSpanMs before it.
  for (let i = end, j = end; i > start; i--) {
    const ti = samples[i]!.t
    j = Math.min(j, i - 1)
    while (j > start && ti - samples[j]!.t < flickSpanMs) j--
    const span = ti - samples[j]!.t
    if (span >= flickSpanMs && (samples[j]!.y - samples[i]!.y) / span >= flickSpeed) return true
  }
  return false
}
