import type { Message } from '../transport/envelope.js'
import type { Runtime } from './runtime.js'
import { watchActivity } from '../track/activity.js'
import { watchNavigation } from '../track/navigation.js'
import { pageAt } from '../track/page.js'
import { listen } from '../lib/listen.js'
import { loadChunk } from '../lib/load-chunk.js'
import { createDelivery, whenIdle } from './delivery.js'

/**
 * What a running page needs once `ready` has resolved, a chunk of its own so that none of it
 * weighs on the bytes before `ready`: the SPA route watcher (from `firstUrl`, the URL of the
 * load's page view), the activity watcher that keeps the visit alive, and delivery's side in
 * the page (src/api/delivery.ts), which takes over the messages that waited in `early` and
 * downloads the outbox and sender once the page is idle.
 */
export function startAfterReady(rt: Runtime, early: Message[], firstUrl: string): void {
  const { loaded, consent, visitor } = rt
  watchActivity((time) => visitor.touch(time))
  // Route changes of a single-page app: those made before this chunk arrived come first.
  if (rt.options.page !== false)
    watchNavigation((at) => rt.run({ method: 'page', args: [{}], moment: { page: pageAt(at, document.title, document.referrer), time: Date.now() } }), firstUrl)
  if (!loaded.collectorUrl) return
  const delivery = createDelivery({
    url: loaded.collectorUrl,
    writeKey: loaded.config?.collector?.writeKey,
    load: () => loadChunk('delivery', () => import('../transport/index.js')),
    held: () => !consent.mayStore(),
    // What earlier pages could not send happened before this page's calls.
    onStart: (sender, chunk) => consent.mayStore() && chunk.sendCarried(sender, rt.identity()),
  })
  early.splice(0).forEach(delivery.enqueue)
  loaded.delivery = delivery
  // Delivery is not needed to be ready: it starts once the host page is idle (contract §5 still
  // holds: nothing waits longer than the batching window for it).
  whenIdle(() => void delivery.start())
  // A tab sent to the background may never be idle again, or come back: deliver now. Not
  // when the page is leaving (pagehide came first): a fetch started then evicts it from
  // the back/forward cache, and what waits is carried to the next page anyway.
  let leaving = false
  listen(window, 'pagehide', () => (leaving = true))
  listen(window, 'pageshow', () => (leaving = false))
  listen(document, 'visibilitychange', () => document.visibilityState === 'hidden' && !leaving && void delivery.start())
}
