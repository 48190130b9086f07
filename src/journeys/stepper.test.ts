import { describe, expect, it } from 'vitest'
import type { Journey } from '../config/types.js'
import type { Facts } from '../rules/facts.js'
import { matchQuery } from '../rules/match.js'
import { isScheduled, nextOpening } from '../rules/schedule.js'
import { emptyJourneysState, type JourneysState } from './state.js'
import { endAll, stepJourneys, type Effect, type Tools } from './stepper.js'

const hour = 3_600_000
const day = 24 * hour
const t0 = Date.parse('2026-12-01T10:00:00Z')

const tools = (over: Partial<Tools> = {}): Tools => ({
  matches: (query, facts) => matchQuery(query, facts),
  scheduled: (schedule, time) => isScheduled(schedule, time),
  opening: (wait, time) => nextOpening(wait.weekly, wait.timezone, time),
  canShow: () => true,
  canPush: () => true,
  ...over,
})

/** A visitor walking journeys call by call, keeping the state as the glue would. */
function visitor(journeys: Record<string, Journey>, id = 'visitor-1', toolbox = tools()) {
  let state: JourneysState = emptyJourneysState()
  const call = (trigger: string | null, time: number, facts: Facts = {}, enter?: string): Effect[] => {
    const outcome = stepJourneys(journeys, state, { time, visitorId: id, trigger, facts, enter }, toolbox)
    state = outcome.state
    return outcome.effects
  }
  return { call, state: () => state, set: (next: JourneysState) => (state = next) }
}

const names = (effects: Effect[]) =>
  effects.map((effect) =>
    effect.type === 'event'
      ? `${effect.event}${effect.properties.step ? `:${String(effect.properties.step)}` : ''}${effect.properties.reason ? `:${String(effect.properties.reason)}` : ''}`
      : `${effect.type}:${effect.type === 'show' ? effect.item : effect.type === 'track' ? effect.event : ''}`,
  )

describe('entering a journey', () => {
  const journey: Journey = { entry: { on: 'add_to_cart' }, steps: [{ id: 'hello', show: 'offer' }] }

  it('enters on its trigger and runs the steps it can at once', () => {
    const v = visitor({ j: journey })
    expect(names(v.call('page_view', t0))).toEqual([])
    expect(names(v.call('add_to_cart', t0))).toEqual(['journey_entered', 'journey_step:hello', 'show:offer', 'journey_exited:completed'])
    expect(v.state().journeys.j).toMatchObject({ runs: 1, run: undefined })
  })

  it('enters from code (enter) whatever the trigger', () => {
    const v = visitor({ j: { steps: [{ id: 'a', track: 'hi' }] } })
    expect(names(v.call(null, t0, {}, 'j'))).toEqual(['journey_entered', 'journey_step:a', 'track:hi', 'journey_exited:completed'])
  })

  it('checks the entry condition against the facts', () => {
    const v = visitor({ j: { ...journey, entry: { on: 'add_to_cart', if: { 'segment.hot': true } } } })
    expect(v.call('add_to_cart', t0, { segment: { hot: false } })).toEqual([])
    expect(names(v.call('add_to_cart', t0, { segment: { hot: true } }))[0]).toBe('journey_entered')
  })

  it('enters only inside its schedule', () => {
    const v = visitor({ j: { ...journey, schedule: { start: '2026-12-05', timezone: 'UTC' } } })
    expect(v.call('add_to_cart', t0)).toEqual([])
    expect(names(v.call('add_to_cart', t0 + 5 * day))[0]).toBe('journey_entered')
  })

  it.each([
    ['never', [0, 40 * day], [true, false]],
    ['after-exit', [0, hour], [true, true]],
    [{ after: '30d' }, [0, 29 * day, 31 * day], [true, false, true]],
  ] as const)('reentry %j', (reentry, offsets, expected) => {
    const v = visitor({ j: { ...journey, reentry } as Journey })
    const entered = offsets.map((offset) => names(v.call('add_to_cart', t0 + offset)).includes('journey_entered'))
    expect(entered).toEqual(expected)
  })

  it('keeps one run per journey at a time', () => {
    const v = visitor({ j: { entry: { on: 'add_to_cart' }, reentry: 'after-exit', steps: [{ id: 'w', wait: '1d' }] } })
    expect(names(v.call('add_to_cart', t0))).toEqual(['journey_entered'])
    expect(v.call('add_to_cart', t0 + hour)).toEqual([])
    expect(v.state().journeys.j?.runs).toBe(1)
  })
})

