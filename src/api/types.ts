/**
 * The public types, and the ones every part of the runtime shares (a call's moment, a captured
 * call, the runtime's options). A leaf: it imports only types from modules that import nothing,
 * so any module may import it without closing a cycle (scripts/structure.test.ts).
 */
import type { ConfigSource, Stage } from '../config/types.js'
import type { Message, PageContext } from '../delivery/envelope.js'

/** The visitor's consent (src/engine/consent.ts says what each state allows). */
export type ConsentState = 'pending' | 'granted' | 'denied'

export interface InitOptions {
  /** The config object, or the URL of `journeykit.json`. */
  config?: ConfigSource
  /** Collector URL; overrides `collector.url` of the config. */
  collector?: string
  /**
   * `'pending'`: store nothing and hold every event in memory until `consent('granted')`.
   * Default `'granted'`; any other value is a `console.error` and counts as pending.
   */
  consent?: 'pending' | 'granted'
  /** Log every rule decision to the console. */
  debug?: boolean
  /** Record the page view of this load and of SPA navigations by itself (default true). */
  page?: boolean
  /** CSP nonce for the item styles' `<style>` fallback. */
  nonce?: string
}

/** The public API (contract §3). No method ever throws. */
export interface JourneyKit {
  /** Records an event: `jk.track('signup', { plan: 'pro' })`. */
  track(name: string, properties?: Record<string, unknown>): void
  /** Records a page view; automatic on load. */
  page(properties?: Record<string, unknown>): void
  /** Ties the visitor to your user id: `jk.identify('u-42', { email: 'a@b.c' })`. */
  identify(userId: string, traits?: Record<string, unknown>): void
  /** Records the visitor's choice: `jk.consent('granted')`. */
  consent(state: 'granted' | 'denied'): void
  /** Shows an item by id, whatever the rules say: `jk.show('exit-offer')`. */
  show(itemId: string): void
  /** Closes every item on screen. */
  hide(): void
  /** Listens for an event by name (`'item_shown'`, `'page'`, `'*'` for all): returns the unsubscribe. */
  on(event: string, handler: (message: Message) => void): () => void
  /** Sends everything queued now; resolves when the collector has answered (never rejects). */
  flush(): Promise<void>
  /** Forgets the visitor and user: a new anonymous id from now on. */
  reset(): void
  /** Enters the visitor into a journey of the config from code: `jk.enter('cart-rescue')` (contract §8). */
  enter(journeyId: string): void
  /** Runs `[method, ...args]`, as the pre-load queue does: `jk.push(['track', 'signup'])`. */
  push(call: unknown): void
  /** Resolves once the config and the visitor's state are loaded (never rejects). */
  ready: Promise<void>
}

/**
 * What `init()` returns: the public API at once (calls made before ready wait and run in order
 * once it is), and awaitable: `await init(…)` waits for ready and gives the runtime's API.
 */
export interface JourneyKitHandle extends JourneyKit, PromiseLike<JourneyKit> {}

/** The moment a call was made: its page and time, kept when it runs later. */
export interface Moment {
  page: PageContext
  time: number
  /**
   * For an event the runtime made itself: what made it, level by level from the call
   * (`rules.echo`, `ping`, …). Contract §7 stops a chain 8 levels deep.
   */
  chain?: string[]
}

/** A call captured before it could run (the loader's queue, or before `ready`). */
export interface CapturedCall {
  method: string
  args: unknown[]
  moment: Moment
  /**
   * A public call's id: the messageId of the event it sends (track, page, identify), kept if the
   * call must be replayed later. Calls the runtime makes itself have none.
   */
  id?: string
}

/** The runtime's state as the npm stores show it (src/stores/stores.ts). */
export interface Snapshot {
  stage: Stage
  /** The segments the visitor is in (empty without segments in the config). */
  segments: string[]
  /** Each journey's current step; null: not in a run. */
  journeys: Record<string, string | null>
  consent: ConsentState
}

/**
 * `init()`'s options, plus what only `init()` passes: `observe` is handed the runtime after
 * every call settles, once ready, and when consent changes, and hands it to the stores, which
 * read their snapshot of it (src/stores/feed.ts). Internal: the stores are the public face of it; the script tag
 * passes no observer and pays only for the call.
 */
export interface RuntimeOptions extends InitOptions {
  observe?(runtime: ObservedRuntime): void
}

/** What `observe` reads of the runtime (src/engine/runtime.ts satisfies it): what a snapshot shows. */
export interface ObservedRuntime {
  visitor: { current(): { stage: Stage } }
  loaded: { journeys?: { segments(): string[] | undefined; steps(): Record<string, string | null> } | null }
  consent: { state(): ConsentState }
}
