import type { Streams } from './inputs.js'
import { ascending } from './ascending.js'

/** How far down the page the visitor has seen, 0–100. */
export function scrolledPercent(): number {
  const root = document.documentElement
  const height = root.scrollHeight
  if (height <= innerHeight) return 100
  return Math.min(100, ((scrollY + innerHeight) / height) * 100)
}

/**
 * Calls `fire(threshold)` once per page view for each threshold the visitor scrolls past.
 * Where the page is (layout included) is read at the end of each rest of `streams`: once per
 * rest while the page scrolls, and always after its last scroll event. A threshold fires at
 * most a rest after the page passed it, or at once if the page was already past it when the
 * watcher started.
 */
export function watchScroll(thresholds: number[], fire: (percent: number) => void, streams: Streams) {
  const sorted = ascending(thresholds)
  let next = 0
  const check = () => {
    const percent = scrolledPercent()
    while (next < sorted.length && percent >= sorted[next]!) fire(sorted[next++]!)
  }
  streams.on(['scroll'], (rested) => rested && check())
  // The watcher comes after ready: what the visitor scrolled past before counts now. A page
  // that never scrolled waits for a scroll (a short page is 100% seen, but not read).
  if (scrollY > 0) check()
  return {
    stop: () => undefined,
    rearm: () => {
      next = 0
    },
  }
}
