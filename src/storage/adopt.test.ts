// A grant adopts the visitor an earlier page stored: what was counted while consent was pending
// is counted again onto what is stored, in order (fake-indexeddb stands in for IndexedDB).
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IDBFactory } from 'fake-indexeddb'
import { createStorage } from './storage.js'
import { createVisitorState } from './visitor.js'
import { adoptStoredVisitor } from './adopt.js'

const t0 = Date.parse('2026-11-24T10:00:00Z')
const view = (path: string) => ({ path, utm: {}, referrer: '' })

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory())
  vi.stubGlobal('navigator', {}) // no Web Locks: updates run without one
})

describe('adoptStoredVisitor', () => {
  it('re-counts the page views, events and item events of a pending page onto the stored counts', async () => {
    const earlier = createVisitorState(createStorage(true))
    await earlier.load()
    await earlier.countPageView(view('/'), t0, true)
    await earlier.countEvent('add_to_cart', t0, null, true)

    const storage = createStorage(false)
    const pending = createVisitorState(storage)
    await pending.load()
    await pending.countPageView(view('/cart'), t0 + 60_000, false)
    await pending.countEvent('add_to_cart', t0 + 60_000, null, false)
    await pending.countEvent('item_shown', t0 + 60_000, ['offer', 'shown'], false)
    storage.makeDurable()
    await adoptStoredVisitor(storage, pending, null)

    const { events, items, pageviews, visit } = pending.counts()
    expect(pending.current().anonymousId).toBe(earlier.current().anonymousId)
    expect([pageviews, visit?.count]).toEqual([2, 1])
    expect([events?.page_view?.total, events?.add_to_cart?.total, events?.item_shown?.total]).toEqual([2, 2, 1])
    expect(items?.offer).toEqual({ shown: 1, dismissed: 0, converted: 0 })
    expect(pending.takeUnstored()).toEqual([])
  })
})
