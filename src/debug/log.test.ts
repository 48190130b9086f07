import { afterEach, describe, expect, it, vi } from 'vitest'
import { logJourney } from './log.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('logJourney', () => {
  it('logs one collapsed group per call: entered, each step with its action, what it did, goal, exit', () => {
    const group = vi.spyOn(console, 'groupCollapsed').mockImplementation(() => undefined)
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const end = vi.spyOn(console, 'groupEnd').mockImplementation(() => undefined)
    const where = { journey: 'rescue', run: 1, step: 'hello' }
    logJourney('add_to_cart', [
      { type: 'event', event: 'journey_entered', properties: { journey: 'rescue', run: 1, holdout: false } },
      { type: 'event', event: 'journey_step', properties: { ...where, action: 'show' } },
      { type: 'show', item: 'offer', ...where },
      { type: 'event', event: 'journey_step', properties: { ...where, step: 'ab', action: 'split', goto: 'mail' } },
      { type: 'event', event: 'journey_step', properties: { ...where, step: 'ping', action: 'push', skipped: 'no-subscription' } },
      { type: 'event', event: 'journey_step', properties: { ...where, step: 'mail', action: 'track' } },
      { type: 'track', event: 'winback_requested', properties: where },
      { type: 'event', event: 'journey_step', properties: { ...where, step: 'loyal', action: 'set' } },
      { type: 'set', set: { stage: 'retention' } },
      { type: 'event', event: 'journey_goal', properties: { journey: 'rescue', run: 1, holdout: true } },
      { type: 'event', event: 'journey_exited', properties: { journey: 'rescue', run: 1, reason: 'goal' } },
    ])
    expect(group.mock.calls).toEqual([['journeykit: add_to_cart — journeys']])
    expect(log.mock.calls).toEqual([
      ['+ rescue entered: run 1'],
      ['→ rescue hello: show'],
      ['  show offer'],
      ['→ rescue ab: split → mail'],
      ['→ rescue ping: push (skipped: no-subscription)'],
      ['→ rescue mail: track'],
      ['  track winback_requested'],
      ['→ rescue loyal: set'],
      ['  set', { stage: 'retention' }],
      ['★ rescue goal: run 1, holdout'],
      ['■ rescue run 1 ended: goal'],
    ])
    expect(end).toHaveBeenCalledTimes(1)
  })

  it('names a call where only time passed, and segment changes', () => {
    const group = vi.spyOn(console, 'groupCollapsed').mockImplementation(() => undefined)
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    vi.spyOn(console, 'groupEnd').mockImplementation(() => undefined)
    logJourney(null, [{ type: 'event', event: 'journey_step', properties: { journey: 'j', run: 2, step: 'watch', action: 'else', goto: 'ab' } }])
    logJourney('segments', [
      { type: 'track', event: 'segment_exited', properties: { segment: 'new' } },
      { type: 'track', event: 'segment_entered', properties: { segment: 'returning' } },
    ])
    expect(group.mock.calls).toEqual([['journeykit: a wait ran out — journeys'], ['journeykit: segments — journeys']])
    expect(log.mock.calls).toEqual([['→ j watch: else → ab'], ['segment new: left'], ['segment returning: entered']])
  })
})