describe('steps', () => {
  it('a guarded step waits for a later trigger than the one that entered, and its conditions', () => {
    const v = visitor({ j: { entry: { on: 'page_view' }, steps: [{ id: 'cart', on: 'page_view', if: { 'page.path': '/cart' }, show: 'x' }] } })
    expect(names(v.call('page_view', t0, { page: { path: '/cart' } }))).toEqual(['journey_entered'])
    expect(names(v.call('page_view', t0 + 1, { page: { path: '/shoes' } }))).toEqual([])
    expect(names(v.call('page_view', t0 + 2, { page: { path: '/cart' } }))).toEqual(['journey_step:cart', 'show:x', 'journey_exited:completed'])
  })

  it('a wait holds the run until its end, then the next step runs (a tick while on the page)', () => {
    const v = visitor({
      j: {
        entry: { on: 'go' },
        steps: [
          { id: 'pause', wait: '2h' },
          { id: 'after', track: 'later' },
        ],
      },
    })
    v.call('go', t0)
    expect(v.state().journeys.j?.run).toMatchObject({ step: 'pause', until: t0 + 2 * hour })
    expect(v.call(null, t0 + 2 * hour - 1)).toEqual([])
    expect(names(v.call(null, t0 + 2 * hour))).toEqual(['journey_step:pause', 'journey_step:after', 'track:later', 'journey_exited:completed'])
  })

  it('a wait that ran out while the visitor was away lets the next step take the next page view', () => {
    const v = visitor({
      j: {
        entry: { on: 'go' },
        steps: [
          { id: 'pause', wait: '1d' },
          { id: 'back', on: 'page_view', show: 'welcome-back' },
        ],
      },
    })
    v.call('go', t0)
    expect(names(v.call('page_view', t0 + 3 * day))).toEqual(['journey_step:pause', 'journey_step:back', 'show:welcome-back', 'journey_exited:completed'])
  })

  it('resolves timers that ran out while away in order: a wait, then a within that also ran out takes its else', () => {
    const journey: Journey = {
      entry: { on: 'go' },
      steps: [
        { id: 'pause', wait: '1d' },
        { id: 'watch', on: 'exit_intent', within: '1d', show: 'offer', else: 'remind' },
        { id: 'done', exit: true },
        { id: 'remind', track: 'reminder' },
      ],
    }
    const v = visitor({ j: journey })
    v.call('go', t0)
    expect(names(v.call('page_view', t0 + 5 * day))).toEqual([
      'journey_step:pause',
      'journey_step:watch',
      'journey_step:remind',
      'track:reminder',
      'journey_exited:completed',
    ])
    const withinOnly = visitor({ j: journey })
    withinOnly.call('go', t0)
    // inside the within: the guard is met, the else not taken
    expect(names(withinOnly.call('exit_intent', t0 + day + hour))).toEqual([
      'journey_step:pause',
      'journey_step:watch',
      'show:offer',
      'journey_step:done',
      'journey_exited:completed',
    ])
  })

  it('a within without else ends the run with reason timeout', () => {
    const v = visitor({ j: { entry: { on: 'go' }, steps: [{ id: 'watch', on: 'exit_intent', within: '3d', show: 'x' }] } })
    v.call('go', t0)
    expect(names(v.call('page_view', t0 + 3 * day))).toEqual(['journey_exited:timeout'])
  })

  it('goto jumps; exit: true ends the run as completed', () => {
    const v = visitor({
      j: {
        entry: { on: 'go' },
        steps: [
          { id: 'a', track: 'one', goto: 'c' },
          { id: 'b', track: 'skipped' },
          { id: 'c', track: 'three' },
          { id: 'end', exit: true },
          { id: 'never', track: 'never' },
        ],
      },
    })
    expect(names(v.call('go', t0))).toEqual([
      'journey_entered',
      'journey_step:a',
      'track:one',
      'journey_step:c',
      'track:three',
      'journey_step:end',
      'journey_exited:completed',
    ])
  })

  it('a branch takes the first case that holds, else its else', () => {
    const journey: Journey = {
      entry: { on: 'go' },
      steps: [
        {
          id: 'tag',
          branch: [
            { if: { 'user.traits.vip': true }, goto: 'vip' },
            { if: { 'visit.count': { $gte: 2 } }, goto: 'back' },
          ],
          else: 'new',
        },
        { id: 'vip', track: 'vip', exit: undefined, goto: 'end' },
        { id: 'back', track: 'back', goto: 'end' },
        { id: 'new', track: 'new' },
        { id: 'end', exit: true },
      ],
    }
    const taken = (facts: Facts) =>
      visitor({ j: journey })
        .call('go', t0, facts)
        .filter((effect) => effect.type === 'track')
        .map((effect) => (effect as { event: string }).event)
    expect(taken({ user: { traits: { vip: true } }, visit: { count: 3 } })).toEqual(['vip'])
    expect(taken({ user: { traits: {} }, visit: { count: 3 } })).toEqual(['back'])
    expect(taken({ user: { traits: {} }, visit: { count: 1 } })).toEqual(['new'])
  })

  it('reports the branch and split taken in journey_step.goto', () => {
    const effects = visitor({
      j: {
        entry: { on: 'go' },
        steps: [
          { id: 's', split: [{ weight: 1, goto: 'b' }] },
          { id: 'a', exit: true },
          { id: 'b', exit: true },
        ],
      },
    }).call('go', t0)
    expect(effects[1]).toEqual({ type: 'event', event: 'journey_step', properties: { journey: 'j', run: 1, step: 's', action: 'split', goto: 'b' } })
  })

  it('an item that cannot be shown now waits, and shows on a later call', () => {
    let free = false
    const v = visitor({ j: { entry: { on: 'go' }, steps: [{ id: 'offer', show: 'x' }] } }, 'v', tools({ canShow: () => free }))
    expect(names(v.call('go', t0))).toEqual(['journey_entered'])
    free = true
    expect(names(v.call('page_view', t0 + 1))).toEqual(['journey_step:offer', 'show:x', 'journey_exited:completed'])
  })

  it('a guarded item blocked when its trigger came (a modal open) shows at the next page view, inside its within', () => {
    let free = false
    const steps = [{ id: 'watch', on: 'exit_intent', within: '3d', show: 'offer' }]
    const v = visitor({ j: { entry: { on: 'go' }, steps } }, 'v', tools({ canShow: () => free }))
    expect(names(v.call('go', t0))).toEqual(['journey_entered'])
    expect(names(v.call('exit_intent', t0 + hour))).toEqual([])
    free = true
    expect(names(v.call('page_view', t0 + 2 * hour))).toEqual(['journey_step:watch', 'show:offer', 'journey_exited:completed'])
  })

  it('… but a guard not met yet still waits for its own trigger', () => {
    const v = visitor({ j: { entry: { on: 'go' }, steps: [{ id: 'watch', on: 'exit_intent', show: 'offer' }] } })
    v.call('go', t0)
    expect(names(v.call('page_view', t0 + hour))).toEqual([])
    expect(names(v.call('exit_intent', t0 + 2 * hour))).toEqual(['journey_step:watch', 'show:offer', 'journey_exited:completed'])
  })

  it('a push step without a subscription is skipped, and says so', () => {
    const effects = visitor({ j: { entry: { on: 'go' }, steps: [{ id: 'p', push: { title: 'Hi' } }] } }, 'v', tools({ canPush: () => false })).call('go', t0)
    expect(effects.filter((effect) => effect.type === 'push')).toEqual([])
    expect(effects[1]).toMatchObject({ properties: { step: 'p', action: 'push', skipped: 'no-subscription' } })
  })

  it('set hands its stage and traits over', () => {
    const effects = visitor({ j: { entry: { on: 'go' }, steps: [{ id: 's', set: { stage: 'retention', loyal: true } }] } }).call('go', t0)
    expect(effects).toContainEqual({ type: 'set', set: { stage: 'retention', loyal: true } })
  })

  it('a runaway loop (refused by validation) stops instead of spinning', () => {
    const v = visitor({
      j: {
        entry: { on: 'go' },
        steps: [
          { id: 'a', track: 'x', goto: 'b' },
          { id: 'b', track: 'y', goto: 'a' },
        ],
      },
    })
    expect(v.call('go', t0).length).toBeLessThan(20)
  })
})

