import { listen } from '../lib/listen.js'

export interface Streams {
  /**
   * Calls `heard(false)` on an event of `types` (or of another watcher's types), and
   * `heard(true)` when the rest that follows it ends: the visitor may have gone on through it.
   */
  on(types: readonly string[], heard: (rested: boolean) => void): void
  stop(): void
}

/**
 * Input that comes 60 times a second while it lasts (scroll, pointer moves), heard sparsely
 * and once for every watcher: on the first event, every listener is removed for `restMs`,
 * then added back. While the page scrolls, the watchers cost one event and one timer per
 * rest, not a listener call per event (about 40 µs at 4× CPU, more for the first listener of
 * an event). Adding and removing listeners is not free either (a few hundred µs at 4× CPU),
 * which is why the rest is long and shared.
 */
export function listenToStreams(restMs: number): Streams {
  const types = new Set<string>()
  const heard: Array<(rested: boolean) => void> = []
  let stops: Array<() => void> = []
  let timer: ReturnType<typeof setTimeout> | undefined
  const unlisten = () => {
    stops.forEach((stop) => stop())
    stops = []
  }
  const wake = () => {
    unlisten()
    timer = undefined
    stops = [...types].map((type) => listen(window, type, handle, { capture: true }))
  }
  const handle = () => {
    unlisten()
    timer = setTimeout(() => {
      wake()
      heard.forEach((hear) => hear(true))
    }, restMs)
    heard.forEach((hear) => hear(false))
  }
  return {
    on(more, hear) {
      more.forEach((type) => types.add(type))
      heard.push(hear)
      if (!timer) wake()
    },
    stop() {
      clearTimeout(timer)
      unlisten()
    },
  }
}
