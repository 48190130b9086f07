import type { ObservedRuntime, Snapshot } from '../api/types.js'
import { reportError } from '../lib/log.js'

let latest: Snapshot | undefined
let follower: ((snapshot: Snapshot) => void) | undefined

/** What the stores show of a runtime: its visitor's stage, segments, journeys' steps, consent. */
export const snapshotOf = ({ visitor, loaded, consent }: ObservedRuntime): Snapshot => ({
  stage: visitor.current().stage,
  segments: loaded.journeys?.segments() ?? [],
  journeys: loaded.journeys?.steps() ?? {},
  consent: consent.state(),
})

/**
 * What `init()` hands the runtime as its observer (with `snapshotOf`): keeps the latest snapshot and passes it to
 * the stores, if the app imported them. An app that imports `init` alone gets this file, not
 * nanostores and the stores (src/stores/stores.ts follows on import).
 */
export function publishSnapshot(snapshot: Snapshot): void {
  latest = snapshot
  try {
    follower?.(snapshot)
  } catch (err) {
    reportError('stores', err) // an app's store listener that throws stays the app's
  }
}

/** The stores' side: the latest snapshot now, if `init()` ran before they were imported, then each one. */
export function followSnapshots(write: (snapshot: Snapshot) => void): void {
  follower = write
  if (latest) publishSnapshot(latest)
}