describe('exit and goal', () => {
  const journey: Journey = {
    entry: { on: 'add_to_cart' },
    exit: [{ on: 'order_completed' }, { on: 'unsubscribe' }],
    goal: { on: 'order_completed', within: '7d' },
    steps: [
      { id: 'pause', wait: '2d' },
      { id: 'nudge', track: 'nudge' },
    ],
  }

  it('a goal within its window ends the waiting run with reason goal', () => {
    const v = visitor({ j: journey })
    v.call('add_to_cart', t0)
    expect(names(v.call('order_completed', t0 + day))).toEqual(['journey_goal', 'journey_exited:goal'])
    expect(v.state().journeys.j).toMatchObject({ goal: true, run: undefined })
  })

  it('an exit trigger cancels the wait; after the goal window the same event is only an exit', () => {
    const v = visitor({ j: { ...journey, steps: [{ id: 'pause', wait: '30d' }] } })
    v.call('add_to_cart', t0)
    expect(names(v.call('unsubscribe', t0 + hour))).toEqual(['journey_exited:exit'])
    const late = visitor({ j: { ...journey, steps: [{ id: 'pause', wait: '30d' }] } })
    late.call('add_to_cart', t0)
    expect(names(late.call('order_completed', t0 + 8 * day))).toEqual(['journey_exited:exit'])
  })

  it('keeps measuring the goal after a run completed, until its window closes', () => {
    const v = visitor({ j: journey })
    v.call('add_to_cart', t0)
    v.call(null, t0 + 2 * day) // nudge, completed
    expect(names(v.call('order_completed', t0 + 3 * day))).toEqual(['journey_goal'])
    const late = visitor({ j: journey })
    late.call('add_to_cart', t0)
    late.call(null, t0 + 2 * day)
    expect(late.call('order_completed', t0 + 8 * day)).toEqual([])
  })
})

