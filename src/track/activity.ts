/**
 * Calls `onActive` on visitor input, at most once per `everyMs`: activity keeps a visit alive.
 * After each call, and in the first `everyMs` of the page view (itself activity), it does not
 * listen at all, so scrolling and typing cost the page nothing. It runs as long as the page
 * (no stop: the start chunk is kept small; `listenSparsely` does the same for the triggers chunk).
 */
export function watchActivity(onActive: (now: number) => void, everyMs = 60_000): void {
  const listening = (on: boolean) =>
    ['pointerdown', 'keydown', 'scroll', 'touchstart'].forEach((type) =>
      (on ? addEventListener : removeEventListener)(type, seen, { capture: true, passive: true }),
    )
  const seen = () => {
    listening(false)
    onActive(Date.now())
    setTimeout(listening, everyMs, true)
  }
  setTimeout(listening, everyMs, true)
}
