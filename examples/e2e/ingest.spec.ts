import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import type { Page as PageFacade } from '@segment/facade'
import { test, expect, runtimeReady, type Site } from './fixtures.js'
import { batchProblems, facadeOf, fixturePath, jitsuProblems, jitsuSource, kindOf, type WireBatch } from './pipelines.js'

// Contract §5: Segment, RudderStack and Jitsu ingest our batch as it is. This drives one page
// through every event the runtime sends, captures the batches the collector received, and
// hands them to Segment's own validator and facade and to Jitsu's types.

const vapidPublicKey = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U'

/** Every kind of message the runtime sends (contract §5), plus the worker's `push_received`. */
const expectedKinds = [
  'page',
  'identify',
  ...['visit_start', 'exit_intent', 'item_shown', 'item_dismissed', 'item_converted', 'lead_captured', 'asset_downloaded', 'stage_changed'],
  ...['push_subscribed', 'push_denied', 'push_received', 'push_clicked'],
  ...['segment_entered', 'journey_entered', 'journey_step', 'journey_exited', 'push_requested'],
].map((name) => (name === 'page' || name === 'identify' ? name : `track:${name}`))

const config = {
  version: 1,
  push: { vapidPublicKey },
  stages: { purchase: { on: 'order_completed' } },
  items: {
    'exit-offer': { kind: 'focus', style: 'modal', title: 'Wait!', body: 'Take 10% off today', code: 'SAVE10', cta: { label: 'Back to cart', url: '/cart' } },
    guide: { kind: 'asset', style: 'slidein', title: 'Sizing guide', asset: { url: '/README.md', filename: 'guide.md' }, gate: 'email' },
    alerts: { kind: 'push', style: 'slidein', title: 'Price-drop alerts?' },
  },
  rules: [{ id: 'exit-on-cart', on: 'exit_intent', show: 'exit-offer', stage: 'consideration' }],
  segments: { pros: { if: { 'user.traits.plan': 'pro' } } },
  journeys: { winback: { steps: [{ id: 'nudge', push: { title: 'Your cart is waiting', url: '/cart/', after: '1h', cancelOn: ['order_completed'] } }] } },
}

/** Delivers a push to the worker at scope `/` through the DevTools protocol (as push.spec.ts). */
async function deliverPush(page: Page, origin: string, data: string) {
  const cdp = await page.context().newCDPSession(page)
  const registrationId = new Promise<string>((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const match = registrations.find((r: { scopeURL: string; isDeleted: boolean }) => new URL(r.scopeURL).pathname === '/' && !r.isDeleted)
      if (match) resolve(match.registrationId)
    }),
  )
  await cdp.send('ServiceWorker.enable')
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: await registrationId, data })
}

const host = (page: Page, id: string) => page.locator(`[data-journeykit-item="${id}"]`)

