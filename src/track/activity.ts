/**
 * Calls `onActive` on visitor input, at most once per `everyMs`: activity keeps a visit alive.
 * After each call, and in the first `everyMs` of the page view (itself activity), it does not
 * listen at all, so scrolling and typing cost the page nothing. It runs as long as the page.
 */
export function watchActivity(onActive: (now: number) => void, everyMs = 60_000): void {
  const listening = (on: boolean) =>
    // A finger on the screen fires pointerdown too (Pointer Events): no touchstart needed.
    ['pointerdown', 'keydown', 'scroll'].forEach((type) => (on ? addEventListener : removeEventListener)(type, seen, { capture: true, passive: true }))
  const seen = () => {
    listening(false)
    onActive(Date.now())
    setTimeout(listening, everyMs, true)
  }
  setTimeout(listening, everyMs, true)
}
