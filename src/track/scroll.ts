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
 * most a rest after the page passed it.
 */
export function watchScroll(thresholds: number[], fire: (percent: number) => void, streams: Streams) {
  const sorted = ascending(thresholds)
  let next = 0
  streams.on(['scroll'], (rested) => {
    if (!rested) return
    const percent = scrolledPercent()
    while (next < sorted.length && percent >= sorted[next]!) fire(sorted[next++]!)
  })
  return {
    stop: () => undefined,
    rearm: () => {
      next = 0
    },
  }
}
