import { describe, expect, it } from 'vitest'
import { validateConfig } from './validate.js'
import { suggestDuration, suggestTimeZone } from './messages.js'
import { parseDuration } from '../rules/duration.js'

const items = {
  'free-shipping': { kind: 'focus', style: 'bar', title: 'Free shipping over $50' },
  'ten-off': { kind: 'focus', style: 'modal', title: '10% off' },
}
const steps = (...more: object[]) => [{ id: 'pause', wait: '2h' }, { id: 'mail', track: 'winback_requested' }, ...more, { id: 'done', exit: true }]
const rule = (id: string | undefined, extra: object) => ({ ...(id === undefined ? {} : { id }), on: 'exit_intent', show: 'ten-off', ...extra })
/** A config with these rules, and one journey `cart-rescue` with `journeySteps`. */
const config = (rules: object[], journeySteps = steps()) => ({ version: 1, items, rules, journeys: { 'cart-rescue': { steps: journeySteps } } })
const lines = (input: unknown) => {
  const { problems, warnings } = validateConfig(input)
  return [...problems, ...warnings].map(({ path, message }) => `${path}: ${message}`)
}

describe('the contract §4 examples keep their words, first', () => {
  it('rules[2].if.visit.count: $gte needs a number, not "two"', () => {
    const input = config([rule('a', {}), rule('b', {}), rule('cart-exit', { if: { 'visit.count': { $gte: 'two' } } })])
    expect(lines(input)).toEqual(['rules[2].if.visit.count: $gte needs a number, not "two" (rule "cart-exit")'])
    expect(lines(input)[0]!.startsWith('rules[2].if.visit.count: $gte needs a number, not "two"')).toBe(true)
  })

  it('journeys.cart-rescue.steps[5].goto: "mial" names no step — did you mean "mail"?', () => {
    const input = config(
      [],
      [
        { id: 'nudge', show: 'ten-off' },
        { id: 'pause', wait: '2h' },
        { id: 'watch', on: 'exit_intent', within: '3d', show: 'ten-off', else: 'ab' },
        { id: 'done', exit: true },
        { id: 'ab', split: [{ weight: 50, goto: 'mail' }] },
        { id: 'mail', track: 'winback_requested', goto: 'mial' },
      ],
    )
    expect(lines(input)).toEqual(['journeys.cart-rescue.steps[5].goto: "mial" names no step — did you mean "mail"? (step "mail")'])
  })
})

describe('a message names the rule, variant or step its path gives by index (issue 24)', () => {
  /** [what, config, lines] */
  const rows: Array<[string, unknown, string[]]> = [
    [
      'a rule, after the near name',
      config([rule('cart-exit', { show: 'free-shiping' })]),
      ['rules[0].show: "free-shiping" names no item in "items" — did you mean "free-shipping"? (rule "cart-exit")'],
    ],
    ['a rule-wide problem', config([rule('both', { track: 'x' })]), ['rules[0]: needs exactly one of show, track, set, variants or push (rule "both")']],
    [
      'a rule without id: nothing to name',
      config([rule(undefined, { delay: 'soon' }), rule('later', { delay: 'soon' })]),
      [
        'rules[0].id: is required',
        'rules[0].delay: must be a duration above 0, like "30s", "1h" or "7d", not "soon"',
        'rules[1].delay: must be a duration above 0, like "30s", "1h" or "7d", not "soon" (rule "later")',
      ],
    ],
    [
      'a repeated id: quoted already',
      config([rule('r', {}), rule('r', { show: 'ten-of' })]),
      ['rules[1].id: "r" repeats a rule id', 'rules[1].show: "ten-of" names no item in "items" — did you mean "ten-off"? (rule "r")'],
    ],
    [
      'a weekly window, by its rule',
      config([rule('thursdays', { schedule: { weekly: [{ days: ['thu'], from: '8am' }] } })]),
      ['rules[0].schedule.weekly[0].from: must be a time "HH:MM", not "8am" (rule "thursdays")'],
    ],
    [
      'a variant with an id, and one without',
      config([
        {
          id: 'ab',
          on: 'page_view',
          variants: [
            { id: 'shipping', weight: 50, show: 'free-shipping' },
            { weight: 50, show: 'ten-of' },
            { id: 'none', weight: 0, show: 'ten-off' },
          ],
        },
      ]),
      [
        'rules[0].variants[1].show: "ten-of" names no item in "items" — did you mean "ten-off"? (rule "ab")',
        'rules[0].variants[2].weight: must be a number above 0, not 0 (rule "ab", variant "none")',
      ],
    ],
    [
      'a push button, by its action',
      {
        ...config([{ id: 'left', on: 'exit_intent', push: { title: 'Hi', actions: [{ action: 'open', title: 'Open', url: 'javascript:x' }] } }]),
        push: { vapidPublicKey: 'B' },
      },
      ['rules[0].push.actions[0].url: must be an https:, http: or relative URL, not "javascript:x" (rule "left", action "open")'],
    ],
    [
      'a step, and a split option by its step',
      config([], steps({ id: 'ab', split: [{ weight: 0, goto: 'done' }] })),
      ['journeys.cart-rescue.steps[2].split[0].weight: must be a number above 0, not 0 (step "ab")'],
    ],
    [
      'a step of a journey whose id has dots',
      { version: 1, items, journeys: { 'spring.sale': { steps: [{ id: 'hi', show: 'ten-of' }] } } },
      ['journeys.spring.sale.steps[0].show: "ten-of" names no item in "items" — did you mean "ten-off"? (step "hi")'],
    ],
    [
      'a step never reached: quoted already',
      config(
        [],
        [
          { id: 'a', exit: true },
          { id: 'b', track: 'x', delay: '1s' },
        ],
      ),
      [
        'journeys.cart-rescue.steps[1]: "b" is never reached: no step leads to it',
        'journeys.cart-rescue.steps[1].delay: is not a known key; ignored (step "b")',
      ],
    ],
    [
      'items and segments: their ids are in the path',
      {
        ...config([rule('vips', { if: { 'segment.vp': true } })]),
        items: { ...items, bar: { kind: 'focus', style: 'popover', title: 'x' } },
        segments: { vip: { if: { 'visit.cont': 2 } } },
      },
      [
        'items.bar.style: must be one of modal, bar, slidein, notification, not "popover"',
        'segments.vip.if.visit.cont: "visit.cont" is not a known fact — did you mean "visit.count"?',
        'rules[0].if.segment.vp: "vp" names no segment in "segments" — did you mean "vip"? (rule "vips")',
      ],
    ],
    ['a warning too', config([rule('soon', { someday: true })]), ['rules[0].someday: is not a known key; ignored (rule "soon")']],
  ]
  it.each(rows)('%s', (_what, input, expected) => {
    expect(lines(input)).toEqual(expected)
  })
})

