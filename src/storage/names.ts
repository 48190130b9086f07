/**
 * Every name journeykit stores anything under, in one place: what `consent('denied')` and
 * `reset()` must reach, and what a site owner's privacy review can read at a glance.
 *
 * Three IndexedDB databases, not one: each has one store, made at version 1 and never
 * upgraded (idb-keyval's layout, which src/storage/idb.ts keeps), and the service worker opens
 * only its own (it must not block the page's upgrades, nor the page its). Keys are namespaced and versioned (`jk:v1:*`).
 */
export const databases = {
  /** The visitor, their visit and counts (src/store). */
  state: { name: 'journeykit', store: 'state' },
  /** Events waiting for the collector, shared by tabs (src/transport). */
  outbox: { name: 'journeykit-outbox', store: 'events' },
  /** What the page tells the service worker, and the worker's own outbox (src/storage/push-settings.ts). */
  push: { name: 'journeykit-push', store: 'kv' },
} as const

export const keys = {
  /** In `databases.state`. */
  visitor: 'jk:v1:visitor',
  counts: 'jk:v1:counts',
  /** Journey runs and segment membership (src/journeys). */
  journeys: 'jk:v1:journeys',
  /** In localStorage: messages a page could not finish sending, carried to the next page. */
  carried: 'jk:v1:carried',
} as const

/*
 * Names that only a lazy chunk or the worker uses live beside their one user, so that the
 * start chunk (which holds this module) does not carry them:
 * - `jk:v1:push-settings`, `jk:v1:sw-outbox` in `databases.push`: src/storage/push-settings.ts;
 * - `jk:v1:unsent` in localStorage (0.1.0's carried calls, removed when read):
 *   src/delivery/carried.ts;
 * - the Web Lock `jk:v1:send` (one sender at a time): src/delivery/sender.ts; and
 *   `journeykit-acting-<tab>` (a tab acting on what its journeys owe): src/journeys/owed.ts.
 *   Updates of the visitor's state take none: each is one read-write IndexedDB transaction,
 *   which IndexedDB runs one at a time.
 */

/** BroadcastChannel names: what one tab tells the others. */
export const channelNames = {
  /** The earliest time a run of the journeys next wakes (src/journeys/runtime.ts). */
  journeys: 'jk:v1:journeys',
  /** A denial, heard by every other tab of the site, which denies too (src/storage/consent.ts). */
  consent: 'jk:v1:consent',
} as const

/** Every localStorage key journeykit writes starts with this. */
export const localPrefix = 'jk:'
