import type { Config } from '../config/types.js'
import type { Visitor } from '../store/visitor.js'
import type { AskPush } from './items.js'
import { loadChunk } from '../lib/load-chunk.js'
import { reportError } from '../lib/log.js'
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
 * is given.
 */
export type PushStarter = ReturnType<typeof createPushStarter>

export function createPushStarter(deps: PushStartDeps) {
  let started = false
  let ask: AskPush | null = null
  return {
    start(): void {
      const config = deps.config()
      if (started || !config?.push || !deps.mayStore() || pushPermission() === 'unsupported') return
      started = true
      const who = () => ({ anonymousId: deps.visitor().anonymousId, userId: deps.visitor().userId })
      void loadChunk('push', () => import('../push/index.js'))
        .then((chunk) => chunk?.registerPush(config, deps.collectorUrl() ?? null, who))
        .then((push) => void (ask = push?.ask ?? null))
        .catch((err) => reportError('push', err))
    },
    /** The soft ask's Allow, once the worker is registered (null before, or without push). */
    ask: (): AskPush | null => ask,
    /**
     * The visitor's current push subscription (§8b: a push action needs it), read from the
     * worker's registration each time (cheap; they may subscribe or unsubscribe meanwhile):
     * the push chunk is not needed for that.
     */
    async subscription(): Promise<PushSubscriptionJSON | null> {
      const push = deps.config()?.push
      if (!push || pushPermission() !== 'granted') return null
      try {
        const worker = new URL(push.serviceWorker ?? '/journeykit-sw.js', location.href)
        const registration = await navigator.serviceWorker.getRegistration(new URL(push.scope ?? './', worker).href)
        return (await registration?.pushManager.getSubscription())?.toJSON() ?? null
      } catch {
        return null
      }
    },
  }
}
