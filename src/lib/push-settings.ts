import { createStore, del, get, set } from 'idb-keyval'

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
export const pushStore = () => createStore('journeykit-push', 'kv')
const settingsKey = 'jk:v1:push-settings'

export const readSettings = (): Promise<PushSettings | undefined> => get<PushSettings>(settingsKey, pushStore()).catch(() => undefined)
export const writeSettings = (settings: PushSettings): Promise<void> => set(settingsKey, settings, pushStore())

/** Consent denied: the worker must not report as this visitor any more. */
export const forgetSettings = (): Promise<void> => del(settingsKey, pushStore()).catch(() => undefined)