describe('holdout and split over 10,000 visitors', () => {
  const visitors = Array.from({ length: 10_000 }, (_, i) => `visitor-${i}`)

  it('holds out the given percent (±2%), sticky, taking no step but measuring the goal', () => {
    const journey: Journey = { entry: { on: 'go' }, holdout: 10, reentry: 'after-exit', goal: { on: 'buy', within: '7d' }, steps: [{ id: 'a', track: 'x' }] }
    let held = 0
    for (const id of visitors) {
      const v = visitor({ j: journey }, id)
      const effects = v.call('go', t0)
      const holdout = effects[0]?.type === 'event' && effects[0].properties.holdout === true
      if (!holdout) continue
      held++
      expect(effects.some((effect) => effect.type === 'track')).toBe(false)
      expect(names(v.call('buy', t0 + day))).toEqual(['journey_goal', 'journey_exited:goal'])
      expect(v.call('go', t0 + 2 * day)[0]).toMatchObject({ properties: { holdout: true } }) // sticky
    }
    expect(held / visitors.length).toBeGreaterThan(0.08)
    expect(held / visitors.length).toBeLessThan(0.12)
  })

  it('a split is weighted (±2%) and sticky per visitor', () => {
    const journey: Journey = {
      entry: { on: 'go' },
      reentry: 'after-exit',
      steps: [
        {
          id: 'ab',
          split: [
            { weight: 30, goto: 'a' },
            { weight: 70, goto: 'b' },
          ],
        },
        { id: 'a', track: 'a', exit: undefined, goto: 'end' },
        { id: 'b', track: 'b' },
        { id: 'end', exit: true },
      ],
    }
    let a = 0
    for (const id of visitors) {
      const v = visitor({ j: journey }, id)
      const first = v.call('go', t0).find((effect) => effect.type === 'track')
      const again = v.call('go', t0 + day).find((effect) => effect.type === 'track')
      expect(again).toEqual({ ...first, properties: { ...(first as { properties: object }).properties, run: 2 } })
      if ((first as { event: string }).event === 'a') a++
    }
    expect(a / visitors.length).toBeGreaterThan(0.28)
    expect(a / visitors.length).toBeLessThan(0.32)
  })
})

describe('weekly waits in a zone other than the machine’s, across DST', () => {
  it.each([
    // New York leaves daylight time on Sunday 1 November 2026: 08:00 is 13:00 UTC, not 12:00.
    ['America/New_York', ['sun'], '08:00', '2026-10-31T12:00:00Z', '2026-11-01T13:00:00.000Z'],
    // Belgrade leaves it on Sunday 25 October 2026: Monday 08:00 is 07:00 UTC.
    ['Europe/Belgrade', ['mon'], '08:00', '2026-10-24T12:00:00Z', '2026-10-26T07:00:00.000Z'],
    // Sydney enters daylight time on Sunday 4 October 2026: Thursday 08:00 is 21:00 UTC the day before.
    ['Australia/Sydney', ['thu'], '08:00', '2026-10-03T00:00:00Z', '2026-10-07T21:00:00.000Z'],
  ] as const)('%s: the run goes on at the next opening', (timezone, days, from, start, opening) => {
    const v = visitor({
      j: {
        entry: { on: 'go' },
        steps: [
          { id: 'w', wait: { weekly: [{ days: [...days], from, to: '20:00' }], timezone } },
          { id: 'go-on', track: 'x' },
        ],
      },
    })
    v.call('go', Date.parse(start))
    expect(new Date(v.state().journeys.j!.run!.until!).toISOString()).toBe(opening)
    expect(v.call(null, Date.parse(opening) - 1)).toEqual([])
    expect(names(v.call(null, Date.parse(opening)))).toContain('track:x')
  })

  it('a window open now lets the run go on at once', () => {
    const v = visitor({
      j: {
        entry: { on: 'go' },
        steps: [
          { id: 'w', wait: { weekly: [{ days: ['tue'], from: '08:00', to: '20:00' }], timezone: 'UTC' } },
          { id: 'x', track: 'x' },
        ],
      },
    })
    expect(names(v.call('go', t0))).toContain('track:x') // t0 is Tuesday 10:00 UTC
  })
})

describe('config changes and reset', () => {
  const journey: Journey = {
    entry: { on: 'go' },
    steps: [
      { id: 'pause', wait: '1d' },
      { id: 'next', track: 'x' },
    ],
  }

  it('a run whose step still exists carries on; one whose step is gone exits as changed', () => {
    const v = visitor({ j: journey })
    v.call('go', t0)
    const kept = stepJourneys(
      { j: { ...journey, steps: [{ id: 'new-first', track: 'no' }, ...journey.steps] } },
      v.state(),
      { time: t0 + day, visitorId: 'v', trigger: null, facts: {} },
      tools(),
    )
    expect(names(kept.effects)).toEqual(['journey_step:pause', 'journey_step:next', 'track:x', 'journey_exited:completed'])
    const gone = stepJourneys(
      { j: { ...journey, steps: [{ id: 'other', track: 'no' }] } },
      v.state(),
      { time: t0 + hour, visitorId: 'v', trigger: null, facts: {} },
      tools(),
    )
    expect(names(gone.effects)).toEqual(['journey_exited:changed'])
  })

  it('a journey gone from the config ends its run as changed', () => {
    const v = visitor({ j: journey })
    v.call('go', t0)
    expect(names(stepJourneys({}, v.state(), { time: t0 + hour, visitorId: 'v', trigger: null, facts: {} }, tools()).effects)).toEqual([
      'journey_exited:changed',
    ])
  })

  it('reset ends every active run with reason reset', () => {
    const v = visitor({ j: journey, k: journey })
    v.call('go', t0)
    const outcome = endAll(v.state(), 'reset', t0 + 1)
    expect(names(outcome.effects)).toEqual(['journey_exited:reset', 'journey_exited:reset'])
    expect(outcome.state.journeys.j?.run).toBeUndefined()
  })
})

