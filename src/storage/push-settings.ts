import type { UseStore } from 'idb-keyval'
import { databases } from './names.js'
import { openDatabase, settled } from './idb.js'

/** The keys of `databases.push` (src/storage/names.ts lists every other name). */
export const pushKeys = {
  settings: 'jk:v1:push-settings',
  /** The worker's own outbox. */
  workerOutbox: 'jk:v1:sw-outbox',
} as const

/**
 * What the page tells the worker (through IndexedDB, which both can read): where to report,
 * as whom, and where clicks may go. Written by the page's push chunk when it registers.
 */
export interface PushSettings {
  collector: string | null
  writeKey?: string
  allowedOrigins: string[]
  vapidPublicKey: string
  anonymousId: string
  userId: string | null
  /** The worker registration's scope: where a denial finds the visitor's subscription to end (src/storage/consent.ts). */
  scope?: string
}

const { name, store } = databases.push

/**
 * The database the page and the worker share (the worker keeps its small outbox there too),
 * in the shape idb-keyval's functions take. Built on src/storage/idb.ts, not on idb-keyval's
 * `createStore`: the push and delivery chunks then share no chunk of their own (one more
 * download round for delivery).
 */
export const pushStore = (): UseStore => async (mode, callback) => callback((await openDatabase(name, store)).transaction(store, mode).objectStore(store))

export const readSettings = async (): Promise<PushSettings | undefined> => {
  try {
    return await pushStore()('readonly', (objects) => settled<PushSettings | undefined>(objects.get(pushKeys.settings)))
  } catch {
    return undefined
  }
}
export const writeSettings = async (settings: PushSettings): Promise<void> =>
  pushStore()('readwrite', (objects) => (objects.put(settings, pushKeys.settings), settled<void>(objects.transaction)))
