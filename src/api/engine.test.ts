// @vitest-environment happy-dom
// The engine alone, rules given as they are (the config validator learns the `events` fact root
// in its own change): event counts reach the facts rules decide on.
import { describe, expect, it } from 'vitest'
import type { Config } from '../config/types.js'
import type { Message } from '../transport/envelope.js'
import type { CapturedCall } from './types.js'
import { indexRules } from '../rules/evaluate.js'
import { createStorage } from '../store/storage.js'
import { createVisitorState } from '../store/visitor.js'
import { createEngine } from './engine.js'
import { eventFactKeys } from './facts.js'

function engineFor(config: Config) {
  const sent: Message[] = []
  const engine = createEngine({
    visitor: createVisitorState(createStorage(false)),
    items: { canShow: () => true, show: () => undefined, hideAll: () => undefined },
    emit: () => undefined,
    config: () => config,
    rules: () => indexRules(config.rules ?? []),
    deliver: (message) => sent.push(message),
    sending: () => true,
    storing: () => true,
    onPageView: () => undefined,
    pacing: () => null,
    regex: () => null,
    eventWindows: () => eventFactKeys(config),
    journeys: () => null,
    later: () => undefined,
    debug: null,
  })
  const moment = (path: string) => ({ page: { url: `https://shop.test${path}`, path, referrer: '', title: '' }, time: Date.now() })
  return {
    sent: () => sent.map((m) => m.event ?? `${m.type}:${m.context.page?.path}`),
    page: (path: string) => engine.perform({ method: 'page', args: [{}], moment: moment(path) } as CapturedCall),
    track: (event: string) => engine.perform({ method: 'track', args: [event, {}], moment: moment('/') } as CapturedCall),
  }
}

describe('event counts in the engine', () => {
  it('two add_to_cart calls make events.add_to_cart 2; each page view counts page_view once', async () => {
    const engine = engineFor({
      version: 1,
      rules: [
        { id: 'second-add', on: 'add_to_cart', if: { 'events.add_to_cart': 2, 'events.add_to_cart.1h': 2 }, track: 'second_add' },
        { id: 'second-view', on: 'page_view', if: { 'events.page_view': 2, 'events.visit_start': 1, 'events.add_to_cart': 1 }, track: 'second_view' },
        { id: 'not-yet', on: 'page_view', if: { 'events.second_add': { $lt: 1 }, 'events.second_add.7d': 0 }, track: 'no_second_add_yet' },
        { id: 'never', on: 'page_view', if: { 'events.page_view': { $gt: 3 } }, track: 'counted_twice' },
      ],
    })
    await engine.page('/home')
    await engine.track('add_to_cart')
    await engine.page('/cart')
    await engine.track('add_to_cart')
    await engine.page('/checkout')
    expect(engine.sent()).toEqual([
      'visit_start',
      'page:/home',
      'no_second_add_yet',
      'add_to_cart',
      'page:/cart',
      'second_view',
      'no_second_add_yet',
      'add_to_cart',
      'second_add',
      'page:/checkout',
    ])
  })
})
