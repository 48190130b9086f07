import { describe, expect, it } from 'vitest'
import { matchQuery } from '../rules/match.js'
import { emptyJourneysState } from './state.js'
import { evaluateSegments, journeyFacts } from './segments.js'

const segments = {
  'hot-shoppers': { if: { 'events.product_viewed.7d': { $gte: 3 }, 'user.traits.plan': { $ne: 'pro' } } },
  returning: { if: { 'visit.count': { $gte: 2 } } },
  'hot-and-back': { if: { 'segment.hot-shoppers': true, 'segment.returning': true } },
}
const facts = (views: number, visits: number, plan = 'free') => ({
  events: { 'product_viewed.7d': views },
  user: { traits: { plan } },
  visit: { count: visits },
})

describe('segments', () => {
  it.each([
    [facts(3, 1), [], ['hot-shoppers'], ['hot-shoppers'], []],
    [facts(3, 2), ['hot-shoppers'], ['hot-shoppers', 'returning', 'hot-and-back'], ['returning', 'hot-and-back'], []],
    [facts(3, 2, 'pro'), ['hot-shoppers', 'returning', 'hot-and-back'], ['returning'], [], ['hot-shoppers', 'hot-and-back']],
    [facts(0, 1), [], [], [], []],
  ])('facts %j, before %j', (now, previous, members, entered, exited) => {
    expect(evaluateSegments(segments, now, previous, (q, f) => matchQuery(q, f))).toEqual({ members, entered, exited })
  })

  it('segment.<id> is true or false for every segment; journeys.<id> gives step, runs and goal', () => {
    const state = {
      ...emptyJourneysState(),
      segments: ['returning'],
      journeys: { j: { runs: 2, goal: true, run: { run: 2, step: 'pause', enteredAt: 0, since: 0, holdout: false } } },
    }
    expect(journeyFacts(segments, { j: { steps: [] }, k: { steps: [] } }, state)).toEqual({
      segment: { 'hot-shoppers': false, returning: true, 'hot-and-back': false },
      journeys: { j: { step: 'pause', runs: 2, goal: true }, k: { step: null, runs: 0, goal: false } },
    })
  })
})
