import type { Config } from '../config/types.js'
import type { Visitor } from '../storage/visitor.js'
import type { AskPush } from './items.js'
import { loadChunk } from '../lib/load-chunk.js'
import { reportError } from '../lib/log.js'
import { listen } from '../lib/listen.js'
import { pushPermission } from '../push/support.js'

export interface PushStartDeps {
  config(): Config | null | undefined
  collectorUrl(): string | undefined
  /** Registering stores the visitor's id in the worker's settings: only with consent. */
  mayStore(): boolean
  visitor(): Visitor
}

/**
 * Web push, when the config has it: the push chunk registers the worker and hands back the
 * soft ask's Allow handler. Starts at most once, as soon as the config is read and consent
 * is given. Keeps the visitor's subscription in memory once read (`known`): a departure push is
 * built from what the page holds, with no await, so that it leaves with a closing tab (§7).
 */
export type PushStarter = ReturnType<typeof createPushStarter>

export function createPushStarter(deps: PushStartDeps) {
  let started = false
  let ask: AskPush | null = null
  let known: PushSubscriptionJSON | null = null
  /**
   * The visitor's current push subscription (§8b: a push action needs it), read from the
   * worker's registration (cheap) and kept in memory: the push chunk is not needed for that.
   */
  const subscription = async (): Promise<PushSubscriptionJSON | null> => {
    const push = deps.config()?.push
    try {
      if (!push || pushPermission() !== 'granted') return (known = null)
      const worker = new URL(push.serviceWorker ?? '/journeykit-sw.js', location.href)
      const registration = await navigator.serviceWorker.getRegistration(new URL(push.scope ?? './', worker).href)
      return (known = (await registration?.pushManager.getSubscription())?.toJSON() ?? null)
    } catch {
      return null
    }
  }
  return {
    /**
     * Registers the worker, then reads the subscription; it is read again after the soft ask's
     * Allow, whenever the page comes back into view (another tab may have subscribed, or the
     * worker renewed it), and at each lookup below.
     */
    start(): void {
      const config = deps.config()
      if (started || !config?.push || !deps.mayStore() || pushPermission() === 'unsupported') return
      started = true
      const who = () => ({ anonymousId: deps.visitor().anonymousId, userId: deps.visitor().userId })
      listen(document, 'visibilitychange', () => document.visibilityState === 'visible' && void subscription())
      void loadChunk('push', () => import('../chunks/push.js'))
        .then((chunk) => chunk?.registerPush(config, deps.collectorUrl() ?? null, who))
        .then((push) => {
          if (!push) return
          ask = (report) => push.ask(report).finally(subscription)
          return push.registered.then(subscription)
        })
        .catch((err) => reportError('push', err))
    },
    /** The soft ask's Allow, once the worker is registered (null before, or without push). */
    ask: (): AskPush | null => ask,
    /** The subscription as last read (null: none, or not read yet), at once. */
    known: (): PushSubscriptionJSON | null => known,
    /** Reads the subscription anew (and keeps it). */
    subscription,
  }
}
