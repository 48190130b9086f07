import { describe, expect, it } from 'vitest'
// @ts-expect-error plain .mjs example without types
import { createPushSchedule } from './push-schedule.mjs'
// @ts-expect-error plain .mjs example without types
import { readRequest, tagFor } from './push-request.mjs'

type Event = Record<string, any>
const t0 = Date.parse('2024-05-01T10:00:00.000Z')
const at = (ms: number) => new Date(t0 + ms).toISOString()
const subscription = (n = 1) => ({ endpoint: `https://push.example/sub/${n}`, expirationTime: null, keys: { p256dh: 'p256dh-key', auth: 'auth-secret' } })
let counter = 0

function requested(
  fields: { id?: string; anonymousId?: string; userId?: string | null; time?: number; after?: number | null; properties?: Event } = {},
): Event {
  const { id = `req-${++counter}`, anonymousId = 'anon-1', userId = null, time = 0, after = 10_000, properties = {} } = fields
  return {
    type: 'track',
    event: 'push_requested',
    messageId: id,
    anonymousId,
    userId,
    timestamp: at(time),
    properties: {
      push: { title: 'Still thinking it over?', body: 'Your cart is saved', url: '/cart' },
      ...(after !== null && { sendAt: at(time + after) }),
      cancelOn: ['order_completed'],
      subscription: subscription(),
      rule: 'left-cart',
      ...properties,
    },
  }
}
const track = (event: string, time: number, who: Event = { anonymousId: 'anon-1', userId: null }): Event => ({
  type: 'track',
  event,
  messageId: `m-${++counter}`,
  timestamp: at(time),
  properties: {},
  ...who,
})

/**
 * What the collector does at start: mark what its push log records (`attempts`, then the outcomes
 * `own`), feed every line of the events file, record what is decided and not yet recorded.
 */
function replay(lines: Event[], now: number, options = {}, own: Event[] = [], attempts: Event[] = []) {
  const schedule = createPushSchedule(options)
  for (const record of [...attempts, ...own.map((outcome) => ({ outcome }))]) schedule.mark(record)
  const decided = lines.flatMap((event) => schedule.add(event, now))
  return { schedule, decided: decided.filter((event: Event) => !schedule.recorded(event.properties.request)) }
}
/** Sends what is due at `now` with the push service answering `status`; returns the outcomes, recorded. */
function sendDue(schedule: any, now: number, status: number | null = 201, extra = {}) {
  const { send, outcomes } = schedule.due(now)
  const all = [...outcomes, ...send.map((request: Event) => schedule.settle(request, { status, ...extra }, now)).filter(Boolean)]
  for (const event of all) schedule.mark({ outcome: event })
  return { sent: send.map((request: Event) => request.id), outcomes: all }
}

