import type { PushSettings } from '../src/storage/push-settings.js'

export interface ResubscribeDeps {
  settings(): Promise<PushSettings | undefined>
  subscribe(options: PushSubscriptionOptionsInit): Promise<PushSubscription>
  report(event: string, properties: Record<string, unknown>): Promise<void>
}

/** `pushsubscriptionchange`: the browser renewed or dropped the subscription; keep one and report it. */
export function handleSubscriptionChange(
  event: { newSubscription?: PushSubscription | null; waitUntil(p: Promise<unknown>): void },
  deps: ResubscribeDeps,
): void {
  event.waitUntil(
    (async () => {
      let subscription = event.newSubscription ?? null
      if (!subscription) {
        const settings = await deps.settings()
        if (!settings) return
        subscription = await deps.subscribe({ userVisibleOnly: true, applicationServerKey: settings.vapidPublicKey })
      }
      await deps.report('push_subscribed', { subscription: subscription.toJSON(), renewed: true })
    })().catch(() => undefined),
  )
}
