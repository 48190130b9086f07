/// <reference lib="webworker" />
/**
 * dist/journeykit-sw.js: shows web push notifications and opens their URLs. Listens to
 * nothing else (no fetch handler), so it can live beside, or be imported into, a site's
 * own worker. Reporting to the collector comes with the push issue.
 */
import { handlePush } from './push.js'
import { handleClick } from './click.js'

declare const self: ServiceWorkerGlobalScope

self.addEventListener('push', (event) =>
  handlePush(event, { showNotification: (title, options) => self.registration.showNotification(title, options) }),
)
self.addEventListener('notificationclick', (event) =>
  handleClick(event, {
    origin: self.location.origin,
    allowedOrigins: [],
    openWindow: (url) => self.clients.openWindow(url),
  }),
)
