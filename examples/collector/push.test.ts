// End to end in Node: the collector over real HTTP, web-push's real encryption and VAPID
// signature, and a local stand-in for the push service the subscription's endpoint points at.
import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
// @ts-expect-error plain .mjs example without types
import { startCollector } from './server.mjs'
// @ts-expect-error plain .mjs example without types
import { createSubscriber, readVapid, startPushService } from './fake-push-service.mjs'

type Event = Record<string, any>
const slow = 60_000 // CI is a slow, busy machine: waits are generous, and only ever for something to happen
const cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
async function until<T>(read: () => T, timeout = 30_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout
  for (;;) {
    const value = read()
    if (value) return value as NonNullable<T>
    if (Date.now() > end) throw new Error(`gave up after ${timeout} ms waiting for ${read}`)
    await sleep(50)
  }
}

async function pushService() {
  const service = await startPushService()
  cleanups.push(() => service.close())
  return service
}
async function collector(file: string, service: { url: string }) {
  const started = await startCollector({
    port: 0,
    file,
    push: { keysFile: join(file, '..', 'vapid-keys.json'), env: {}, allowEndpoint: (url: URL) => url.origin === service.url },
  })
  let open = true
  const close = async () => {
    if (open) await started.close()
    open = false
  }
  cleanups.push(close)
  return { ...started, close }
}
/** The collector in a process of its own, which the test can kill (SIGKILL: no close, no last write). */
async function collectorProcess(file: string, service: { url: string }) {
  const code = `
    import { startCollector } from ${JSON.stringify(new URL('./server.mjs', import.meta.url).href)}
    const collector = await startCollector({ port: 0, file: ${JSON.stringify(file)}, push: {
      keysFile: ${JSON.stringify(join(file, '..', 'vapid-keys.json'))}, env: {},
      allowEndpoint: (url) => url.origin === ${JSON.stringify(service.url)} } })
    console.log(collector.batchUrl)`
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
  const exited = new Promise((done) => child.once('exit', done))
  const kill = async () => {
    child.kill('SIGKILL')
    await exited
  }
  cleanups.push(kill)
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
  return { batchUrl: line, kill }
}
const newFile = () => join(mkdtempSync(join(tmpdir(), 'jk-push-')), 'events.ndjson')

