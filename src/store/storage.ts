import { createStore, del, get, getMany, set, type UseStore } from 'idb-keyval'
import { databases, lockNames } from './names.js'
import { withLock } from '../lib/lock.js'

/**
 * Key-value state in IndexedDB (through idb-keyval), always mirrored in memory. While it is
 * not durable (consent pending or denied) nothing touches IndexedDB; if IndexedDB is
 * missing, blocked or full, it quietly stays in memory and the page carries on.
 */
export interface Storage {
  read<T>(key: string): Promise<T | undefined>
  /** What IndexedDB holds now (another tab may have written since), not the copy in memory. */
  fresh<T>(key: string): Promise<T | undefined>
  /** Several keys in one IndexedDB transaction (start-up reads the visitor and counts at once). */
  readMany(keys: string[]): Promise<unknown[]>
  /**
   * Read-modify-write of one key, one tab at a time (Web Locks): two tabs counting the
   * same page view at once both get counted, neither increment is lost.
   */
  update<T>(key: string, change: (current: T | undefined) => T): Promise<T>
  /** Start persisting. What memory holds is not written: the caller merges it (consent). */
  makeDurable(): void
  /** Stop persisting and delete the given keys from IndexedDB and memory. */
  erase(keys: string[]): Promise<void>
}

export function createStorage(durable: boolean): Storage {
  const memory = new Map<string, unknown>()
  let database: UseStore | null | undefined

  // Opened on first use, as idb-keyval does with its own default store.
  const open = (): UseStore | null => {
    if (database !== undefined) return database
    try {
      database = typeof indexedDB === 'undefined' ? null : createStore(databases.state.name, databases.state.store)
    } catch {
      database = null
    }
    return database
  }
  const readDurable = async <T>(key: string): Promise<T | undefined> => {
    const db = durable ? open() : null
    if (!db) return undefined
    try {
      return await get<T>(key, db)
    } catch {
      return memory.get(key) as T | undefined // blocked or broken: carry on with what we had
    }
  }
  const persist = async (key: string, value: unknown) => {
    const db = durable ? open() : null
    try {
      if (db) await set(key, value, db)
    } catch {
      // full, blocked, or denied (opaque origins: idb-keyval's open throws synchronously there)
    }
  }
  // A refused lock (opaque origins reject the request) runs the update without it.
  const exclusively = <T>(key: string, run: () => Promise<T>): Promise<T> => (durable ? withLock(lockNames.update(key), run) : run())

  const readMany = async (keys: string[]): Promise<unknown[]> => {
    const missing = keys.filter((key) => !memory.has(key))
    const db = durable && missing.length ? open() : null
    try {
      const values = db ? await getMany(missing, db) : []
      missing.forEach((key, i) => values[i] !== undefined && !memory.has(key) && memory.set(key, values[i]))
    } catch {
      // blocked or broken: carry on with what memory has
    }
    return keys.map((key) => memory.get(key))
  }

  return {
    read: async <T>(key: string) => (await readMany([key]))[0] as T | undefined,
    fresh: async <T>(key: string) => (durable && open() ? await readDurable<T>(key) : (memory.get(key) as T | undefined)),
    readMany,
    update<T>(key: string, change: (current: T | undefined) => T) {
      return exclusively(key, async () => {
        // IndexedDB is the truth when it is in use (another tab may have written); else memory.
        const current = durable && open() ? await readDurable<T>(key) : (memory.get(key) as T | undefined)
        const next = change(current)
        memory.set(key, next)
        await persist(key, next)
        return next
      })
    },
    makeDurable() {
      durable = true
    },
    async erase(names) {
      durable = false
      names.forEach((key) => memory.delete(key))
      const db = open()
      if (!db) return
      await Promise.all(names.map(async (key) => del(key, db))).catch(() => undefined)
    },
  }
}