describe('the contract §8 example, walked', () => {
  const cartRescue: Journey = {
    entry: { on: 'add_to_cart', if: { 'segment.hot-shoppers': true } },
    exit: [{ on: 'order_completed' }],
    goal: { on: 'order_completed', within: '7d' },
    reentry: { after: '30d' },
    steps: [
      { id: 'nudge', show: 'cart-reminder', on: 'page_view', if: { 'page.path': { $startsWith: '/cart' } } },
      { id: 'pause', wait: '2h' },
      { id: 'watch', on: 'exit_intent', within: '3d', show: 'cart-offer', else: 'ab' },
      { id: 'done', exit: true },
      {
        id: 'ab',
        split: [
          { weight: 50, goto: 'mail' },
          { weight: 50, goto: 'thursday' },
        ],
      },
      { id: 'mail', track: 'winback_requested', goto: 'done' },
      { id: 'thursday', wait: { weekly: [{ days: ['thu'], from: '08:00', to: '20:00' }], timezone: 'Europe/Belgrade' } },
      { id: 'last', on: 'page_view', show: 'last-chance' },
      { id: 'tag', branch: [{ if: { 'item.last-chance.converted': { $gte: 1 } }, goto: 'loyal' }], else: 'done' },
      { id: 'loyal', set: { stage: 'retention', winback: true } },
    ],
  }
  const hot = { segment: { 'hot-shoppers': true } }

  it('a hot shopper: reminder on the cart, offer on exit intent after the pause', () => {
    const v = visitor({ 'cart-rescue': cartRescue })
    expect(names(v.call('add_to_cart', t0, hot))).toEqual(['journey_entered'])
    expect(names(v.call('page_view', t0 + 60_000, { ...hot, page: { path: '/cart' } }))).toEqual(['journey_step:nudge', 'show:cart-reminder'])
    expect(v.call('exit_intent', t0 + hour, hot)).toEqual([]) // still pausing
    expect(names(v.call('exit_intent', t0 + 3 * hour, hot))).toEqual([
      'journey_step:pause',
      'journey_step:watch',
      'show:cart-offer',
      'journey_step:done',
      'journey_exited:completed',
    ])
  })

  it('no exit intent in 3 days: the split, and on the Thursday branch the last chance', () => {
    const visitors = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => visitor({ 'cart-rescue': cartRescue }, id))
    const paths = visitors.map((v) => {
      v.call('add_to_cart', t0, hot)
      v.call('page_view', t0 + 60_000, { ...hot, page: { path: '/cart' } })
      return names(v.call('page_view', t0 + 4 * day, { ...hot, page: { path: '/' } }))
    })
    const mailed = paths.filter((path) => path.includes('track:winback_requested'))
    const waiting = paths.filter((path) => !path.includes('track:winback_requested'))
    expect(mailed.length + waiting.length).toBe(6)
    for (const path of waiting) expect(path).toEqual(['journey_step:pause', 'journey_step:watch', 'journey_step:ab'])
    const thursday = visitors.find((_, i) => !paths[i]!.includes('track:winback_requested'))
    if (thursday) {
      // 2026-12-10 is a Thursday; 09:00 in Belgrade is 08:00 UTC
      expect(names(thursday.call('page_view', Date.parse('2026-12-10T09:00:00Z'), { ...hot, item: {} }))).toEqual([
        'journey_step:thursday',
        'journey_step:last',
        'show:last-chance',
        'journey_step:tag',
        'journey_step:done',
        'journey_exited:completed',
      ])
    }
  })
})

