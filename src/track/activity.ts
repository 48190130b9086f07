import { listen } from '../lib/listen.js'

/** Calls `onActive` on visitor input, at most once per `everyMs`: activity keeps a visit alive. */
export function watchActivity(onActive: (now: number) => void, everyMs = 60_000): () => void {
  let last = Date.now()
  const seen = () => {
    const now = Date.now()
    if (now - last < everyMs) return
    last = now
    onActive(now)
  }
  const stops = ['pointerdown', 'keydown', 'scroll', 'touchstart'].map((type) => listen(window, type, seen, { capture: true }))
  return () => stops.forEach((stop) => stop())
}
