import type { CapturedCall, JourneyKit, Moment, RuntimeOptions } from '../api/types.js'
import type { Message } from '../delivery/envelope.js'
import { loadConfig } from '../config/load.js'
import { indexRules, paced } from '../rules/evaluate.js'
import { parseDuration } from '../rules/duration.js'
import { usesRegex } from '../rules/match.js'
import { createStorage } from '../storage/storage.js'
import { createVisitorState } from '../storage/visitor.js'
import { readPage } from '../track/page.js'
import { reportError } from '../lib/log.js'
import { listen } from '../lib/listen.js'
import { loadChunk } from '../lib/load-chunk.js'
import { watchedTriggers } from '../config/trigger-names.js'
import { createConsent, gpcSignalled, initialConsent } from './consent.js'
import { keys } from '../storage/names.js'
import type { Runtime } from './runtime.js'
import type { Loaded } from './loaded.js'
import { createCallQueue } from './calls.js'
import { carriedFrom, carryMessages } from '../delivery/carry.js'
import { createEmitter } from '../api/emitter.js'
import { createEngine, prefetchUi } from './engine.js'
import { eventFactKeys } from './facts.js'
import type { ActionKit } from '../actions/actions.js'
import type { Handover } from './after-ready.js'
import { createPublicApi } from '../api/public-api.js'

/** A call from the loader's queue, with the moment it was queued (STYLE §3.6). */
export interface QueuedCall {
  call: unknown
  moment: Moment
}

/**
 * Builds one runtime, the composition root: consent, the visitor, the line of calls, the
 * engine, the loaders of the lazy chunks (`rt` meets the narrow deps each declares), and the
 * public object of contract §3. Records the page view of this
 * load first, then runs the queued calls in order; calls made before the config and the
 * visitor's state are loaded wait, with their moment, and run in order once ready.
 *
 * Its life is three named steps: `start` (config, visitor, rules and journeys, then the line of
 * calls opens: `ready`), `running` (the after-ready chunk: watchers, push, preview, delivery)
 * and `leave` (pagehide: what is unsent goes with the visitor to the next page). They share
 * this closure rather than modules of their own: splitting `leave` out measured +84 B gzip
 * before ready, over the 9 KB budget.
 */
