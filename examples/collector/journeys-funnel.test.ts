import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
// @ts-expect-error plain .mjs example without types
import { createJourneysFunnel, journeysFunnel } from './journeys-funnel.mjs'
import { mapJourneys } from '../../src/tools/map/render.js'

type Event = Record<string, any>
const contract = JSON.parse(readFileSync('examples/configs/12-contract-cart-rescue.json', 'utf8'))
const store = JSON.parse(readFileSync('examples/store/journeykit.json', 'utf8'))

/**
 * One visitor's journey events, as the runtime sends them: `enter`, `step <id> <action> [goto]`,
 * `goal`, `exit <reason>`, a minute apart. `holdout` on `enter` and `goal` marks the control group.
 */
function visitor(id: string, script: string[], { journey = 'cart-rescue', run = 1, start = Date.parse('2026-12-01T10:00:00Z') } = {}): Event[] {
  return script.map((line, i) => {
    const [verb, a, b, c] = line.split(' ')
    const properties: Event = { journey, run }
    let event = ''
    if (verb === 'enter') [event, properties.holdout] = ['journey_entered', a === 'holdout']
    if (verb === 'goal') [event, properties.holdout] = ['journey_goal', a === 'holdout']
    if (verb === 'exit') [event, properties.reason] = ['journey_exited', a]
    if (verb === 'step') {
      event = 'journey_step'
      Object.assign(properties, { step: a, action: b, ...(c && { goto: c }) })
    }
    return { type: 'track', event, messageId: `${id}-${run}-${i}`, anonymousId: id, timestamp: new Date(start + i * 60_000).toISOString(), properties }
  })
}
const steps = (result: any, journey = 'cart-rescue') =>
  Object.fromEntries(result.journeys.find((j: any) => j.journey === journey).steps.map((row: any) => [row.step, row]))
const journeyOf = (result: any, journey = 'cart-rescue') => result.journeys.find((j: any) => j.journey === journey)

// [what happens, script, the journey's counts, its steps' counts (only what differs from nothing)]
const cases: Array<[string, string[], Event, Record<string, Event>]> = [
  [
    'takes the offer on exit intent, then ends at done',
    ['enter', 'step nudge show', 'step watch show', 'step done exit', 'exit completed'],
    { entered: 1, active: 0, exited: { completed: 1 }, runs: { entered: 1, goal: 0 } },
    {
      nudge: { entered: 1, acted: 1, paths: { 'next:pause': 1 } },
      pause: { entered: 1, acted: 0, paths: { 'next:watch': 1 } }, // a wait sends nothing: passed once watch acted
      watch: { entered: 1, acted: 1, paths: { 'next:done': 1 } },
      done: { entered: 1, acted: 1, exited: { completed: 1 } },
    },
  ],
  [
    'is waiting out the pause',
    ['enter', 'step nudge show'],
    { entered: 1, active: 1, exited: {} },
    { nudge: { paths: { 'next:pause': 1 } }, pause: { entered: 1, waiting: 1 } },
  ],
  ['has not seen the cart yet', ['enter'], { entered: 1, active: 1 }, { nudge: { entered: 1, waiting: 1, acted: 0 } }],
  [
    'stays away: else to the split, then the mail, then done',
    ['enter', 'step nudge show', 'step watch else ab', 'step ab split mail', 'step mail track', 'step done exit', 'exit completed'],
    { exited: { completed: 1 } },
    {
      watch: { entered: 1, acted: 0, paths: { 'else:ab': 1 } },
      ab: { entered: 1, acted: 1, paths: { 'split:mail': 1 } },
      mail: { entered: 1, acted: 1, paths: { 'goto:done': 1 } },
      done: { entered: 1, exited: { completed: 1 } },
      thursday: { entered: 0 },
    },
  ],
  [
    'the other half: Thursday, the last chance, converted, loyal',
    ['enter', 'step nudge show', 'step watch else ab', 'step ab split thursday', 'step last show', 'step tag branch loyal', 'step loyal set', 'exit completed'],
    { exited: { completed: 1 } },
    {
      thursday: { entered: 1, paths: { 'next:last': 1 } },
      last: { entered: 1, paths: { 'next:tag': 1 } },
      tag: { entered: 1, acted: 1, paths: { 'branch:loyal': 1 } },
      loyal: { entered: 1, acted: 1, paths: { end: 1 }, exited: { completed: 1 } },
    },
  ],
  [
    'did not convert: the branch takes else',
    ['enter', 'step nudge show', 'step watch else ab', 'step ab split thursday', 'step last show', 'step tag branch done', 'step done exit', 'exit completed'],
    {},
    { tag: { paths: { 'else:done': 1 } }, done: { entered: 1, exited: { completed: 1 } } },
  ],
  [
    'orders during the pause: goal, and the run exits where it was',
    ['enter', 'step nudge show', 'goal', 'exit goal'],
    { entered: 1, active: 0, goal: 1, runs: { entered: 1, goal: 1, rate: 1 }, exited: { goal: 1 } },
    { pause: { entered: 1, waiting: 0, exited: { goal: 1 }, paths: {} } },
  ],
  [
    'holdout: reported, takes no step, its goal measured',
    ['enter holdout', 'goal holdout', 'exit goal'],
    { entered: 1, active: 0, runs: { entered: 0, goal: 0, rate: null }, holdout: { entered: 1, goal: 1, rate: 1 }, uplift: null, exited: { goal: 1 } },
    { nudge: { entered: 0 } },
  ],
]

