// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chunks, createSender, fitBatch, type Sender } from './sender.js'
import { byteLength } from '../lib/bytes.js'
import { createOutbox } from './outbox.js'
import type { Message } from './envelope.js'

const message = (n: number, extra: Partial<Message> = {}): Message => ({
  type: 'track',
  event: `e${n}`,
  messageId: `id-${n}`,
  anonymousId: 'a',
  userId: null,
  timestamp: new Date(0).toISOString(),
  properties: {},
  context: { library: { name: 'journeykit', version: 'test' } },
  ...extra,
})

/** A collector stand-in answering from a script; the real wire is in the Playwright specs. */
function collector(answer: (batch: Message[]) => number | { status: number; headers?: Record<string, string> } | 'offline') {
  const posts: Message[][] = []
  const delivered: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const batch = JSON.parse(String(init.body)).batch as Message[]
      posts.push(batch)
      const reply = answer(batch)
      if (reply === 'offline') throw new TypeError('Failed to fetch')
      const { status, headers } = typeof reply === 'number' ? { status: reply, headers: {} } : reply
      if (status < 300) delivered.push(...batch.map((m) => m.messageId))
      return new Response('{}', { status, headers })
    }),
  )
  return { posts, delivered }
}

let senders: Sender[] = []
const make = (options: Partial<Parameters<typeof createSender>[0]> = {}) => {
  const sender = createSender({ url: 'https://c.test/v1/batch', held: false, outbox: createOutbox(), ...options })
  senders.push(sender)
  return sender
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  senders.forEach((sender) => sender.stop())
  senders = []
  vi.useRealTimers()
})

