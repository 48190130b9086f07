import { describe, expect, it } from 'vitest'
import type { Config, Journey } from '../../config/types.js'
import { matchQuery } from '../../rules/match.js'
import { isScheduled, nextOpening } from '../../rules/schedule.js'
import { explainJourney } from './journey.js'
import { stepJourneys } from '../../journeys/stepper.js'
import { emptyJourneysState } from '../../journeys/state.js'

/** The journey of contract §8, with the segment it enters on. */
const cartRescue: Journey = {
  entry: { on: 'add_to_cart', if: { 'segment.hot-shoppers': true } },
  exit: [{ on: 'order_completed' }],
  goal: { on: 'order_completed', within: '7d' },
  reentry: { after: '30d' },
  holdout: 10,
  schedule: { start: '2026-12-01', end: '2027-01-31' },
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
const config: Config = {
  version: 1,
  segments: { 'hot-shoppers': { if: { 'events.product_viewed.7d': { $gte: 3 } } } },
  journeys: { 'cart-rescue': cartRescue },
}

/** A visitor who views products, adds to the cart, and stays away past the offer's 3 days. */
const away = [
  { at: '2026-12-01T09:00:00Z', event: 'page_view', facts: { page: { path: '/products/shirt' }, events: { 'product_viewed.7d': 3 } } },
  { at: '+5m', event: 'add_to_cart' },
  { at: '+1m', event: 'page_view', facts: { page: { path: '/cart' } } },
  { at: '+3h', event: 'page_view', facts: { page: { path: '/' } } },
  { at: '+4d', event: 'page_view' },
  { at: '2026-12-10T12:00:00Z', event: 'page_view', facts: { item: { 'last-chance': { converted: 1 } } } },
]

describe('explainJourney: the flow', () => {
  it('says what enters, ends and measures a run, then each step with its guard, action and next', () => {
    expect(explainJourney(config, 'cart-rescue').lines).toEqual([
      'journey cart-rescue',
      '  entry: on add_to_cart when segment.hot-shoppers is true',
      "  schedule: enters only from 2026-12-01, until 2027-01-31 (the visitor's time zone)",
      '  exit: on order_completed (reason exit)',
      '  goal: on order_completed, within 7d of entering',
      '  reentry: again 30d after the last entry',
      '  holdout: 10% of entrants (sticky) take no step; their goal is still measured',
      '  steps:',
      '    nudge     on page_view when page.path starts with "/cart": show cart-reminder → pause',
      '    pause     wait 2h → watch',
      '    watch     on exit_intent, within 3d: show cart-offer → done; after 3d without it → ab',
      '    done      exit (completed)',
      '    ab        split (sticky per visitor): 50% → mail, 50% → thursday',
      '    mail      track winback_requested → done',
      '    thursday  wait for the next opening of thu 08:00–20:00 (Europe/Belgrade) → last',
      '    last      on page_view: show last-chance → tag',
      '    tag       branch: when item.last-chance.converted ≥ 1 → loyal; otherwise → done',
      '    loyal     set stage retention, winback true → end (completed)',
    ])
  })

  it.each([
    [
      { on: 'scroll', percent: 50, if: { $or: [{ 'visit.count': { $gt: 1 } }, { 'utm.source': { $exists: true } }] } },
      'on scroll 50% when (visit.count > 1 or utm.source is set)',
    ],
    [
      { on: 'click', selector: '.buy', if: { 'page.path': { $in: ['/a', '/b'] }, $not: { 'user.id': null } } },
      'on click .buy when page.path is one of ["/a","/b"] and not (user.id is null)',
    ],
  ])('words a trigger: %j', (entry, words) => {
    const flow = explainJourney({ version: 1, journeys: { j: { entry, steps: [{ id: 's', track: 'x' }] } } }, 'j').flow
    expect(flow[1]).toBe(`  entry: ${words}`)
  })

  it('names a journey entered only from code, reentry after an exit, and a step that runs out without else', () => {
    const journey: Journey = { reentry: 'after-exit', steps: [{ id: 'ask', on: 'signup', within: '1d', track: 'asked', goto: 'ask' }] }
    expect(explainJourney({ version: 1, journeys: { j: journey } }, 'j').flow).toEqual([
      'journey j',
      '  entry: only from code: journeykit.enter(…)',
      '  reentry: again after a run ends',
      '  steps:',
      '    ask  on signup, within 1d: track asked → ask; after 1d without it → exit (timeout)',
    ])
  })
})

describe('explainJourney: a simulated visitor', () => {
  it('tells each call: not entered and why, entered, steps and their guards, waits over, else, split, branch, the end', () => {
    const explained = explainJourney(config, 'cart-rescue', { timeline: away })
    expect(explained.lines.slice(explained.flow.length)).toEqual([
      '',
      'timeline (visitor "visitor"; in UTC):',
      '2026-12-01T09:00:00Z  page_view  with page.path="/products/shirt", events.product_viewed.7d=3',
      '  ✘ not entered: the entry is on add_to_cart, not page_view',
      '  segments entered: hot-shoppers',
      '2026-12-01T09:05:00Z  add_to_cart',
      '  + entered: run 1 (on add_to_cart when segment.hot-shoppers is true)',
      '  … nudge waits for page_view when page.path starts with "/cart"',
      '2026-12-01T09:06:00Z  page_view  with page.path="/cart"',
      '  → nudge: show cart-reminder → pause (on page_view when page.path starts with "/cart")',
      '  … pause waits 2h, until 2026-12-01T11:06:00Z',
      '2026-12-01T12:06:00Z  page_view  with page.path="/"',
      '  ⏱ pause: its 2h wait was over at 2026-12-01T11:06:00Z',
      '  … watch waits for exit_intent until 2026-12-04T11:06:00Z, then → ab',
      '2026-12-05T12:06:00Z  page_view',
      '  ⏱ watch: 3d passed without exit_intent (at 2026-12-04T11:06:00Z) → ab',
      "  → ab: split → thursday (this visitor's sticky share: 50 of 100)",
      '  … thursday waits for the next opening of thu 08:00–20:00 (Europe/Belgrade), at 2026-12-10T07:00:00Z',
      '2026-12-10T12:00:00Z  page_view  with item.last-chance.converted=1',
      '  ⏱ thursday: thu 08:00–20:00 (Europe/Belgrade) opened at 2026-12-10T07:00:00Z',
      '  → last: show last-chance → tag (on page_view)',
      '  → tag: branch → loyal (item.last-chance.converted ≥ 1)',
      '  → loyal: set stage retention, winback true → end',
      '  ■ run 1 ended: completed after its last step',
      '',
      'where the visitor is: not in the journey: run 1 ended (completed)',
    ])
  })

  it('runs the real stepper: the effects are the ones the runtime would perform', () => {
    const explained = explainJourney(config, 'cart-rescue', { timeline: away })
    let state = emptyJourneysState()
    const tools = {
      matches: (query: Record<string, unknown>, facts: Record<string, unknown>) => matchQuery(query, facts),
      scheduled: (schedule: Parameters<typeof isScheduled>[0], time: number) => isScheduled({ timezone: 'UTC', ...schedule }, time),
      opening: (wait: { weekly: Parameters<typeof nextOpening>[0]; timezone?: string }, time: number) => nextOpening(wait.weekly, wait.timezone, time),
      canShow: () => true,
      canPush: () => false,
    }
    explained.calls.forEach((call, i) => {
      const facts = { page: { path: '/cart' }, item: { 'last-chance': { converted: 1 } }, segment: { 'hot-shoppers': i > 0 } }
      const outcome = stepJourneys({ 'cart-rescue': cartRescue }, state, { time: call.time, visitorId: 'visitor', trigger: call.trigger, facts }, tools)
      state = outcome.state
      expect(call.effects.map((effect) => effect.type + ('event' in effect ? effect.event : ''))).toEqual(
        outcome.effects.map((effect) => effect.type + ('event' in effect ? effect.event : '')),
      )
    })
  })

  it('splits are sticky per visitor id: another visitor takes the other way', () => {
    const lines = explainJourney(config, 'cart-rescue', { timeline: away, visitorId: 'a' }).lines
    expect(lines).toContain("  → ab: split → mail (this visitor's sticky share: 50 of 100)")
    expect(lines).toContain('  → mail: track winback_requested → done')
    expect(lines).toContain('  ■ run 1 ended: completed at done')
  })

  it('a holdout visitor takes no step; the run ends when its goal window closes', () => {
    const { calls, where } = explainJourney(config, 'cart-rescue', { timeline: away, visitorId: 'd' })
    expect(calls[1]!.lines.slice(1)).toEqual([
      '  + entered: run 1, in the holdout: takes no step (on add_to_cart when segment.hot-shoppers is true)',
      '  … holdout run 1: takes no step; its goal is measured until 2026-12-08T09:05:00Z',
    ])
    expect(calls[5]!.lines.slice(1)).toEqual(['  ■ run 1 ended: completed (a holdout run: its goal window closed)'])
    expect(where).toBe('not in the journey: run 1 ended (completed)')
  })

  it('says why a guard waits: another trigger, a condition false, or the step reached by this very call', () => {
    const timeline = [
      { at: '2026-12-01T09:00:00Z', event: 'add_to_cart', facts: { page: { path: '/' } } },
      { at: '+1m', event: 'page_view' },
      { at: '+1m', event: 'page_view', facts: { page: { path: '/cart' } } },
      { at: '+3h', event: 'exit_intent' },
      { at: '+1h', event: 'order_completed', properties: { total: 120 } },
      { at: '+1d', event: 'add_to_cart' },
    ]
    const { calls, where } = explainJourney(config, 'cart-rescue', { timeline, facts: { segment: { 'hot-shoppers': true } } })
    expect(calls.map((call) => call.lines.slice(1))).toEqual([
      [
        '  + entered: run 1 (on add_to_cart when segment.hot-shoppers is true)',
        '  … nudge waits for page_view when page.path starts with "/cart"',
        '  segments entered: hot-shoppers',
      ],
      ['  … nudge waits for page_view when page.path starts with "/cart": page_view came, but it needs page.path starts with "/cart" (page.path is "/")'],
      ['  → nudge: show cart-reminder → pause (on page_view when page.path starts with "/cart")', '  … pause waits 2h, until 2026-12-01T11:02:00Z'],
      [
        '  ⏱ pause: its 2h wait was over at 2026-12-01T11:02:00Z',
        '  → watch: show cart-offer → done (on exit_intent)',
        '  → done: exit',
        '  ■ run 1 ended: completed at done',
      ],
      ['  ★ goal reached: run 1, on order_completed'],
      ['  ✘ not entered again before 2026-12-31T09:00:00Z (reentry 30d after the last entry)'],
    ])
    expect(calls[4]!.lines[0]).toBe('2026-12-01T13:02:00Z  order_completed  with event.total=120')
    expect(where).toBe('not in the journey: run 1 ended (completed); the goal was reached')
  })

  it('says when a step is reached by the call that would meet its guard', () => {
    const journey: Journey = { entry: { on: 'page_view' }, steps: [{ id: 'next-view', on: 'page_view', track: 'second_view' }] }
    const { calls, where } = explainJourney({ version: 1, journeys: { j: journey } }, 'j', { timeline: [{ at: '2026-12-01T09:00:00Z', event: 'page_view' }] })
    expect(calls[0]!.lines.at(-1)).toBe('  … next-view waits for page_view: reached by this call, so it waits for the next page_view')
    expect(where).toBe('run 1, at step next-view: waits for page_view')
  })

  it('ends on an exit trigger, and on a within that runs out with no else', () => {
    const journey: Journey = {
      entry: { on: 'signup' },
      exit: [{ on: 'unsubscribe' }],
      reentry: 'after-exit',
      steps: [{ id: 'welcome', on: 'page_view', within: '1d', track: 'welcomed' }],
    }
    const timeline = [
      { at: '2026-12-01T09:00:00Z', event: 'signup' },
      { at: '+1h', event: 'unsubscribe' },
      { at: '+1h', event: 'signup' },
      { at: '+2d', event: null },
    ]
    const { calls, where } = explainJourney({ version: 1, journeys: { j: journey } }, 'j', { timeline })
    expect(calls[0]!.lines.at(-1)).toBe('  … welcome waits for page_view until 2026-12-02T09:00:00Z, then → exit (timeout)')
    expect(calls[1]!.lines.slice(1)).toEqual(['  ■ run 1 ended: exit (on unsubscribe)'])
    expect(calls[3]!.lines).toEqual(['2026-12-03T11:00:00Z  (time passes)', "  ■ run 2 ended: timeout (welcome's 1d ran out, no else)"])
    expect(where).toBe('not in the journey: run 2 ended (timeout)')
  })

  it('enters from code, reads time facts in the visitor zone, skips a push without a subscription', () => {
    const journey: Journey = {
      steps: [
        { id: 'evening', branch: [{ if: { 'time.hour': { $gte: 18 } }, goto: 'ping' }], else: 'bye' },
        { id: 'ping', push: { title: 'Still there?' } },
        { id: 'bye', exit: true },
      ],
    }
    const timeline = [{ at: '2026-12-01T17:30:00Z', event: null, enter: true }]
    const run = (options: object) => explainJourney({ version: 1, journeys: { j: journey } }, 'j', { timeline, ...options }).calls[0]!.lines
    expect(run({})).toEqual([
      '2026-12-01T17:30:00Z  enter(j)',
      '  + entered: run 1 (entered from code)',
      '  → evening: branch → bye (no case held)',
      '  → bye: exit',
      '  ■ run 1 ended: completed at bye',
    ])
    expect(run({ timezone: 'Europe/Belgrade' }).slice(2)).toEqual([
      '  → evening: branch → ping (time.hour ≥ 18)',
      '  → ping: push skipped (no-subscription) → bye',
      '  → bye: exit',
      '  ■ run 1 ended: completed at bye',
    ])
    expect(run({ timezone: 'Europe/Belgrade', subscribed: true })[3]).toBe('  → ping: push "Still there?" → bye')
  })

  it('enters from code the journey a site-wide timeline names, and only that one', () => {
    const config: Config = { version: 1, journeys: { j: { steps: [{ id: 'bye', exit: true }] }, k: { steps: [{ id: 'hi', exit: true }] } } }
    const first = (enter: string) => explainJourney(config, 'j', { timeline: [{ at: '2026-12-01T17:30:00Z', event: null, enter }] }).calls[0]!.lines[0]
    expect([first('j'), first('k')]).toEqual(['2026-12-01T17:30:00Z  enter(j)', '2026-12-01T17:30:00Z  (time passes)'])
  })

  it('reads parameterised triggers, and entry outside the schedule', () => {
    const journey: Journey = { entry: { on: 'scroll', percent: 50 }, schedule: { start: '2026-12-01' }, steps: [{ id: 's', track: 'scrolled' }] }
    const timeline = [
      { at: '2026-11-30T10:00:00Z', event: 'scroll', percent: 50 },
      { at: '+1d', event: 'scroll', percent: 25 },
      { at: '+1m', event: 'scroll:50' },
    ]
    const { calls } = explainJourney({ version: 1, journeys: { j: journey } }, 'j', { timeline })
    expect(calls.map((call) => call.lines[1])).toEqual([
      "  ✘ not entered: outside the journey's schedule at 2026-11-30T10:00:00Z",
      '  ✘ not entered: the entry is on scroll 50%, not scroll:25',
      '  + entered: run 1 (on scroll 50%)',
    ])
  })

  it('hints that segments lag a call when the entry waits on one', () => {
    const timeline = [{ at: '2026-12-01T09:00:00Z', event: 'add_to_cart', facts: { events: { 'product_viewed.7d': 5 } } }]
    expect(explainJourney(config, 'cart-rescue', { timeline }).calls[0]!.lines.slice(1)).toEqual([
      '  ✘ not entered: the entry needs segment.hot-shoppers is true (segment.hot-shoppers is false); segments are as the call before left them',
      '  segments entered: hot-shoppers',
    ])
  })
})

describe('explainJourney: what it refuses', () => {
  it.each([
    ['nope', [], 'no journey "nope" in the config (journeys: cart-rescue)'],
    ['cart-rescue', {}, 'timeline: needs a list of calls'],
    ['cart-rescue', [{ event: 'x' }], 'timeline[0].at: needs an ISO time or "+<duration>"'],
    ['cart-rescue', [{ at: '+2h', event: 'x' }], 'timeline[0].at: "+2h" needs a time before it'],
    ['cart-rescue', [{ at: 'tomorrow', event: 'x' }], 'timeline[0].at: "tomorrow" is not an ISO time'],
    [
      'cart-rescue',
      [
        { at: '2026-12-01T10:00:00Z', event: 'x' },
        { at: '+2 hours', event: 'x' },
      ],
      'timeline[1].at: "+2 hours" is not a duration',
    ],
    [
      'cart-rescue',
      [
        { at: '2026-12-01T10:00:00Z', event: 'x' },
        { at: '2026-12-01T09:00:00Z', event: 'x' },
      ],
      'timeline[1].at: 2026-12-01T09:00:00Z is before the call before it',
    ],
    ['cart-rescue', [{ at: '2026-12-01T10:00:00Z', event: 7 }], 'timeline[0].event: needs an event name, or null'],
    [
      'cart-rescue',
      [{ at: '2026-12-01T10:00:00Z', event: 'x', facts: JSON.parse('{"__proto__": {"polluted": 1}}') }],
      'timeline[0].facts: "__proto__" is not allowed',
    ],
  ])('journey %s, timeline %j', (id, timeline, message) => {
    expect(() => explainJourney(config, id, { timeline })).toThrow(message)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses a time zone Intl does not know', () => {
    expect(() => explainJourney(config, 'cart-rescue', { timezone: 'Mars/Olympus' })).toThrow('timezone: "Mars/Olympus" is not an IANA time zone')
  })

  it('a relative first time counts from start', () => {
    const { calls } = explainJourney(config, 'cart-rescue', { timeline: [{ at: '+1h', event: null }], start: Date.parse('2026-12-01T10:00:00Z') })
    expect(calls[0]!.time).toBe(Date.parse('2026-12-01T11:00:00Z'))
  })
})