describe('a step name that names no step lists the steps there are (issue 24)', () => {
  const rows: Array<[string, object[], string[]]> = [
    [
      'a goto far from any step',
      steps({ id: 'ask', track: 'x', goto: 'finish' }),
      ['journeys.cart-rescue.steps[2].goto: "finish" names no step (steps: pause, mail, ask, done) (step "ask")'],
    ],
    [
      'the first five, then …',
      steps({ id: 'a', track: 'x' }, { id: 'b', track: 'y' }, { id: 'c', track: 'z', else: 'zzz', within: '1d', on: 'page_view' }),
      ['journeys.cart-rescue.steps[4].else: "zzz" names no step (steps: pause, mail, a, b, c, …) (step "c")'],
    ],
    [
      'a branch option',
      steps({ id: 'tag', branch: [{ if: { 'visit.count': 2 }, goto: 'nowhere' }], else: 'done' }),
      ['journeys.cart-rescue.steps[2].branch[0].goto: "nowhere" names no step (steps: pause, mail, tag, done) (step "tag")'],
    ],
    [
      'a near one: suggested, not listed',
      steps({ id: 'ask', track: 'x', goto: 'Done' }),
      ['journeys.cart-rescue.steps[2].goto: "Done" names no step — did you mean "done"? (step "ask")'],
    ],
  ]
  it.each(rows)('%s', (_what, journeySteps, expected) => {
    expect(lines(config([], journeySteps))).toEqual(expected)
  })
})