describe('a loop through a weekly wait acts once per opening', () => {
  const thursday = { weekly: [{ days: ['thu' as const], from: '08:00', to: '20:00' }], timezone: 'Europe/Belgrade' }
  const digest: Journey = {
    entry: { on: 'go' },
    steps: [
      { id: 'send', track: 'digest_sent' },
      { id: 'thursday', wait: thursday, goto: 'send' },
    ],
  }
  const sent = (effects: Effect[]) => names(effects).filter((name) => name === 'track:digest_sent').length
  // Thursday 2026-12-10: Belgrade is UTC+1, the window is 07:00–19:00 UTC.
  const at = (iso: string) => Date.parse(iso)

  it('sends once on a Thursday, then at the next Thursday’s opening', () => {
    const v = visitor({ j: digest })
    expect(sent(v.call('go', at('2026-12-10T09:00:00Z')))).toBe(1)
    expect(v.state().journeys.j?.run).toMatchObject({ step: 'thursday', until: at('2026-12-17T07:00:00Z') })
    expect(sent(v.call('page_view', at('2026-12-10T15:00:00Z')))).toBe(0)
    expect(v.call(null, at('2026-12-17T07:00:00Z') - 1)).toEqual([])
    expect(names(v.call(null, at('2026-12-17T07:00:00Z')))).toEqual(['journey_step:thursday', 'journey_step:send', 'track:digest_sent'])
    expect(sent(v.call('page_view', at('2026-12-17T18:59:00Z')))).toBe(0)
  })

  it('entered outside a window: the first send, then the opening', () => {
    const v = visitor({ j: digest })
    expect(sent(v.call('go', at('2026-12-08T09:00:00Z')))).toBe(1) // a Tuesday
    expect(v.state().journeys.j?.run?.until).toBe(at('2026-12-10T07:00:00Z'))
    expect(sent(v.call('page_view', at('2026-12-10T10:00:00Z')))).toBe(1)
    expect(sent(v.call('page_view', at('2026-12-10T11:00:00Z')))).toBe(0)
  })

  it('a visitor away for weeks who comes back on a Thursday gets one digest, not one per missed opening', () => {
    const v = visitor({ j: digest })
    v.call('go', at('2026-12-08T09:00:00Z'))
    expect(sent(v.call('page_view', at('2027-01-07T10:00:00Z')))).toBe(1) // a Thursday, four weeks on
    expect(v.state().journeys.j?.run?.until).toBe(at('2027-01-14T07:00:00Z'))
  })

  it('a loop whose body falls through the list acts again at the next opening', () => {
    const v = visitor({
      j: {
        entry: { on: 'go' },
        steps: [
          { id: 'thursday', wait: thursday },
          { id: 'send', track: 'digest_sent' },
          { id: 'log', track: 'logged', goto: 'thursday' },
        ],
      },
    })
    expect(names(v.call('go', at('2026-12-10T09:00:00Z')))).toEqual([
      'journey_entered',
      'journey_step:thursday',
      'journey_step:send',
      'track:digest_sent',
      'journey_step:log',
      'track:logged',
    ])
    expect(names(v.call(null, at('2026-12-17T07:00:00Z')))).toEqual([
      'journey_step:thursday',
      'journey_step:send',
      'track:digest_sent',
      'journey_step:log',
      'track:logged',
    ])
  })
})

describe('journey_step for every step passed', () => {
  it('a wait sends journey_step with action wait when it ends', () => {
    const v = visitor({
      j: {
        entry: { on: 'go' },
        steps: [
          { id: 'pause', wait: '2h' },
          { id: 'after', track: 'later' },
        ],
      },
    })
    expect(names(v.call('go', t0))).toEqual(['journey_entered'])
    const effects = v.call(null, t0 + 2 * hour)
    expect(effects[0]).toEqual({ type: 'event', event: 'journey_step', properties: { journey: 'j', run: 1, step: 'pause', action: 'wait' } })
    expect(names(effects)).toEqual(['journey_step:pause', 'journey_step:after', 'track:later', 'journey_exited:completed'])
  })
})

