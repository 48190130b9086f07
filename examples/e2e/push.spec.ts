import { test, expect, runtimeReady, collectConsole, type Site } from './fixtures.js'
import { deliverPush, notificationTitles, rememberingPushService, serveWorker, subscriptionAt } from './push-helpers.js'
import type { Page } from '@playwright/test'

// A real VAPID public key (P-256 point, URL-safe base64).
const vapidPublicKey = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U'
const ask = { kind: 'push', style: 'slidein', title: 'Price-drop alerts?', body: 'We will tell you when a saved item gets cheaper.' }

/**
 * No push service is reachable from this machine: only PushManager.subscribe is replaced,
 * recording the key it was given and answering a subscription of the right shape.
 */
function fakePushService(page: Page) {
  return page.addInitScript(() => {
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      ;(window as any).subscribedWith = Array.from(new Uint8Array(options!.applicationServerKey as ArrayBuffer))
      const json = { endpoint: 'https://push.example/sub/1', expirationTime: null, keys: { p256dh: 'p', auth: 'a' } }
      return { toJSON: () => json } as unknown as PushSubscription
    }
  })
}

test('the worker registers at the configured scope', async ({ page, site }) => {
  const url = await site.serve(page, { config: { version: 1, push: { vapidPublicKey, serviceWorker: '/dist/journeykit-sw.js', scope: '/dist/push/' } } })
  await page.goto(url)
  await runtimeReady(page)
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => new URL(r.scope).pathname)))
    .toEqual(['/dist/push/'])
})

test('the soft ask: Allow with permission granted subscribes with the VAPID key and reports push_subscribed', async ({ page, site, context }) => {
  await context.grantPermissions(['notifications'])
  await fakePushService(page)
  serveWorker(site)
  const url = await site.serve(page, {
    config: { version: 1, push: { vapidPublicKey }, items: { alerts: ask }, rules: [{ id: 'ask', on: 'ask_me', show: 'alerts' }] },
  })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => navigator.serviceWorker.ready)
  await page.evaluate(() => (window as any).journeykit.track('ask_me'))
  const item = page.locator('[data-journeykit-item="alerts"]')
  await item.getByRole('button', { name: 'Allow' }).click()
  await expect(item).toHaveCount(0)
  const key = await page.evaluate(() => (window as any).subscribedWith as number[])
  const expected = [...Buffer.from(vapidPublicKey.replace(/-/g, '+').replace(/_/g, '/'), 'base64')]
  expect(key).toEqual(expected)
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'push_subscribed'))
  expect(events.find((e) => e.event === 'push_subscribed')!.properties.subscription.endpoint).toBe('https://push.example/sub/1')
  expect(events.find((e) => e.event === 'item_converted')!.properties.what).toBe('push')
})

test('permission denied: push_denied is reported and the visitor is told', async ({ page, site }) => {
  await page.addInitScript(() => {
    Notification.requestPermission = async () => 'denied'
  })
  const url = await site.serve(page, { config: { version: 1, push: { vapidPublicKey, serviceWorker: '/dist/journeykit-sw.js' }, items: { alerts: ask } } })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.show('alerts'))
  const item = page.locator('[data-journeykit-item="alerts"]')
  await item.getByRole('button', { name: 'Allow' }).click()
  await expect(item.getByText('Notifications are blocked in your browser settings.')).toBeVisible()
  await site.waitForEvents(page, (all) => all.some((e) => e.event === 'push_denied'))
})

test('a push delivered through the DevTools protocol shows its notification and is reported; a malformed one shows nothing', async ({
  page,
  site,
  context,
}) => {
  await context.grantPermissions(['notifications'])
  serveWorker(site)
  const url = await site.serve(page, { config: { version: 1, push: { vapidPublicKey } } })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => navigator.serviceWorker.ready)
  await deliverPush(page, site.origin, '/', 'not json {')
  await page.waitForTimeout(500)
  expect(await notificationTitles(page)).toEqual([])
  await deliverPush(page, site.origin, '/', JSON.stringify({ title: 'Linen shirt: now €39', body: 'The price dropped', url: '/p/linen', tag: 'price' }))
  await expect.poll(() => notificationTitles(page), { timeout: 30_000 }).toEqual(['Linen shirt: now €39'])
  await expect
    .poll(
      () =>
        site.collector
          .events()
          .filter((e) => e.event === 'push_received')
          .map((e) => e.properties.title),
      { timeout: 10_000 },
    )
    .toEqual(['Linen shirt: now €39'])
})

