/**
 * The little of IndexedDB the store needs, by hand: the layout is idb-keyval's (one database
 * per store, opened at version 1 with its one object store made on first open, out-of-line
 * keys), so what either wrote the other reads.
 */

/** Resolves with a request's result or when a transaction completes; rejects on error or abort. */
export const settled = <T>(target: IDBRequest<T> | IDBTransaction): Promise<T> =>
  new Promise((resolve, reject) => {
    const request = target as IDBRequest<T> & IDBTransaction
    request.oncomplete = request.onsuccess = () => resolve(request.result)
    request.onabort = request.onerror = () => reject(target.error)
  })

/**
 * Opens database `name`, making its object store `store` on first open. Rejects where
 * IndexedDB is missing, or denied (opaque origins throw at once: here that is a rejection too).
 */
export const openDatabase = async (name: string, store: string): Promise<IDBDatabase> => {
  const request = indexedDB.open(name)
  request.onupgradeneeded = () => request.result.createObjectStore(store)
  return settled(request)
}

/**
 * One connection to database `name`, opened on first use and opened again once the browser
 * closes it (Safari does), as idb-keyval keeps its own. A failed open stays failed: the callers
 * then carry on in memory.
 */
export const connection = (name: string, store: string) => {
  let opening: Promise<IDBDatabase> | undefined
  return (): Promise<IDBDatabase> =>
    (opening ??= openDatabase(name, store).then((database) => {
      database.onclose = () => (opening = undefined)
      return database
    }))
}
