import { databases } from '../storage/names.js'
import { connection } from '../storage/idb.js'
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
  const { name, store } = databases.outbox
  const open = connection(name, store)
  /**
   * Runs requests in one transaction and reads their results once it completes: reads made in
   * two transactions can interleave with another tab's write and misalign keys and values.
   * Any failure moves this tab to memory, answering with `fallback`.
   */
  const request = <T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => () => T, fallback: () => T): Promise<T> => {
    if (memory) return Promise.resolve(fallback())
    const transact = (objects: IDBObjectStore) => {
      const result = run(objects)
      const transaction = objects.transaction
      return new Promise<T>((resolve, reject) => {
        transaction.oncomplete = () => resolve(result())
        transaction.onerror = transaction.onabort = () => reject(transaction.error)
      })
    }
    // Where IndexedDB is missing or denied (opaque origins), opening rejects: memory it is.
    return open()
      .then((database) => transact(database.transaction(store, mode).objectStore(store)))
      .catch(() => {
        memory ??= []
        return fallback()
      })
  }
  const nothing = () => undefined
  const inMemory = () => (memory ??= [])

  return {
    add(messages) {
      const entries = messages.map((message) => ({ key: keyOf(message), message }))
      return request(
        'readwrite',
        (store) => (entries.forEach(({ key, message }) => store.put(message, key)), nothing),
        () => void inMemory().push(...entries),
      )
    },
    peek(limit) {
      return request(
        'readonly',
        (store) => {
          const keys = store.getAllKeys(null, limit)
          const values = store.getAll(null, limit)
          return () => (values.result as Message[]).map((message, i) => ({ key: String(keys.result[i]), message }))
        },
        () => inMemory().slice(0, limit),
      )
    },
    remove(keys) {
      const gone = new Set(keys)
      return request(
        'readwrite',
        (store) => (keys.forEach((key) => store.delete(key)), nothing),
        () => void (memory = inMemory().filter((e) => !gone.has(e.key))),
      )
    },
    clear() {
      return request(
        'readwrite',
        (store) => (store.clear(), nothing),
        () => void (memory = []),
      )
    },
    async trim(now) {
      const cutoff = pad(now - maxAgeMs)
      const [tooOld, count] = await request<[string[], number]>(
        'readonly',
        (store) => {
          const expired = store.getAllKeys(IDBKeyRange.upperBound(cutoff, true))
          const all = store.count()
          return () => [expired.result.map(String), all.result]
        },
        () => [
          inMemory()
            .filter((e) => e.key < cutoff)
            .map((e) => e.key),
          inMemory().length,
        ],
      )
      const overflow = Math.max(0, count - tooOld.length - maxEvents)
      const oldest = overflow ? (await this.peek(tooOld.length + overflow)).map((e) => e.key) : tooOld
      if (oldest.length) await this.remove(oldest)
      return oldest.length
    },
  }
}
