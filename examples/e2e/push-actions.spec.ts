// The `push` action (contract §8b) in Chromium: what a rule and a journey step request, for a
// visitor with a push subscription and for one without, and the whole way of one request —
// the page asks, the reference collector sends it with web-push to a stand-in push service,
// the worker shows what was sent and reports it.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, runtimeReady, type Site } from './fixtures.js'
import { checkpoint } from './decided.js'
import { clickNotification, deliverPush, serveWorker, workerAt } from './push-helpers.js'
// @ts-expect-error plain .mjs example without types
import { startCollector } from '../collector/server.mjs'
// @ts-expect-error plain .mjs example without types
import { createSubscriber, startPushService } from '../collector/fake-push-service.mjs'
// @ts-expect-error plain .mjs example without types
import { readRequest } from '../collector/push-request.mjs'

type Events = Array<Record<string, any>>

// A real VAPID public key (P-256 point, URL-safe base64).
const vapidPublicKey = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U'
const hour = 3_600_000

const onTheCart = { 'page.path': { $startsWith: '/cart' } }
const cartWaiting = { title: 'Your cart is waiting', body: 'Still thinking it over? Your linen is saved.', url: '/cart/index.html' }
const sellingFast = { title: 'Linen sells fast', body: 'Two of your sizes are almost gone.', url: '/cart/index.html' }

/**
 * The store owner's "on exit intent from the cart, an hour later, push 'your cart is waiting'
 * unless they ordered", once as a rule and once as a journey step (entered on add_to_cart).
 */
function config(key: string, after: string, journey = true) {
  return {
    version: 1,
    push: { vapidPublicKey: key },
    rules: [{ id: 'left-cart', on: 'exit_intent', if: onTheCart, push: { ...cartWaiting, after, cancelOn: ['order_completed'] } }],
    ...(journey && {
      journeys: {
        'cart-rescue': {
          entry: { on: 'add_to_cart' },
          exit: [{ on: 'order_completed' }],
          steps: [{ id: 'nudge', on: 'exit_intent', if: onTheCart, push: { ...sellingFast, after: '2h', cancelOn: ['order_completed'] } }],
        },
      },
    }),
  }
}

/**
 * The visitor's browser already holds a subscription: what the worker's pushManager answers
 * (`window.subscriptionReads` counts the page's reads of it).
 */
function subscribed(page: Page, subscription: Record<string, unknown>) {
  return page.addInitScript((json) => {
    const fake = { endpoint: json.endpoint, expirationTime: null, toJSON: () => json } as unknown as PushSubscription
    PushManager.prototype.getSubscription = async () => (((window as any).subscriptionReads = ((window as any).subscriptionReads ?? 0) + 1), fake)
    PushManager.prototype.subscribe = async () => fake
  }, subscription)
}

/**
 * Moves the pointer out through the top of the window until `exit_intent` reaches the
 * collector (the watcher is a lazy chunk, armed 1.5 s after the page view).
 */
async function leaveThroughTop(page: Page, events: () => Events) {
  await page.waitForTimeout(1_600)
  await expect
    .poll(
      async () => {
        await page.mouse.move(400, 300)
        await page.mouse.move(400, -20, { steps: 4 })
        await page.evaluate(() => (window as any).journeykit.flush())
        return events().filter((e) => e.event === 'exit_intent').length
      },
      { timeout: 20_000, intervals: [500] },
    )
    .toBe(1)
}

async function openCart(page: Page, site: Site, options: Parameters<Site['serve']>[1]) {
  serveWorker(site)
  const url = await site.serve(page, { path: '/cart/index.html', title: 'Your cart', body: '<h1>Cart</h1><p>Two linen shirts</p>', ...options })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => navigator.serviceWorker.ready) // the worker journeykit registered
  return url
}

const named = (events: Events, name: string) => events.filter((e) => e.event === name)

