import { listen } from '../lib/listen.js'
import { readsAsExit, type ScrollSample } from './flick.js'
import type { Streams } from './inputs.js'

export interface ExitIntentOptions {
  /** No exit intent this soon after the page view: the visitor has not settled yet. */
  armAfterMs?: number
  /** When the page view began, on `performance.now()`'s clock (default: now). */
  since?: number
  /** Whether the touch heuristic runs: by default, where the primary pointer is coarse (phones, tablets). */
  touch?: boolean
}

/**
 * Watches for a visitor about to leave and calls `fire` at most once (until `rearm`).
 * Desktop: the pointer leaves through the top edge of the viewport. Phones and tablets: a
 * fast flick up after reading down the page. Everywhere: the tab being hidden.
 *
 * On touch, nothing listens to scroll while the visitor reads: a gesture costs a
 * `pointerdown` and a `touchend`. Only when the finger lifted after moving the page up is
 * the scroll that follows (the fling) sampled, for a second at most or until it turns down.
 * Scrolling inside an element (a carousel, a drawer) leaves the page where it was: no sample.
 */
export function watchExitIntent(fire: (how: 'pointer' | 'scroll' | 'hidden') => void, streams: Streams, options: ExitIntentOptions = {}) {
  const armAfterMs = options.armAfterMs ?? 1500
  let armedAt = (options.since ?? performance.now()) + armAfterMs
  let fired = false
  // A click on a link or button makes the pointer's exit in the next second a navigation.
  let lastClick = -Infinity
  // Touch: the deepest scroll position seen, and the samples of the current gesture.
  let deepest = 0
  let samples: ScrollSample[] = []
  let liftedAt = 0
  let stopSampling: (() => void) | undefined

  const trigger = (how: 'pointer' | 'scroll' | 'hidden') => {
    if (fired || performance.now() < armedAt) return
    fired = true
    fire(how)
  }
  const sample = () => {
    const y = scrollY
    deepest = Math.max(deepest, y)
    samples.push({ t: performance.now(), y })
    return y
  }
  const unsample = () => {
    stopSampling?.()
    stopSampling = undefined
  }
  const judge = () => {
    const scrollable = document.documentElement.scrollHeight - innerHeight
    if (readsAsExit(samples, scrollable > 0 ? deepest / scrollable : 0)) trigger('scroll')
  }
  const onFling = () => {
    const previous = samples[samples.length - 1]!.y
    if (fired || sample() > previous || samples[samples.length - 1]!.t - liftedAt > 1000) unsample()
    else judge()
  }

  // Feature-detected: jsdom, for one, has no matchMedia.
  const touch = options.touch ?? window.matchMedia?.('(pointer: coarse)').matches
  // Shared with idle: one listener call a tap for both.
  streams.each<PointerEvent>('pointerdown', (event) => {
    if ((event.target as Element).closest?.('a[href],button,[role=button],input[type=submit],input[type=button]')) lastClick = performance.now()
    // A finger landing: a gesture starts (a second finger starts it afresh).
    if (touch && event.pointerType == 'touch') {
      unsample()
      samples = []
      sample()
    }
  })
  const stops = [
    // Fires on the root only when the pointer leaves the document: crossing elements costs nothing.
    listen<MouseEvent>(document.documentElement, 'mouseleave', (event) => {
      if (event.clientY > 0 || performance.now() - lastClick < 1000) return
      trigger('pointer')
    }),
    listen(document, 'visibilitychange', () => document.visibilityState === 'hidden' && trigger('hidden')),
  ]
  if (touch) {
    stops.push(
      // Not pointerup: a finger that pans the page ends its pointer with pointercancel, when the
      // page starts to move; touchend comes when it lifts.
      listen<TouchEvent>(
        window,
        'touchend',
        (event) => {
          // A finger still on the glass, or one that lifted without moving the page up.
          if (event.touches.length || sample() >= samples[0]!.y) return
          liftedAt = samples[samples.length - 1]!.t
          judge()
          if (!fired) stopSampling = listen(window, 'scroll', onFling)
        },
        { capture: true },
      ),
      unsample,
    )
  }

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
