/// <reference lib="webworker" />
/**
 * dist/journeykit-sw.js: shows web push notifications, opens their URLs, reports what
 * happened. A good neighbour: no fetch handler, no skipWaiting or clients.claim, so it can be
 * the site's only worker or be pulled into the site's own with importScripts('/journeykit-sw.js').
 */
import { handlePush } from './push.js'
import { handleClick } from './click.js'
import { handleSubscriptionChange } from './resubscribe.js'
import { report } from './report.js'
import { readSettings } from '../src/storage/push-settings.js'

declare const self: ServiceWorkerGlobalScope

self.addEventListener('push', (event) =>
  handlePush(event, { showNotification: (title, options) => self.registration.showNotification(title, options), report }),
)
self.addEventListener('notificationclick', (event) =>
  handleClick(event, {
    origin: self.location.origin,
    allowedOrigins: async () => (await readSettings())?.allowedOrigins ?? [],
    windows: () => self.clients.matchAll({ type: 'window', includeUncontrolled: true }),
    openWindow: (url) => self.clients.openWindow(url),
    report,
  }),
)
self.addEventListener('pushsubscriptionchange', (event) =>
  handleSubscriptionChange(event as unknown as { newSubscription?: PushSubscription | null; waitUntil(p: Promise<unknown>): void }, {
    settings: readSettings,
    subscribe: (options) => self.registration.pushManager.subscribe(options),
    report,
  }),
)