test('inside a site worker that imports ours, the site still serves its own fetches and pushes still show', async ({ page, site, context }) => {
  await context.grantPermissions(['notifications'])
  site.setPage('/e2e/site-sw.js', {
    type: 'text/javascript',
    body: `importScripts('/dist/journeykit-sw.js')
self.addEventListener('fetch', (event) => {
  if (new URL(event.request.url).pathname === '/e2e/from-site-worker') event.respondWith(new Response('served by the site worker'))
})
self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))`,
  })
  const url = await site.serve(page, { path: '/e2e/shop.html', config: { version: 1, push: { vapidPublicKey, serviceWorker: '/e2e/site-sw.js' } } })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => navigator.serviceWorker.ready)
  await page.reload() // now controlled by the site's worker
  await runtimeReady(page)
  expect(await page.evaluate(() => fetch('/e2e/from-site-worker').then((r) => r.text()))).toBe('served by the site worker')
  expect(await page.evaluate(() => fetch('/e2e/shop.html').then((r) => r.ok))).toBe(true) // other requests pass through
  await deliverPush(page, site.origin, '/e2e/', JSON.stringify({ title: 'From the shared worker' }))
  await expect.poll(() => notificationTitles(page), { timeout: 30_000 }).toEqual(['From the shared worker'])
})

test('with consent pending nothing is registered; once granted, the worker is', async ({ page, site }) => {
  serveWorker(site)
  const url = await site.serve(page, { config: { version: 1, push: { vapidPublicKey } }, attributes: 'data-consent="pending"' })
  await page.goto(url)
  await runtimeReady(page)
  await page.waitForTimeout(300)
  const registrations = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)
  expect(await registrations()).toBe(0)
  await page.evaluate(() => (window as any).journeykit.consent('granted'))
  await expect.poll(registrations).toBe(1)
})

test('consent denied after a grant makes the worker forget whom it reports for', async ({ page, site }) => {
  serveWorker(site)
  const url = await site.serve(page, { config: { version: 1, push: { vapidPublicKey } } })
  await page.goto(url)
  await runtimeReady(page)
  const settings = () =>
    page.evaluate(async () => {
      // opening a database that does not exist yet would create it empty, under our code's feet
      if (!(await indexedDB.databases()).some((db) => db.name === 'journeykit-push')) return undefined
      return new Promise((resolve) => {
        const open = indexedDB.open('journeykit-push')
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('kv')) return (db.close(), resolve(undefined))
          const get = db.transaction('kv').objectStore('kv').get('jk:v1:push-settings')
          get.onsuccess = () => (db.close(), resolve(get.result?.anonymousId))
        }
      })
    })
  await expect.poll(settings).toMatch(/^[0-9a-f-]{36}$/)
  await page.evaluate(() => (window as any).journeykit.consent('denied'))
  await expect.poll(settings).toBeUndefined()
})

/** Subscribes through the soft ask (Allow) on a page whose worker has scope `/e2e/`; returns the config. */
async function subscribeThroughSoftAsk(page: Page, site: Site) {
  const config = { version: 1, push: { vapidPublicKey, scope: '/e2e/' }, items: { alerts: ask } }
  await page.goto(await site.serve(page, { config }))
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.show('alerts'))
  await page.locator('[data-journeykit-item="alerts"]').getByRole('button', { name: 'Allow' }).click()
  await site.waitForEvents(page, (all) => all.some((e) => e.event === 'push_subscribed'))
  expect(await subscriptionAt(page, '/e2e/')).toBe('https://push.example/sub/' + encodeURIComponent(`${site.origin}/e2e/`))
  return config
}

test('consent denied after a grant ends the push subscription: a push already scheduled cannot reach the visitor', async ({ page, site, context }) => {
  await context.grantPermissions(['notifications'])
  await rememberingPushService(page)
  serveWorker(site)
  await subscribeThroughSoftAsk(page, site)
  await page.evaluate(() => (window as any).journeykit.consent('denied'))
  await expect.poll(() => subscriptionAt(page, '/e2e/'), { timeout: 10_000 }).toBeNull()
})

