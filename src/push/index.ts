import { Workbox } from 'workbox-window'
import type { Config } from '../config/types.js'
import { writeSettings } from '../storage/push-settings.js'
import { reportError } from '../lib/log.js'

interface PushIdentity {
  anonymousId: string
  userId: string | null
}

/**
 * The page side of web push, a chunk loaded only when the config has `push`: registers the
 * worker (through workbox-window) at `push.serviceWorker` and `push.scope`, tells it where to
 * report and as whom (and stores where it is registered, for a denial to end the subscription),
 * and subscribes once the visitor has allowed notifications. Returns at
 * once: an Allow pressed while the worker is still registering waits for it.
 */
export function registerPush(config: Config, collector: string | null, who: () => PushIdentity) {
  const push = config.push!
  const workbox = new Workbox(push.serviceWorker ?? '/journeykit-sw.js', push.scope ? { scope: push.scope } : undefined)
  const tellWorker = (registration?: ServiceWorkerRegistration) =>
    writeSettings({
      collector,
      writeKey: config.collector?.writeKey,
      allowedOrigins: push.allowedOrigins ?? [],
      vapidPublicKey: push.vapidPublicKey,
      scope: registration?.scope,
      ...who(),
    }).catch(() => undefined)
  // `immediate`: by default workbox-window waits for the window's load event, which one slow
  // image can hold back for as long as it likes (workbox-window Workbox.register()).
  const registered = workbox.register({ immediate: true }).then(async (registration) => {
    await tellWorker(registration)
    return registration
  })
  registered.catch((err) => reportError('push', err))
  const subscribe = async (): Promise<PushSubscriptionJSON | null> => {
    const registration = await registered
    if (!registration) return null
    await workbox.active // not serviceWorker.ready: the page may be outside the worker's scope
    const existing = await registration.pushManager.getSubscription()
    const subscription = existing ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: decodeKey(push.vapidPublicKey) }))
    await tellWorker(registration)
    return subscription.toJSON()
  }
  /**
   * The soft ask's Allow: must run inside the visitor's click (the browser's prompt needs that
   * gesture), then subscribes and reports `push_subscribed`, or `push_denied`.
   */
  const ask = (report: (event: string, properties: Record<string, unknown>) => void) =>
    Notification.requestPermission().then(async (permission) => {
      if (permission === 'denied') report('push_denied', {})
      if (permission !== 'granted') return permission
      report('item_converted', { what: 'push' })
      const subscription = await subscribe().catch((err) => void reportError('push', err))
      if (subscription) report('push_subscribed', { subscription })
      return permission
    })
  // Registered and told (a failure is reported above): the page reads the subscription then.
  return {
    ask,
    registered: registered.then(
      () => undefined,
      () => undefined,
    ),
  }
}

/** A VAPID public key is URL-safe base64; the Push API wants its bytes. */
function decodeKey(key: string): Uint8Array<ArrayBuffer> {
  const base64 = (key + '='.repeat((4 - (key.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/')
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
}
