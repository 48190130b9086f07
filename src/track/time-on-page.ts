import { listen } from '../lib/listen.js'
import { ascending } from './ascending.js'

/**
 * Calls `fire(seconds)` once per page view when the page has been *visible* that long:
 * time in a background tab does not count.
 */
export function watchTimeOnPage(thresholds: number[], fire: (seconds: number) => void, visibleSince: number | null = null) {
  const sorted = ascending(thresholds)
  let next = 0
  let visibleMs = 0
  let since: number | null = visibleSince
  let timer: ReturnType<typeof setTimeout> | undefined

  const elapsed = () => visibleMs + (since === null ? 0 : performance.now() - since)
  const schedule = () => {
    clearTimeout(timer)
    if (since === null || next >= sorted.length) return
    timer = setTimeout(
      () => {
        while (next < sorted.length && elapsed() >= sorted[next]! * 1000 - 1) fire(sorted[next++]!)
        schedule()
      },
      Math.max(0, sorted[next]! * 1000 - elapsed()),
    )
  }
  const onVisibility = () => {
    if (document.visibilityState === 'visible') {
      since ??= performance.now()
    } else if (since !== null) {
      visibleMs += performance.now() - since
      since = null
    }
    schedule()
  }
  const stop = listen(document, 'visibilitychange', onVisibility)
  onVisibility()

  return {
    stop: () => {
      stop()
      clearTimeout(timer)
    },
    rearm: () => {
      next = 0
      visibleMs = 0
      since = document.visibilityState === 'visible' ? performance.now() : null
      schedule()
    },
  }
}