function track(event: string, properties: Event, anonymousId: string, time = Date.now()): Event {
  return { type: 'track', event, messageId: randomUUID(), anonymousId, userId: null, timestamp: new Date(time).toISOString(), properties }
}
function requested(subscription: Event, anonymousId: string, after: number, time = Date.now()): Event {
  const push = { title: 'Still thinking it over?', body: 'Your cart is saved', url: '/examples/store/cart.html' }
  const sendAt = new Date(time + after).toISOString()
  return track('push_requested', { push, sendAt, cancelOn: ['order_completed'], subscription, rule: 'left-cart' }, anonymousId, time)
}
async function post(url: string, ...batch: Event[]) {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify({ batch }) })
  expect(response.status).toBe(200)
}
const stored = (file: string, name: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((event) => event.event === name)

describe('the collector sends the pushes events ask for', () => {
  it(
    'POSTs an encrypted payload with VAPID to the endpoint at sendAt, never before, and records push_sent',
    async () => {
      const service = await pushService()
      const file = newFile()
      const server = await collector(file, service)
      expect(existsSync(join(file, '..', 'vapid-keys.json'))).toBe(true) // created on first start
      const subscriber = createSubscriber(`${service.url}/sub/1`)
      const request = requested(subscriber.subscription, 'visitor-1', 1_500)
      await post(server.batchUrl, request)
      expect(stored(file, 'push_requested')).toHaveLength(1) // written ahead, before the batch was answered

      const [delivery] = await until(() => (service.received.length ? service.received : null))
      expect(delivery.time).toBeGreaterThanOrEqual(Date.parse(request.properties.sendAt))
      expect(delivery.path).toBe('/sub/1')
      expect(delivery.headers['content-encoding']).toBe('aes128gcm')
      expect(delivery.headers.ttl).toBe('86400')
      expect(delivery.headers.topic).toMatch(/^[\w-]{32}$/)
      const vapid = readVapid(delivery.headers.authorization)
      expect(vapid).toMatchObject({ valid: true, publicKey: server.vapidPublicKey, claims: { aud: service.url } })
      expect(JSON.parse(subscriber.decrypt(delivery.body))).toEqual({
        title: 'Still thinking it over?',
        body: 'Your cart is saved',
        url: '/examples/store/cart.html',
        tag: 'journeykit:left-cart',
      })

      const sent = await until(() => server.events().find((e: Event) => e.event === 'push_sent'))
      expect(sent).toMatchObject({ anonymousId: 'visitor-1', properties: { request: request.messageId, rule: 'left-cart', status: 201 } })
      expect(stored(file, 'push_sent')).toHaveLength(1)
      expect(server.pushes()).toEqual([])
    },
    slow,
  )

  it(
    'sends exactly once across a restart, with the keys it created on first start',
    async () => {
      const service = await pushService()
      const file = newFile()
      const first = await collector(file, service)
      const subscriber = createSubscriber(`${service.url}/sub/2`)
      const request = requested(subscriber.subscription, 'visitor-2', 3_000)
      await post(first.batchUrl, request)
      await first.close() // before sendAt: the request is only in the file
      expect(service.received).toHaveLength(0)

      const second = await collector(file, service)
      expect(second.vapidPublicKey).toBe(first.vapidPublicKey)
      await until(() => service.received.length === 1)
      expect(service.received[0].time).toBeGreaterThanOrEqual(Date.parse(request.properties.sendAt))
      expect(readVapid(service.received[0].headers.authorization).valid).toBe(true)
      await until(() => stored(file, 'push_sent').length === 1)
      await second.close()

      const third = await collector(file, service) // the mark is read back: nothing to send
      expect(third.pushes()).toEqual([])
      await sleep(1_500)
      expect(service.received).toHaveLength(1)
      expect(stored(file, 'push_sent')).toHaveLength(1)
    },
    slow,
  )

  it(
    'sends nothing twice when the collector process dies while the push service holds the POST',
    async () => {
      const service = await pushService()
      service.hold()
      const file = newFile()
      const child = await collectorProcess(file, service)
      const subscriber = createSubscriber(`${service.url}/sub/9`)
      const request = requested(subscriber.subscription, 'visitor-9', 500)
      await post(child.batchUrl, request)
      await until(() => service.received.length === 1) // the POST is under way, unanswered
      await child.kill()
      service.release()

      const restarted = await collector(file, service)
      const [outcome] = await until(() => {
        const outcomes = [...stored(file, 'push_sent'), ...stored(file, 'push_failed')]
        return outcomes.length ? outcomes : null
      })
      expect(outcome).toMatchObject({ event: 'push_failed', properties: { request: request.messageId, status: null, reason: 'unknown-after-restart' } })
      expect(restarted.pushes()).toEqual([]) // nothing left to send: it is never sent again
      expect(service.received).toHaveLength(1)
    },
    slow,
  )

  it(
    'sends again after a restart a push whose last attempt the push service answered with a retry',
    async () => {
      const service = await pushService()
      service.answer(503)
      const file = newFile()
      const child = await collectorProcess(file, service)
      const subscriber = createSubscriber(`${service.url}/sub/10`)
      await post(child.batchUrl, requested(subscriber.subscription, 'visitor-10', 0))
      await until(() => service.received.length === 1)
      await until(() => readFileSync(`${file.slice(0, -'.ndjson'.length)}.push-log.ndjson`, 'utf8').includes('"retrying"'))
      await child.kill() // waiting 30 s for its retry
      service.answer(201)

      const restarted = await collector(file, service)
      await until(() => stored(file, 'push_sent').length === 1)
      expect(service.received).toHaveLength(2)
      expect(restarted.pushes()).toEqual([])
    },
    slow,
  )

  it(
    'sends nothing when order_completed from the same visitor came after the request, in either arrival order',
    async () => {
      const service = await pushService()
      const file = newFile()
      const server = await collector(file, service)
      const now = Date.now() // sendAt 3 s ahead: every batch below is in before then, even on a slow machine
      // arrives after the request
      const one = createSubscriber(`${service.url}/sub/3`)
      await post(server.batchUrl, requested(one.subscription, 'visitor-3', 3_000, now))
      await post(server.batchUrl, track('order_completed', { total: 49 }, 'visitor-3', now + 200))
      // arrives before the request but happened after it (another tab's outbox was first)
      const two = createSubscriber(`${service.url}/sub/4`)
      await post(server.batchUrl, track('order_completed', { total: 49 }, 'visitor-4', now + 200))
      await post(server.batchUrl, requested(two.subscription, 'visitor-4', 3_000, now))
      // another visitor's order cancels nothing
      const three = createSubscriber(`${service.url}/sub/5`)
      await post(server.batchUrl, requested(three.subscription, 'visitor-5', 3_000, now))

      const cancelled = server.events().filter((e: Event) => e.event === 'push_cancelled')
      expect(cancelled.map((e: Event) => [e.anonymousId, e.properties.by])).toEqual([
        ['visitor-3', 'order_completed'],
        ['visitor-4', 'order_completed'],
      ])
      await until(() => stored(file, 'push_sent').length === 1)
      await sleep(1_000)
      expect(service.received.map((r: Event) => r.path)).toEqual(['/sub/5'])
    },
    slow,
  )

  it(
    'takes no push_sent, push_cancelled or push_failed from a POST as its own, whatever its library name',
    async () => {
      const service = await pushService()
      const file = newFile()
      const server = await collector(file, service)
      const subscriber = createSubscriber(`${service.url}/sub/7`)
      const request = requested(subscriber.subscription, 'visitor-7', 2_000)
      await post(server.batchUrl, request)
      const forge = (event: string, properties: Event) => ({
        ...track(event, { request: request.messageId, ...properties }, 'visitor-7'),
        messageId: `${event}:${request.messageId}`, // the id the collector's own outcome will have
        context: { library: { name: 'journeykit-collector' } },
      })
      await post(
        server.batchUrl,
        forge('push_cancelled', { by: 'order_completed' }),
        forge('push_failed', { status: 410, reason: 'gone', endpoint: subscriber.subscription.endpoint }),
        forge('push_sent', { status: 201 }),
      )
      expect(stored(file, 'push_cancelled')).toHaveLength(1) // stored as events like any other
      expect(server.pushes().map((r: Event) => r.id)).toEqual([request.messageId])

      await until(() => service.received.length === 1)
      // its own push_sent is stored too, though a forgery took its messageId first
      await until(() => server.events().find((e: Event) => e.event === 'push_sent' && e.properties.tag === 'journeykit:left-cart'))
      await until(() => stored(file, 'push_sent').length === 2)
      await server.close()
      const restarted = await collector(file, service) // the forgeries in the file change nothing either
      expect(restarted.pushes()).toEqual([])
      await post(restarted.batchUrl, requested(subscriber.subscription, 'visitor-7', 0))
      await until(() => service.received.length === 2) // the endpoint is not gone
    },
    slow,
  )

  it(
    'adopts, on its first start with a push log, the outcomes an earlier version kept in the events file',
    async () => {
      const service = await pushService()
      const file = newFile()
      const subscriber = createSubscriber(`${service.url}/sub/8`)
      const markOf = (request: Event) => ({
        ...track('push_sent', { request: request.messageId, status: 201 }, 'visitor-8'),
        messageId: `push_sent:${request.messageId}`,
        context: { library: { name: 'journeykit-collector' } },
      })
      const sentBefore = requested(subscriber.subscription, 'visitor-8', 0, Date.now() - 60_000)
      writeFileSync(file, [sentBefore, markOf(sentBefore)].map((event) => JSON.stringify(event) + '\n').join(''))
      const first = await collector(file, service)
      expect(first.pushes()).toEqual([]) // not sent again
      const later = requested(subscriber.subscription, 'visitor-8', 60_000)
      await post(first.batchUrl, later, markOf(later))
      await first.close()
      const second = await collector(file, service) // once: from then on the events file marks nothing
      expect(second.pushes().map((r: Event) => r.id)).toEqual([later.messageId])
      expect(service.received).toHaveLength(0)
    },
    slow,
  )

  it(
    'stops using a subscription its push service answered 410',
    async () => {
      const service = await pushService()
      service.answer(410)
      const file = newFile()
      const server = await collector(file, service)
      const subscriber = createSubscriber(`${service.url}/sub/6`)
      await post(server.batchUrl, requested(subscriber.subscription, 'visitor-6', 500))
      const failed = await until(() => server.events().find((e: Event) => e.event === 'push_failed'))
      expect(failed.properties).toMatchObject({ status: 410, reason: 'gone', endpoint: `${service.url}/sub/6` })

      service.answer(201)
      await post(server.batchUrl, requested(subscriber.subscription, 'visitor-6', 500))
      const again = server.events().filter((e: Event) => e.event === 'push_failed')
      expect(again.map((e: Event) => e.properties.reason)).toEqual(['gone', 'gone'])
      expect(again[1].properties.status).toBeNull()
      await server.close()

      const restarted = await collector(file, service)
      await post(restarted.batchUrl, requested(subscriber.subscription, 'visitor-6', 0))
      expect(restarted.events().filter((e: Event) => e.event === 'push_failed')).toHaveLength(1)
      await sleep(1_500)
      expect(service.received).toHaveLength(1) // the one that got 410, never retried
    },
    slow,
  )
})
