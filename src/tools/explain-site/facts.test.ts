// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { buildFacts, eventFactKeys } from '../../engine/facts.js'
import { countEvent } from '../../storage/event-counts.js'
import { countPageView, emptyCounts } from '../../storage/visit.js'
import { newVisitor } from '../../storage/visitor.js'
import { countedFacts } from './facts.js'

const minute = 60_000
const now = Date.parse('2026-12-01T12:00:00Z')

describe('countedFacts', () => {
  it("counts what the browser's buildFacts counts (but the page, device, push and clock)", () => {
    let counts = emptyCounts(now - 3 * 24 * 60 * minute)
    counts = countPageView(counts, { path: '/products/a', utm: { source: 'news' }, referrer: 'https://news.test/' }, now - 90 * minute)
    counts = countPageView(counts, { path: '/products/a', utm: {}, referrer: '' }, now - minute)
    counts = { ...counts, events: countEvent(counts.events, 'product_viewed', now - 2 * minute), items: { a: { shown: 1, dismissed: 0, converted: 1 } } }
    const visitor = { ...newVisitor(), userId: 'u1', traits: { plan: 'pro' }, stage: 'consideration' as const }
    const windows = eventFactKeys({ if: { 'events.product_viewed.7d': { $gte: 1 }, 'events.page_view.1h': { $gte: 1 }, 'events.order_completed': 1 } })
    const event = { item: 'a' }
    const variants = { ab: 'x' }
    const page = { url: 'https://shop.test/products/a/?size=42', path: '/products/a/', referrer: '', title: 'Shirt' }
    const { page: browserPage, device, push, time, ...browser } = buildFacts({ page, time: now }, visitor, counts, event, variants, windows)
    expect([device, push, time]).not.toContain(undefined)
    const simulated = countedFacts(now, page.path, visitor, counts, event, variants, windows)
    expect(simulated).toEqual({ ...browser, page: { views: (browserPage as { views: number }).views } })
    expect(simulated).toMatchObject({ page: { views: 2 }, visit: { count: 2, pageviews: 1 }, events: { 'product_viewed.7d': 1, 'page_view.1h': 1 } })
  })
})
