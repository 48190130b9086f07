import { listen } from '../lib/listen.js'

type Hear = (rested: boolean) => void

export interface Streams {
  /**
   * Calls `heard(false)` on an event of one of `types`, and `heard(true)` when the rest that
   * follows it ends: the visitor may have gone on through it.
   */
  on(types: readonly string[], heard: Hear): void
  /** Calls `heard(event)` on every event of `type` (one a gesture: taps, keys), one listener for every watcher. */
  each<E extends Event>(type: string, heard: (event: E) => void): void
  stop(): void
}

/**
 * Input that comes 60 times a second while it lasts (scroll, pointer moves), heard sparsely
 * and once for every watcher: on an event, the listener of its type is removed until the
 * current rest ends (`restMs` after the first event of any stream), then added back. One rest
 * for all the streams: a finger that drags the page fires pointer moves and scrolls together,
 * and costs one timer per rest, not one per stream (a watcher of both is told of each). While the page scrolls, the watchers cost
 * a listener call per stream and one timer per rest, not a listener call per event (30–70 µs
 * each at 4× CPU, traced). Adding and removing a listener is not free either (50–85 µs at 4×
 * CPU), which is why the rest is shared by the watchers and not shorter.
 */
export function listenToStreams(restMs: number): Streams {
  const heard: Record<string, Hear[]> = {}
  const unlisten: Record<string, () => void> = {}
  const stops: Array<() => void> = []
  // The streams heard in the current rest (their listeners removed), and the rest's timer.
  let resting: string[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  const start = (type: string) =>
    (unlisten[type] = listen(
      window,
      type,
      () => {
        unlisten[type]!()
        resting.push(type)
        timer ??= setTimeout(rest, restMs)
        heard[type]!.forEach((hear) => hear(false))
      },
      { capture: true },
    ))
  const rest = () => {
    const rested = resting
    resting = []
    timer = undefined
    for (const type of rested) {
      start(type)
      heard[type]!.forEach((hear) => hear(true))
    }
  }
  const taps: Record<string, Array<(event: Event) => void>> = {}
  return {
    on(types, hear) {
      for (const type of types) {
        if (!heard[type]) {
          heard[type] = []
          start(type)
        }
        heard[type]!.push(hear)
      }
    },
    each(type, hear) {
      const all = (taps[type] ??= [])
      if (!all.length) stops.push(listen(window, type, (event) => all.forEach((each) => each(event)), { capture: true }))
      all.push(hear as (event: Event) => void)
    },
    stop: () => {
      clearTimeout(timer)
      stops.forEach((stop) => stop())
      for (const type in unlisten) unlisten[type]!()
    },
  }
}
