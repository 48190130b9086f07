import { createStore, get, set, type UseStore } from 'idb-keyval'
import { databases, keys } from './names.js'

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
}

/** The database the page and the worker share (the worker keeps its small outbox there too). */
export const pushStore = (): UseStore => createStore(databases.push.name, databases.push.store)

// Async functions: idb-keyval opens the database at once, and where IndexedDB is denied (opaque
// origins) that open throws synchronously, which a `.catch` on the result would not see.
export const readSettings = async (): Promise<PushSettings | undefined> => {
  try {
    return await get<PushSettings>(keys.pushSettings, pushStore())
  } catch {
    return undefined
  }
}
export const writeSettings = async (settings: PushSettings): Promise<void> => set(keys.pushSettings, settings, pushStore())