describe('journeys funnel: one visitor at a time through the contract §8 example', () => {
  it.each(cases)('%s', (_name, script, journey, expected) => {
    const result = journeysFunnel(contract, visitor('v', script))
    expect(journeyOf(result)).toMatchObject(journey)
    const rows = steps(result)
    for (const [step, counts] of Object.entries(expected)) expect(rows[step], step).toMatchObject(counts)
  })
})

describe('journeys funnel: many visitors', () => {
  const events = [
    ...visitor('a', ['enter', 'step nudge show', 'step watch show', 'step done exit', 'exit completed']),
    // the goal after the run ended: still measured, within its 7 days
    ...visitor('b', ['enter', 'step nudge show', 'step watch show', 'step done exit', 'exit completed', 'goal']),
    ...visitor('c', ['enter', 'step nudge show']),
    ...visitor('d', ['enter', 'step nudge show', 'step watch else ab', 'step ab split mail', 'step mail track', 'step done exit', 'exit completed']),
    ...visitor('e', ['enter', 'step nudge show', 'step watch else ab', 'step ab split thursday']),
    ...visitor('f', ['enter', 'exit exit']),
    ...visitor('g', ['enter holdout', 'goal holdout', 'exit goal']),
    ...visitor('h', ['enter holdout']),
    ...visitor('i', ['enter holdout', 'exit timeout']),
    ...visitor('j', ['enter holdout', 'exit exit']),
    // a second run of visitor a, a month later
    ...visitor('a', ['enter', 'step nudge show', 'goal', 'exit goal'], { run: 2, start: Date.parse('2027-01-05T10:00:00Z') }),
  ]
  const expected = {
    journey: 'cart-rescue',
    inConfig: true,
    entered: 11,
    active: 3, // c at pause, e at thursday, h in the holdout
    goal: 3,
    runs: { entered: 7, goal: 2, rate: 0.2857 },
    holdout: { entered: 4, goal: 1, rate: 0.25 },
    uplift: 0.0357,
    exited: { completed: 3, goal: 2, exit: 2, timeout: 1 },
  }

  it('counts runs, the holdout, the uplift and exits by reason', () => {
    expect(journeyOf(journeysFunnel(contract, events))).toMatchObject(expected)
  })

  it('counts each step: reached, waiting now, each way out, left by reason', () => {
    const rows = steps(journeysFunnel(contract, events))
    expect(rows.nudge).toEqual({ step: 'nudge', entered: 7, waiting: 0, acted: 6, skipped: 0, paths: { 'next:pause': 6 }, exited: { exit: 1 } })
    expect(rows.pause).toEqual({ step: 'pause', entered: 6, waiting: 1, acted: 0, skipped: 0, paths: { 'next:watch': 4 }, exited: { goal: 1 } })
    expect(rows.watch).toEqual({ step: 'watch', entered: 4, waiting: 0, acted: 2, skipped: 0, paths: { 'next:done': 2, 'else:ab': 2 }, exited: {} })
    expect(rows.ab).toMatchObject({ entered: 2, acted: 2, paths: { 'split:mail': 1, 'split:thursday': 1 } })
    expect(rows.thursday).toMatchObject({ entered: 1, waiting: 1 })
    expect(rows.done).toMatchObject({ entered: 3, acted: 3, exited: { completed: 3 } })
  })

  it('is the same in any order of arrival, and whether built at once or event by event', () => {
    const shuffled = events.slice().reverse()
    expect(journeysFunnel(contract, shuffled)).toEqual(journeysFunnel(contract, events))
    const state = createJourneysFunnel()
    for (const event of events) state.add(event)
    expect(state.result(contract)).toEqual(journeysFunnel(contract, events))
  })

  it('names every way out as the map draws it', () => {
    const [map] = mapJourneys(contract)
    const drawn = new Set(map!.arrows.map((arrow) => `${arrow.from}|${arrow.path}`))
    for (const row of journeyOf(journeysFunnel(contract, events)).steps)
      for (const path of Object.keys(row.paths)) expect(drawn.has(`step:${row.step}|${path}`), `${row.step} ${path}`).toBe(true)
  })
})

