import { databases } from './names.js'
import { connection, settled } from './idb.js'

/**
 * Key-value state in IndexedDB, always mirrored in memory. While it is not durable (consent
 * pending or denied) nothing touches IndexedDB; if IndexedDB is missing, blocked or full, it
 * quietly stays in memory and the page carries on.
 */
export interface Storage {
  read<T>(key: string): Promise<T | undefined>
  /** What IndexedDB holds now (another tab may have written since), not the copy in memory. */
  fresh<T>(key: string): Promise<T | undefined>
  /**
   * Several keys in one IndexedDB transaction (start-up reads the visitor and counts at once).
   * With `fill`, the transaction is read-write and writes the first key with what `fill` makes
   * of its stored value, unless that is undefined: a first visit's id is written with the read,
   * and of two tabs the one whose transaction runs second reads the other's.
   */
  readMany(keys: string[], fill?: (stored: unknown) => unknown): Promise<unknown[]>
  /**
   * Read-modify-write of one key in one read-write transaction: IndexedDB runs such
   * transactions of every tab one after another, so two tabs counting the same page view at
   * once both get counted, neither increment is lost, and no Web Lock is needed. `change` is
   * synchronous (the transaction must not idle); if it throws, nothing is written.
   */
  update<T>(key: string, change: (current: T | undefined) => T): Promise<T>
  /** Start persisting. What memory holds is not written: the caller merges it (consent). */
  makeDurable(): void
  /** Stop persisting and delete the given keys from IndexedDB and memory. */
  erase(keys: string[]): Promise<void>
}

const { name, store } = databases.state

export function createStorage(durable: boolean): Storage {
  const memory = new Map<string, unknown>()
  // Null where IndexedDB is missing or denied (src/storage/idb.ts reopens what the browser closes).
  const connect = connection(name, store)
  const open = () => connect().catch(() => null)
  /** One transaction on the store, or null where there is no database to use. */
  const begin = async (mode: IDBTransactionMode) => (await open())?.transaction(store, mode).objectStore(store) ?? null

  const readMany = async (keys: string[], fill?: (stored: unknown) => unknown): Promise<unknown[]> => {
    const missing = keys.filter((key) => !memory.has(key))
    const fillFirst = (objects?: IDBObjectStore) => {
      const value = fill?.(memory.get(keys[0]!))
      if (value === undefined) return
      memory.set(keys[0]!, value)
      objects?.put(value, keys[0])
    }
    try {
      const objects = durable && missing.length ? await begin(fill ? 'readwrite' : 'readonly') : null
      if (objects) {
        // What is not there is remembered too: reading it again costs no transaction. Once
        // all is read, the first key is filled in, in the same transaction.
        missing.forEach((key, i) => {
          const request = objects.get(key)
          request.onsuccess = () => {
            if (!memory.has(key)) memory.set(key, request.result)
            if (i === missing.length - 1) fillFirst(objects)
          }
        })
        await settled(objects.transaction)
        return keys.map((key) => memory.get(key))
      }
    } catch {
      // blocked or broken: carry on with what memory has
    }
    fillFirst()
    return keys.map((key) => memory.get(key))
  }

  return {
    read: async <T>(key: string) => (await readMany([key]))[0] as T | undefined,
    async fresh<T>(key: string) {
      try {
        const objects = durable ? await begin('readonly') : null
        if (objects) return await settled<T | undefined>(objects.get(key))
      } catch {
        // blocked or broken: carry on with what we had
      }
      return memory.get(key) as T | undefined
    },
    readMany,
    async update<T>(key: string, change: (current: T | undefined) => T) {
      let changed: { next: T } | undefined
      let thrown: { error: unknown } | undefined
      const apply = (current: T | undefined) => {
        changed = { next: change(current) }
        memory.set(key, changed.next)
        return changed.next
      }
      try {
        // IndexedDB is the truth when it is in use (another tab may have written); else memory.
        const objects = durable ? await begin('readwrite') : null
        if (objects) {
          const request = objects.get(key)
          request.onsuccess = () => {
            try {
              objects.put(apply(request.result as T | undefined), key)
            } catch (error) {
              thrown = { error }
              objects.transaction.abort()
            }
          }
          await settled(objects.transaction)
        }
      } catch {
        // full, blocked or broken: what changed stays in memory
      }
      if (thrown) throw thrown.error
      return changed ? changed.next : apply(memory.get(key) as T | undefined)
    },
    makeDurable() {
      durable = true
    },
    async erase(keys) {
      durable = false
      keys.forEach((key) => memory.delete(key))
      try {
        const objects = await begin('readwrite')
        if (!objects) return
        keys.forEach((key) => objects.delete(key))
        await settled(objects.transaction)
      } catch {
        // blocked or broken: nothing more to do here
      }
    },
  }
}