describe('a duration or a time zone that is none: the one it likely means (issue 24)', () => {
  const duration = 'must be a duration above 0, like "30s", "1h" or "7d"'
  const zone = 'must be an IANA time zone like "Europe/Belgrade"'
  const rows: Array<[string, object, string[]]> = [
    ['a delay in words', rule('r', { delay: '2 hours' }), [`rules[0].delay: ${duration}, not "2 hours" — did you mean "2h"? (rule "r")`]],
    [
      'a cap per week',
      rule('r', { frequency: { limit: 1, per: '1 week' } }),
      [`rules[0].frequency.per: ${duration}, not "1 week" — did you mean "1w"? (rule "r")`],
    ],
    ['a unit in capitals', rule('r', { delay: '30S' }), [`rules[0].delay: ${duration}, not "30S" — did you mean "30s"? (rule "r")`]],
    ['zero in words: no zero to suggest', rule('r', { delay: '0 seconds' }), [`rules[0].delay: ${duration}, not "0 seconds" (rule "r")`]],
    [
      'a push later than 30 days, in words: nothing valid to suggest',
      rule('r', { show: undefined, push: { title: 'Hi', after: '45 days' } }),
      ['rules[0].push.after: must be a duration up to 30 days, like "10s", "1h" or "3d", not "45 days" (rule "r")'],
    ],
    [
      'a push delay in words',
      rule('r', { show: undefined, push: { title: 'Hi', after: '2 days' } }),
      ['rules[0].push.after: must be a duration up to 30 days, like "10s", "1h" or "3d", not "2 days" — did you mean "2d"? (rule "r")'],
    ],
    [
      'a city for a zone',
      rule('r', { schedule: { timezone: 'Belgarde' } }),
      [`rules[0].schedule.timezone: ${zone}, not "Belgarde" — did you mean "Europe/Belgrade"? (rule "r")`],
    ],
    ['a zone far from any', rule('r', { schedule: { timezone: 'Mars/Olympus' } }), [`rules[0].schedule.timezone: ${zone}, not "Mars/Olympus" (rule "r")`]],
  ]
  it.each(rows)('%s', (_what, oneRule, expected) => {
    expect(lines({ ...config([oneRule]), push: { vapidPublicKey: 'B' } })).toEqual(expected)
  })

  it('also in a journey: a wait, and a weekly wait’s zone', () => {
    const input = config([], steps({ id: 'later', wait: '3 days' }, { id: 'thu', wait: { weekly: [{ days: ['thu'] }], timezone: 'new york' } }))
    expect(lines(input)).toEqual([
      `journeys.cart-rescue.steps[2].wait: ${duration}, not "3 days" — did you mean "3d"? (step "later")`,
      `journeys.cart-rescue.steps[3].wait.timezone: ${zone}, not "new york" — did you mean "America/New_York"? (step "thu")`,
    ])
  })
})

describe('suggestDuration (issue 24): the duration a string that is none likely means', () => {
  /** [what the owner wrote, the suggestion] */
  const rows: Array<[string, string | undefined]> = [
    ['2 hours', '2h'],
    ['30 seconds', '30s'],
    ['1 week', '1w'], // the grammar has weeks (rules/duration.ts)
    ['5min', '5m'],
    ['2H', '2h'],
    ['2 hrs', '2h'],
    ['3 secs.', '3s'],
    ['90 Minutes', '90m'],
    ['500 milliseconds', '500ms'],
    ['7 days', '7d'],
    ['1.5 hours', '1.5h'], // the grammar has fractions
    ['1,5h', '1.5h'],
    ['1h 30m', '90m'],
    ['1 day and 12 hours', '36h'],
    ['PT1H30M', '90m'],
    ['P1DT12H', '36h'],
    ['1 month', undefined], // months are not guessed at
    ['soon', undefined],
    ['half an hour', undefined],
    ['10', undefined], // a number without its unit
    ['1h30', undefined],
    ['weekly', undefined],
  ]
  it.each(rows)('%j → %j', (written, suggested) => {
    expect(suggestDuration(written)).toBe(suggested)
  })

  it('suggests only what the duration grammar reads', () => {
    for (const [, suggested] of rows) if (suggested) expect(parseDuration(suggested)).toBeGreaterThan(0)
  })

  it('says nothing of a value that is not a string', () => {
    expect(suggestDuration(30)).toBeUndefined()
    expect(suggestDuration({ hours: 2 })).toBeUndefined()
  })
})

describe('suggestTimeZone (issue 24): the IANA zone a name that is none likely means', () => {
  const rows: Array<[string, string | undefined]> = [
    ['Belgarde', 'Europe/Belgrade'], // a typo of the city alone
    ['Belgrade', 'Europe/Belgrade'],
    ['Europe/Belgarde', 'Europe/Belgrade'],
    ['europe/belgarde', 'Europe/Belgrade'],
    ['Europe/London ', 'Europe/London'],
    ['new york', 'America/New_York'],
    ['Sao Paulo', 'America/Sao_Paulo'],
    ['Londn', 'Europe/London'],
    ['Mars/Olympus', undefined],
    // Etc/GMT+1 is an hour behind UTC: not what "GMT+1" means
    ['GMT+1', undefined],
  ]
  it.each(rows)('%j → %j', (written, suggested) => {
    expect(suggestTimeZone(written)).toBe(suggested)
  })

  it('suggests nothing where the runtime cannot list its zones', () => {
    const intl = Intl as { supportedValuesOf?: unknown }
    const list = intl.supportedValuesOf
    intl.supportedValuesOf = undefined
    try {
      expect(suggestTimeZone('Belgarde')).toBeUndefined()
    } finally {
      intl.supportedValuesOf = list
    }
  })
})
