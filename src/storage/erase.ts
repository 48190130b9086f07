import { databases, localPrefix } from './names.js'
import { openDatabase, settled } from './idb.js'
import type { PushSettings } from './push-settings.js'

/**
 * Deletes everything journeykit stored on this device (contract §7, consent denied): every
 * IndexedDB store it owns (visitor and counts, the outbox of every tab, the worker's settings
 * and outbox) and its localStorage keys. Stores are cleared, not deleted: a database another
 * tab (or this one) holds open would block `deleteDatabase` until it closes. Databases that do
 * not exist are left unmade where the browser can list them. Never rejects.
 *
 * Resolves with the worker registration's scope the erased settings named (undefined: none):
 * read in the transaction that clears them, so of two tabs denying at once only one gets it,
 * and the caller ends that subscription once (src/storage/consent.ts).
 */
export async function eraseStoredData(): Promise<string | undefined> {
  eraseLocal()
  if (typeof indexedDB === 'undefined') return
  const existing = await existingDatabases()
  const scopes = await Promise.all(
    Object.values(databases)
      .filter(({ name }) => !existing || existing.has(name))
      .map(async ({ name, store }) => {
        try {
          const db = await openDatabase(name, store)
          try {
            const objects = db.transaction(store, 'readwrite').objectStore(store)
            const settings = objects.get('jk:v1:push-settings') // pushKeys.settings: only the worker's store holds it
            objects.clear()
            await settled(objects.transaction)
            return (settings.result as PushSettings | undefined)?.scope
          } finally {
            db.close() // held open, it would block nothing, but it is not needed again
          }
        } catch {
          // opaque origins refuse IndexedDB (nothing was stored); a blocked store stays as it was
        }
      }),
  )
  return scopes.find(Boolean)
}

function eraseLocal(): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i)
      if (key?.startsWith(localPrefix)) localStorage.removeItem(key)
    }
  } catch {
    // no localStorage here: nothing was kept in it
  }
}

async function existingDatabases(): Promise<Set<string> | null> {
  try {
    if (typeof indexedDB.databases !== 'function') return null
    return new Set((await indexedDB.databases()).map((db) => db.name ?? ''))
  } catch {
    return null
  }
}
