// The IndexedDB path of createStorage, on fake-indexeddb (and a stand-in lock manager, to see
// that none is asked for); Chromium remains the proof (examples/e2e/storage.spec.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IDBFactory } from 'fake-indexeddb'
import { createStorage } from './storage.js'
import type { Counts } from './visit.js'

/** Web Locks as a browser grants them: one holder per name, the others wait in order. */
function fakeLocks() {
  const tails = new Map<string, Promise<unknown>>()
  return {
    request: vi.fn((name: string, ...args: unknown[]) => {
      const run = args.at(-1) as (lock: object) => Promise<unknown> // (name, callback) or (name, options, callback)
      const result = (tails.get(name) ?? Promise.resolve()).then(() => run({ name }))
      tails.set(
        name,
        result.catch(() => undefined),
      )
      return result
    }),
  }
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory())
  vi.stubGlobal('navigator', { locks: fakeLocks() })
})

describe('createStorage on IndexedDB', () => {
  it('reads several keys at once, and a returning visitor loads without taking a lock or writing', async () => {
    const tabA = createStorage(true)
    await tabA.update('jk:v1:visitor', () => ({ anonymousId: 'a-1', userId: null, traits: {}, stage: 'awareness' }))
    await tabA.update('jk:v1:counts', () => ({ firstSeen: 1, pageviews: 3, visit: null, pages: {} }))
    const locks = (navigator as unknown as { locks: { request: ReturnType<typeof vi.fn> } }).locks.request
    locks.mockClear()
    const { createVisitorState } = await import('./visitor.js')
    const returning = createVisitorState(createStorage(true))
    await returning.load()
    expect(returning.current().anonymousId).toBe('a-1')
    expect(returning.counts().pageviews).toBe(3)
    expect(locks).not.toHaveBeenCalled()
    expect(await createStorage(true).readMany(['jk:v1:counts', 'jk:v1:none'])).toEqual([{ firstSeen: 1, pageviews: 3, visit: null, pages: {} }, undefined])
  })

  it('a reset (a denial) while the visitor is being read wins: the stored visitor does not come back', async () => {
    await createStorage(true).update('jk:v1:visitor', () => ({ anonymousId: 'stored-1', userId: 'u', traits: {}, stage: 'purchase' }))
    const { createVisitorState } = await import('./visitor.js')
    const storage = createStorage(true)
    const tab = createVisitorState(storage)
    const loading = tab.load() // the runtime reads the visitor while the config downloads
    tab.reset() // consent('denied') arrives meanwhile (its erasing may come after the read)
    const fresh = tab.current().anonymousId
    await loading
    expect(tab.current().anonymousId).toBe(fresh)
    expect(tab.current().userId).toBeNull()
  })

  it('persists durable state where another tab (another storage) reads it', async () => {
    const tabA = createStorage(true)
    await tabA.update<number>('jk:v1:n', (n) => (n ?? 0) + 1)
    const tabB = createStorage(true)
    expect(await tabB.read<number>('jk:v1:n')).toBe(1)
  })

  it('counts every update of two tabs at once, with no Web Lock: each read-modify-write is one IndexedDB transaction', async () => {
    vi.stubGlobal('navigator', {}) // no lock to take: IndexedDB's own ordering must do
    const tabA = createStorage(true)
    const tabB = createStorage(true)
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? tabA : tabB).update<number>('jk:v1:n', (n) => (n ?? 0) + 1)))
    expect(await createStorage(true).read<number>('jk:v1:n')).toBe(20)
  })

  it('takes no Web Lock to update', async () => {
    await createStorage(true).update<number>('jk:v1:n', (n) => (n ?? 0) + 1)
    expect(vi.mocked(navigator.locks.request)).not.toHaveBeenCalled()
  })

  it('two tabs of a new visitor loading at once agree on one visitor id', async () => {
    vi.stubGlobal('navigator', {})
    const { createVisitorState } = await import('./visitor.js')
    const tabs = Array.from({ length: 4 }, () => createVisitorState(createStorage(true)))
    await Promise.all(tabs.map((tab) => tab.load()))
    expect(new Set(tabs.map((tab) => tab.current().anonymousId)).size).toBe(1)
  })

  it('input keeps the stored visit alive for every tab, and never starts one', async () => {
    const { createVisitorState } = await import('./visitor.js')
    const t0 = Date.parse('2026-11-24T10:00:00Z')
    const minutes = (n: number) => t0 + n * 60_000
    const view = { path: '/', utm: {}, referrer: '' }
    const stored = async () => (await createStorage(true).read<Counts>('jk:v1:counts'))?.visit
    const tabA = createVisitorState(createStorage(true))
    await tabA.load()
    expect(await tabA.countPageView(view, t0, true)).toBe(true)
    tabA.touch(minutes(25))
    await vi.waitFor(async () => expect((await stored())?.lastActivity).toBe(minutes(25)))
    const tabB = createVisitorState(createStorage(true))
    await tabB.load()
    expect(await tabB.countPageView(view, minutes(50), true)).toBe(false) // 25 minutes after the input, not 50 after the view
    tabB.touch(minutes(81)) // over: 31 minutes after the last activity
    await tabB.writeCounts((counts) => counts) // after the touch's own transaction
    expect(await stored()).toMatchObject({ count: 1, pageviews: 2, lastActivity: minutes(50) })
  })

  it('an update whose change throws rejects with that error and writes nothing', async () => {
    const storage = createStorage(true)
    await storage.update<number>('jk:v1:n', () => 1)
    await expect(
      storage.update<number>('jk:v1:n', () => {
        throw new Error('no')
      }),
    ).rejects.toThrow('no')
    expect(await createStorage(true).read<number>('jk:v1:n')).toBe(1)
    expect(await storage.update<number>('jk:v1:n', (n) => (n ?? 0) + 1)).toBe(2)
  })

  it('erase deletes the keys from IndexedDB, not only from memory', async () => {
    const storage = createStorage(true)
    await storage.update('jk:v1:visitor', () => ({ id: 'v' }))
    await storage.erase(['jk:v1:visitor'])
    expect(await createStorage(true).read('jk:v1:visitor')).toBeUndefined()
  })

  it('updates without the lock where locks.request rejects (opaque origins)', async () => {
    vi.stubGlobal('navigator', { locks: { request: vi.fn(() => Promise.reject(new DOMException('denied', 'SecurityError'))) } })
    const storage = createStorage(true)
    expect(await storage.update<number>('jk:v1:n', (n) => (n ?? 0) + 1)).toBe(1)
    expect(await storage.update<number>('jk:v1:n', (n) => (n ?? 0) + 1)).toBe(2)
  })

  it('carries on in memory where IndexedDB is denied (open throws synchronously)', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('access to the Indexed Database API is denied in this context', 'SecurityError')
      },
    })
    const storage = createStorage(true)
    expect(await storage.update<number>('jk:v1:n', (n) => (n ?? 0) + 1)).toBe(1)
    expect(await storage.read<number>('jk:v1:n')).toBe(1)
    await storage.erase(['jk:v1:n'])
    expect(await storage.read<number>('jk:v1:n')).toBeUndefined()
  })
})

describe('the start-up read', () => {
  it('is one transaction: the journeys chunk then reads the runs, stored or not, from memory', async () => {
    const { IDBDatabase } = await import('fake-indexeddb')
    const { createVisitorState } = await import('./visitor.js')
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    for (const stored of [undefined, { journeys: {} }]) {
      if (stored) await createStorage(true).update('jk:v1:journeys', () => stored)
      await createVisitorState(createStorage(true)).load() // the first visit writes the visitor
      transactions.mockClear()
      const storage = createStorage(true)
      await createVisitorState(storage).load()
      expect(await storage.read('jk:v1:journeys')).toEqual(stored)
      expect(transactions).toHaveBeenCalledTimes(1)
    }
  })
})
