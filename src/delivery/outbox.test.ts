// The IndexedDB paths of the outbox, on fake-indexeddb (Chromium remains the proof: delivery.spec.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb'
import { createOutbox, maxAgeMs, maxEvents } from './outbox.js'
import type { Message } from './envelope.js'

const message = (n: number): Message => ({
  type: 'track',
  event: `e${n}`,
  messageId: `id-${n}`,
  anonymousId: 'a',
  userId: null,
  timestamp: new Date(0).toISOString(),
  context: { library: { name: 'journeykit', version: 'test' } },
})

/** A raw connection to the outbox's database, as another tab (or DevTools) would have. */
const openRaw = () =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('journeykit-outbox')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
const stored = async () => {
  const db = await openRaw()
  const keys = await new Promise<IDBValidKey[]>((resolve) => {
    const request = db.transaction('events').objectStore('events').getAllKeys()
    request.onsuccess = () => resolve(request.result)
  })
  db.close()
  return keys.map(String)
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory()) // a fresh, empty browser profile per test
  vi.stubGlobal('IDBKeyRange', IDBKeyRange)
})
afterEach(() => vi.useRealTimers())

describe('createOutbox on IndexedDB', () => {
  it('stores in IndexedDB, shared by every tab: what one writes, another peeks and removes', async () => {
    const tabA = createOutbox()
    const tabB = createOutbox()
    await tabA.add([message(1), message(2), message(3)])
    expect(await stored()).toHaveLength(3)
    const seen = await tabB.peek(2)
    expect(seen.map((e) => e.message.messageId)).toEqual(['id-1', 'id-2'])
    await tabB.remove(seen.map((e) => e.key))
    expect((await tabA.peek(10)).map((e) => e.message.messageId)).toEqual(['id-3'])
    await tabA.clear()
    expect(await stored()).toEqual([])
  })

  it('peeks keys and values in one transaction: another tab writing in between cannot misalign them', async () => {
    const outbox = createOutbox()
    await outbox.add([message(1), message(2), message(3)])
    const otherTab = await openRaw()
    // Right after the outbox asks for keys, another tab writes an event that sorts first (its
    // clock is a little behind). In a second transaction, the values would include it.
    const getAllKeys = IDBObjectStore.prototype.getAllKeys
    let interleaved = false
    vi.spyOn(IDBObjectStore.prototype, 'getAllKeys').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = getAllKeys.apply(this, args)
      if (!interleaved) {
        interleaved = true
        otherTab.transaction('events', 'readwrite').objectStore('events').put(message(0), `000000000000000:000000:id-0`)
      }
      return request
    })
    const entries = await outbox.peek(3)
    expect(interleaved).toBe(true)
    for (const entry of entries) expect(entry.key.endsWith(`:${entry.message.messageId}`)).toBe(true)
    // and remove() deletes exactly the events it was given
    await outbox.remove(entries.map((e) => e.key))
    const left = await outbox.peek(10)
    expect(left.map((e) => e.message.messageId).sort()).toEqual(
      ['id-0', 'id-1', 'id-2', 'id-3'].filter((id) => !entries.some((e) => e.message.messageId === id)),
    )
    otherTab.close()
  })

  it('trims what is older than 7 days, then the oldest past 10,000, and says how many', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const outbox = createOutbox()
    vi.setSystemTime(0)
    await outbox.add([message(1), message(2)]) // a week and more ago
    vi.setSystemTime(maxAgeMs + 10)
    await outbox.add(Array.from({ length: maxEvents + 3 }, (_, i) => message(100 + i)))
    expect(await outbox.trim(Date.now())).toBe(2 + 3)
    const left = await outbox.peek(maxEvents + 10)
    expect(left).toHaveLength(maxEvents)
    expect(left[0]!.message.messageId).toBe('id-103')
  })

  it('falls back to memory when IndexedDB is denied (opaque origins throw on open)', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('access to the Indexed Database API is denied in this context', 'SecurityError')
      },
    })
    const outbox = createOutbox()
    await outbox.add([message(1), message(2)])
    expect((await outbox.peek(10)).map((e) => e.message.messageId)).toEqual(['id-1', 'id-2'])
    await outbox.remove([(await outbox.peek(1))[0]!.key])
    expect((await outbox.peek(10)).map((e) => e.message.messageId)).toEqual(['id-2'])
    expect(await outbox.trim(Date.now())).toBe(0)
  })
})
