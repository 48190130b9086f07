import { describe, expect, it } from 'vitest'
import { readFact } from './facts.js'

const facts = {
  page: { path: '/cart', query: { 'utm.source': 'news' } },
  item: { 'exit-offer': { shown: 2 } },
  event: { 'order.id': 'A-1', cart: { total: 5 } },
  events: { product_viewed: 4, 'product_viewed.7d': 3, 'checkout.step:2': 1, 'checkout.step:2.24h': 1, page_view: 0 },
}

describe('readFact', () => {
  // [path, expected]
  const rows: Array<[string, unknown]> = [
    ['page.path', '/cart'],
    ['item.exit-offer.shown', 2],
    ['page.query.utm.source', 'news'],
    ['event.order.id', 'A-1'],
    ['event.cart.total', 5],
    ['events.product_viewed', 4],
    ['events.product_viewed.7d', 3],
    ['events.checkout.step:2', 1],
    ['events.checkout.step:2.24h', 1],
    ['events.page_view', 0],
    ['events.product_viewed.30d', undefined],
    ['events.unseen', undefined],
    ['page.path.length', undefined],
    ['user.id', undefined],
  ]
  it.each(rows)('%s', (path, expected) => {
    expect(readFact(facts, path)).toBe(expected)
  })

  it('reads only own keys', () => {
    expect(readFact(facts, 'page.constructor')).toBeUndefined()
    expect(readFact(facts, 'events.product_viewed.toFixed')).toBeUndefined()
  })
})
