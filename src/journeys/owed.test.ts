import { describe, expect, it } from 'vitest'
import { orphans, settled, withOwed, type Owed, type StoredJourneys } from './owed.js'

const page = { url: 'https://shop.test/', path: '/', referrer: '', title: '', search: '' }
const entry = (id: string, tab: string, effect: Owed['effect'], time = 1_000): Owed => ({ id, effect, moment: { page, time }, tab })
const track = (event: string): Owed['effect'] => ({ type: 'track', event, properties: {} })
const show = (run: number): Owed['effect'] => ({ type: 'show', item: 'reminder', journey: 'rescue', run, step: 'remind' })
const state = (owed: Owed[], runs = 2): StoredJourneys => ({ segments: [], journeys: { rescue: { runs, goal: false } }, owed })

describe('owed effects (contract §8 Exactly once)', () => {
  it('crosses off what was done; what this tab tried and could not do becomes any tab’s', () => {
    const a = entry('a', 'me', track('x'))
    const b = entry('b', 'me', show(2))
    const other = entry('c', 'other', track('y'))
    expect(settled([a, b, other], [a, b], new Set(['a']))).toEqual([{ ...b, tab: '' }, other])
    expect(settled(undefined, [a], new Set(['a']))).toEqual([])
  })

  it.each([
    ['its own tab’s', 'me', new Set<string>(), 1_000, track('x'), 2, false],
    ['a tab acting now', 'other', new Set(['other']), 1_000, track('x'), 2, false],
    ['a tab that went', 'other', new Set<string>(), 1_000, track('x'), 2, true],
    ['any tab’s item, of the latest run (running or ended)', '', new Set<string>(), 1_000, show(2), 2, true],
    ['an item of an earlier run', '', new Set<string>(), 1_000, show(1), 2, false],
    ['an item owed for 30 days', '', new Set<string>(), 1_000 + 30 * 86_400_000, show(2), 2, false],
    ['without Web Locks, a recent one', 'other', null, 20_000, track('x'), 2, false],
    ['without Web Locks, one over 30 s old', 'other', null, 40_000, track('x'), 2, true],
  ] as const)('an entry of %s: taken over or not (case %#)', (_, tab, acting, now, effect, run, taken) => {
    const owed = [entry('a', tab, effect)]
    expect(orphans(state(owed, run), 'me', acting as Set<string> | null, now)).toEqual(taken ? owed : [])
  })

  it('keeps no owed key when nothing is owed', () => {
    expect(withOwed(state([entry('a', 'me', track('x'))]), [])).not.toHaveProperty('owed')
    expect(withOwed(state([]), [entry('a', 'me', track('x'))]).owed).toHaveLength(1)
  })
})
