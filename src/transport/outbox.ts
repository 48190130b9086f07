import { createStore, type UseStore } from 'idb-keyval'
import type { Message } from './envelope.js'

/** One stored event: its key orders the outbox oldest first (time, then tab sequence). */
export interface Entry {
  key: string
  message: Message
}

/**
 * Events waiting for the collector, shared by every tab of the site, in IndexedDB (its own
 * database: the outbox outlives the visitor state it is independent of). An event is written
 * before anything tries to send it and deleted only after a 2xx. Where IndexedDB is missing
 * or fails, this tab keeps its events in memory instead.
 */
export interface Outbox {
  add(messages: Message[]): Promise<void>
  /** The oldest `limit` events. */
  peek(limit: number): Promise<Entry[]>
  remove(keys: string[]): Promise<void>
  clear(): Promise<void>
  /** Drops what is past the bounds (count, age), oldest first; says how many went. */
  trim(now: number): Promise<number>
}

export const maxEvents = 10_000
export const maxAgeMs = 7 * 86_400_000
const pad = (time: number) => String(time).padStart(15, '0')
let sequence = 0
const keyOf = (message: Message) => `${pad(Date.now())}:${(sequence++).toString(36).padStart(6, '0')}:${message.messageId}`

export function createOutbox(): Outbox {
  let memory: Entry[] | null = null
  let database: UseStore | null | undefined
  const db = () => {
    if (database === undefined) {
      try {
        database = typeof indexedDB === 'undefined' ? null : createStore('journeykit-outbox', 'events')
      } catch {
        database = null
      }
    }
    return database
  }
  /** Runs a request on the store; any failure moves this tab to memory, keeping `fallback`. */
  const request = <T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T> | void, fallback: () => T): Promise<T> => {
    const store = memory ? null : db()
    if (!store) return Promise.resolve(fallback())
    return store(mode, (objects) => {
      const req = run(objects)
      return new Promise<T>((resolve, reject) => {
        if (!req) return objects.transaction.addEventListener('complete', () => resolve(undefined as T)), void objects.transaction.addEventListener('error', () => reject(objects.transaction.error))
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
    }).catch(() => {
      memory ??= []
      return fallback()
    })
  }
  const inMemory = () => (memory ??= [])

  return {
    add(messages) {
      const entries = messages.map((message) => ({ key: keyOf(message), message }))
      return request('readwrite', (store) => void entries.forEach(({ key, message }) => store.put(message, key)), () => void inMemory().push(...entries))
    },
    async peek(limit) {
      if (memory || !db()) return inMemory().slice(0, limit)
      const [keys, values] = await Promise.all([
        request<IDBValidKey[]>('readonly', (store) => store.getAllKeys(null, limit), () => inMemory().map((e) => e.key)),
        request<Message[]>('readonly', (store) => store.getAll(null, limit), () => inMemory().map((e) => e.message)),
      ])
      return values.slice(0, keys.length).map((message, i) => ({ key: String(keys[i]), message }))
    },
    remove(keys) {
      const gone = new Set(keys)
      return request('readwrite', (store) => void keys.forEach((key) => store.delete(key)), () => void (memory = inMemory().filter((e) => !gone.has(e.key))))
    },
    clear() {
      return request('readwrite', (store) => store.clear(), () => void (memory = []))
    },
    async trim(now) {
      const cutoff = pad(now - maxAgeMs)
      const expired = memory || !db() ? null : IDBKeyRange.upperBound(cutoff, true)
      const tooOld = await request<IDBValidKey[]>('readonly', (store) => store.getAllKeys(expired), () => inMemory().filter((e) => e.key < cutoff).map((e) => e.key))
      const count = await request<number>('readonly', (store) => store.count(), () => inMemory().length)
      const overflow = Math.max(0, count - tooOld.length - maxEvents)
      const oldest = overflow ? (await this.peek(tooOld.length + overflow)).map((e) => e.key) : tooOld.map(String)
      if (oldest.length) await this.remove(oldest)
      return oldest.length
    },
  }
}
