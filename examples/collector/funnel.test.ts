import { describe, expect, it } from 'vitest'
// @ts-expect-error plain .mjs example without types
import { createFunnel, funnel, rate } from './funnel.mjs'
// @ts-expect-error plain .mjs example without types
import { checkEnvelope, eventProblems, maxListed } from './envelope.mjs'

type Event = Record<string, any>
let counter = 0

function event(fields: Event & { stage?: string; at?: string }): Event {
  const { stage, at, ...rest } = fields
  return {
    type: 'track',
    messageId: `m${++counter}`,
    anonymousId: 'anon-1',
    userId: null,
    timestamp: at ?? '2024-05-01T10:00:00.000Z',
    properties: {},
    ...(stage && { context: { journey: { stage, visit: 1 } } }),
    ...rest,
  }
}
const shown = (item: string, anonymousId: string, rule: string | null = null, variant: string | null = null) =>
  event({ event: 'item_shown', anonymousId, properties: { item, rule, variant } })
const converted = (item: string, anonymousId: string, rule: string | null = null, variant: string | null = null) =>
  event({ event: 'item_converted', anonymousId, properties: { item, rule, variant, what: 'cta' } })
const dismissed = (item: string, anonymousId: string) => event({ event: 'item_dismissed', anonymousId, properties: { item, how: 'close' } })
const stageCounts = (result: any) => Object.fromEntries(result.stages.map((s: any) => [s.stage, s.visitors]))

describe('funnel: visitors per journey stage', () => {
  it('counts each visitor once, at the stage of their latest event by timestamp', () => {
    const result = funnel([
      event({ type: 'page', anonymousId: 'a', stage: 'awareness', at: '2024-05-01T10:00:00Z' }),
      event({ type: 'page', anonymousId: 'a', stage: 'consideration', at: '2024-05-01T10:05:00Z' }),
      // Arrives last (offline outbox) but happened first: does not move "a" back.
      event({ type: 'page', anonymousId: 'a', stage: 'awareness', at: '2024-05-01T09:00:00Z' }),
      event({ type: 'page', anonymousId: 'b', stage: 'awareness' }),
      event({ type: 'page', anonymousId: 'c', stage: 'purchase' }),
      event({ type: 'page', anonymousId: 'd' }), // no stage at all
      event({ type: 'page', anonymousId: 'e', stage: 'nirvana' }), // not a journey stage
    ])
    expect(result.visitors).toBe(5)
    expect(result.events).toBe(7)
    expect(stageCounts(result)).toEqual({ awareness: 1, consideration: 1, purchase: 1, retention: 0, advocacy: 0 })
    expect(result.unknownStage).toBe(2)
    expect(result.stages.map((s: any) => s.stage)).toEqual(['awareness', 'consideration', 'purchase', 'retention', 'advocacy'])
  })

  it('keys by userId when set, and folds the anonymous visitor into the user once both appear together', () => {
    const result = funnel([
      event({ type: 'page', anonymousId: 'x', stage: 'awareness', at: '2024-05-01T10:00:00Z' }),
      event({ type: 'identify', anonymousId: 'x', userId: 'u1', stage: 'purchase', at: '2024-05-01T10:01:00Z' }),
      event({ type: 'page', anonymousId: 'x', stage: 'retention', at: '2024-05-01T10:02:00Z' }), // userId dropped: still u1
      event({ type: 'page', anonymousId: 'other-device', userId: 'u1', stage: 'advocacy', at: '2024-05-01T09:00:00Z' }),
    ])
    expect(result.visitors).toBe(1)
    expect(stageCounts(result)).toEqual({ awareness: 0, consideration: 0, purchase: 0, retention: 1, advocacy: 0 })
  })

  it('is the same whether built at once or event by event', () => {
    const events = [event({ anonymousId: 'p', stage: 'awareness' }), shown('welcome', 'p', 'r1', 'A'), converted('welcome', 'p', 'r1', 'A')]
    const state = createFunnel()
    for (const e of events) state.add(e)
    expect(state.result()).toEqual(funnel(events))
  })
})

