import { listen } from '../lib/listen.js'

/**
 * Calls `onActive` on visitor input, at most once per `everyMs`: activity keeps a visit alive.
 * After each call, and in the first `everyMs` of the page view (itself activity), it does not
 * listen at all, so scrolling and typing cost the page nothing. It runs as long as the page.
 */
export function watchActivity(onActive: (now: number) => void, everyMs = 60_000): void {
  let stops: Array<() => void>
  // A finger on the screen fires pointerdown too (Pointer Events): no touchstart needed.
  const listening = () => (stops = ['pointerdown', 'keydown', 'scroll'].map((type) => listen(window, type, seen, { capture: true })))
  const seen = () => {
    stops.forEach((stop) => stop())
    onActive(Date.now())
    setTimeout(listening, everyMs)
  }
  setTimeout(listening, everyMs)
}
