import { describe, expect, it } from 'vitest'
import type { Rule } from '../../config/types.js'
import { unseenCounts } from './late-counts.js'

const countProducts: Rule = { id: 'count-product', on: 'page_view', if: { 'page.path': { $startsWith: '/products' } }, track: 'product_viewed' }
const reads = (id: string, on: string, key: string): Rule => ({ id, on, if: { [key]: { $gte: 3 } }, show: 'fan' })

describe('unseenCounts: what the event counts a rule reads leave out (issue 24)', () => {
  it.each<[string, Rule[], string, string | undefined]>([
    [
      'a page view rule reading a count another page view rule tracks',
      [countProducts, reads('big-fan', 'page_view', 'events.product_viewed.7d')],
      'page_view',
      "events.product_viewed.7d leaves out the product_viewed that count-product tracks on this same page_view: it counts once the page_view's rules ran",
    ],
    [
      "a page view rule reading a count only the page's code tracks",
      [reads('big-fan', 'page_view', 'events.product_viewed.7d')],
      'page_view',
      "events.product_viewed.7d counts up to this page view: a product_viewed this page tracks (its track() call) counts once the page view's rules ran",
    ],
    ['a page view rule reading page views: counted before its rules', [reads('r', 'page_view', 'events.page_view.1h')], 'page_view', undefined],
    ['a page view rule reading visit starts: counted with the page view', [reads('r', 'page_view', 'events.visit_start')], 'page_view', undefined],
    ['an event rule reading its own event: counted before its rules', [reads('r', 'add_to_cart', 'events.add_to_cart.24h')], 'add_to_cart', undefined],
    [
      'an exit rule reading a count another exit rule tracks',
      [{ id: 'seen', on: 'exit_intent', track: 'offer_seen' }, reads('again', 'exit_intent', 'events.offer_seen')],
      'exit_intent',
      "events.offer_seen leaves out the offer_seen that seen tracks on this same exit_intent: it counts once the exit_intent's rules ran",
    ],
    ['an exit rule reading a count nothing on the exit tracks', [reads('r', 'exit_intent', 'events.product_viewed.7d')], 'exit_intent', undefined],
    ['a rule of another trigger', [reads('r', 'page_view', 'events.product_viewed.7d')], 'exit_intent', undefined],
  ])('%s', (_, rules, trigger, note) => {
    const rule = rules[rules.length - 1]!
    expect(rule.on === trigger ? unseenCounts(rule, rules) : undefined).toBe(note)
  })
})