describe('funnel: items and variants', () => {
  const events = [
    shown('welcome', 'a', 'r1', 'A'),
    shown('welcome', 'b', 'r1', 'A'),
    shown('welcome', 'c', 'r1', 'B'),
    shown('welcome', 'd', 'r1', 'B'),
    shown('welcome', 'e', 'r1', 'B'),
    converted('welcome', 'a', 'r1', 'A'),
    converted('welcome', 'c', 'r1', 'B'),
    converted('welcome', 'd', 'r1', 'B'),
    dismissed('welcome', 'b'),
    shown('coupon', 'a'),
    shown('coupon', 'b'),
    shown('coupon', 'c'),
    dismissed('coupon', 'a'),
    converted('coupon', 'b'),
    converted('orphan', 'z'), // converted without a recorded item_shown
    event({ event: 'item_shown', properties: {} }), // no item id: not counted per item
    event({ type: 'page', event: 'item_shown', properties: { item: 'welcome' } }), // only track events count
  ]
  const result = funnel(events)

  it('counts shown, dismissed, converted and the rate converted / shown per item', () => {
    expect(result.items).toEqual([
      { item: 'welcome', shown: 5, dismissed: 1, converted: 3, rate: 0.6 },
      { item: 'coupon', shown: 3, dismissed: 1, converted: 1, rate: 0.3333 },
      { item: 'orphan', shown: 0, dismissed: 0, converted: 1, rate: null },
    ])
  })

  it('reports each rule + variant with a non-null variant, so an A/B result reads off directly', () => {
    expect(result.variants).toEqual([
      { rule: 'r1', variant: 'A', shown: 2, converted: 1, rate: 0.5 },
      { rule: 'r1', variant: 'B', shown: 3, converted: 2, rate: 0.6667 },
    ])
  })

  it('rounds rates to 4 decimals and has none when nothing was shown', () => {
    expect(rate(1, 3)).toBe(0.3333)
    expect(rate(2, 2)).toBe(1)
    expect(rate(0, 0)).toBeNull()
  })

  it('is empty, with all five stages at zero, for no events', () => {
    expect(funnel([])).toEqual({
      events: 0,
      visitors: 0,
      stages: ['awareness', 'consideration', 'purchase', 'retention', 'advocacy'].map((stage) => ({ stage, visitors: 0 })),
      unknownStage: 0,
      items: [],
      variants: [],
      pushes: { totals: { requested: 0, sent: 0, shown: 0, clicked: 0, cancelled: 0, failed: 0 }, rows: [] },
    })
  })

  it('ignores odd event names and properties without throwing', () => {
    const odd = funnel([
      event({ event: 'constructor' }),
      event({ event: '__proto__' }),
      event({ properties: null }),
      event({ event: 'item_shown', properties: 'x' }),
    ])
    expect(odd.items).toEqual([])
    expect(odd.events).toBe(4)
  })
})

describe("funnel: the store owner's preview", () => {
  it('counts nothing a ?journeykit_preview= page sent: its marked events, nor its other events', () => {
    const real = [event({ event: 'item_shown', anonymousId: 'v', stage: 'awareness', properties: { item: 'welcome', rule: 'r', variant: 'A' } })]
    const marked = { journeykit: { preview: true }, journey: { stage: 'purchase', visit: 1 } }
    const previewPage = { page: { url: 'https://shop.example/p?journeykit_preview=welcome', path: '/p' }, journey: { stage: 'advocacy', visit: 3 } }
    const preview = [
      event({ event: 'item_shown', anonymousId: 'owner', context: marked, properties: { item: 'welcome', rule: null, variant: 'A' } }),
      event({ event: 'item_converted', anonymousId: 'owner', context: marked, properties: { item: 'welcome', rule: null, variant: 'A' } }),
      event({ event: 'push_requested', anonymousId: 'owner', context: marked, properties: { push: { title: 'T' }, rule: 'left-cart' } }),
      event({ type: 'page', anonymousId: 'owner', context: previewPage }),
      event({ event: 'item_dismissed', anonymousId: 'v', context: previewPage, properties: { item: 'welcome' } }),
    ]
    expect(funnel([...real, ...preview])).toEqual(funnel(real))
  })
})

