// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { carriedFrom, carryMessages } from './carry.js'
import { takeCarried, type Carried } from './carried.js'
import type { CapturedCall } from '../api/types.js'
import { newVisitor } from '../storage/visitor.js'

const page = { url: 'https://shop.example/cart?x=1', path: '/cart', referrer: 'https://shop.example/', title: 'Cart', search: '?x=1' }
const call = (n: number, extra: Partial<CapturedCall> = {}): CapturedCall => ({
  method: 'track',
  args: [`e${n}`, { n }],
  moment: { page, time: Date.parse('2026-11-30T10:00:00Z') + n },
  id: `id-${n}`,
  ...extra,
})
const carried = (calls: CapturedCall[]): Carried[] => carriedFrom(calls, { ...newVisitor(), anonymousId: 'anon-1' }, 2, true)

afterEach(() => localStorage.clear())

describe('carried messages', () => {
  it('are the messages the calls would have sent: same id, time and page', () => {
    const [track, pageView, identify, after] = carried([
      call(1),
      call(2, { method: 'page', args: [{ from: 'ad' }] }),
      call(3, { method: 'identify', args: ['u-9', { plan: 'pro' }] }),
      call(4),
    ]).map((c) => c.message)
    expect(track).toMatchObject({
      type: 'track',
      event: 'e1',
      properties: { n: 1 },
      messageId: 'id-1',
      anonymousId: 'anon-1',
      userId: null,
      timestamp: '2026-11-30T10:00:00.001Z',
    })
    expect(track!.context).toMatchObject({ page: { url: page.url, path: '/cart', title: 'Cart' }, journey: { stage: 'awareness', visit: 2 } })
    expect(pageView).toMatchObject({ type: 'page', name: 'Cart', messageId: 'id-2', properties: { url: page.url, path: '/cart', search: '?x=1', from: 'ad' } })
    expect(identify).toMatchObject({ type: 'identify', userId: 'u-9', traits: { plan: 'pro' } })
    expect(after!.userId).toBe('u-9') // the identify before it named the user
  })

  it('leave out calls that send nothing (reset, consent, triggers)', () => {
    const ids = carried([call(1, { method: 'reset', args: [], id: undefined }), call(2, { method: 'grant', id: undefined }), call(3)]).map(
      (c) => c.message.messageId,
    )
    expect(ids).toEqual(['id-3'])
  })

  it('are kept in order across pages and taken once; the 0.1.0 calls key goes', () => {
    localStorage.setItem('jk:v1:unsent', JSON.stringify([call(9)]))
    carryMessages(carried([call(1), call(2)]))
    carryMessages(carried([call(3)]))
    expect(takeCarried().map((c) => c.message.messageId)).toEqual(['id-1', 'id-2', 'id-3'])
    expect(takeCarried()).toEqual([])
    expect(localStorage.getItem('jk:v1:unsent')).toBeNull()
  })

  it('keep at most the last 100 messages', () => {
    carryMessages(carried(Array.from({ length: 150 }, (_, i) => call(i))))
    const taken = takeCarried()
    expect(taken).toHaveLength(100)
    expect(taken[0]!.message.messageId).toBe('id-50')
  })

  it('ignore what is not a message they could send', () => {
    const [good] = carried([call(1)])
    localStorage.setItem('jk:v1:carried', JSON.stringify([good, { message: { type: 'reset' } }, { method: 'track' }, 'junk', null]))
    expect(takeCarried().map((c) => c.message.messageId)).toEqual(['id-1'])
    localStorage.setItem('jk:v1:carried', '{not json')
    expect(takeCarried()).toEqual([])
  })

  it('never throw when storage refuses', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    expect(() => carryMessages(carried([call(1)]))).not.toThrow()
  })
})
