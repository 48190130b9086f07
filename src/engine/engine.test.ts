// @vitest-environment happy-dom
// The engine alone, rules given as they are (the config validator learns the `events` fact root
// in its own change): event counts reach the facts rules decide on.
import { describe, expect, it, vi } from 'vitest'
import type { Config } from '../config/types.js'
import type { Message } from '../delivery/envelope.js'
import type { CapturedCall } from '../api/types.js'
import { indexRules } from '../rules/evaluate.js'
import { createStorage } from '../storage/storage.js'
import { createVisitorState } from '../storage/visitor.js'
import { createEngine } from './engine.js'
import { createConsent } from './consent.js'
import type { Runtime } from './runtime.js'
import { createActs } from '../actions/act.js'
import type { ActionKit } from '../actions/actions.js'
import { eventFactKeys } from './facts.js'

const exitAt = (moment: CapturedCall['moment']): CapturedCall => ({ method: 'track', args: ['exit_intent', { how: 'pointer' }], moment })

function engineFor(config: Config, subscription: PushSubscriptionJSON | null = null) {
  const sent: Message[] = []
  const shown: string[] = []
  let kit: ActionKit | undefined
  const makeKit = (): ActionKit => {
    const items = { canShow: () => true, show: (item: string) => void shown.push(item), hideAll: () => undefined }
    const push = { start: () => undefined, ask: () => null, known: () => subscription, subscription: async () => subscription }
    return { items, push, ...createActs(rt, items, push) }
  }
  const rt = {
    loaded: {
      config,
      rules: indexRules(config.rules ?? []),
      pacing: null,
      regex: null,
      triggers: null,
      journeys: null,
      events: eventFactKeys(config),
      collectorUrl: 'https://collect.test/v1/batch',
    },
    consent: createConsent('granted'),
    visitor: createVisitorState(createStorage(false)),
    deliver: (message: Message) => void sent.push(message),
    emit: () => undefined,
    // One kit per runtime, as create.ts keeps it: items shown per page are counted in it.
    actions: async () => (kit ??= makeKit()),
    later: () => undefined,
    debug: null,
  } as unknown as Runtime
  const engine = createEngine(rt)
  rt.core = engine.core
  const moment = (path: string) => ({ page: { url: `https://shop.test${path}`, path, referrer: '', title: '' }, time: Date.now() })
  return {
    sent: () => sent.map((m) => m.event ?? `${m.type}:${m.context.page?.path}`),
    messages: () => sent,
    shown,
    page: (path: string) => engine.perform({ method: 'page', args: [{}], moment: moment(path) } as CapturedCall),
    track: (event: string) => engine.perform({ method: 'track', args: [event, {}], moment: moment('/') } as CapturedCall),
    /** What the exit-intent watcher calls first: the departure pushes, at once. */
    depart: async (at: ReturnType<typeof moment>) => (await rt.actions())!.depart(exitAt(at)),
    /** An exit as the watcher reports it: its departure pushes at once, then its call in line. */
    async exit() {
      const call = exitAt(moment('/cart'))
      ;(await rt.actions())!.depart(call)
      await engine.perform(call)
    },
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

describe('push rules (contract §8b)', () => {
  const config: Config = {
    version: 1,
    rules: [
      {
        id: 'left-cart',
        on: 'exit_intent',
        push: { title: 'Still thinking it over?', body: 'Your cart is saved', url: '/cart', after: '1h', cancelOn: ['order_completed'] },
      },
    ],
  }
  const subscription = { endpoint: 'https://push.example/abc', keys: { p256dh: 'p', auth: 'a' } }

  it('requests the push with its payload, sendAt, cancelOn, the subscription and the rule', async () => {
    const engine = engineFor(config, subscription)
    const before = Date.now()
    await engine.track('exit_intent')
    const requested = engine.messages().find((m) => m.event === 'push_requested')!
    expect(requested.properties).toMatchObject({
      push: { title: 'Still thinking it over?', body: 'Your cart is saved', url: '/cart' },
      cancelOn: ['order_completed'],
      subscription,
      rule: 'left-cart',
    })
    expect(requested.properties!.push).not.toHaveProperty('after')
    const sendAt = Date.parse(requested.properties!.sendAt as string)
    expect(sendAt - before).toBeGreaterThanOrEqual(3_600_000)
    expect(sendAt - before).toBeLessThan(3_600_000 + 60_000)
  })

  it('does nothing for a visitor without a subscription', async () => {
    const engine = engineFor(config, null)
    await engine.track('exit_intent')
    expect(engine.sent()).toEqual(['exit_intent'])
  })

  describe('a departure push (contract §7, leaving at once)', () => {
    /** What navigator.sendBeacon was handed: the Segment batches, parsed. */
    const beacons = () => {
      const sent: Array<{ url: string; batch: Message[] }> = []
      vi.stubGlobal('navigator', { ...navigator, sendBeacon: (url: string, body: string) => (sent.push({ url, batch: JSON.parse(body).batch }), true) })
      return sent
    }

    it('leaves by sendBeacon the moment the exit fires, before its call runs; the call then sends the same message id', async () => {
      const sent = beacons()
      const engine = engineFor({ ...config, rules: [{ ...config.rules![0]!, frequency: 'once' }] }, subscription)
      const at = { page: { url: 'https://shop.test/cart', path: '/cart', referrer: '', title: '' }, time: Date.now() }
      await engine.depart(at)
      expect(sent).toHaveLength(1) // at once: nothing awaited
      const [beaconed] = sent[0]!.batch
      expect(sent[0]!.url).toBe('https://collect.test/v1/batch')
      expect(beaconed).toMatchObject({ type: 'track', event: 'push_requested', properties: { subscription, rule: 'left-cart', cancelOn: ['order_completed'] } })
      expect(engine.sent()).toEqual([]) // the exit's call has not run yet
    })

    it('the exit call in line sends it again with the same messageId, and the cap holds for the next exit', async () => {
      const sent = beacons()
      const engine = engineFor({ ...config, rules: [{ ...config.rules![0]!, frequency: 'once' }] }, subscription)
      await engine.exit()
      const enqueued = engine.messages().filter((m) => m.event === 'push_requested')
      expect(enqueued.map((m) => m.messageId)).toEqual([sent[0]!.batch[0]!.messageId])
      expect(enqueued[0]!.properties).toEqual(sent[0]!.batch[0]!.properties)
      await engine.exit() // `once`: claimed when it left
      expect(sent).toHaveLength(1)
      expect(engine.sent()).toEqual(['exit_intent', 'push_requested', 'exit_intent'])
    })

    it('sends nothing without a subscription, for a rule whose conditions fail, or one that shows an item (it acts in line)', async () => {
      const sent = beacons()
      const rules = [
        { ...config.rules![0]!, id: 'elsewhere', if: { 'page.path': '/checkout' } },
        { ...config.rules![0]!, id: 'with-item', show: 'offer' },
      ]
      await engineFor({ ...config, items: { offer: { kind: 'focus', style: 'bar', title: 'Offer' } }, rules }, subscription).exit()
      await engineFor(config, null).exit()
      expect(sent).toEqual([])
    })
  })
})

describe('rules acting from the actions chunk (src/actions/act.ts)', () => {
  it('a `once` rule acts once across page views; a rule without a cap acts each time', async () => {
    const engine = engineFor({
      version: 1,
      rules: [
        { id: 'first', on: 'page_view', frequency: 'once', track: 'first_seen' },
        { id: 'every', on: 'page_view', track: 'seen' },
      ],
    })
    await engine.page('/a')
    await engine.page('/b')
    expect(engine.sent().filter((event) => event === 'first_seen' || event === 'seen')).toEqual(['first_seen', 'seen', 'seen'])
  })

  it('without the pacing chunk (it could not load) a rule with variants or a schedule never acts; the others do', async () => {
    const engine = engineFor({
      version: 1,
      items: { a: { kind: 'focus', style: 'bar', title: 'A' }, b: { kind: 'focus', style: 'bar', title: 'B' } },
      rules: [
        {
          id: 'split',
          on: 'page_view',
          variants: [
            { weight: 50, show: 'a' },
            { weight: 50, show: 'b' },
          ],
          track: 'split_ran',
        },
        { id: 'timed', on: 'page_view', schedule: { start: '2020-01-01T00:00:00Z' }, track: 'timed_ran' },
        { id: 'plain', on: 'page_view', track: 'plain_ran' },
      ],
    })
    await engine.page('/home')
    expect(engine.sent()).toEqual(['visit_start', 'page:/home', 'plain_ran'])
    expect(engine.shown).toEqual([])
  })

  it('limits.perPage: items beyond it wait for the next page view; limits.perVisit holds across them', async () => {
    const items = { a: { kind: 'focus', style: 'bar', title: 'A' }, b: { kind: 'focus', style: 'bar', title: 'B' } } as Config['items']
    const engine = engineFor({
      version: 1,
      items,
      limits: { perPage: 1, perVisit: 3 },
      rules: [
        { id: 'show-a', on: 'page_view', show: 'a' },
        { id: 'show-b', on: 'page_view', show: 'b' },
      ],
    })
    await engine.page('/one')
    expect(engine.shown).toEqual(['a'])
    await engine.page('/two')
    expect(engine.shown).toEqual(['a', 'a'])
    await engine.page('/three')
    await engine.page('/four')
    expect(engine.shown).toEqual(['a', 'a', 'a'])
  })
})
