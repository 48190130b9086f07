import type { ObservedRuntime } from '../api/types.js'

let latest: ObservedRuntime | undefined
let follower: ((runtime: ObservedRuntime) => void) | undefined

/**
 * `init()`'s observer: keeps the runtime it is handed, after every call settles, and hands it on
 * to the stores, if the app imported them. An app that imports `init` alone gets this file, a
 * few bytes, not nanostores, the stores nor the reading of a snapshot (src/stores/stores.ts
 * follows on import, and reads what it shows).
 */
export function publishRuntime(runtime: ObservedRuntime): void {
  latest = runtime
  follower?.(runtime)
}

/** The stores' side: the runtime now, if `init()` ran before they were imported, then each time it is observed. */
export function followRuntime(write: (runtime: ObservedRuntime) => void): void {
  follower = write
  if (latest) write(latest)
}
