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

const store = () => createStore('journeykit-push', 'kv')
export const settingsKey = 'jk:v1:push-settings'

export const readSettings = (): Promise<PushSettings | undefined> => get<PushSettings>(settingsKey, store()).catch(() => undefined)
export const writeSettings = (settings: PushSettings): Promise<void> => set(settingsKey, settings, store())
export const pushStore = store

/** Consent denied: the worker must not report as this visitor any more. */
export const forgetSettings = (): Promise<void> => del(settingsKey, store()).catch(() => undefined)