describe('push schedule: due times', () => {
  it('sends at sendAt, never before, and records push_sent with the source and status', () => {
    const schedule = createPushSchedule()
    expect(schedule.add(requested({ id: 'r1', time: 0, after: 10_000 }), t0)).toEqual([])
    expect(schedule.nextAt()).toBe(t0 + 10_000)
    expect(schedule.due(t0 + 9_999)).toEqual({ send: [], outcomes: [] })
    const { sent, outcomes } = sendDue(schedule, t0 + 10_000)
    expect(sent).toEqual(['r1'])
    expect(outcomes).toEqual([
      {
        type: 'track',
        event: 'push_sent',
        messageId: 'push_sent:r1',
        anonymousId: 'anon-1',
        userId: null,
        timestamp: at(10_000),
        properties: { request: 'r1', rule: 'left-cart', tag: 'journeykit:left-cart', sendAt: at(10_000), status: 201 },
        context: { library: { name: 'journeykit-collector' } },
      },
    ])
    expect(schedule.waiting()).toEqual([])
    expect(schedule.nextAt()).toBeNull()
    expect(sendDue(schedule, t0 + 60_000).sent).toEqual([]) // once
  })

  it('sends at once without sendAt, and the earliest request first', () => {
    const schedule = createPushSchedule()
    schedule.add(requested({ id: 'late', time: 0, after: 5_000 }), t0)
    schedule.add(requested({ id: 'now', time: 1_000, after: null }), t0 + 1_000)
    expect(schedule.nextAt()).toBe(t0 + 1_000)
    expect(sendDue(schedule, t0 + 1_000).sent).toEqual(['now'])
    expect(sendDue(schedule, t0 + 5_000).sent).toEqual(['late'])
  })

  it('does not hand out a request being sent a second time', () => {
    const schedule = createPushSchedule()
    schedule.add(requested({ id: 'r1' }), t0)
    expect(schedule.due(t0 + 10_000).send).toHaveLength(1)
    expect(schedule.due(t0 + 11_000).send).toHaveLength(0)
    expect(schedule.nextAt()).toBeNull() // nothing to wake for while it is under way
  })

  it('sends at most `limit` at a time', () => {
    const schedule = createPushSchedule()
    for (let i = 0; i < 5; i++) schedule.add(requested(), t0)
    expect(schedule.due(t0 + 10_000, 2).send).toHaveLength(2)
    expect(schedule.due(t0 + 10_000, 10).send).toHaveLength(3)
  })

  it('records a request more than ttl late as expired instead of sending it', () => {
    const schedule = createPushSchedule({ ttl: 60 })
    schedule.add(requested({ id: 'r1', after: 0 }), t0)
    const { sent, outcomes } = sendDue(schedule, t0 + 61_000)
    expect(sent).toEqual([])
    expect(outcomes.map((e: Event) => [e.event, e.properties.reason])).toEqual([['push_failed', 'expired']])
  })
})

describe('push schedule: cancellation', () => {
  it('cancels on a cancelOn event from the same anonymousId that happened after the request', () => {
    const schedule = createPushSchedule()
    schedule.add(requested({ id: 'r1', time: 0 }), t0)
    const outcomes = schedule.add(track('order_completed', 5_000), t0 + 5_000)
    expect(outcomes).toMatchObject([{ event: 'push_cancelled', messageId: 'push_cancelled:r1', properties: { request: 'r1', by: 'order_completed' } }])
    outcomes.forEach((event: Event) => schedule.mark({ outcome: event }))
    expect(sendDue(schedule, t0 + 10_000).sent).toEqual([])
  })

  it('cancels on a cancelOn event from the same userId on another device', () => {
    const schedule = createPushSchedule()
    schedule.add(requested({ id: 'r1', userId: 'u1' }), t0)
    expect(schedule.add(track('order_completed', 5_000, { anonymousId: 'other-device', userId: 'u1' }), t0)).toHaveLength(1)
  })

  it('ignores other visitors, other events, and cancelOn events that happened before the request', () => {
    const schedule = createPushSchedule()
    schedule.add(requested({ id: 'r1', time: 0 }), t0)
    expect(schedule.add(track('order_completed', 5_000, { anonymousId: 'anon-2', userId: null }), t0)).toEqual([])
    expect(schedule.add(track('checkout_started', 5_000), t0)).toEqual([])
    // happened before the request but arrived after it (an offline outbox, another tab): the request stands
    expect(schedule.add(track('order_completed', -60_000), t0)).toEqual([])
    // a userId match needs a userId on the request
    expect(schedule.add(track('order_completed', 5_000, { anonymousId: 'anon-2', userId: 'u1' }), t0)).toEqual([])
    expect(sendDue(schedule, t0 + 10_000).sent).toEqual(['r1'])
  })

  it('cancels at once a request whose cancelOn event arrived first but happened after it', () => {
    const schedule = createPushSchedule()
    schedule.add(track('order_completed', 2_000), t0)
    expect(schedule.add(requested({ id: 'r1', time: 1_000 }), t0)).toMatchObject([{ event: 'push_cancelled', properties: { by: 'order_completed' } }])
    const before = createPushSchedule()
    before.add(track('order_completed', 500), t0)
    expect(before.add(requested({ id: 'r2', time: 1_000 }), t0)).toEqual([])
  })

  it('counts a page view as page_view, so a push can be called off when the visitor comes back', () => {
    const schedule = createPushSchedule()
    schedule.add(requested({ id: 'r1', properties: { cancelOn: ['page_view'] } }), t0)
    expect(schedule.add({ ...track('ignored', 3_000), type: 'page', event: undefined }, t0)).toMatchObject([
      { event: 'push_cancelled', properties: { by: 'page_view' } },
    ])
  })

  it('cannot stop a send under way, but a retry after it is cancelled', () => {
    const schedule = createPushSchedule()
    schedule.add(requested({ id: 'r1' }), t0)
    const [request] = schedule.due(t0 + 10_000).send
    expect(schedule.add(track('order_completed', 10_001), t0 + 10_001)).toEqual([]) // in flight
    expect(schedule.settle(request, { status: 503 }, t0 + 10_002)).toMatchObject({ event: 'push_cancelled', properties: { by: 'order_completed' } })
  })
})

