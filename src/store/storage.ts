import { createStore, del, get, set, type UseStore } from 'idb-keyval'

/**
 * Key-value state in IndexedDB (through idb-keyval), always mirrored in memory. While it is
 * not durable (consent pending or denied) nothing touches IndexedDB; if IndexedDB is
 * missing, blocked or full, it quietly stays in memory and the page carries on.
 */
export interface Storage {
  read<T>(key: string): Promise<T | undefined>
  write(key: string, value: unknown): void
  /** Start persisting: writes everything held in memory so far. */
  makeDurable(): void
  /** Stop persisting and delete the given keys from IndexedDB and memory. */
  erase(keys: string[]): Promise<void>
}

export const keys = {
  visitor: 'jk:v1:visitor',
} as const

export function createStorage(durable: boolean): Storage {
  const memory = new Map<string, unknown>()
  let database: UseStore | null | undefined

  // Opened on first use, as idb-keyval does with its own default store.
  const open = (): UseStore | null => {
    if (database !== undefined) return database
    try {
      database = typeof indexedDB === 'undefined' ? null : createStore('journeykit', 'state')
    } catch {
      database = null
    }
    return database
  }
  const persist = (key: string, value: unknown) => {
    const db = open()
    if (db) set(key, value, db).catch(() => undefined)
  }

  return {
    async read<T>(key: string) {
      if (memory.has(key)) return memory.get(key) as T
      const db = durable ? open() : null
      if (!db) return undefined
      try {
        const value = await get<T>(key, db)
        if (value !== undefined && !memory.has(key)) memory.set(key, value)
        return memory.get(key) as T | undefined
      } catch {
        return undefined
      }
    },
    write(key, value) {
      memory.set(key, value)
      if (durable) persist(key, value)
    },
    makeDurable() {
      if (durable) return
      durable = true
      memory.forEach((value, key) => persist(key, value))
    },
    async erase(names) {
      durable = false
      names.forEach((key) => memory.delete(key))
      const db = open()
      if (!db) return
      await Promise.all(names.map((key) => del(key, db).catch(() => undefined)))
    },
  }
}
