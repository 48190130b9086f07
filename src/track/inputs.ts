import { listen } from '../lib/listen.js'

export interface Streams {
  /**
   * Calls `heard(false)` on an event of one of `types`, and `heard(true)` when the rest that
   * follows it ends: the visitor may have gone on through it.
   */
  on(types: readonly string[], heard: (rested: boolean) => void): void
  stop(): void
}

/**
 * Input that comes 60 times a second while it lasts (scroll, pointer moves), heard sparsely
 * and once for every watcher: on an event, the listener of its type is removed for `restMs`,
 * then added back. While the page scrolls, the watchers cost one listener call and one timer
 * per rest, not a listener call per event (30–70 µs each at 4× CPU, traced). Adding and
 * removing a listener is not free either (50–85 µs at 4× CPU), which is why the rest is
 * shared by the watchers and not shorter.
 */
export function listenToStreams(restMs: number): Streams {
  const heard: Record<string, Array<(rested: boolean) => void>> = {}
  const stops: Array<() => void> = []
  return {
    on(types, hear) {
      for (const type of types) {
        if (!heard[type]) {
          const all: Array<(rested: boolean) => void> = (heard[type] = [])
          const tell = (rested: boolean) => all.forEach((each) => each(rested))
          let unlisten: () => void
          let timer: ReturnType<typeof setTimeout> | undefined
          const start = () =>
            (unlisten = listen(
              window,
              type,
              () => {
                unlisten()
                timer = setTimeout(() => (start(), tell(true)), restMs)
                tell(false)
              },
              { capture: true },
            ))
          start()
          stops.push(() => {
            clearTimeout(timer)
            unlisten()
          })
        }
        heard[type]!.push(hear)
      }
    },
    stop: () => stops.forEach((stop) => stop()),
  }
}