// [how the runs ended, each visitor's script, the journey's `ended` (every reason, 0 included)]
const none = { goal: 0, exit: 0, completed: 0, timeout: 0, changed: 0, reset: 0 }
const endings: Array<[string, string[][], Event]> = [
  ['nobody ended yet', [['enter'], ['enter', 'step nudge show']], none],
  // order_completed is both the exit and the goal of cart-rescue: the goal comes first (stepper)
  ['an order ends the run by goal, not by exit', [['enter', 'step nudge show', 'goal', 'exit goal']], { ...none, goal: 1 }],
  ['an exit trigger ends it by exit', [['enter', 'exit exit']], { ...none, exit: 1 }],
  ['the last step completes it', [['enter', 'step nudge show', 'step watch show', 'step done exit', 'exit completed']], { ...none, completed: 1 }],
  [
    'a goal after the run completed counts once, as completed',
    [['enter', 'step nudge show', 'step watch show', 'step done exit', 'exit completed', 'goal']],
    { ...none, completed: 1 },
  ],
  ['a within with no else runs out', [['enter', 'exit timeout']], { ...none, timeout: 1 }],
  [
    'the config lost its step, and a reset',
    [
      ['enter', 'exit changed'],
      ['enter', 'exit reset'],
    ],
    { ...none, changed: 1, reset: 1 },
  ],
  [
    'the holdout ends by goal or when its window closes',
    [
      ['enter holdout', 'goal holdout', 'exit goal'],
      ['enter holdout', 'exit completed'],
    ],
    { ...none, goal: 1, completed: 1 },
  ],
  [
    'many, each once',
    [['enter', 'goal', 'exit goal'], ['enter', 'goal', 'exit goal'], ['enter', 'exit exit'], ['enter', 'exit timeout'], ['enter']],
    { ...none, goal: 2, exit: 1, timeout: 1 },
  ],
  ['a reason the contract does not name is kept', [['enter', 'exit someday']], { ...none, someday: 1 }],
]

describe('journeys funnel: how runs ended', () => {
  it.each(endings)('%s', (_name, scripts, ended) => {
    const events = scripts.flatMap((script, i) => visitor(`v${i}`, script))
    expect(journeyOf(journeysFunnel(contract, events)).ended).toEqual(ended)
  })
})