for (const [how, deny] of [
  ['queued before the runtime loaded', { before: "journeykit.push(['consent', 'denied'])" }],
  ['from Global Privacy Control', {}],
] as const) {
  test(`a denial ${how}, on a later page, ends the subscription an earlier page made`, async ({ page, site, context }) => {
    await context.grantPermissions(['notifications'])
    await rememberingPushService(page)
    serveWorker(site)
    const config = await subscribeThroughSoftAsk(page, site)
    if (!('before' in deny)) await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }))
    await page.goto(await site.serve(page, { config, ...deny }))
    await runtimeReady(page)
    await expect.poll(() => subscriptionAt(page, '/e2e/'), { timeout: 10_000 }).toBeNull()
  })
}

test('with consent pending a push soft ask shows neither from a rule nor from show(); once granted, show() shows it', async ({ page, site }) => {
  serveWorker(site)
  const warnings = collectConsole(page, 'warning')
  const url = await site.serve(page, {
    config: { version: 1, push: { vapidPublicKey }, items: { alerts: ask }, rules: [{ id: 'ask', on: 'ask_me', show: 'alerts' }] },
    attributes: 'data-consent="pending"',
  })
  await page.goto(url)
  await runtimeReady(page)
  const grantedAt = await page.evaluate(async () => {
    const jk = (window as any).journeykit
    jk.track('ask_me')
    await jk.flush() // the rule has been decided
    jk.show('alerts')
    await jk.flush()
    await new Promise((resolve) => setTimeout(resolve, 500)) // time for a UI chunk that was asked for
    const now = Date.now()
    jk.consent('granted')
    await jk.flush()
    jk.show('alerts')
    return now
  })
  await expect(page.locator('[data-journeykit-item="alerts"]').getByRole('button', { name: 'Allow' })).toBeVisible()
  // Events held while pending reach the collector once consent comes, with their own times:
  // an item shown by either decision before the grant would be reported as shown before it.
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'item_shown'))
  expect(events.some((e) => e.event === 'ask_me')).toBe(true)
  const shown = events.filter((e) => e.event === 'item_shown')
  expect(shown.map((e) => e.properties)).toEqual([{ item: 'alerts', rule: null, variant: null }])
  expect(Date.parse(shown[0]!.timestamp)).toBeGreaterThanOrEqual(grantedAt)
  expect(warnings.filter((text) => text.includes('journeykit.show: "alerts"'))).toHaveLength(1)
})

test('Allow pressed before the worker finished registering, on a page still loading, waits for it and subscribes', async ({ page, site, context }) => {
  await context.grantPermissions(['notifications'])
  await fakePushService(page)
  // A worker that takes seconds to start, and an image that holds the page's load event back
  // until the end of the test: workbox-window's register() waits for that event by default.
  site.setPage('/e2e/slow-sw.js', {
    type: 'text/javascript',
    body: `const until = Date.now() + 4000; while (Date.now() < until) {}\nimportScripts('/dist/journeykit-sw.js')`,
  })
  let releaseImage = () => {}
  const imageHeld = new Promise<void>((resolve) => (releaseImage = resolve))
  await page.route('**/e2e/slow.svg', async (route) => {
    await imageHeld
    await route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>' }).catch(() => undefined)
  })
  try {
    const url = await site.serve(page, {
      config: { version: 1, push: { vapidPublicKey, serviceWorker: '/e2e/slow-sw.js' }, items: { alerts: ask } },
      body: '<h1>Slow page</h1><img src="/e2e/slow.svg" alt="">',
    })
    await page.goto(url, { waitUntil: 'commit' })
    await runtimeReady(page)
    await page.evaluate(() => (window as any).journeykit.show('alerts'))
    const item = page.locator('[data-journeykit-item="alerts"]')
    const allow = item.getByRole('button', { name: 'Allow' })
    await expect(allow).toBeVisible()
    const activeWorker = () => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration('/e2e/'))?.active)
    expect(await activeWorker()).toBe(false) // the click below really comes before the registration
    await allow.click()
    const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'push_subscribed'))
    expect(events.find((e) => e.event === 'push_subscribed')!.properties.subscription.endpoint).toBe('https://push.example/sub/1')
    await expect(item).toHaveCount(0)
    expect(await page.evaluate(() => document.readyState)).not.toBe('complete') // it did not wait for the load event
  } finally {
    releaseImage()
  }
})
