import { listen } from '../lib/listen.js'

/** How far down the page the visitor has seen, 0–100. */
export function scrolledPercent(): number {
  const root = document.documentElement
  const height = root.scrollHeight
  if (height <= innerHeight) return 100
  return Math.min(100, ((scrollY + innerHeight) / height) * 100)
}

/**
 * Calls `fire(threshold)` once per page view for each threshold the visitor scrolls past.
 * Work per scroll event is one rAF-throttled read.
 */
export function watchScroll(thresholds: number[], fire: (percent: number) => void) {
  const sorted = [...new Set(thresholds)].sort((a, b) => a - b)
  let next = 0
  let frame = 0
  const check = () => {
    frame = 0
    const percent = scrolledPercent()
    while (next < sorted.length && percent >= sorted[next]!) fire(sorted[next++]!)
  }
  const stop = listen(window, 'scroll', () => {
    if (!frame) frame = requestAnimationFrame(check)
  })
  return {
    stop: () => {
      stop()
      cancelAnimationFrame(frame)
    },
    rearm: () => {
      next = 0
    },
  }
}