export function createJourneykit(options: RuntimeOptions, queued: QueuedCall[] = [], loadedAt = Date.now()): JourneyKit {
  const loaded: Loaded = { rules: new Map(), events: new Map() }
  const consent = createConsent(initialConsent(options.consent))
  const storage = createStorage(false)
  const visitor = createVisitorState(storage)
  const emitter = createEmitter<Message>()
  let visitorLoaded = false
  let replaying: Moment | null = null
  const now = (): Moment => replaying ?? { page: readPage(), time: Date.now() }
  // This load's page view, timed when journeykit arrived (the loader ran).
  const firstView: Moment = { page: readPage(), time: loadedAt }

  const calls = createCallQueue((call) => perform(call))
  const { run } = calls
  const call = (method: string, ...args: unknown[]) => run({ method, args, moment: now() })
  // Messages of running calls already handed to the outbox: a page going away carries the rest.
  const handedOver = new Set<string>()
  // What rules and steps do (items, push, caps) lives in the actions chunk, loaded on first need.
  let kit: Promise<ActionKit | null> | null = null
  let loadedKit: ActionKit | null = null
  const actionKit = () => (kit ??= loadChunk('actions', () => import('../chunks/actions.js')).then((chunk) => chunk && (loadedKit = chunk.createActionKit(rt))))
  const hideItems = () => loadedKit?.items.hideAll()
  // ?journeykit_preview=…: the store owner looks at an item; rules and journeys rest (src/preview/).
  const preview = /[?&]journeykit_preview=/.test(location.search)
  // Messages made before the after-ready chunk brings delivery wait here, in order (a page
  // leaving before then carries them to the next page).
  const queuedMessages: Message[] = []
  // What runs once ready: the watchers, push, the preview and delivery (src/engine/after-ready.ts).
  const handover: Handover = { messages: queuedMessages, firstView, watched: [], preview }
  let afterReady: Promise<unknown> | null = null
  const running = () =>
    (afterReady ??= loadChunk('after-ready', () => import('../chunks/after-ready.js')).then((chunk) =>
      chunk ? chunk.startAfterReady(rt, handover) : (afterReady = null),
    ))
  const consentChunk = () => loadChunk('consent', () => import('../chunks/consent.js'))
  // A grant whose chunk could not download (offline) is still the visitor's choice: it is tried
  // again when the browser is back online, and a page leaving meanwhile carries what it held.
  let grantWanted = false
  /**
   * A denial acts at once, whenever it comes — queued before the runtime loaded, from Global
   * Privacy Control, or after a grant (a grant still waiting is cancelled) — and erases
   * everything journeykit stored on the device, whether or not this page opened it (§7).
   */
  const deny = () => {
    consent.set('denied')
    grantWanted = false
    calls.drop((call) => call.method === 'grant')
    hideItems()
    queuedMessages.length = 0
    loaded.delivery?.clear()
    // storage.erase stops persisting at once, so the reset below stays in memory.
    void storage.erase([keys.visitor, keys.counts, keys.journeys])
    void consentChunk().then((chunk) => chunk?.denyEverywhere())
    visitor.reset()
    loaded.journeys?.forget()
  }
  // options.debug: data-debug or ?journeykit_debug=1, as the loader or init() read them.
  const debug = options.debug ? loadChunk('debug', () => import('../chunks/debug.js')) : null
  const rt = {
    options,
    calls,
    loaded,
    consent,
    storage,
    visitor,
    run,
    call,
    now,
    actions: actionKit,
    debug,
    deliver: (message: Message) => {
      if (loaded.delivery) loaded.delivery.enqueue(message)
      else if (loaded.collectorUrl) queuedMessages.push(message)
    },
    delivery: async () => (await running(), loaded.delivery?.start()),
    emit: (name: string, message: Message) => {
      handedOver.add(message.messageId)
      emitter.emit(name, message)
    },
    later: (delayed: () => Promise<void>) => calls.later(delayed, 'rule'),
    deny: () => {
      deny()
      observe() // consent and the visitor change at once, not when erasing is done
    },
  } as Runtime // its core is the engine's, set below
  const engine = createEngine(rt)
  rt.core = engine.core
  const perform = async (call: CapturedCall) => {
    try {
      if (call.method === 'reset') await forget(call.moment)
      else if (call.method === 'grant') await grant()
      else if (call.method === 'show') {
        prefetchUi()
        ;(await actionKit())?.items.show(call.args[0] as string, { rule: null, variant: null })
      } else await engine.perform(call)
    } finally {
      // Calls run one at a time: what this one handed over is no longer a running call's.
      handedOver.clear()
      observe()
    }
  }
  // init() observes for the npm stores (src/stores/); the script tag passes no observer.
  const observe = () => options.observe?.(rt)
  /** A grant, in line with the calls, from the consent chunk (src/engine/grant.ts). */
  const grant = async () => {
    const chunk = await consentChunk()
    grantWanted = !chunk
    await chunk?.grantConsent(rt)
  }
  const forget = async (moment: Moment) => {
    hideItems()
    // Runs end (reason reset) as the visitor who walked them, before the new one begins.
    await loaded.journeys?.reset(moment)
    visitor.reset()
  }

  // Leaving: rules waiting on a delay are dropped; what the page's calls would have sent goes
  // with the visitor to the next page as finished messages (contract §7). Into the
  // back/forward cache the page may come back and finish by itself: keep nothing then.
  const leave = (event: PageTransitionEvent) => {
    engine.cancelDelays()
    const unfinished = calls.unfinished()
    const grantWaiting = grantWanted || unfinished.some((call) => call.method === 'grant')
    if (event.persisted || !consent.maySend() || !(consent.mayStore() || grantWaiting)) return
    const unsent = unfinished.filter((call) => call.id && !handedOver.has(call.id))
    loaded.delivery?.beacon()
    // Held while consent is pending (a grant waits): the next page's visitor takes them. A call
    // sent but not finished is finished there (its message gone already: src/engine/after-ready.ts);
    // not what it made itself (a visit_start, a journey's events), which finishing it makes again.
    const waiting = (loaded.delivery?.waiting() ?? queuedMessages).map((message) => ({
      message,
      identified: consent.mayStore(),
      apply: unfinished.some((call) => call.id == message.messageId),
    }))
    carryMessages([...waiting, ...carriedFrom(unsent, visitor.current(), visitor.counts().visit?.count ?? 0, visitorLoaded)])
  }
  listen(window, 'pagehide', leave)

  const start = async () => {
    // In debug mode a sealed config is validated in full too.
    const config = (loaded.config = await loadConfig(options.config, location.href, !!debug))
    loaded.events = eventFactKeys(config)
    // Nothing is stored or sent from here on; erasing what earlier pages stored runs meanwhile.
    if (gpcSignalled() && config?.privacy?.respectGPC !== false) deny()
    if (consent.mayStore()) storage.makeDurable()
    const journeys = !preview && (config?.journeys || config?.segments)
    const timeout = parseDuration(config?.visitTimeout)
    if (timeout) visitor.setVisitTimeout(timeout)
    let runnable = preview ? [] : (config?.rules ?? [])
    // What the rules use downloads beside the visitor's read, not after it: pacing, $regex, and
    // the actions chunk when journeys' steps will need it.
    if (journeys) void actionKit()
    // Rules on a watched trigger (exit intent, scroll…) cannot fire before its watcher, which
    // comes after ready: their schedules and variants come with it (src/engine/after-ready.ts).
    const pacing = runnable.some((rule) => paced(rule) && !watchedTriggers.includes(rule.on)) && loadChunk('pacing', () => import('../chunks/pacing.js'))
    const regex = usesRegex([runnable, config?.segments, config?.journeys]) && loadChunk('regex', () => import('../chunks/regex.js'))
    await (early ?? visitor.load())
    visitorLoaded = true
    // Never run a rule without its schedule or variants (while pacing is missing, engine.ts and
    // act.ts skip them), nor without its $regex.
    if (pacing) loaded.pacing = await pacing
    if (regex && !(loaded.regex = await regex)) runnable = runnable.filter((rule) => !usesRegex(rule))
    loaded.rules = indexRules(runnable)
    // Already downloading since the config arrived (config/accept.ts): no round of its own.
    if (journeys) loaded.journeys = (await (await loadChunk('journeys', () => import('../chunks/journeys.js')))?.startFor(rt)) ?? null
    const url = options.collector ?? config?.collector?.url
    if (!url) reportError('init', 'no collector URL: events stay on the page')
    else loaded.collectorUrl = new URL(url, location.href).href
    handover.watched = [...runnable, ...(loaded.journeys?.triggers ?? [])]
    calls.open()
    await calls.settled()
    observe()
    // Back online: a delivery or consent chunk that could not download before is tried again.
    listen(window, 'online', () => {
      void rt.delivery()
      if (grantWanted) call('grant')
    })
  }
  // The visitor is read while the config downloads, when that may be stored: not while consent
  // is pending, nor under Global Privacy Control (the config says whether it counts). Set after
  // the queued calls ran (below): a queued denial has erased by then.
  let early: Promise<void> | null = null
  const ready = start().catch((err) => reportError('init', err))
  // After what the page attached to ready before it resolved has run (one promise turn later):
  // none of it is a byte before ready. No timer: a page's fake clock must not hold it back.
  void ready.then(() => undefined).then(running)

  const api = createPublicApi({
    run,
    now,
    grant: () => call('grant'),
    deny: rt.deny,
    hideAll: hideItems,
    on: emitter.on,
    // The route watcher comes with after-ready.js: a route the app moved to before is a call by then.
    flush: () =>
      ready
        .then(running)
        .then(calls.settled)
        .then(rt.delivery)
        .then((sender) => sender?.flush())
        .catch((err) => reportError('flush', err)),
    ready,
  })
  // This load's page view comes first.
  replaying = firstView
  if (options.page !== false) api.page()
  for (const { call, moment } of queued) {
    replaying = moment
    api.push(call)
  }
  replaying = null
  if (consent.mayStore() && !gpcSignalled()) {
    storage.makeDurable()
    early = visitor.load()
  }
  return api
}
