import { describe, expect, it } from 'vitest'
import { applyEdits } from './draft.js'
import {
  addRule,
  addVariant,
  addWindow,
  deleteRule,
  describeRule,
  moveRule,
  problemsOfField,
  problemsOfRule,
  removeVariant,
  removeWindow,
  rulePlace,
  setAction,
  setDate,
  setFrequency,
  setTrigger,
  toggleDay,
} from './rule-edits.js'
import type { Placed } from './problems-by-box.js'

const a = { id: 'a', on: 'page_view', show: 'offer' }
const b = { id: 'b', on: 'scroll', percent: 50, track: 'scrolled' }
const config = { version: 1, rules: [a, b] }
const after = (edits: Parameters<typeof applyEdits>[1], from: unknown = config) => applyEdits(from, edits) as { rules: unknown[] }

describe('rule edits, read back from the draft', () => {
  const cases: Array<[string, () => unknown, unknown[]]> = [
    [
      'add: a page_view rule showing the first item',
      () => after(addRule(config, ['offer']).edits).rules,
      [a, b, { id: 'rule-3', on: 'page_view', show: 'offer' }],
    ],
    [
      'add without items: a track to name',
      () => after(addRule({ version: 1 }, []).edits, { version: 1 }).rules,
      [{ id: 'rule-1', on: 'page_view', track: '' }],
    ],
    ['delete', () => after(deleteRule(0)).rules, [b]],
    ['move down', () => after(moveRule(config, 0, 1)).rules, [b, a]],
    ['move past the end: nothing', () => after(moveRule(config, 1, 1)).rules, [a, b]],
    [
      'a trigger without its parameter drops the old one',
      () => after(setTrigger(config, 1, 'exit_intent')).rules,
      [a, { id: 'b', on: 'exit_intent', track: 'scrolled' }],
    ],
    ['show instead of track', () => after(setAction(config, 1, 'show', ['offer'])).rules, [a, { id: 'b', on: 'scroll', percent: 50, show: 'offer' }]],
    ['set the stage instead of show', () => after(setAction(config, 0, 'set', [])).rules, [{ id: 'a', on: 'page_view', set: { stage: 'consideration' } }, b]],
    ['at most once a day to start', () => after(setFrequency(config, 0, 'limit')).rules, [{ ...a, frequency: { limit: 1, per: '1d' } }, b]],
    ['once', () => after(setFrequency(config, 0, 'once')).rules, [{ ...a, frequency: 'once' }, b]],
    [
      'a weekly window: the weekdays',
      () => after(addWindow(config, 0)).rules,
      [{ ...a, schedule: { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'] }] } }, b],
    ],
  ]
  it.each(cases)('%s', (_, run, rules) => expect(run()).toEqual(rules))

  it('variants: an even A/B pair from the item shown, one more, one less, never none', () => {
    const ab = [
      { weight: 50, show: 'offer' },
      { weight: 50, show: 'other' },
    ]
    const paired = after(setAction(config, 0, 'variants', ['other', 'offer']))
    expect(paired.rules[0]).toEqual({ id: 'a', on: 'page_view', variants: ab })
    const three = after(addVariant(paired, 0, ['other']), paired)
    expect(three.rules[0]).toEqual({ id: 'a', on: 'page_view', variants: [...ab, { weight: 50, show: 'other' }] })
    expect(after(removeVariant(three, 0, 0), three).rules[0]).toEqual({ id: 'a', on: 'page_view', variants: [ab[1], { weight: 50, show: 'other' }] })
    const one = { version: 1, rules: [{ id: 'a', on: 'page_view', variants: [ab[0]] }] }
    expect(removeVariant(one, 0, 0)).toEqual([])
    expect(after(setAction(paired, 0, 'show', ['other']), paired).rules[0]).toEqual({ id: 'a', on: 'page_view', show: 'other' })
  })

  it('start and end dates: the schedule comes with the first and goes with the last', () => {
    const started = after(setDate(config, 0, 'start', '2026-12-01'))
    expect(started.rules[0]).toEqual({ ...a, schedule: { start: '2026-12-01' } })
    const both = after(setDate(started, 0, 'end', '2027-01-31'), started)
    expect(both.rules[0]).toEqual({ ...a, schedule: { start: '2026-12-01', end: '2027-01-31' } })
    expect(after(setDate(both, 0, 'start', ''), both).rules[0]).toEqual({ ...a, schedule: { end: '2027-01-31' } })
    expect(after(setDate(started, 0, 'start', ''), started).rules[0]).toEqual(a)
    expect(setDate(config, 0, 'end', '')).toEqual([])
  })

  it('days toggle in week order, and the last window takes its empty schedule with it', () => {
    const one = { version: 1, rules: [{ ...a, schedule: { weekly: [{ days: ['fri'] }] } }] }
    expect(after(toggleDay(one, 0, 0, 'thu'), one).rules[0]).toEqual({ ...a, schedule: { weekly: [{ days: ['thu', 'fri'] }] } })
    expect(after(toggleDay(one, 0, 0, 'fri'), one).rules[0]).toEqual({ ...a, schedule: { weekly: [{ days: [] }] } })
    expect(after(removeWindow(one, 0, 0), one).rules[0]).toEqual(a)
    const zoned = { version: 1, rules: [{ ...a, schedule: { weekly: [{ days: ['fri'] }], timezone: 'Europe/Belgrade' } }] }
    expect(after(removeWindow(zoned, 0, 0), zoned).rules[0]).toEqual({ ...a, schedule: { timezone: 'Europe/Belgrade' } })
  })
})

describe('what the list says of a rule', () => {
  const cases: Array<[string, object, { trigger: string; does: string }]> = [
    ['show', a, { trigger: 'page_view', does: 'show offer' }],
    ['a trigger with its parameter', b, { trigger: 'scroll percent 50', does: 'track scrolled' }],
    ['set', { on: 'visit_start', set: { stage: 'retention' } }, { trigger: 'visit_start', does: 'set stage retention' }],
    ['nothing yet', {}, { trigger: '(no trigger)', does: '(does nothing)' }],
    [
      'A/B variants',
      {
        on: 'exit_intent',
        variants: [
          { weight: 70, show: 'a' },
          { weight: 30, show: 'b' },
        ],
      },
      { trigger: 'exit_intent', does: 'A/B: a 70 / b 30' },
    ],
  ]
  it.each(cases)('%s', (_, rule, said) => expect(describeRule(rule)).toEqual(said))
})

describe('problems under rules[i]', () => {
  const problem = (path: string): Placed => ({ path, message: 'x', place: null })
  const problems = [problem('rules[1].if.visit.count'), problem('rules[1].schedule.weekly[0].from'), problem('rules[10].show'), problem('journeys.a.steps')]
  it.each([
    ['rules[2].show', { index: 2, field: 'show' }],
    ['rules[0]', { index: 0, field: '' }],
    ['rules[3].if.page.path', { index: 3, field: 'if.page.path' }],
    ['journeys.rules[1]', null],
  ])('%s', (path, place) => expect(rulePlace(path)).toEqual(place))
  it('by rule and by field', () => {
    expect(problemsOfRule(problems, 1).map((p) => p.path)).toEqual(['rules[1].if.visit.count', 'rules[1].schedule.weekly[0].from'])
    expect(problemsOfField(problemsOfRule(problems, 1), 'schedule').map((p) => p.path)).toEqual(['rules[1].schedule.weekly[0].from'])
    expect(problemsOfField(problemsOfRule(problems, 1), 'if').map((p) => p.path)).toEqual(['rules[1].if.visit.count'])
  })
})
