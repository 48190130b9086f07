import { listen } from '../lib/listen.js'

const inputs = ['pointermove', 'pointerdown', 'keydown', 'scroll', 'wheel', 'touchstart']

/** Calls `fire(seconds)` when there has been no input for that long; again after new input. */
export function watchIdle(thresholds: number[], fire: (seconds: number) => void) {
  const sorted = [...new Set(thresholds)].sort((a, b) => a - b)
  let timers: Array<ReturnType<typeof setTimeout>> = []
  let lastReset = 0
  const arm = () => {
    timers.forEach(clearTimeout)
    timers = sorted.map((seconds) => setTimeout(() => fire(seconds), seconds * 1000))
  }
  // Input arrives in bursts; re-arming at most every 200 ms keeps the cost flat.
  const reset = () => {
    const now = performance.now()
    if (now - lastReset < 200) return
    lastReset = now
    arm()
  }
  const stops = inputs.map((type) => listen(window, type, reset, { capture: true }))
  arm()
  return {
    stop: () => {
      timers.forEach(clearTimeout)
      stops.forEach((stop) => stop())
    },
    rearm: arm,
  }
}