describe('journeys funnel: edges of the data', () => {
  it('a within that ran out with no else: the run passes the wait, and times out at the guarded step', () => {
    const result = journeysFunnel(store, visitor('v', ['enter', 'exit timeout'], { journey: 'welcome-series' }))
    expect(steps(result, 'welcome-series')).toEqual({
      pause: { step: 'pause', entered: 1, waiting: 0, acted: 0, skipped: 0, paths: { 'next:welcome-back': 1 }, exited: {} },
      'welcome-back': { step: 'welcome-back', entered: 1, waiting: 0, acted: 0, skipped: 0, paths: { timeout: 1 }, exited: { timeout: 1 } },
    })
  })

  it('counts a skipped push step, and keeps journeys the config no longer has (without steps)', () => {
    const config = { version: 1, journeys: { j: { entry: { on: 'x' }, steps: [{ id: 'p', push: { title: 'Hi' } }] } } }
    const events = [
      ...visitor('v', ['enter', 'step p push', 'exit completed'], { journey: 'j' }).map((event, i) =>
        i === 1 ? { ...event, properties: { ...event.properties, skipped: 'no-subscription' } } : event,
      ),
      ...visitor('w', ['enter'], { journey: 'gone' }),
    ]
    const result = journeysFunnel(config, events)
    expect(steps(result, 'j').p).toMatchObject({ acted: 1, skipped: 1, paths: { end: 1 }, exited: { completed: 1 } })
    expect(journeyOf(result, 'gone')).toMatchObject({ inConfig: false, entered: 1, active: 1, steps: [] })
  })

  it('ignores what is not a journey event of a visitor', () => {
    const result = journeysFunnel(contract, [
      { type: 'page', anonymousId: 'v', properties: { journey: 'cart-rescue', run: 1 } },
      { type: 'track', event: 'journey_entered', properties: { journey: 'cart-rescue', run: 1 } }, // nobody
      { type: 'track', event: 'journey_entered', anonymousId: 'v', properties: { journey: 'cart-rescue', run: 'one' } },
      null,
    ])
    expect(journeyOf(result)).toMatchObject({ entered: 0, active: 0 })
  })

  it("counts nothing from the store owner's preview (marked, or sent from a ?journeykit_preview= page)", () => {
    const real = visitor('v', ['enter', 'step nudge show'])
    const marked = visitor('owner', ['enter', 'step nudge show', 'goal']).map((e) => ({ ...e, context: { journeykit: { preview: true } } }))
    const page = { page: { url: 'https://shop.example/?journeykit_preview=journey:cart-rescue' } }
    const fromPage = visitor('owner-2', ['enter']).map((e) => ({ ...e, context: page }))
    const segment = {
      type: 'track',
      event: 'segment_entered',
      anonymousId: 'owner',
      timestamp: '2026-12-01T10:00:00Z',
      properties: { segment: 'returning' },
      context: page,
    }
    expect(journeysFunnel(contract, [...real, ...marked, ...fromPage, segment])).toEqual(journeysFunnel(contract, real))
  })

  it('sizes segments from segment_entered / segment_exited, latest by timestamp per visitor', () => {
    const change = (anonymousId: string, event: string, segment: string, at: string) => ({
      type: 'track',
      event,
      anonymousId,
      timestamp: at,
      properties: { segment },
    })
    const result = journeysFunnel(contract, [
      change('a', 'segment_entered', 'hot-shoppers', '2026-12-01T10:00:00Z'),
      change('b', 'segment_entered', 'hot-shoppers', '2026-12-01T10:00:00Z'),
      change('b', 'segment_exited', 'hot-shoppers', '2026-12-01T11:00:00Z'),
      // arrives last, happened first: b stays out
      change('b', 'segment_entered', 'hot-shoppers', '2026-12-01T09:00:00Z'),
      change('c', 'segment_entered', 'returning', '2026-12-01T10:00:00Z'),
    ])
    expect(result.segments).toEqual([
      { segment: 'hot-shoppers', visitors: 1 },
      { segment: 'returning', visitors: 1 },
    ])
  })
})
