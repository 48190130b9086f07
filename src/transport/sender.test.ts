// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSender } from './sender.js'
import type { Message } from './envelope.js'

const message = (n: number): Message => ({
  type: 'track',
  event: `e${n}`,
  messageId: `id-${n}`,
  anonymousId: 'a',
  userId: null,
  timestamp: new Date(0).toISOString(),
  properties: {},
  context: { library: { name: 'journeykit', version: 'test' } },
})

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('createSender', () => {
  it('sends on the interval as one Segment batch with the write key', async () => {
    const fetchMock = vi.fn(async () => new Response('{}'))
    vi.stubGlobal('fetch', fetchMock)
    const sender = createSender({ url: 'https://c.test/v1/batch', writeKey: 'wk', held: false, intervalMs: 5000 })
    sender.enqueue(message(1))
    sender.enqueue(message(2))
    await vi.advanceTimersByTimeAsync(4999)
    expect(fetchMock).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const body = JSON.parse(String((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body))
    expect(body.writeKey).toBe('wk')
    expect(body.batch.map((m: Message) => m.messageId)).toEqual(['id-1', 'id-2'])
    sender.stop()
  })

  it('keeps events through failures and retries with growing, jittered delays, ids unchanged', async () => {
    const answers = [500, 503, 0, 200]
    const sent: string[][] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        sent.push(JSON.parse(String(init.body)).batch.map((m: Message) => m.messageId))
        const status = answers.shift()!
        if (status === 0) throw new TypeError('network down')
        return new Response('{}', { status })
      }),
    )
    vi.spyOn(Math, 'random').mockReturnValue(1) // the top of each jitter range
    const sender = createSender({ url: 'https://c.test/v1/batch', held: false })
    sender.enqueue(message(1))
    await sender.flush() // 500 → retry in 1 s
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1000) // 503 → 2 s
    expect(sent).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1999)
    expect(sent).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1) // network error → 4 s
    expect(sent).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(4000) // 200
    expect(sent).toEqual([['id-1'], ['id-1'], ['id-1'], ['id-1']])
    await sender.flush()
    expect(sent).toHaveLength(4)
    sender.stop()
  })

  it('sends at most 100 events per batch', async () => {
    const sizes: number[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        sizes.push(JSON.parse(String(init.body)).batch.length)
        return new Response('{}')
      }),
    )
    const sender = createSender({ url: 'https://c.test/v1/batch', held: true })
    for (let i = 0; i < 250; i++) sender.enqueue(message(i))
    sender.setHeld(false)
    await sender.flush()
    expect(sizes).toEqual([100, 100, 50])
    sender.stop()
  })

  it('hands what is left to sendBeacon on pagehide', () => {
    const beacon = vi.fn(() => true)
    Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true })
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}')))
    const sender = createSender({ url: 'https://c.test/v1/batch', held: false })
    sender.enqueue(message(1))
    window.dispatchEvent(new Event('pagehide'))
    expect(beacon).toHaveBeenCalledTimes(1)
    const [url, body] = beacon.mock.calls[0] as unknown as [string, string]
    expect(url).toBe('https://c.test/v1/batch')
    expect(JSON.parse(body).batch[0].messageId).toBe('id-1')
    sender.stop()
  })
})