describe('a run remembers the steps it has done (config changes)', () => {
  const at = (config: Journey, state: JourneysState, time: number, trigger: string | null = null) =>
    stepJourneys({ j: config }, state, { time, visitorId: 'v', trigger, facts: {} }, tools())

  it('a done step that the new config moved after the current one does not act again', () => {
    const v = visitor({
      j: {
        entry: { on: 'go' },
        steps: [
          { id: 'a', track: 'a' },
          { id: 'b', on: 'page_view', show: 'b' },
          { id: 'c', track: 'c' },
        ],
      },
    })
    expect(names(v.call('go', t0))).toEqual(['journey_entered', 'journey_step:a', 'track:a'])
    const moved: Journey = {
      entry: { on: 'go' },
      steps: [
        { id: 'b', on: 'page_view', show: 'b' },
        { id: 'a', track: 'a' },
        { id: 'c', track: 'c' },
      ],
    }
    expect(names(at(moved, v.state(), t0 + hour, 'page_view').effects)).toEqual([
      'journey_step:b',
      'show:b',
      'journey_step:c',
      'track:c',
      'journey_exited:completed',
    ])
  })

  it('… also when the run waits at a step in between first', () => {
    const v = visitor({
      j: {
        entry: { on: 'go' },
        steps: [
          { id: 'a', track: 'a' },
          { id: 'b', track: 'b' },
          { id: 'w', wait: '1d' },
          { id: 'd', track: 'd' },
        ],
      },
    })
    v.call('go', t0)
    const moved: Journey = {
      entry: { on: 'go' },
      steps: [
        { id: 'w', wait: '1d' },
        { id: 'b', track: 'b' },
        { id: 'x', wait: '1h' },
        { id: 'a', track: 'a' },
        { id: 'd', track: 'd' },
      ],
    }
    const first = at(moved, v.state(), t0 + day)
    expect(names(first.effects)).toEqual(['journey_step:w'])
    expect(first.state.journeys.j?.run?.step).toBe('x')
    expect(names(at(moved, first.state, t0 + day + hour).effects)).toEqual(['journey_step:x', 'journey_step:d', 'track:d', 'journey_exited:completed'])
  })

  it('a done step reached by an explicit goto runs again', () => {
    const v = visitor({
      j: {
        entry: { on: 'go' },
        steps: [
          { id: 'a', track: 'a' },
          { id: 'w', wait: '1d', goto: 'a' },
        ],
      },
    })
    expect(names(v.call('go', t0))).toContain('track:a')
    expect(names(v.call(null, t0 + day))).toEqual(['journey_step:w', 'journey_step:a', 'track:a'])
    expect(names(v.call(null, t0 + 2 * day))).toEqual(['journey_step:w', 'journey_step:a', 'track:a'])
  })

  it('a step whose wait changed starts its own clock; one unchanged keeps its deadline', () => {
    const journey: Journey = {
      entry: { on: 'go' },
      steps: [
        { id: 'pause', wait: '2d' },
        { id: 'next', track: 'x' },
      ],
    }
    const v = visitor({ j: journey })
    v.call('go', t0)
    const same = at({ ...journey, steps: [{ id: 'new', track: 'no' }, ...journey.steps] }, v.state(), t0 + day)
    expect(same.state.journeys.j?.run?.until).toBe(t0 + 2 * day)
    const shorter = at({ ...journey, steps: [{ id: 'pause', wait: '1h' }, journey.steps[1]!] }, v.state(), t0 + day)
    expect(shorter.effects).toEqual([])
    expect(shorter.state.journeys.j?.run).toMatchObject({ step: 'pause', since: t0 + day, until: t0 + day + hour })
  })

  it('a step whose guard changed starts its own clock for its within', () => {
    const journey: Journey = { entry: { on: 'go' }, steps: [{ id: 'watch', on: 'exit_intent', within: '3d', show: 'x' }] }
    const v = visitor({ j: journey })
    v.call('go', t0)
    const changed = at({ ...journey, steps: [{ id: 'watch', on: 'scroll', percent: 50, within: '3d', show: 'x' }] }, v.state(), t0 + 2 * day)
    expect(changed.state.journeys.j?.run).toMatchObject({ since: t0 + 2 * day, until: t0 + 5 * day })
    // key order alone is no change
    const reordered = at({ ...journey, steps: [{ show: 'x', within: '3d', on: 'exit_intent', id: 'watch' }] }, v.state(), t0 + 2 * day)
    expect(reordered.state.journeys.j?.run).toMatchObject({ since: t0, until: t0 + 3 * day })
  })
})

describe('holdout runs end with their goal window', () => {
  const held: Journey = { entry: { on: 'go' }, holdout: 100, reentry: 'after-exit', goal: { on: 'buy', within: '7d' }, steps: [{ id: 'a', track: 'x' }] }

  it('ends completed when the goal window closes, and is due then', () => {
    const v = visitor({ j: held })
    expect(names(v.call('go', t0))).toEqual(['journey_entered'])
    expect(v.state().journeys.j?.run?.until).toBe(t0 + 7 * day)
    expect(v.call(null, t0 + 7 * day - 1)).toEqual([])
    expect(names(v.call(null, t0 + 7 * day))).toEqual(['journey_exited:completed'])
    expect(names(v.call('go', t0 + 8 * day))).toEqual(['journey_entered'])
  })

  it('ends at its goal inside the window', () => {
    const v = visitor({ j: held })
    v.call('go', t0)
    expect(names(v.call('buy', t0 + day))).toEqual(['journey_goal', 'journey_exited:goal'])
  })

  it('a goal without within: ends completed at once and is measured no longer', () => {
    const v = visitor({ j: { ...held, goal: { on: 'buy' } } })
    expect(names(v.call('go', t0))).toEqual(['journey_entered', 'journey_exited:completed'])
    expect(v.state().journeys.j?.run).toBeUndefined()
    expect(v.call('buy', t0 + day)).toEqual([])
  })
})

