import { afterEach, describe, expect, it, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { validateConfig } from './validate.js'
import { acceptConfig } from '../config/accept.js'

/** Contract §8's example, with the items it names. */
const example = {
  version: 1,
  items: {
    'cart-reminder': { kind: 'focus', style: 'bar', title: 'Your cart is waiting' },
    'cart-offer': { kind: 'focus', style: 'modal', title: 'Still deciding?', code: 'SAVE10' },
    'last-chance': { kind: 'focus', style: 'slidein', title: 'Last chance: 10% off ends tonight' },
  },
  segments: {
    'hot-shoppers': { if: { 'events.product_viewed.7d': { $gte: 3 }, 'user.traits.plan': { $ne: 'pro' } } },
    returning: { if: { 'visit.count': { $gte: 2 } } },
  },
  journeys: {
    'cart-rescue': {
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
    },
  },
}

type Example = typeof example & { rules?: unknown[]; [key: string]: unknown }
/** The example, changed by `edit`; `journey` is cart-rescue. */
function variant(edit: (config: Example, journey: Record<string, unknown> & { steps: Array<Record<string, unknown>> }) => void): Example {
  const config = structuredClone(example) as Example
  edit(config, config.journeys['cart-rescue'] as never)
  return config
}
/** The example with cart-rescue's steps replaced. */
const withSteps = (...steps: object[]) => variant((_, journey) => void (journey.steps = steps as never))

const j = 'journeys.cart-rescue'
const messagesOf = (config: unknown) => validateConfig(config).problems.map(({ path, message }) => `${path}: ${message}`)
const loops = (name: string) => `"${name}" loops back without a wait, or an "on" for an event from outside the loop (it would run forever)`

describe('journeys and segments (contract §8)', () => {
  it('accepts the contract example whole', () => {
    expect(validateConfig(example)).toEqual({ problems: [], warnings: [] })
  })

  it('accepts a journey with no entry (entered from code), loops that wait, and a timed else back to itself', () => {
    const config = variant((_, journey) => void delete journey.entry)
    expect(validateConfig(config).problems).toEqual([])
    const waits = withSteps({ id: 'a', wait: '1d' }, { id: 'b', track: 'x', goto: 'a' })
    const guarded = withSteps({ id: 'a', on: 'page_view', track: 'x' }, { id: 'b', track: 'y', goto: 'a' })
    const retries = withSteps({ id: 'a', show: 'cart-offer', within: '1d', else: 'a' })
    const branchBack = withSteps({ id: 'a', on: 'page_view', track: 'x' }, { id: 'b', branch: [{ if: { 'visit.count': 1 }, goto: 'a' }] })
    for (const steps of [waits, guarded, retries, branchBack]) expect(validateConfig(steps)).toEqual({ problems: [], warnings: [] })
  })

  /** Each broken config gives exactly these problems, with their paths. */
  const broken: Array<[string, Example, string[]]> = [
    ['a step without id', withSteps({ track: 'x' }), [`${j}.steps[0].id: is required`]],
    ['an empty step id', withSteps({ id: ' ', track: 'x' }), [`${j}.steps[0].id: is required, not " "`]],
    ['a repeated step id', withSteps({ id: 'a', track: 'x' }, { id: 'a', track: 'y' }), [`${j}.steps[1].id: "a" repeats a step id of this journey`]],
    [
      'two actions in a step',
      withSteps({ id: 'a', track: 'x', show: 'cart-offer' }),
      [`${j}.steps[0]: needs exactly one of show, track, set, wait, split, branch, exit or push (step "a")`],
    ],
    [
      'no action in a step',
      withSteps({ id: 'a', on: 'page_view' }),
      [`${j}.steps[0]: needs exactly one of show, track, set, wait, split, branch, exit or push (step "a")`],
    ],
    [
      'a goto naming no step',
      variant((_, journey) => void (journey.steps[5]!.goto = 'dne')),
      [`${j}.steps[5].goto: "dne" names no step — did you mean "done"? (step "mail")`],
    ],
    [
      'an else naming no step',
      variant((_, journey) => void (journey.steps[2]!.else = 'abb')),
      [`${j}.steps[2].else: "abb" names no step — did you mean "ab"? (step "watch")`],
    ],
    [
      'a split naming no step',
      variant((_, journey) => void ((journey.steps[4]!.split as Array<{ goto: string }>)[1]!.goto = 'Thursday')),
      [`${j}.steps[4].split[1].goto: "Thursday" names no step — did you mean "thursday"? (step "ab")`],
    ],
    [
      'a branch naming no step',
      variant((_, journey) => void ((journey.steps[8]!.branch as Array<{ goto: string }>)[0]!.goto = 'loyall')),
      [`${j}.steps[8].branch[0].goto: "loyall" names no step — did you mean "loyal"? (step "tag")`],
    ],
    [
      'a step no path reaches',
      withSteps({ id: 'a', track: 'x', goto: 'c' }, { id: 'b', track: 'y' }, { id: 'c', exit: true }),
      [`${j}.steps[1]: "b" is never reached: no step leads to it`],
    ],
    ['steps after an exit', withSteps({ id: 'a', exit: true }, { id: 'b', track: 'y' }), [`${j}.steps[1]: "b" is never reached: no step leads to it`]],
    [
      'an else without within is not a way in',
      withSteps({ id: 'a', on: 'page_view', track: 'x', else: 'c' }, { id: 'b', exit: true }, { id: 'c', track: 'y' }),
      [`${j}.steps[2]: "c" is never reached: no step leads to it`],
    ],
    ['a loop of instant steps', withSteps({ id: 'a', track: 'x' }, { id: 'b', track: 'y', goto: 'a' }), [`${j}.steps[1].goto: ${loops('a')} (step "b")`]],
    ['a step going to itself', withSteps({ id: 'a', track: 'x', goto: 'a' }), [`${j}.steps[0].goto: ${loops('a')} (step "a")`]],
    [
      'a loop through a split',
      withSteps(
        { id: 'a', track: 'x' },
        {
          id: 'b',
          split: [
            { weight: 1, goto: 'a' },
            { weight: 1, goto: 'c' },
          ],
        },
        { id: 'c', exit: true },
      ),
      [`${j}.steps[1].split[0].goto: ${loops('a')} (step "b")`],
    ],
    [
      'a loop closed by falling through to the next step',
      withSteps({ id: 'a', track: 'x', goto: 'c' }, { id: 'b', track: 'y', goto: 'd' }, { id: 'c', track: 'z', goto: 'b' }, { id: 'd', goto: 'c', track: 'w' }),
      [`${j}.steps[3].goto: ${loops('c')} (step "d")`],
    ],
    [
      'a split weight of 0',
      variant((_, journey) => void ((journey.steps[4]!.split as Array<{ weight: number }>)[0]!.weight = 0)),
      [`${j}.steps[4].split[0].weight: must be a number above 0, not 0 (step "ab")`],
    ],
    ['an empty split', withSteps({ id: 'a', split: [] }), [`${j}.steps[0].split: must be a list of at least one option, not [] (step "a")`]],
    [
      'a branch option without if',
      withSteps({ id: 'a', branch: [{ goto: 'b' }] }, { id: 'b', wait: '1d' }),
      [`${j}.steps[0].branch[0].if: is required (step "a")`],
    ],
    [
      'a wait that is not a duration',
      withSteps({ id: 'a', wait: '2 hours' }),
      [`${j}.steps[0].wait: must be a duration above 0, like "30s", "1h" or "7d", not "2 hours" — did you mean "2h"? (step "a")`],
    ],
    [
      'a wait that is a number',
      withSteps({ id: 'a', wait: 2 }),
      [`${j}.steps[0].wait: must be a duration like "2h" or { "weekly": [...], "timezone": "..." }, not 2 (step "a")`],
    ],
    [
      'a weekly wait in no zone',
      withSteps({ id: 'a', wait: { weekly: [{ days: ['thu'] }], timezone: 'Mars/Base' } }),
      [`${j}.steps[0].wait.timezone: must be an IANA time zone like "Europe/Belgrade", not "Mars/Base" (step "a")`],
    ],
    ['exit: false', withSteps({ id: 'a', exit: false }), [`${j}.steps[0].exit: must be true, not false (step "a")`]],
    [
      'a step showing no item',
      withSteps({ id: 'a', show: 'cart-ofer' }),
      [`${j}.steps[0].show: "cart-ofer" names no item in "items" — did you mean "cart-offer"? (step "a")`],
    ],
    [
      'a guard on scroll without percent',
      withSteps({ id: 'a', on: 'scroll', track: 'x' }),
      [`${j}.steps[0].percent: scroll needs "percent" between 1 and 100 (step "a")`],
    ],
    [
      'a bad within',
      withSteps({ id: 'a', on: 'page_view', within: 'soon', track: 'x' }),
      [`${j}.steps[0].within: must be a duration above 0, like "30s", "1h" or "7d", not "soon" (step "a")`],
    ],
    ['a push without title', withSteps({ id: 'a', push: { body: 'Your cart is saved' } }), [`${j}.steps[0].push.title: is required (step "a")`]],
    [
      'a push with a javascript: URL and a bad delay',
      withSteps({ id: 'a', push: { title: 'Hi', url: 'javascript:alert(1)', after: 'later', cancelOn: ['order completed'] } }),
      [
        `${j}.steps[0].push.url: must be an https:, http: or relative URL, not "javascript:alert(1)" (step "a")`,
        `${j}.steps[0].push.after: must be a duration up to 30 days, like "10s", "1h" or "3d", not "later" (step "a")`,
        `${j}.steps[0].push.cancelOn[0]: must be an event name: a letter, then letters, digits or _ . : -, not "order completed" (step "a")`,
      ],
    ],
    [
      'a push later than 30 days',
      withSteps({ id: 'a', push: { title: 'Hi', after: '31d' } }),
      [`${j}.steps[0].push.after: must be a duration up to 30 days, like "10s", "1h" or "3d", not "31d" (step "a")`],
    ],
    ['no steps', variant((_, journey) => void (journey.steps = [])), [`${j}.steps: must be a list of at least one step, not []`]],
    ['steps missing', variant((_, journey) => void delete (journey as Record<string, unknown>).steps), [`${j}.steps: must be a list of at least one step`]],
    [
      'an entry without on',
      variant((_, journey) => void (journey.entry = { if: { 'visit.count': 1 } })),
      [`${j}.entry.on: must be a trigger (page_view, exit_intent, scroll, time_on_page, idle, click, visit_start) or an event name`],
    ],
    [
      'a goal with a bad within',
      variant((_, journey) => void (journey.goal = { on: 'order_completed', within: 7 })),
      [`${j}.goal.within: must be a duration above 0, like "30s", "1h" or "7d", not 7`],
    ],
    [
      'reentry "always"',
      variant((_, journey) => void (journey.reentry = 'always')),
      [`${j}.reentry: must be "never", "after-exit" or { "after": "30d" }, not "always"`],
    ],
    ['a holdout over 100', variant((_, journey) => void (journey.holdout = 150)), [`${j}.holdout: must be a number from 0 to 100, not 150`]],
    [
      'a bad operand in a step query',
      withSteps({ id: 'a', on: 'page_view', if: { 'visit.count': { $gte: 'two' } }, track: 'x' }),
      [`${j}.steps[0].if.visit.count: $gte needs a number, not "two" (step "a")`],
    ],
    ['a segment without if', variant((config) => void (config.segments.returning = {} as never)), ['segments.returning.if: is required']],
    [
      'a segment naming no segment',
      variant((config) => void (config.segments.returning.if = { 'segment.hot-shopper': true } as never)),
      ['segments.returning.if.segment.hot-shopper: "hot-shopper" names no segment in "segments" — did you mean "hot-shoppers"?'],
    ],
    [
      'segments depending on each other',
      variant((config) => {
        config.segments.returning.if = { 'segment.hot-shoppers': false } as never
        config.segments['hot-shoppers'].if = { $or: [{ 'segment.returning': true }] } as never
      }),
      ['segments.returning.if.segment.hot-shoppers: "hot-shoppers" makes the segment depend on itself'],
    ],
    [
      'a rule naming no segment, no journey, an unknown journey fact and too long a window',
      variant((config) => {
        config.rules = [
          {
            id: 'r',
            on: 'page_view',
            track: 'x',
            if: {
              $and: [
                { 'segment.vip': true },
                { 'journeys.cart-rescue.step': 'mail' },
                { 'journeys.cart-rescuer.goal': true },
                { 'journeys.cart-rescue.stage': 'x' },
              ],
            },
          },
          { id: 's', on: 'page_view', track: 'y', if: { 'events.order_completed.90d': { $gte: 1 }, 'events.page_view.13w': { $gte: 1 } } },
        ]
      }),
      [
        'rules[0].if.$and[0].segment.vip: "vip" names no segment in "segments" (rule "r")',
        'rules[0].if.$and[2].journeys.cart-rescuer.goal: "cart-rescuer" names no journey in "journeys" — did you mean "cart-rescue"? (rule "r")',
        'rules[0].if.$and[3].journeys.cart-rescue.stage: "journeys.cart-rescue.stage" is not a known fact (rule "r")',
        'rules[1].if.events.page_view.13w: "13w" counts over more than 90 days (events are kept 90 days) (rule "s")',
      ],
    ],
    [
      'a step query naming no segment',
      variant((_, journey) => void (journey.steps[8]!.branch = [{ if: { 'segment.loyal': true }, goto: 'loyal' }])),
      [`${j}.steps[8].branch[0].if.segment.loyal: "loyal" names no segment in "segments" (step "tag")`],
    ],
    ['journeys not an object: said once', variant((config) => void (config.journeys = [] as never)), ['journeys: must be an object, not []']],
  ]

  it.each(broken)('refuses %s', (_name, config, expected) => {
    expect(messagesOf(config)).toEqual(expected)
  })

  it('warns about keys it does not know, an else nothing takes and a goto a split ignores', () => {
    const config = withSteps(
      { id: 'a', on: 'page_view', track: 'x', else: 'b', delay: '1s' },
      { id: 'b', split: [{ weight: 1, goto: 'c' }], goto: 'c' },
      { id: 'c', exit: true },
    )
    expect(validateConfig(config)).toEqual({
      problems: [],
      warnings: [
        { path: `${j}.steps[0].delay`, message: 'is not a known key; ignored (step "a")' },
        { path: `${j}.steps[0].else`, message: 'is ignored: only a step with "within", or a branch, takes "else" (step "a")' },
        { path: `${j}.steps[1].goto`, message: 'is ignored on a split, branch or exit step (step "b")' },
      ],
    })
  })
})

describe('the runtime and journeys (config/accept.ts)', () => {
  afterEach(() => vi.restoreAllMocks())

  it('loads the journey validator only through import(): it is not in the start chunk', () => {
    const accept = readFileSync(new URL('../config/accept.ts', import.meta.url), 'utf8')
    expect(accept).toContain("import('../chunks/journeys.js')")
    expect(accept).not.toMatch(/from '\.\.\/journeys\//)
  })

  it('refuses a config with a broken journey, one console.error per problem naming its path', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const config = variant((_, journey) => {
      journey.steps[5]!.goto = 'dne'
      journey.holdout = -1
    })
    expect(await acceptConfig(config as never)).toBeNull()
    expect(error.mock.calls.map((call) => call.join(' '))).toEqual([
      expect.stringContaining(`${j}.holdout: must be a number from 0 to 100`),
      expect.stringContaining(`${j}.steps[5].goto: "dne" names no step — did you mean "done"?`),
    ])
  })

  it('accepts the contract example without a word', async () => {
    const error = vi.spyOn(console, 'error')
    const warn = vi.spyOn(console, 'warn')
    expect(await acceptConfig(example as never)).toEqual(example)
    expect(error).not.toHaveBeenCalled()
    expect(warn).not.toHaveBeenCalled()
  })
})

describe('step and fact names: the bad value quoted, a near name suggested (contract §4)', () => {
  type Edit = Parameters<typeof variant>[0]
  const rows: Array<[string, Edit, string]> = [
    [
      'a misspelt goto',
      (_, journey) => void (journey.steps[5]!.goto = 'mial'),
      `${j}.steps[5].goto: "mial" names no step — did you mean "mail"? (step "mail")`,
    ],
    [
      'a goto in the wrong case',
      (_, journey) => void (journey.steps[5]!.goto = 'Done'),
      `${j}.steps[5].goto: "Done" names no step — did you mean "done"? (step "mail")`,
    ],
    [
      'a goto far from any step',
      (_, journey) => void (journey.steps[5]!.goto = 'zzz'),
      `${j}.steps[5].goto: "zzz" names no step (steps: nudge, pause, watch, done, ab, …) (step "mail")`,
    ],
    ['a misspelt else', (_, journey) => void (journey.steps[2]!.else = 'abb'), `${j}.steps[2].else: "abb" names no step — did you mean "ab"? (step "watch")`],
    [
      'a misspelt split goto',
      (_, journey) => void ((journey.steps[4]!.split as Array<{ goto: string }>)[1]!.goto = 'thrusday'),
      `${j}.steps[4].split[1].goto: "thrusday" names no step — did you mean "thursday"? (step "ab")`,
    ],
    [
      'a misspelt branch goto',
      (_, journey) => void ((journey.steps[8]!.branch as Array<{ goto: string }>)[0]!.goto = 'loyl'),
      `${j}.steps[8].branch[0].goto: "loyl" names no step — did you mean "loyal"? (step "tag")`,
    ],
    [
      'a misspelt step item',
      (_, journey) => void (journey.steps[2]!.show = 'cart-ofer'),
      `${j}.steps[2].show: "cart-ofer" names no item in "items" — did you mean "cart-offer"? (step "watch")`,
    ],
    [
      'a misspelt segment',
      (_, journey) => void (journey.entry = { on: 'add_to_cart', if: { 'segment.hot-shopper': true } }),
      `${j}.entry.if.segment.hot-shopper: "hot-shopper" names no segment in "segments" — did you mean "hot-shoppers"?`,
    ],
    [
      'a misspelt journey',
      (config) => void (config.segments.returning.if = { 'journeys.cart-rescu.runs': { $gte: 1 } } as never),
      'segments.returning.if.journeys.cart-rescu.runs: "cart-rescu" names no journey in "journeys" — did you mean "cart-rescue"?',
    ],
    ['a repeated step id', (_, journey) => void (journey.steps[1]!.id = 'nudge'), `${j}.steps[1].id: "nudge" repeats a step id of this journey`],
    ['a holdout over 100', (_, journey) => void (journey.holdout = 150), `${j}.holdout: must be a number from 0 to 100, not 150`],
  ]
  it.each(rows)('%s', (_what, edit, expected) => {
    expect(messagesOf(variant(edit))).toEqual([expected])
  })
})

describe('zero durations and a holdout with nothing to measure (contract §8 Validation, Holdout)', () => {
  type Edit = Parameters<typeof variant>[0]
  const above0 = 'must be a duration above 0, like "30s", "1h" or "7d"'
  const rows: Array<[string, Edit, string[]]> = [
    ['a wait of 0s', (_, journey) => void (journey.steps[1]!.wait = '0s'), [`${j}.steps[1].wait: ${above0}, not "0s" (step "pause")`]],
    ['a wait of 0.0h', (_, journey) => void (journey.steps[1]!.wait = '0.0h'), [`${j}.steps[1].wait: ${above0}, not "0.0h" (step "pause")`]],
    ['a within of 0s', (_, journey) => void (journey.steps[2]!.within = '0s'), [`${j}.steps[2].within: ${above0}, not "0s" (step "watch")`]],
    ['a reentry after 0d', (_, journey) => void (journey.reentry = { after: '0d' }), [`${j}.reentry.after: ${above0}, not "0d"`]],
    ['a goal within 0m', (_, journey) => void (journey.goal = { on: 'order_completed', within: '0m' }), [`${j}.goal.within: ${above0}, not "0m"`]],
    [
      'a holdout without a goal',
      (_, journey) => void delete (journey as Record<string, unknown>).goal,
      [`${j}.holdout: 10 holds visitors out without a "goal.within" to measure them`],
    ],
    [
      'a holdout with a goal but no window',
      (_, journey) => void (journey.goal = { on: 'order_completed' }),
      [`${j}.holdout: 10 holds visitors out without a "goal.within" to measure them`],
    ],
    ['a holdout of 0 without a goal (nobody is held out)', (_, journey) => void ((journey.holdout = 0), delete (journey as Record<string, unknown>).goal), []],
    [
      'a push sent at once ("0s" is now, the default)',
      (_, journey) => void (journey.steps[5] = { id: 'mail', push: { title: 'Hi', after: '0s' }, goto: 'done' }),
      [],
    ],
  ]
  it.each(rows)('%s', (_what, edit, expected) => {
    expect(messagesOf(variant(edit))).toEqual(expected)
  })
})

describe('journeys that set themselves off again (contract §7 No loops, §8 Validation)', () => {
  const reenters = (value: string) => `"${value}" enters this journey again as soon as the run ends (reentry "after-exit")`
  /** One journey `j` entered on ping, with these steps and reentry. */
  const journeyOf = (reentry: unknown, steps: object[], rules: object[] = []) =>
    variant((config, journey) => {
      journey.entry = { on: 'ping' }
      journey.reentry = reentry as never
      journey.steps = steps as never
      config.rules = rules
    })
  const rows: Array<[string, Example, string[]]> = [
    [
      'a guarded step that tracks its own trigger and goes back to itself',
      withSteps({ id: 's', on: 'ping', track: 'ping', goto: 's' }),
      [`${j}.steps[0].goto: ${loops('s')} (step "s")`],
    ],
    [
      'two guarded steps that track each other’s triggers round a loop',
      withSteps({ id: 'a', on: 'ping', track: 'pong' }, { id: 'b', on: 'pong', track: 'ping', goto: 'a' }),
      [`${j}.steps[1].goto: ${loops('a')} (step "b")`],
    ],
    [
      'a guard met by what a rule makes of the loop’s own track',
      variant((config, journey) => {
        journey.steps = [{ id: 's', on: 'pong', track: 'ping', goto: 's' }] as never
        config.rules = [{ id: 'r', on: 'ping', track: 'pong' }]
      }),
      [`${j}.steps[0].goto: ${loops('s')} (step "s")`],
    ],
    [
      'a guarded loop whose guard waits for an event from outside (the visitor’s)',
      withSteps({ id: 'a', on: 'page_view', track: 'ping' }, { id: 'b', on: 'ping', track: 'pong', goto: 'a' }),
      [],
    ],
    ['a guard that its own loop tracks, in a loop that also waits', withSteps({ id: 's', on: 'ping', track: 'ping' }, { id: 'w', wait: '1d', goto: 's' }), []],
    [
      'a step tracking the entry event, reentry after-exit, the run ending at once',
      journeyOf('after-exit', [
        { id: 'a', show: 'cart-offer' },
        { id: 'b', track: 'ping' },
      ]),
      [`${j}.steps[1].track: ${reenters('ping')} (step "b")`],
    ],
    [
      'the same through an exit step and a rule',
      journeyOf(
        'after-exit',
        [
          { id: 'a', track: 'pre' },
          { id: 'b', exit: true },
        ],
        [{ id: 'r', on: 'pre', track: 'ping' }],
      ),
      [`${j}.steps[0].track: ${reenters('pre')} (step "a")`],
    ],
    ['the same with reentry never: it cannot enter again', journeyOf('never', [{ id: 'a', track: 'ping' }]), []],
    ['the same with reentry after 30d: not at once', journeyOf({ after: '30d' }, [{ id: 'a', track: 'ping' }]), []],
    [
      'a step tracking the entry event while the run still waits after it (it only meets guards)',
      journeyOf('after-exit', [
        { id: 'a', track: 'ping' },
        { id: 'b', wait: '1d' },
      ]),
      [],
    ],
    [
      'a step tracking the entry event, then a guard',
      journeyOf('after-exit', [
        { id: 'a', track: 'ping' },
        { id: 'b', on: 'page_view', show: 'cart-offer' },
      ]),
      [],
    ],
  ]
  it.each(rows)('%s', (_what, config, expected) => {
    expect(messagesOf(config)).toEqual(expected)
  })
})