test('every event the runtime sends passes Segment’s validator and facade and Jitsu’s types', async ({ page, site, context }, testInfo) => {
  test.setTimeout(120_000) // one long walk through every event; CI machines are slower
  await context.grantPermissions(['notifications'])
  // No push service is reachable from this machine: only PushManager.subscribe is replaced (as
  // in push.spec.ts); requestPermission answers 'denied' while `denyNext` is set.
  await page.addInitScript(() => {
    let subscribed: PushSubscription | null = null
    PushManager.prototype.subscribe = async function () {
      const json = { endpoint: 'https://push.example/sub/1', expirationTime: null, keys: { p256dh: 'p', auth: 'a' } }
      return (subscribed = { toJSON: () => json } as unknown as PushSubscription)
    }
    PushManager.prototype.getSubscription = async () => subscribed
    const ask = Notification.requestPermission.bind(Notification)
    Notification.requestPermission = async () => ((window as any).denyNext ? 'denied' : ask())
  })
  site.setPage('/journeykit-sw.js', { type: 'text/javascript', body: readFileSync(new URL('../../dist/journeykit-sw.js', import.meta.url), 'utf8') })
  const url = await site.serve(page, { path: '/cart/index.html', config, title: 'Your cart', body: '<h1>Cart</h1><p>Two linen shirts</p>' })

  // page, visit_start (by themselves); identify
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => navigator.serviceWorker.ready)
  await page.evaluate(() => (window as any).journeykit.identify('user-42', { email: 'ana@shop.example', plan: 'pro' }))

  // exit_intent → the rule shows the offer (item_shown) and moves the stage (stage_changed);
  // Close → item_dismissed. The watcher is a lazy chunk and arms 1.5 s after load: leave
  // through the top until it has fired (it fires once a page).
  await page.waitForTimeout(1600)
  await expect(async () => {
    await page.mouse.move(400, 300)
    await page.mouse.move(400, -20, { steps: 4 })
    await expect(host(page, 'exit-offer').getByRole('dialog')).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await host(page, 'exit-offer').getByRole('button', { name: 'Close' }).click()
  await expect(host(page, 'exit-offer')).toHaveCount(0)

  // the gated asset: lead_captured, item_converted (form, download), asset_downloaded
  await page.evaluate(() => (window as any).journeykit.show('guide'))
  await host(page, 'guide').getByLabel('Email').fill('ana@shop.example')
  await host(page, 'guide').getByRole('button', { name: 'Send' }).click()
  const download = page.waitForEvent('download')
  await host(page, 'guide').getByRole('link', { name: 'Download' }).click()
  await download

  // a stages mapping: stage_changed again, from a tracked event
  await page.evaluate(() => (window as any).journeykit.track('order_completed', { total: 78.5, currency: 'EUR' }))

  // the soft ask, refused by the browser: push_denied; then allowed: push_subscribed
  await page.evaluate(() => ((window as any).denyNext = true))
  await page.evaluate(() => (window as any).journeykit.show('alerts'))
  await host(page, 'alerts').getByRole('button', { name: 'Allow' }).click()
  await expect(host(page, 'alerts').getByText('Notifications are blocked in your browser settings.')).toBeVisible()
  await host(page, 'alerts').getByRole('button', { name: 'Close' }).click()
  await expect(host(page, 'alerts')).toHaveCount(0)
  await page.evaluate(() => ((window as any).denyNext = false))
  await page.evaluate(() => (window as any).journeykit.show('alerts'))
  await host(page, 'alerts').getByRole('button', { name: 'Allow' }).click()

  // the worker: a push (push_received), then a click on its notification (push_clicked). No
  // protocol clicks a notification, so the worker's own notificationclick listener gets the
  // event from inside the worker, with the real notification the push showed.
  await expect(host(page, 'alerts')).toHaveCount(0)
  await arrived(page, site, ['track:push_subscribed'])
  // a journey entered from code whose step requests a push (segment_entered came with identify)
  await page.evaluate(() => (window as any).journeykit.enter('winback'))
  await deliverPush(page, site.origin, JSON.stringify({ title: 'Linen shirt: now €39', body: 'The price dropped', url: '/cart/', tag: 'price' }))
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))
  await expect.poll(() => worker.evaluate(async () => (await (self as any).registration.getNotifications()).length), { timeout: 10_000 }).toBe(1)
  await worker.evaluate(async () => {
    const [notification] = await (self as any).registration.getNotifications()
    self.dispatchEvent(new (self as any).NotificationEvent('notificationclick', { notification }))
  })

  await arrived(page, site, expectedKinds)
  const envelopes = site.collector.batches() as WireBatch[]

  // What the facade reads back is what happened: one visitor, identified from identify() on.
  const messages = envelopes.flatMap((envelope) => envelope.batch)
  expect(new Set(messages.map((message) => facadeOf(message).anonymousId())).size).toBe(1)
  const afterIdentify = messages.filter((message) => message.type !== 'page' && message.event !== 'visit_start')
  expect(new Set(afterIdentify.map((message) => facadeOf(message).userId()))).toEqual(new Set(['user-42']))
  const pageView = facadeOf(messages.find((message) => message.type === 'page')!) as PageFacade
  expect([pageView.url(), pageView.path(), pageView.title(), pageView.proxy('context.page.path')]).toEqual([
    url,
    '/cart/index.html',
    'Your cart',
    '/cart/index.html',
  ])
  expect(facadeOf(messages.find((message) => message.event === 'lead_captured')!).email()).toBe('ana@shop.example')
  expect(facadeOf(messages.find((message) => message.type === 'identify')!).email()).toBe('ana@shop.example')

  // The capture, written where a person can read it, then checked by each pipeline's code.
  writeFileSync(testInfo.outputPath('ingest-batches.json'), JSON.stringify(envelopes, null, 2))
  const source = jitsuSource(envelopes, `Batches captured by examples/e2e/ingest.spec.ts from the real runtime in Chromium.`)
  if (process.env.UPDATE_INGEST_FIXTURE || !existsSync(fixturePath)) writeFileSync(fixturePath, source)
  expect.soft(batchProblems(envelopes)).toEqual([])
  expect.soft(jitsuProblems(source, testInfo.outputPath('jitsu'))).toEqual([])

  // The committed capture (compiled by `npm run test:types`) must still be the runtime's shape.
  const { captured } = (await import('./captured/ingest-batches.js')) as { captured: WireBatch[] }
  expect(
    shapes(captured),
    'examples/e2e/captured/ingest-batches.ts is stale: run UPDATE_INGEST_FIXTURE=1 npx playwright test examples/e2e/ingest.spec.ts',
  ).toEqual(shapes(envelopes))
})

/** Flushes until the collector has a message of each kind, with a bound generous for CI. */
async function arrived(page: Page, site: Site, kinds: string[]) {
  const missing = () => {
    const seen = new Set(site.collector.events().map((event) => kindOf(event)))
    return kinds.filter((kind) => !seen.has(kind))
  }
  await expect
    .poll(
      async () => {
        await page.evaluate(() => (window as any).journeykit.flush()).catch(() => undefined)
        return missing()
      },
      { timeout: 30_000 },
    )
    .toEqual([])
}

/** Per kind of message, the field paths it carries (values vary from run to run, paths must not). */
function shapes(envelopes: WireBatch[]): Record<string, string[]> {
  const out: Record<string, Set<string>> = {}
  const walk = (value: unknown, path: string, into: Set<string>) => {
    into.add(path)
    if (value && typeof value === 'object' && !Array.isArray(value) && path.split('.').length < 3) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key, into)
    }
  }
  for (const message of envelopes.flatMap((envelope) => envelope.batch)) {
    if (!expectedKinds.includes(kindOf(message))) continue
    walk(message, '', (out[kindOf(message)] ??= new Set()))
  }
  return Object.fromEntries(Object.entries(out).map(([kind, paths]) => [kind, [...paths].sort()]))
}
