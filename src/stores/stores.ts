import { atom, batch, type ReadableAtom } from 'nanostores'
import type { Stage } from '../config/types.js'
import type { ConsentState, ObservedRuntime, Snapshot } from '../api/types.js'
import { reportError } from '../lib/log.js'
import { followRuntime } from './feed.js'

const stage = atom<Stage | undefined>()
const segments = atom<readonly string[]>([])
const journeys = atom<Readonly<Record<string, string | null>>>({})
const consent = atom<ConsentState | undefined>()

/**
 * The visitor's stage (docs/reference.md §4), or `undefined` until `init()` has loaded the visitor.
 *
 * @example
 * import { useStore } from '@nanostores/preact' // or '@nanostores/react'
 * const stage = useStore($stage) // 'awareness', 'consideration', … or undefined
 */
export const $stage: ReadableAtom<Stage | undefined> = stage

/**
 * The ids of the segments the visitor is in (docs/reference.md §8), re-evaluated after every call;
 * empty until `init()` has loaded the visitor, and without segments in the config.
 *
 * @example
 * const segments = useStore($segments)
 * return segments.includes('returning') ? <p>Welcome back!</p> : null
 */
export const $segments: ReadableAtom<readonly string[]> = segments

/**
 * Each journey of the config by id, with the step its run waits at or acts on, or `null`
 * when the visitor is not in a run of it (docs/reference.md §8); empty until `init()` is ready.
 *
 * @example
 * const step = useStore($journeys)['cart-rescue'] // 'nudge', 'pause', … or null
 */
export const $journeys: ReadableAtom<Readonly<Record<string, string | null>>> = journeys

/**
 * The visitor's consent: `'pending'`, `'granted'` or `'denied'` (docs/reference.md §7), or `undefined`
 * until `init()` runs.
 *
 * @example
 * const consent = useStore($consent)
 * if (consent === 'pending') showYourBanner()
 */
export const $consent: ReadableAtom<ConsentState | undefined> = consent

/** What the stores show of a runtime: its visitor's stage, segments, journeys' steps, consent. */
const snapshotOf = ({ visitor, loaded, consent }: ObservedRuntime): Snapshot => ({
  stage: visitor.current().stage,
  segments: loaded.journeys?.segments() ?? [],
  journeys: loaded.journeys?.steps() ?? {},
  consent: consent.state(),
})

/**
 * Writes a snapshot of the runtime into the stores, in one batch (a store that depends on two
 * of them sees both change at once). A value equal to the one held notifies no one: the
 * runtime hands a snapshot over after every call, most of which change nothing.
 */
function write(next: Snapshot): void {
  batch(() => {
    stage.set(next.stage)
    consent.set(next.consent)
    if (!sameList(segments.get(), next.segments)) segments.set([...next.segments])
    if (!sameSteps(journeys.get(), next.journeys)) journeys.set({ ...next.journeys })
  })
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i])

function sameSteps(a: Readonly<Record<string, string | null>>, b: Readonly<Record<string, string | null>>): boolean {
  const ids = Object.keys(a)
  return ids.length === Object.keys(b).length && ids.every((id) => Object.prototype.hasOwnProperty.call(b, id) && a[id] === b[id])
}

// The one statement that runs on import, and it touches no browser: the stores take the
// runtime's snapshots from here on. It is why an app that imports `init` alone pays nothing for
// nanostores: with `"sideEffects": false` its bundler leaves this file out. An app's store
// listener that throws stays the app's: reported, never thrown into the runtime.
followRuntime((runtime) => {
  try {
    write(snapshotOf(runtime))
  } catch (err) {
    reportError('stores', err)
  }
})