describe('a runaway walk stops at its bound and says where', () => {
  const walk = (journey: Journey, state: JourneysState, time: number, trigger: string | null, toolbox = tools()) =>
    stepJourneys({ j: journey }, state, { time, visitorId: 'v', trigger, facts: {} }, toolbox)

  it('a goto loop: each step acts once, then the run is parked and reported', () => {
    const journey: Journey = {
      entry: { on: 'go' },
      steps: [
        { id: 'a', track: 'x', goto: 'b' },
        { id: 'b', track: 'y', goto: 'a' },
      ],
    }
    const first = walk(journey, emptyJourneysState(), t0, 'go')
    expect(names(first.effects)).toEqual(['journey_entered', 'journey_step:a', 'track:x', 'journey_step:b', 'track:y'])
    expect(first.stopped).toEqual([{ journey: 'j', step: 'a', chain: ['a', 'b', 'a'], reason: 'loop' }])
    expect(first.state.journeys.j?.run?.until).toBeUndefined() // nothing for the glue to wake for
    // parked: later calls do nothing more, and say nothing more
    const later = walk(journey, first.state, t0 + hour, 'page_view')
    expect(later.effects).toEqual([])
    expect(later.stopped).toBeUndefined()
  })

  it('a loop through a track step its own guard listens for: stopped when its echo comes at the same moment', () => {
    const journey: Journey = { entry: { on: 'go' }, steps: [{ id: 'a', on: 'ping', track: 'ping', goto: 'a' }] }
    const entered = walk(journey, emptyJourneysState(), t0, 'go')
    const acted = walk(journey, entered.state, t0 + 1, 'ping')
    expect(names(acted.effects)).toEqual(['journey_step:a', 'track:ping'])
    expect(acted.stopped).toBeUndefined()
    // the glue steps the tracked `ping` at the moment of the call that tracked it
    const echo = walk(journey, acted.state, t0 + 1, 'ping')
    expect(echo.effects).toEqual([])
    expect(echo.stopped).toEqual([{ journey: 'j', step: 'a', chain: ['a', 'a'], reason: 'loop' }])
    expect(walk(journey, echo.state, t0 + 1, 'ping').effects).toEqual([])
    // a real ping later does not act either: the run is parked until its config changes
    expect(walk(journey, echo.state, t0 + hour, 'ping').effects).toEqual([])
    // a config that changes a step of the loop lets it go on (that step starts its own clock)
    const fixed: Journey = { ...journey, steps: [{ id: 'a', on: 'ping', track: 'pong', goto: 'a' }] }
    const unparked = walk(fixed, echo.state, t0 + 2 * hour, 'ping')
    expect(unparked.effects).toEqual([])
    expect(names(walk(fixed, unparked.state, t0 + 3 * hour, 'ping').effects)).toEqual(['journey_step:a', 'track:pong'])
  })

  it('a weekly loop whose tools cannot name the opening: stopped after one pass', () => {
    const journey: Journey = {
      entry: { on: 'go' },
      steps: [
        { id: 'send', track: 'digest_sent' },
        { id: 'thursday', wait: { weekly: [{ days: ['tue'], from: '08:00', to: '20:00' }], timezone: 'UTC' }, goto: 'send' },
      ],
    }
    const outcome = walk(journey, emptyJourneysState(), t0, 'go', tools({ openedAt: () => null }))
    expect(names(outcome.effects)).toEqual(['journey_entered', 'journey_step:send', 'track:digest_sent', 'journey_step:thursday'])
    expect(outcome.stopped).toEqual([{ journey: 'j', step: 'send', chain: ['send', 'thursday', 'send'], reason: 'loop' }])
  })

  it('a zero wait in a loop: stopped after one pass', () => {
    const journey: Journey = {
      entry: { on: 'go' },
      steps: [
        { id: 'send', track: 'x' },
        { id: 'w', wait: '0s', goto: 'send' },
      ],
    }
    const outcome = walk(journey, emptyJourneysState(), t0, 'go')
    expect(names(outcome.effects)).toEqual(['journey_entered', 'journey_step:send', 'track:x', 'journey_step:w'])
    expect(outcome.stopped).toEqual([{ journey: 'j', step: 'send', chain: ['send', 'w', 'send'], reason: 'loop' }])
    expect(outcome.state.journeys.j?.run?.until).toBeUndefined()
  })

  it('a loop of timers catching up on a long absence is cut at the bound, and goes on at the next call', () => {
    const journey: Journey = { entry: { on: 'go' }, steps: [{ id: 'a', on: 'never', within: '1h', else: 'a', show: 'x' }] }
    const entered = walk(journey, emptyJourneysState(), t0, 'go')
    const back = walk(journey, entered.state, t0 + 30 * day, 'page_view')
    expect(back.effects.length).toBeLessThanOrEqual(110)
    expect(back.stopped).toEqual([{ journey: 'j', step: 'a', chain: ['a'], reason: 'limit' }])
    expect(back.state.journeys.j?.run?.until).toBeLessThan(t0 + 30 * day) // still due: the glue wakes at once
    const after = walk(journey, back.state, t0 + 30 * day, null)
    expect(after.effects.length).toBeGreaterThan(0)
  })
})

describe('journeys gone from the config', () => {
  it('with no journeys left, every stored run ends changed, whatever its id', () => {
    const journey: Journey = { entry: { on: 'go' }, steps: [{ id: 'pause', wait: '1d' }] }
    const v = visitor({ j: journey, toString: journey, constructor: journey })
    v.call('go', t0)
    for (const journeys of [{}, undefined]) {
      const outcome = stepJourneys(journeys as never, v.state(), { time: t0 + hour, visitorId: 'v', trigger: 'page_view', facts: {} }, tools())
      expect(names(outcome.effects)).toEqual(['journey_exited:changed', 'journey_exited:changed', 'journey_exited:changed'])
      expect(Object.values(outcome.state.journeys).map((record) => record.run)).toEqual([undefined, undefined, undefined])
    }
  })
})
