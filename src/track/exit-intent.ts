import { listen } from '../lib/listen.js'

export interface ExitIntentOptions {
  /** No exit intent this soon after the page view: the visitor has not settled yet. */
  armAfterMs?: number
  /** A click on a link or button makes the pointer's next exit a navigation, not an exit. */
  ignoreAfterClickMs?: number
  /** Touch: how far down (share of the page) the visitor must have read. */
  readDepth?: number
  /** Touch: an upward scroll at least this fast (px per ms) and this long (px). */
  upwardSpeed?: number
  upwardDistance?: number
}

/**
 * Watches for a visitor about to leave and calls `fire` at most once (until `rearm`).
 * Desktop: the pointer leaves through the top edge of the viewport. Touch: a fast upward
 * scroll after reading down the page. Everywhere: the tab being hidden.
 */
export function watchExitIntent(fire: (how: 'pointer' | 'scroll' | 'hidden') => void, options: ExitIntentOptions = {}) {
  const armAfterMs = options.armAfterMs ?? 1500
  const ignoreAfterClickMs = options.ignoreAfterClickMs ?? 1000
  const readDepth = options.readDepth ?? 0.3
  const upwardSpeed = options.upwardSpeed ?? 1.5
  const upwardDistance = options.upwardDistance ?? 200
  let armedAt = performance.now() + armAfterMs
  let fired = false
  let lastClick = -Infinity
  let deepest = 0
  let last = { y: scrollY, t: performance.now() }
  let upwardStart: { y: number; t: number } | null = null

  const trigger = (how: 'pointer' | 'scroll' | 'hidden') => {
    if (fired || performance.now() < armedAt) return
    fired = true
    fire(how)
  }

  const stops = [
    listen<MouseEvent>(
      document,
      'pointerdown',
      (event) => {
        const target = event.target instanceof Element ? event.target : null
        if (target?.closest('a[href],button,[role="button"],input[type="submit"],input[type="button"]')) lastClick = performance.now()
      },
      { capture: true },
    ),
    // `mouseout` with no relatedTarget is the pointer leaving the document (the window).
    listen<MouseEvent>(document, 'mouseout', (event) => {
      if (event.relatedTarget || event.clientY > 0) return
      if (performance.now() - lastClick < ignoreAfterClickMs) return
      trigger('pointer')
    }),
    listen(window, 'scroll', () => {
      const now = performance.now()
      const y = scrollY
      const height = document.documentElement.scrollHeight - innerHeight
      if (height > 0) deepest = Math.max(deepest, y / height)
      if (y < last.y) {
        upwardStart ??= last
        const distance = upwardStart.y - y
        const speed = distance / Math.max(now - upwardStart.t, 1)
        if (deepest >= readDepth && distance >= upwardDistance && speed >= upwardSpeed) trigger('scroll')
      } else {
        upwardStart = null
      }
      last = { y, t: now }
    }),
    listen(document, 'visibilitychange', () => document.visibilityState === 'hidden' && trigger('hidden')),
  ]

  return {
    stop: () => stops.forEach((stop) => stop()),
    /** A new page view (SPA): exit intent may fire once more, after the arming delay. */
    rearm: () => {
      fired = false
      deepest = 0
      armedAt = performance.now() + armAfterMs
    },
  }
}