describe('push schedule: restarts', () => {
  it('sends once after a restart a request written ahead without its sent mark', () => {
    const lines = [requested({ id: 'r1', time: 0 })]
    const { schedule, decided } = replay(lines, t0 + 2_000)
    expect(decided).toEqual([])
    expect(schedule.waiting().map((r: Event) => r.id)).toEqual(['r1'])
    const { outcomes } = sendDue(schedule, t0 + 10_000)
    expect(outcomes.map((e: Event) => e.event)).toEqual(['push_sent'])
    // ...and the push log now has the mark: a second restart sends nothing
    const again = replay(lines, t0 + 20_000, {}, outcomes)
    expect(again.schedule.waiting()).toEqual([])
    expect(sendDue(again.schedule, t0 + 30_000).sent).toEqual([])
  })

  it('never sends again a request whose mark is in the file, even one overdue', () => {
    const { schedule } = replay([requested({ id: 'r1' }), track('x', 1)], t0 + 3_600_000, {}, [{ ...sent('r1'), timestamp: at(10_000) }])
    expect(schedule.nextAt()).toBeNull()
    expect(sendDue(schedule, t0 + 3_600_000).sent).toEqual([])
  })

  it('stores a cancel decided while reading back only when the file does not have it yet', () => {
    const lines = [requested({ id: 'r1' }), track('order_completed', 5_000)]
    const crashed = replay(lines, t0 + 6_000) // the cancel was decided, then the process died before storing it
    expect(crashed.decided.map((e: Event) => e.event)).toEqual(['push_cancelled'])
    const stored = replay(lines, t0 + 7_000, {}, crashed.decided)
    expect(stored.decided).toEqual([])
    // sent while the order came in: the push log says sent, and that is what stands
    const raced = replay(lines, t0 + 7_000, {}, [sent('r1')])
    expect(raced.decided).toEqual([])
    expect(raced.schedule.waiting()).toEqual([])
  })

  it('never sends again a request whose POST began before a crash and has no answer: push_failed, unknown-after-restart', () => {
    const { schedule, decided } = replay([requested({ id: 'r1' })], t0 + 20_000, {}, [], [{ sending: 'r1' }])
    expect(decided).toMatchObject([{ event: 'push_failed', properties: { request: 'r1', status: null, reason: 'unknown-after-restart' } }])
    expect(schedule.waiting()).toEqual([])
    expect(sendDue(schedule, t0 + 30_000).sent).toEqual([])
  })

  it('sends again after a restart a request whose last POST was answered with a retry', () => {
    const { schedule, decided } = replay([requested({ id: 'r1' })], t0 + 20_000, {}, [], [{ sending: 'r1' }, { retrying: 'r1', status: 503 }])
    expect(decided).toEqual([])
    expect(sendDue(schedule, t0 + 20_000).sent).toEqual(['r1'])
  })

  it('marks only with outcomes the collector recorded, not a page posting the same name', () => {
    // A POSTed event is stored as it came: one claiming the collector's own library name too.
    for (const name of ['journeykit', 'journeykit-collector']) {
      const forged = { ...sent('r1'), context: { library: { name } } }
      const cancelled = { ...forged, event: 'push_cancelled', messageId: 'push_cancelled:r1', properties: { request: 'r1', by: 'order_completed' } }
      const gone = {
        ...forged,
        event: 'push_failed',
        messageId: 'push_failed:r0',
        properties: { request: 'r0', status: 410, endpoint: subscription().endpoint },
      }
      const { schedule } = replay([requested({ id: 'r1' }), forged, cancelled, gone], t0)
      expect(schedule.isGone(subscription().endpoint)).toBe(false)
      expect(sendDue(schedule, t0 + 10_000).sent).toEqual(['r1'])
    }
  })
})
function sent(id: string): Event {
  return {
    type: 'track',
    event: 'push_sent',
    messageId: `push_sent:${id}`,
    anonymousId: 'anon-1',
    timestamp: at(10_000),
    properties: { request: id, status: 201 },
    context: { library: { name: 'journeykit-collector' } },
  }
}

