// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { keepUnsent, takeUnsent } from './unsent.js'
import type { CapturedCall } from './types.js'

const call = (n: number, extra: Partial<CapturedCall> = {}): CapturedCall => ({
  method: 'track',
  args: [`e${n}`, { n }],
  moment: { page: { url: 'https://shop.example/cart', path: '/cart', referrer: '', title: 'Cart' }, time: n },
  id: `id-${n}`,
  ...extra,
})

afterEach(() => localStorage.clear())

describe('unsent calls', () => {
  it('are kept in order across pages and taken once', () => {
    keepUnsent([call(1), call(2)])
    keepUnsent([call(3)])
    expect(takeUnsent().map((c) => c.id)).toEqual(['id-1', 'id-2', 'id-3'])
    expect(takeUnsent()).toEqual([])
  })

  it('keep at most the last 100 calls', () => {
    keepUnsent(Array.from({ length: 150 }, (_, i) => call(i)))
    const taken = takeUnsent()
    expect(taken).toHaveLength(100)
    expect(taken[0]!.id).toBe('id-50')
  })

  it('ignore what is not a call they could replay', () => {
    localStorage.setItem('jk:v1:unsent', JSON.stringify([call(1), { method: 'reset', args: [] }, { method: 'track' }, 'junk', call(2, { method: 'explode' })]))
    expect(takeUnsent().map((c) => c.id)).toEqual(['id-1'])
    localStorage.setItem('jk:v1:unsent', '{not json')
    expect(takeUnsent()).toEqual([])
  })

  it('never throw when storage refuses', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    expect(() => keepUnsent([call(1)])).not.toThrow()
  })
})