test('a subscribed visitor leaving the cart: the rule and the journey step each request one push, with everything the collector needs', async ({
  page,
  site,
  context,
}) => {
  await context.grantPermissions(['notifications'])
  const subscription = { endpoint: 'https://push.example/sub/1', expirationTime: null, keys: { p256dh: 'p', auth: 'a' } }
  await subscribed(page, subscription)
  await openCart(page, site, { config: config(vapidPublicKey, '1h') })
  await page.evaluate(() => (window as any).journeykit.track('add_to_cart'))
  await leaveThroughTop(page, () => site.collector.events())

  await site.waitForEvents(page, (all) => named(all, 'push_requested').length >= 2)
  const events = await checkpoint(page, site) // anything the exit decided has arrived
  const requests = named(events, 'push_requested')
  expect(requests).toHaveLength(2)
  const exit = named(events, 'exit_intent')[0]!
  const fromRule = requests.find((e) => e.properties.rule)!
  const fromStep = requests.find((e) => e.properties.journey)!

  expect(fromRule.properties).toEqual({
    push: cartWaiting, // the §5b payload: no `after`, no `cancelOn`
    sendAt: expect.any(String),
    cancelOn: ['order_completed'],
    subscription,
    rule: 'left-cart',
  })
  const ruleDelay = Date.parse(fromRule.properties.sendAt) - Date.parse(exit.timestamp)
  expect(ruleDelay).toBeGreaterThanOrEqual(hour)
  expect(ruleDelay).toBeLessThan(hour + 5_000)

  expect(fromStep.properties).toEqual({
    push: sellingFast,
    sendAt: expect.any(String),
    cancelOn: ['order_completed'],
    subscription,
    journey: 'cart-rescue',
    run: 1,
    step: 'nudge',
  })
  const stepDelay = Date.parse(fromStep.properties.sendAt) - Date.parse(exit.timestamp)
  expect(stepDelay).toBeGreaterThanOrEqual(2 * hour)
  expect(stepDelay).toBeLessThan(2 * hour + 5_000)
  expect(named(events, 'journey_step').map((e) => e.properties)).toEqual([{ journey: 'cart-rescue', run: 1, step: 'nudge', action: 'push' }])

  // What the collector side reads from each: the payload it will encrypt, tagged per rule or step.
  expect(readRequest(fromRule).request.payload).toEqual({ ...cartWaiting, tag: 'journeykit:left-cart' })
  expect(readRequest(fromStep).request.payload).toEqual({ ...sellingFast, tag: 'journeykit:cart-rescue:nudge' })
})

for (const [how, exit] of [
  ['the pointer leaves through the top and the tab closes at once', true],
  ['the tab closes: its hiding is the exit', false],
] as const) {
  test(`a departure push leaves with the tab (${how}): the collector has the request once`, async ({ page, site, context }) => {
    await context.grantPermissions(['notifications'])
    const subscription = { endpoint: 'https://push.example/sub/1', expirationTime: null, keys: { p256dh: 'p', auth: 'a' } }
    await subscribed(page, subscription)
    // Says when the exit-intent watcher (a lazy chunk) listens for the pointer leaving the page.
    await page.addInitScript(() => {
      const add = EventTarget.prototype.addEventListener
      EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: [any, any?]) {
        if (type === 'mouseleave' && this === document.documentElement) (window as any).exitWatched = true
        return add.call(this, type, ...rest)
      }
    })
    await openCart(page, site, { config: config(vapidPublicKey, '1h', false) })
    // Armed (1.5 s after the page view began), and the page holds the visitor's subscription.
    const armed = () => (window as any).exitWatched && performance.now() > 1_600 && (window as any).subscriptionReads > 0
    await page.waitForFunction(armed, null, { timeout: 20_000 })
    if (exit) {
      await page.mouse.move(400, 300)
      await page.mouse.move(400, -20, { steps: 4 })
    }
    // As a visitor closing the tab: pagehide, then visibilitychange (the 'hidden' exit), then unload.
    await page.close({ runBeforeUnload: true })

    const requested = () => named(site.collector.events(), 'push_requested')
    await expect.poll(() => requested().length, { timeout: 20_000 }).toBe(1)
    expect(requested()[0]!.properties).toEqual({
      push: cartWaiting,
      sendAt: expect.any(String),
      cancelOn: ['order_completed'],
      subscription,
      rule: 'left-cart',
    })

    // The visitor's next page sends what the closed one left (its outbox, a call it carried) and
    // runs no rule for it: still the one request.
    const next = await context.newPage()
    await next.goto(await site.serve(next, { path: '/index.html', config: config(vapidPublicKey, '1h', false) }))
    await runtimeReady(next)
    const events = await checkpoint(next, site)
    expect(named(events, 'push_requested').map((e) => e.messageId)).toEqual([requested()[0]!.messageId])
  })
}