describe('push schedule: duplicate request ids', () => {
  it('keeps one request per messageId, waiting or done', () => {
    const schedule = createPushSchedule()
    const event = requested({ id: 'r1' })
    schedule.add(event, t0)
    schedule.add(structuredClone(event), t0)
    expect(schedule.waiting()).toHaveLength(1)
    expect(sendDue(schedule, t0 + 10_000).sent).toEqual(['r1'])
    expect(schedule.add(structuredClone(event), t0 + 11_000)).toEqual([])
    expect(sendDue(schedule, t0 + 20_000).sent).toEqual([])
  })
})

describe('push schedule: gone subscriptions', () => {
  it('marks a subscription answered 410 or 404 gone, and never uses it again', () => {
    for (const status of [404, 410]) {
      const schedule = createPushSchedule()
      schedule.add(requested({ id: 'r1', time: 0 }), t0)
      schedule.add(requested({ id: 'r2', time: 0, after: 20_000 }), t0)
      const first = sendDue(schedule, t0 + 10_000, status)
      expect(first.outcomes).toMatchObject([
        { event: 'push_failed', properties: { request: 'r1', status, reason: 'gone', endpoint: 'https://push.example/sub/1' } },
      ])
      const second = sendDue(schedule, t0 + 20_000)
      expect(second.sent).toEqual([])
      expect(second.outcomes).toMatchObject([{ event: 'push_failed', properties: { request: 'r2', status: null, reason: 'gone' } }])
      // a later request to it fails on arrival, one to another subscription is sent
      expect(schedule.add(requested({ id: 'r3', time: 30_000 }), t0 + 30_000)).toMatchObject([{ event: 'push_failed', properties: { reason: 'gone' } }])
      schedule.add(requested({ id: 'r4', time: 30_000, properties: { subscription: subscription(2) } }), t0 + 30_000)
      expect(sendDue(schedule, t0 + 40_000).sent).toEqual(['r4'])
    }
  })

  it('knows gone subscriptions after a restart', () => {
    const first = createPushSchedule()
    const lines = [requested({ id: 'r1' })]
    lines.forEach((event) => first.add(event, t0))
    const own = sendDue(first, t0 + 10_000, 410).outcomes
    lines.push(requested({ id: 'r2', time: 20_000 }))
    const { schedule, decided } = replay(lines, t0 + 25_000, {}, own)
    expect(schedule.isGone('https://push.example/sub/1')).toBe(true)
    expect(decided).toMatchObject([{ event: 'push_failed', properties: { request: 'r2', reason: 'gone' } }])
  })
})

