import type { Streams } from './inputs.js'
import { ascending } from './ascending.js'

/**
 * Calls `fire(seconds)` when there has been no input for that long; again after new input.
 * Input only moves a timestamp; one timer waits for the next threshold, and when it finds
 * that input came since it was set, waits for the rest of the time: no timer per event.
 * Pointer moves and scrolls are heard through `streams`, which counts the visitor active
 * through each rest: a threshold fires at most a rest late, never early. Taps and keys,
 * one event a gesture, are always heard. (`wheel` is left out: a wheel that moves the page
 * fires `scroll`.)
 */
export function watchIdle(thresholds: number[], fire: (seconds: number) => void, streams: Streams) {
  const sorted = ascending(thresholds)
  let lastInput = performance.now()
  // The next threshold to fire in this spell without input.
  let next = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const wait = () => {
    clearTimeout(timer)
    if (next < sorted.length) timer = setTimeout(check, lastInput + sorted[next]! * 1000 - performance.now())
  }
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
  streams.on(['pointermove', 'scroll'], active)
  // A finger on the screen fires pointerdown too (Pointer Events): no touchstart needed.
  streams.each('pointerdown', active)
  streams.each('keydown', active)
  wait()
  return {
    stop: () => clearTimeout(timer),
    rearm: () => {
      next = 0
      active()
      wait()
    },
  }
}
