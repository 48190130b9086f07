import { listenSparsely } from '../lib/listen-sparsely.js'

/** How far down the page the visitor has seen, 0–100. */
export function scrolledPercent(): number {
  const root = document.documentElement
  const height = root.scrollHeight
  if (height <= innerHeight) return 100
  return Math.min(100, ((scrollY + innerHeight) / height) * 100)
}

/**
 * Calls `fire(threshold)` once per page view for each threshold the visitor scrolls past.
 * It reads where the page is (layout included) once per `restMs` while the page scrolls, at
 * the end of each rest, so the last position of every scroll is read: a threshold fires at
 * most `restMs` after the page passed it. The other scroll events cost nothing.
 */
export function watchScroll(thresholds: number[], fire: (percent: number) => void, restMs = 250) {
  const sorted = [...new Set(thresholds)].sort((a, b) => a - b)
  let next = 0
  const check = () => {
    const percent = scrolledPercent()
    while (next < sorted.length && percent >= sorted[next]!) fire(sorted[next++]!)
  }
  // The document's own scroll only: scroll events of elements do not bubble up to window.
  const stop = listenSparsely(['scroll'], restMs, (rested) => rested && check(), false)
  return {
    stop,
    rearm: () => {
      next = 0
    },
  }
}