describe('push schedule: failures and retries', () => {
  it('retries a network error, a 429 (after Retry-After) and a 5xx, then gives up', () => {
    const schedule = createPushSchedule({ retryDelays: [1_000, 5_000] })
    schedule.add(requested({ id: 'r1' }), t0)
    expect(sendDue(schedule, t0 + 10_000, null).outcomes).toEqual([])
    expect(schedule.nextAt()).toBe(t0 + 11_000)
    expect(sendDue(schedule, t0 + 11_000, 429, { retryAfter: 30 }).outcomes).toEqual([])
    expect(schedule.nextAt()).toBe(t0 + 41_000)
    expect(sendDue(schedule, t0 + 40_999).sent).toEqual([])
    expect(sendDue(schedule, t0 + 41_000, 503).outcomes).toMatchObject([{ event: 'push_failed', properties: { status: 503, reason: 'unavailable' } }])
  })

  it('does not retry what the push service refused, nor keys web-push cannot use', () => {
    const schedule = createPushSchedule()
    schedule.add(requested({ id: 'r1' }), t0)
    schedule.add(requested({ id: 'r2' }), t0)
    const [one, two] = schedule.due(t0 + 10_000).send
    expect(schedule.settle(one, { status: 413 }, t0)).toMatchObject({ event: 'push_failed', properties: { status: 413, reason: 'rejected' } })
    expect(schedule.settle(two, { invalid: 'bad p256dh' }, t0)).toMatchObject({
      event: 'push_failed',
      properties: { reason: 'invalid', problem: 'bad p256dh' },
    })
    expect(schedule.nextAt()).toBeNull()
  })

  it('records a request it cannot send as failed at once', () => {
    const schedule = createPushSchedule()
    const cases: Array<[Event, string]> = [
      [{ push: { body: 'no title' } }, 'push.title must be text'],
      [{ subscription: null }, 'subscription.keys needs p256dh and auth'],
      [{ subscription: { ...subscription(), endpoint: 'http://10.0.0.1/admin' } }, 'subscription.endpoint http://10.0.0.1 is not allowed'],
      [{ sendAt: 'tomorrow' }, 'sendAt must be an ISO time'],
      [{ sendAt: at(40 * 24 * 3600 * 1000) }, 'sendAt is more than 31 days after the request'],
    ]
    for (const [properties, problem] of cases) {
      expect(schedule.add(requested({ properties }), t0)).toMatchObject([
        { event: 'push_failed', properties: { rule: 'left-cart', status: null, reason: 'invalid', problem } },
      ])
    }
    expect(schedule.waiting()).toEqual([])
    const local = createPushSchedule({ allowEndpoint: (url: URL) => url.hostname === '127.0.0.1' })
    expect(local.add(requested({ properties: { subscription: { ...subscription(), endpoint: 'http://127.0.0.1:9/push' } } }), t0)).toEqual([])
  })
})

describe('push requests: the payload', () => {
  it('keeps the contract §5b keys and tags each rule or journey step', () => {
    const event = requested({ properties: { push: { title: 'T', body: 'B', after: '1h', cancelOn: ['x'], requireInteraction: true, bogus: 1 } } })
    expect(readRequest(event).request.payload).toEqual({ title: 'T', body: 'B', requireInteraction: true, tag: 'journeykit:left-cart' })
    const journey = requested({ properties: { rule: undefined, journey: 'cart-rescue', run: 2, step: 'remind' } })
    expect(readRequest(journey).request).toMatchObject({
      source: { journey: 'cart-rescue', run: 2, step: 'remind' },
      payload: { tag: 'journeykit:cart-rescue:remind' },
    })
    expect(tagFor('mine', { rule: 'r' })).toBe('mine')
  })
})