describe('funnel: web push', () => {
  const requested = (anonymousId: string, source: Event, tag?: string) =>
    event({ event: 'push_requested', anonymousId, properties: { push: { title: 'T', ...(tag && { tag }) }, sendAt: '2024-05-01T10:01:00Z', ...source } })
  const outcome = (name: string, source: Event, extra: Event = {}) => event({ event: name, properties: { request: 'r', ...source, ...extra } })
  const report = (name: string, tag: string | null) => event({ event: name, properties: { title: 'T', tag, url: '/cart' } })
  const cart = { rule: 'left-cart' }
  const step = { journey: 'cart-rescue', run: 1, step: 'remind' }
  const result = funnel([
    requested('a', cart),
    requested('b', cart),
    requested('c', cart),
    requested('d', step, 'cart-reminder'),
    outcome('push_sent', cart, { status: 201 }),
    outcome('push_sent', cart, { status: 201 }),
    outcome('push_cancelled', cart, { by: 'order_completed' }),
    outcome('push_failed', step, { status: 410, reason: 'gone' }),
    report('push_received', 'journeykit:left-cart'), // the default tag of the rule's pushes
    report('push_received', 'journeykit:left-cart'),
    report('push_clicked', 'journeykit:left-cart'),
    report('push_received', 'cart-reminder'), // the tag the step's payload set
    report('push_received', 'price-drop'), // no request set this tag: a broadcast
    report('push_clicked', null),
  ]).pushes
  const none = { requested: 0, sent: 0, shown: 0, clicked: 0, cancelled: 0, failed: 0 }

  it('counts requested → sent → shown → clicked, cancelled and failed per rule or journey step', () => {
    expect(result.rows).toEqual([
      { rule: 'left-cart', journey: null, step: null, ...none, requested: 3, sent: 2, shown: 2, clicked: 1, cancelled: 1 },
      { rule: null, journey: 'cart-rescue', step: 'remind', ...none, requested: 1, shown: 1, failed: 1 },
      { rule: null, journey: null, step: null, ...none, shown: 1, clicked: 1 },
    ])
    expect(result.totals).toEqual({ requested: 4, sent: 2, shown: 4, clicked: 2, cancelled: 1, failed: 1 })
  })
})

describe('envelope validation', () => {
  const good = () => ({ type: 'page', messageId: 'm-1', anonymousId: 'anon', userId: null, timestamp: '2024-05-01T10:00:00.000Z' })

  it('accepts a Segment batch journeykit sends, with or without writeKey and sentAt', () => {
    expect(checkEnvelope({ sentAt: '2024-05-01T10:00:01.000Z', writeKey: 'wk', batch: [good(), { ...good(), type: 'track', event: 'x' }] })).toBeNull()
    expect(checkEnvelope({ batch: [{ ...good(), type: 'identify', anonymousId: undefined, userId: 'u1' }] })).toBeNull()
    expect(checkEnvelope({ batch: [{ ...good(), timestamp: '2024-05-01T12:00:00+02:00' }] })).toBeNull()
    expect(checkEnvelope({ batch: [] })).toBeNull()
  })

  it('refuses a body that is not an envelope', () => {
    for (const body of [null, 42, 'batch', [], {}, { batch: {} }, { batch: 'x' }]) {
      expect(checkEnvelope(body)).toEqual({ ok: false, error: 'body must be an object with an array "batch"' })
    }
    expect(checkEnvelope({ writeKey: 5, batch: [] })).toEqual({ ok: false, error: '"writeKey" must be a string' })
  })

  it('names each bad event and why, for the whole batch (all or nothing)', () => {
    const result = checkEnvelope({
      batch: [good(), { ...good(), type: 'alias' }, good(), 7, { ...good(), messageId: '', anonymousId: '', timestamp: 'yesterday' }],
    })
    expect(result).toEqual({
      ok: false,
      error: '3 of 5 events are invalid: nothing from this batch was stored',
      invalid: [
        { index: 1, problems: ['type must be "page", "track" or "identify"'] },
        { index: 3, problems: ['not an object'] },
        {
          index: 4,
          problems: [
            'messageId must be a non-empty string',
            'anonymousId or userId must be a non-empty string',
            'timestamp must be an ISO 8601 date-time string',
          ],
        },
      ],
      invalidCount: 3,
    })
  })

  it('checks each required field', () => {
    expect(eventProblems(good())).toEqual([])
    expect(eventProblems([])).toEqual(['not an object'])
    expect(eventProblems(null)).toEqual(['not an object'])
    expect(eventProblems({ ...good(), messageId: 12 })).toEqual(['messageId must be a non-empty string'])
    expect(eventProblems({ ...good(), anonymousId: null, userId: null })).toEqual(['anonymousId or userId must be a non-empty string'])
    expect(eventProblems({ ...good(), timestamp: undefined })).toEqual(['timestamp must be an ISO 8601 date-time string'])
    expect(eventProblems({ ...good(), timestamp: '1714557600000' })).toEqual(['timestamp must be an ISO 8601 date-time string'])
    expect(eventProblems({ ...good(), timestamp: '2024-13-45T10:00:00Z' })).toEqual(['timestamp must be an ISO 8601 date-time string'])
  })

  it('lists at most maxListed bad events but counts them all', () => {
    const result = checkEnvelope({ batch: Array.from({ length: maxListed + 10 }, () => ({})) })
    expect(result.invalid).toHaveLength(maxListed)
    expect(result.invalidCount).toBe(maxListed + 10)
  })
})
