import { readFileSync } from 'node:fs'
import type { BrowserContext, Page, Worker } from '@playwright/test'

// Web push in Chromium without a push service (none is reachable from the test machines):
// the page's PushManager is replaced where a spec needs a subscription, and pushes reach the
// worker through the DevTools protocol, as a push service would hand them over.

/** Delivers a push to the worker of `scope` through the DevTools protocol. */
export async function deliverPush(page: Page, origin: string, scope: string, data: string) {
  const cdp = await page.context().newCDPSession(page)
  const registrationId = new Promise<string>((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const match = registrations.find((r: { scopeURL: string; isDeleted: boolean }) => new URL(r.scopeURL).pathname === scope && !r.isDeleted)
      if (match) resolve(match.registrationId)
    }),
  )
  await cdp.send('ServiceWorker.enable')
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: await registrationId, data })
}

/** Serves the built worker at the site root, where a site would put it (scope `/`). */
export function serveWorker(site: { setPage(path: string, page: { body: string; type?: string }): void }) {
  site.setPage('/journeykit-sw.js', { type: 'text/javascript', body: readFileSync(new URL('../../dist/journeykit-sw.js', import.meta.url), 'utf8') })
}

/** The titles of the notifications every worker of the page's origin shows. */
export const notificationTitles = (page: Page) =>
  page.evaluate(async () => {
    const registrations = await navigator.serviceWorker.getRegistrations()
    const all = await Promise.all(registrations.map((r) => r.getNotifications()))
    return all.flat().map((n) => n.title)
  })

/** The worker at `path` (its script's URL path), once the context has it running. */
export async function workerAt(context: BrowserContext, path: string): Promise<Worker> {
  const find = () => context.serviceWorkers().find((worker) => new URL(worker.url()).pathname === path)
  for (;;) {
    const worker = find()
    if (worker) return worker
    await context.waitForEvent('serviceworker')
  }
}

/**
 * Clicks the worker's notification of `tag`. No protocol clicks a notification, so the worker's
 * own notificationclick listener gets the event from inside the worker, with the real
 * notification the push showed (as ingest.spec.ts does).
 */
export function clickNotification(worker: Worker, tag: string) {
  return worker.evaluate(async (wanted) => {
    const [notification] = await (self as any).registration.getNotifications({ tag: wanted })
    if (!notification) throw new Error(`no notification tagged ${wanted}`)
    self.dispatchEvent(new (self as any).NotificationEvent('notificationclick', { notification }))
  }, tag)
}

/**
 * A stand-in push service that remembers: each worker registration's pushManager subscribes,
 * answers getSubscription() and unsubscribes, with what it holds kept per registration scope in
 * the tab's sessionStorage (so a later page of the tab finds it, as a browser's real
 * subscription survives navigations). Chromium here reaches no push service, and journeykit
 * must end the very subscription the site's worker holds: a stand-in on the registration's
 * own pushManager shows which registration was asked. `subscriptionAt(page, scope)` reads it back.
 */
export function rememberingPushService(page: Page) {
  return page.addInitScript(() => {
    const key = (scope: string) => `fake-push:${scope}`
    const subscriptionOf = (scope: string) => {
      const json = JSON.parse(sessionStorage.getItem(key(scope)) ?? 'null')
      if (!json) return null
      const unsubscribe = async () => (sessionStorage.removeItem(key(scope)), true)
      return { endpoint: json.endpoint, expirationTime: null, options: {}, toJSON: () => json, unsubscribe, getKey: () => null }
    }
    Object.defineProperty(ServiceWorkerRegistration.prototype, 'pushManager', {
      configurable: true,
      get(this: ServiceWorkerRegistration) {
        const { scope } = this
        return {
          getSubscription: async () => subscriptionOf(scope),
          subscribe: async () => {
            const json = { endpoint: `https://push.example/sub/${encodeURIComponent(scope)}`, expirationTime: null, keys: { p256dh: 'p', auth: 'a' } }
            sessionStorage.setItem(key(scope), JSON.stringify(json))
            return subscriptionOf(scope)
          },
          permissionState: async () => Notification.permission,
        }
      },
    })
  })
}

/** The endpoint of the subscription the registration of `scope` holds, as the page reads it (null: none). */
export const subscriptionAt = (page: Page, scope: string) =>
  page.evaluate(async (at) => {
    const registration = await navigator.serviceWorker.getRegistration(at)
    return (await registration?.pushManager.getSubscription())?.endpoint ?? null
  }, scope)
