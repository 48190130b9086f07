// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { Config } from '../config/types.js'
import { matchQuery } from '../rules/match.js'
import { countEvent } from '../storage/event-counts.js'
import { emptyCounts } from '../storage/visit.js'
import { newVisitor } from '../storage/visitor.js'
import { buildFacts, eventFactKeys } from './facts.js'

const hour = 3_600_000
const day = 24 * hour
const now = Date.parse('2026-11-24T12:00:00Z')
const page = { url: 'https://shop.test/', path: '/', referrer: '', title: '' }

/** Facts after the given events (name and how long ago), for a config. */
function factsAfter(events: Array<[string, number]>, config: unknown) {
  const tallies = events.reduce((all, [name, ago]) => countEvent(all, name, now - ago), {})
  return buildFacts({ page, time: now }, newVisitor(), { ...emptyCounts(now), events: tallies }, {}, {}, eventFactKeys(config))
}

describe('eventFactKeys', () => {
  it('finds the event keys of every query in a config, inside $and, $or and $not too', () => {
    const query = (key: string) => ({ [key]: { $gte: 1 } })
    const config: Config = {
      version: 1,
      rules: [{ id: 'r', on: 'page_view', if: { $and: [query('events.a.1h'), { $or: [query('events.b.24h')] }], $not: query('events.c.7d') } }],
      segments: { s: { if: query('events.d.30d') } },
      journeys: {
        j: {
          entry: { on: 'x', if: query('events.e.90d') },
          exit: [{ on: 'y', if: query('events.f.2h') }],
          goal: { on: 'z', if: query('events.g.3d') },
          steps: [
            { id: 'one', on: 'page_view', if: query('events.h.12h'), show: 'i' },
            { id: 'two', branch: [{ if: query('events.i.14d'), goto: 'one' }] },
          ],
        },
      },
    }
    expect([...eventFactKeys(config).keys()].sort()).toEqual(['a.1h', 'b.24h', 'c.7d', 'd.30d', 'e.90d', 'f.2h', 'g.3d', 'h.12h', 'i.14d'])
  })

  it('splits the name from the window at the last dot, only when that part is a duration', () => {
    const keys = eventFactKeys({
      rules: [{ if: { 'events.checkout.step:2.24h': 1, 'events.checkout.step:2': 1, 'events.product_viewed': 1, 'page.path': '/' } }],
    })
    expect(Object.fromEntries(keys)).toEqual({
      'checkout.step:2.24h': ['checkout.step:2', day],
      'checkout.step:2': ['checkout.step:2', null],
      product_viewed: ['product_viewed', null],
    })
  })

  it('has nothing to find without a config, and survives one with a cycle', () => {
    const cyclic: Record<string, unknown> = { rules: [{ if: { 'events.a.1h': 1 } }] }
    cyclic.self = cyclic
    expect(eventFactKeys(null).size).toBe(0)
    expect(eventFactKeys(cyclic).has('a.1h')).toBe(true)
  })
})

describe('events facts', () => {
  const config = { rules: [{ if: { 'events.product_viewed.7d': { $gte: 3 }, 'events.checkout.step:2.24h': 1, 'events.add_to_cart': { $lt: 1 } } }] }

  it('hold every event’s lifetime count, and only the windows the config asks about', () => {
    const facts = factsAfter(
      [
        ['product_viewed', 10 * day],
        ['product_viewed', 2 * day],
        ['product_viewed', hour],
        ['checkout.step:2', 2 * hour],
        ['page_view', 0],
      ],
      config,
    )
    expect(facts.events).toEqual({
      product_viewed: 3,
      'product_viewed.7d': 2,
      'checkout.step:2': 1,
      'checkout.step:2.24h': 1,
      page_view: 1,
      add_to_cart: 0,
    })
  })

  it('answer queries: events.x, events.x.7d and names with dots', () => {
    const facts = factsAfter(
      [
        ['product_viewed', 3 * day],
        ['product_viewed', 2 * day],
        ['product_viewed', hour],
        ['checkout.step:2', 2 * hour],
      ],
      config,
    )
    expect(matchQuery({ 'events.product_viewed': 3 }, facts)).toBe(true)
    expect(matchQuery({ 'events.product_viewed.7d': { $gte: 3 } }, facts)).toBe(true)
    expect(matchQuery({ 'events.checkout.step:2': 1, 'events.checkout.step:2.24h': { $gte: 1 } }, facts)).toBe(true)
    // An event the config asks about and the visitor never did counts 0 (so `$lt` holds).
    expect(matchQuery({ 'events.add_to_cart': { $lt: 1 } }, facts)).toBe(true)
    expect(matchQuery({ 'events.product_viewed.7d': { $gte: 3 } }, factsAfter([['product_viewed', 8 * day]], config))).toBe(false)
  })

  it('are empty for a visitor who did nothing, without a config', () => {
    expect(buildFacts({ page, time: now }, newVisitor(), emptyCounts(now), {}).events).toEqual({})
  })
})
