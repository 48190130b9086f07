import { describe, expect, it } from 'vitest'
import { placeAll, placeOf, problemsByBox, type Place } from './problems-by-box.js'

const config = {
  journeys: {
    'cart-rescue': {
      steps: [{ id: 'nudge' }, { id: 'pause' }, { id: 'watch' }, { id: 'done' }],
    },
    a: { steps: [{ id: 'x' }] },
    'a.b': { steps: [{ id: 'y' }, { nameless: true }] },
  },
}

describe('placeOf', () => {
  const rows: Array<[string, Place | null]> = [
    ['journeys.cart-rescue.steps[3].goto', { journey: 'cart-rescue', box: 'step:done', index: 3, field: 'goto' }],
    ['journeys.cart-rescue.steps[2].split[0].weight', { journey: 'cart-rescue', box: 'step:watch', index: 2, field: 'split[0].weight' }],
    ['journeys.cart-rescue.steps[1]', { journey: 'cart-rescue', box: 'step:pause', index: 1, field: '' }],
    ['journeys.cart-rescue.entry.on', { journey: 'cart-rescue', box: '@entry', field: 'entry.on' }],
    ['journeys.cart-rescue.schedule.start', { journey: 'cart-rescue', box: '@entry', field: 'schedule.start' }],
    ['journeys.cart-rescue.goal.within', { journey: 'cart-rescue', box: '@goal', field: 'goal.within' }],
    ['journeys.cart-rescue.exit[1].on', { journey: 'cart-rescue', box: '@exits', field: 'exit[1].on' }],
    ['journeys.cart-rescue.holdout', { journey: 'cart-rescue', box: '@holdout', field: 'holdout' }],
    ['journeys.cart-rescue.steps', { journey: 'cart-rescue', box: '@entry', field: 'steps' }],
    ['journeys.cart-rescue', { journey: 'cart-rescue', box: '@entry', field: '' }],
    // an id with a dot: the longest id the path starts with
    ['journeys.a.b.steps[0].goto', { journey: 'a.b', box: 'step:y', index: 0, field: 'goto' }],
    ['journeys.a.steps[0].goto', { journey: 'a', box: 'step:x', index: 0, field: 'goto' }],
    // a step without an id has no box of its own
    ['journeys.a.b.steps[1].id', { journey: 'a.b', box: '@entry', field: 'steps[1].id' }],
    ['journeys.gone.steps[0]', null],
    ['rules[0].show', null],
    ['items.offer.style', null],
  ]
  it.each(rows)('%s', (path, expected) => expect(placeOf(path, config)).toEqual(expected))
})

describe('problemsByBox', () => {
  const problems = placeAll(
    [
      { path: 'journeys.cart-rescue.steps[3].goto', message: 'a' },
      { path: 'journeys.cart-rescue.steps[3].else', message: 'b' },
      { path: 'journeys.cart-rescue.holdout', message: 'c' },
      { path: 'journeys.a.steps[0].goto', message: 'd' },
      { path: 'rules[0].show', message: 'e' },
    ],
    config,
  )
  it('gathers one journey’s problems by box; a box not drawn hands its problems to the entry', () => {
    const found = problemsByBox(problems, 'cart-rescue', new Set(['@entry', 'step:done']))
    expect([...found].map(([box, list]) => [box, list.map((p) => p.message)])).toEqual([
      ['step:done', ['a', 'b']],
      ['@entry', ['c']],
    ])
  })
})
