import { listenSparsely } from '../lib/listen-sparsely.js'

const inputs = ['pointermove', 'pointerdown', 'keydown', 'scroll', 'wheel', 'touchstart']

/**
 * Calls `fire(seconds)` when there has been no input for that long; again after new input.
 * The last input is a timestamp and one timer waits for the next threshold: input arriving
 * costs no timer. The listeners rest `restMs` after each input they see and count the
 * visitor as active through the rest, so a threshold fires at most `restMs` late, never early.
 */
export function watchIdle(thresholds: number[], fire: (seconds: number) => void, restMs = 250) {
  const sorted = [...new Set(thresholds)].sort((a, b) => a - b)
  let lastInput = performance.now()
  // The next threshold to fire in this spell without input.
  let next = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const wait = () => {
    clearTimeout(timer)
    if (next < sorted.length) timer = setTimeout(check, lastInput + sorted[next]! * 1000 - performance.now())
  }
  // Early when input came since the timer was set: then it waits for the rest of the time.
  const check = () => {
    while (next < sorted.length && performance.now() - lastInput >= sorted[next]! * 1000 - 1) fire(sorted[next++]!)
    wait()
  }
  const active = () => {
    lastInput = performance.now()
    // After a threshold fired, the next spell starts from the first threshold again.
    if (next) {
      next = 0
      wait()
    }
  }
  const stop = listenSparsely(inputs, restMs, active)
  wait()
  return {
    stop: () => {
      clearTimeout(timer)
      stop()
    },
    rearm: () => {
      next = 0
      active()
      wait()
    },
  }
}
