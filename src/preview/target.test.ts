import { describe, expect, it } from 'vitest'
import type { Config } from '../config/types.js'
import { journeyStops, previewTarget } from './target.js'

const config: Config = {
  version: 1,
  items: {
    welcome: { kind: 'focus', style: 'modal', title: 'Hi' },
    'cart-reminder': { kind: 'focus', style: 'bar', title: 'Your cart' },
    'cart-offer': { kind: 'focus', style: 'modal', title: 'Wait' },
  },
  journeys: {
    'cart-rescue': {
      steps: [
        { id: 'nudge', show: 'cart-reminder', on: 'page_view' },
        { id: 'pause', wait: '2h' },
        { id: 'watch', on: 'exit_intent', within: '3d', show: 'cart-offer', else: 'done' },
        { id: 'done', exit: true },
      ],
    },
    quiet: { steps: [{ id: 'tag', track: 'hello' }] },
  },
}

describe('previewTarget', () => {
  it('is null without the parameter', () => {
    expect(previewTarget('?utm_source=x', config)).toBeNull()
  })
  it('shows one item by id', () => {
    expect(previewTarget('?journeykit_preview=welcome&x=1', config)).toEqual({ stops: [{ item: 'welcome' }] })
  })
  it('steps through a journey’s show steps in list order', () => {
    expect(previewTarget('?journeykit_preview=journey:cart-rescue', config)).toEqual({
      journey: 'cart-rescue',
      stops: [
        { item: 'cart-reminder', step: 'nudge' },
        { item: 'cart-offer', step: 'watch' },
      ],
    })
  })
  it.each([
    ['?journeykit_preview=nope', '?journeykit_preview=nope: no item "nope" in the config'],
    ['?journeykit_preview=toString', '?journeykit_preview=toString: no item "toString" in the config'],
    ['?journeykit_preview=journey:nope', '?journeykit_preview=journey:nope: no journey "nope" in the config'],
    ['?journeykit_preview=journey:quiet', '?journeykit_preview=journey:quiet: journey "quiet" shows no item'],
    ['?journeykit_preview=', '?journeykit_preview=: no item "" in the config'],
  ])('names the parameter for %s', (search, error) => {
    expect(previewTarget(search, config)).toEqual({ error })
  })
})

describe('journeyStops', () => {
  it('skips steps that show nothing or an item the config lacks', () => {
    expect(journeyStops([{ id: 'a', show: 'gone' }, { id: 'b' }, { id: 'c', show: 'welcome' }], config)).toEqual([{ item: 'welcome', step: 'c' }])
  })
})