for (const [who, grant] of [
  ['never asked (no permission)', false],
  ['allowed notifications but holds no subscription', true],
] as const) {
  test(`a visitor who ${who}: the rule requests nothing, the journey step is skipped "no-subscription"`, async ({ page, site, context }) => {
    if (grant) await context.grantPermissions(['notifications'])
    await openCart(page, site, { config: config(vapidPublicKey, '1h') })
    expect(await page.evaluate(() => Notification.permission)).toBe(grant ? 'granted' : 'default')
    await page.evaluate(() => (window as any).journeykit.track('add_to_cart'))
    await leaveThroughTop(page, () => site.collector.events())

    const events = await checkpoint(page, site) // the exit and everything it decided came before
    expect(named(events, 'journey_step').map((e) => e.properties)).toEqual([
      { journey: 'cart-rescue', run: 1, step: 'nudge', action: 'push', skipped: 'no-subscription' },
    ])
    expect(named(events, 'push_requested')).toEqual([])
  })
}

test('the push the collector sends for a request is the one the worker shows, and its display and click are reported', async ({ page, site, context }) => {
  test.setTimeout(120_000) // a real send, a few seconds after the exit, and a busy CI machine
  const dir = mkdtempSync(join(tmpdir(), 'jk-push-actions-'))
  const service = await startPushService() // the subscription's endpoint: a stand-in push service on 127.0.0.1
  const collector = await startCollector({
    port: 0,
    file: join(dir, 'events.ndjson'),
    push: { keysFile: join(dir, 'vapid-keys.json'), env: {}, allowEndpoint: (url: URL) => url.origin === service.url },
  })
  try {
    const subscriber = createSubscriber(`${service.url}/sub/1`) // real keys: what web-push encrypts for
    await context.grantPermissions(['notifications'])
    await subscribed(page, subscriber.subscription)
    const url = await openCart(page, site, {
      config: config(collector.vapidPublicKey, '3s', false),
      collector: false,
      attributes: `data-collector="${collector.batchUrl}"`,
    })
    const events = (): Events => collector.events()
    await leaveThroughTop(page, events)

    // The request, then the collector's POST to the push service: at sendAt, not before.
    await expect.poll(() => named(events(), 'push_requested').length, { timeout: 20_000 }).toBe(1)
    const requested = named(events(), 'push_requested')[0]!
    await expect.poll(() => service.received.length, { timeout: 60_000 }).toBe(1)
    const [post] = service.received
    expect(post.time).toBeGreaterThanOrEqual(Date.parse(requested.properties.sendAt))
    await expect.poll(() => named(events(), 'push_sent').map((e) => e.properties.request), { timeout: 20_000 }).toEqual([requested.messageId])

    // What it encrypted is exactly the payload it built from the event.
    const data = subscriber.decrypt(post.body)
    const payload = readRequest(requested, () => true).request.payload
    expect(JSON.parse(data)).toEqual(payload)
    expect(payload).toEqual({ ...cartWaiting, tag: 'journeykit:left-cart' })

    // Handed to the worker as the push service would: shown, then clicked.
    await deliverPush(page, site.origin, '/', data)
    const worker = await workerAt(context, '/journeykit-sw.js')
    const shown = () =>
      worker.evaluate(async () =>
        ((await (self as any).registration.getNotifications()) as Notification[]).map(({ title, body, tag, data }) => ({ title, body, tag, url: data?.url })),
      )
    await expect
      .poll(shown, { timeout: 10_000 })
      .toEqual([{ title: cartWaiting.title, body: cartWaiting.body, tag: 'journeykit:left-cart', url: cartWaiting.url }])
    await clickNotification(worker, 'journeykit:left-cart')

    // The worker reports both to the collector the page named, from its own outbox.
    await expect.poll(() => events().filter((e) => e.event === 'push_received' || e.event === 'push_clicked').length, { timeout: 30_000 }).toBe(2)
    expect(named(events(), 'push_received').map((e) => e.properties)).toEqual([{ title: cartWaiting.title, tag: 'journeykit:left-cart', url: cartWaiting.url }])
    expect(named(events(), 'push_clicked').map((e) => e.properties)).toEqual([
      { url: url, action: null, title: cartWaiting.title, tag: 'journeykit:left-cart' },
    ])
    expect(await shown()).toEqual([]) // a click closes it
    expect(service.received).toHaveLength(1)
  } finally {
    await collector.close()
    await service.close()
  }
})