describe('createSender', () => {
  it('sends on the interval as one Segment batch with the write key', async () => {
    const wire = collector(() => 200)
    const sender = make({ writeKey: 'wk', intervalMs: 5000 })
    await vi.advanceTimersByTimeAsync(0) // the start-up send of what earlier pages left
    sender.enqueue(message(1))
    sender.enqueue(message(2))
    await vi.advanceTimersByTimeAsync(4999)
    expect(wire.posts.flat().map((m) => m.messageId)).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(wire.delivered).toEqual(['id-1', 'id-2'])
    const body = JSON.parse(String((vi.mocked(fetch).mock.calls[0] as unknown as [string, RequestInit])[1].body))
    expect(body.writeKey).toBe('wk')
  })

  it('keeps events through failures, retrying after 1, 2, 4 s with the same ids, with one console.error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const answers: Array<number | 'offline'> = [500, 503, 'offline', 200]
    const wire = collector(() => answers.shift()!)
    vi.spyOn(Math, 'random').mockReturnValue(1) // the top of each jitter range
    const sender = make()
    sender.enqueue(message(1))
    await sender.flush() // 500 → 1 s
    await vi.advanceTimersByTimeAsync(999)
    expect(wire.posts).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1) // 503 → 2 s
    await vi.advanceTimersByTimeAsync(2000) // offline → 4 s
    expect(wire.posts).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(4000) // 200
    expect(wire.posts.map((batch) => batch.map((m) => m.messageId))).toEqual([['id-1'], ['id-1'], ['id-1'], ['id-1']])
    expect(wire.delivered).toEqual(['id-1'])
    expect(errors.mock.calls.map((c) => c[0])).toEqual(['journeykit.flush: the collector answered 500; events are kept and will be retried'])
  })

  it('honours Retry-After on a 429', async () => {
    const answers = [{ status: 429, headers: { 'Retry-After': '30' } }, { status: 200 }]
    const wire = collector(() => answers.shift()!)
    const sender = make()
    sender.enqueue(message(1))
    await sender.flush()
    await sender.flush() // an explicit flush waits out the collector's Retry-After too
    await vi.advanceTimersByTimeAsync(29_000)
    expect(wire.posts).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(wire.delivered).toEqual(['id-1'])
  })

  it('isolates one poison event in a batch of 100: 99 delivered, one dropped with an error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const wire = collector((batch) => (batch.some((m) => m.event === 'e42') ? 400 : 200))
    const sender = make({ held: true })
    for (let i = 0; i < 100; i++) sender.enqueue(message(i))
    sender.setHeld(false)
    await sender.flush()
    expect(wire.delivered).toHaveLength(99)
    expect(wire.delivered).not.toContain('id-42')
    expect(errors.mock.calls.map((c) => c[0])).toEqual(['journeykit.flush: the collector refused event id-42; it was dropped'])
    expect(wire.posts.length).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(100)))
  })

  it('keeps everything on 401/403/404 and tries again only after 5 minutes', async () => {
    const answers = [401, 404, 200]
    const wire = collector(() => answers.shift()!)
    vi.spyOn(Math, 'random').mockReturnValue(1)
    const sender = make()
    sender.enqueue(message(1))
    await sender.flush()
    await vi.advanceTimersByTimeAsync(299_999)
    expect(wire.posts).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await vi.advanceTimersByTimeAsync(300_000)
    expect(wire.delivered).toEqual(['id-1'])
  })

  it('sends batches of at most 100 events', async () => {
    const wire = collector(() => 200)
    const sender = make({ held: true })
    for (let i = 0; i < 250; i++) sender.enqueue(message(i))
    sender.setHeld(false)
    await sender.flush()
    expect(wire.posts.map((batch) => batch.length)).toEqual([100, 100, 50])
  })

  it('past 10,000 queued events drops the oldest and says how many in the next batch', async () => {
    const wire = collector(() => 200)
    const sender = make({ held: true })
    for (let i = 0; i < 10_005; i++) sender.enqueue(message(i))
    sender.setHeld(false)
    await sender.flush()
    expect(wire.delivered).toHaveLength(10_000)
    expect(wire.delivered[0]).toBe('id-5')
    expect(wire.posts[0]![0]!.context.journeykit).toEqual({ dropped: 5 })
    expect(wire.posts[1]![0]!.context.journeykit).toBeUndefined()
  })

  it('while held, stores and sends nothing; released, sends in the original order and ids', async () => {
    const wire = collector(() => 200)
    const sender = make({ held: true })
    sender.enqueue(message(1))
    sender.enqueue(message(2))
    await sender.flush()
    expect(wire.posts).toEqual([])
    // What a page leaving while a grant waits carries to the next page (src/engine/create.ts).
    expect(sender.held().map((m) => m.messageId)).toEqual(['id-1', 'id-2'])
    sender.setHeld(false)
    expect(sender.held()).toEqual([])
    await sender.flush()
    expect(wire.delivered).toEqual(['id-1', 'id-2'])
  })

  it('hands this tab\u2019s recent events to sendBeacon on pagehide, in ≤ 60 KB bodies', () => {
    collector(() => 200)
    const beacon = vi.fn((_url: string, _body: string) => true)
    Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true })
    const sender = make()
    for (let i = 0; i < 40; i++) sender.enqueue(message(i, { properties: { blob: 'x'.repeat(3000) } }))
    window.dispatchEvent(new Event('pagehide'))
    expect(beacon.mock.calls.length).toBeGreaterThan(1)
    for (const [url, body] of beacon.mock.calls) {
      expect(url).toBe('https://c.test/v1/batch')
      expect(body.length).toBeLessThanOrEqual(60_000)
    }
    expect(beacon.mock.calls.flatMap(([, body]) => JSON.parse(body).batch.map((m: Message) => m.messageId))).toHaveLength(40)
  })

  it('hands beacons ≤ 60 KB of UTF-8 bytes when the events are Cyrillic or CJK', () => {
    collector(() => 200)
    const beacon = vi.fn((_url: string, _body: string) => true)
    Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true })
    const sender = make()
    for (let i = 0; i < 40; i++) sender.enqueue(message(i, { properties: { title: 'Корзина 購物車'.repeat(200) } }))
    window.dispatchEvent(new Event('pagehide'))
    for (const [, body] of beacon.mock.calls) expect(byteLength(body)).toBeLessThanOrEqual(60_000)
    expect(beacon.mock.calls.flatMap(([, body]) => JSON.parse(body).batch.map((m: Message) => m.messageId))).toHaveLength(40)
  })

  it('sends a body over 60 KB of bytes without keepalive (Chromium refuses it over its 64 KB quota)', async () => {
    const wire = collector(() => 200)
    const sender = make({ held: true })
    // 30 events of 1,000 CJK characters: ~45,000 characters but ~105,000 bytes
    for (let i = 0; i < 30; i++) sender.enqueue(message(i, { properties: { text: '字'.repeat(1000) } }))
    sender.setHeld(false)
    await sender.flush()
    expect(wire.delivered).toHaveLength(30)
    const init = (vi.mocked(fetch).mock.calls[0] as unknown as [string, RequestInit])[1]
    expect(String(init.body).length).toBeLessThan(60_000)
    expect(init.keepalive).toBe(false)
  })

  it('retries at once when the browser goes back online, whatever backoff the outage grew', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    let online = false
    const wire = collector(() => (online ? 200 : 'offline'))
    const sender = make()
    sender.enqueue(message(1))
    for (let i = 0; i < 8; i++) await sender.flush() // the next automatic try is ≥ 64 s away
    online = true
    window.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(10)
    expect(wire.delivered).toEqual(['id-1'])
  })

  it('stores events enqueued together in one outbox write', async () => {
    collector(() => 200)
    const outbox = createOutbox()
    const add = vi.spyOn(outbox, 'add')
    const sender = make({ outbox })
    for (let i = 0; i < 500; i++) sender.enqueue(message(i))
    await sender.flush()
    expect(add.mock.calls.map(([messages]) => messages.length)).toEqual([500])
  })

  it('events stored after clear() survive it; those before do not', async () => {
    collector(() => 200)
    const outbox = createOutbox()
    const sender = make({ outbox })
    sender.enqueue(message(1))
    sender.clear()
    sender.enqueue(message(2))
    await sender.flush()
    expect(await outbox.peek(10)).toEqual([])
    expect(vi.mocked(fetch).mock.calls.flatMap(([, init]) => JSON.parse(String(init!.body)).batch.map((m: Message) => m.messageId))).toEqual(['id-2'])
  })
})

describe('batch and beacon sizes count UTF-8 bytes', () => {
  const entry = (n: number, text: string) => ({ key: String(n), message: message(n, { properties: { text } }) })

  it('fitBatch keeps a batch ≤ 500 KB of bytes', () => {
    // 100 events of 2,000 CJK characters: 200,000 characters, 600,000 bytes
    const batch = fitBatch(Array.from({ length: 100 }, (_, i) => entry(i, '字'.repeat(2000))))
    expect(batch.length).toBeLessThan(100)
    expect(byteLength(JSON.stringify({ batch: batch.map((e) => e.message) }))).toBeLessThanOrEqual(500_000)
  })

  it('chunks keeps each group ≤ the limit in bytes', () => {
    const groups = chunks(
      Array.from({ length: 50 }, (_, i) => message(i, { properties: { text: 'Привет'.repeat(500) } })),
      60_000,
    )
    expect(groups.length).toBeGreaterThan(2)
    for (const group of groups) expect(byteLength(JSON.stringify({ sentAt: new Date().toISOString(), batch: group }))).toBeLessThanOrEqual(60_000)
  })
})
