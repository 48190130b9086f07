import { describe, expect, it } from 'vitest'
import type { Effect } from '../../journeys/stepper.js'
import { triedPath, type TriedCall } from './try-path.js'
import { timelineOf } from './try-timeline.js'

const entered = (holdout = false): Effect => ({ type: 'event', event: 'journey_entered', properties: { run: 1, holdout } })
const step = (id: string): Effect => ({ type: 'event', event: 'journey_step', properties: { step: id, action: 'show' } })
const exited = (reason: string): Effect => ({ type: 'event', event: 'journey_exited', properties: { reason } })
const goal: Effect = { type: 'event', event: 'journey_goal', properties: { run: 1 } }
const call = (at: string | null | undefined, ...effects: Effect[]): TriedCall => ({ effects, at })

describe('triedPath: the boxes a visitor went through', () => {
  it.each<[string, TriedCall[], { visited: string[]; here: string | null }]>([
    ['never entered', [call(undefined)], { visited: [], here: null }],
    ['entered, waiting at the first step', [call('nudge', entered())], { visited: ['@entry', 'step:nudge'], here: 'step:nudge' }],
    [
      'two steps passed over two calls, waiting at the third',
      [call('pause', entered(), step('nudge')), call('watch', step('pause'))],
      { visited: ['@entry', 'step:nudge', 'step:pause', 'step:watch'], here: 'step:watch' },
    ],
    ['in the holdout', [call(null, entered(true))], { visited: ['@entry', '@holdout'], here: '@holdout' }],
    [
      'ended by an exit step',
      [call('done', entered()), call(undefined, step('done'), exited('completed'))],
      { visited: ['@entry', 'step:done'], here: 'step:done' },
    ],
    [
      'ran off the end of the list',
      [call('a', entered()), call(undefined, step('a'), exited('completed'))],
      { visited: ['@entry', 'step:a', '@end'], here: '@end' },
    ],
    [
      'timed out where it waited',
      [call('watch', entered()), call(undefined, exited('timeout'))],
      { visited: ['@entry', 'step:watch', '@timeout'], here: '@timeout' },
    ],
    ['left on an exit trigger', [call('a', entered()), call(undefined, exited('exit'))], { visited: ['@entry', 'step:a', '@exits'], here: '@exits' }],
    ['reached the goal', [call('a', entered()), call(undefined, goal, exited('goal'))], { visited: ['@entry', 'step:a', '@goal'], here: '@goal' }],
  ])('%s', (_name, calls, expected) => {
    expect(triedPath(calls, new Set(['done']))).toEqual(expected)
  })
})

describe('timelineOf: the rows as typed', () => {
  it.each([
    [[{ at: '+0m', event: 'add_to_cart', facts: '' }], [{ at: '+0m', event: 'add_to_cart' }]],
    [[{ at: ' +2h ', event: '  ', facts: '' }], [{ at: '+2h', event: null }]],
    [
      [{ at: '2026-12-03T10:00:00Z', event: 'page_view', facts: '{"page": {"path": "/cart"}}' }],
      [{ at: '2026-12-03T10:00:00Z', event: 'page_view', facts: { page: { path: '/cart' } } }],
    ],
  ])('%j → %j', (rows, expected) => {
    expect(timelineOf(rows)).toEqual(expected)
  })
  it.each([
    [[{ at: '', event: 'x', facts: '' }], 'Row 1: give a time'],
    [
      [
        { at: '+0m', event: 'x', facts: '' },
        { at: '+1h', event: 'x', facts: '{page' },
      ],
      'Row 2: the facts are not JSON',
    ],
    [[{ at: '+0m', event: 'x', facts: '[1]' }], 'Row 1: the facts must be an object'],
  ])('%j fails: %s', (rows, message) => {
    expect(() => timelineOf(rows)).toThrow(message)
  })
})
