import type { Config } from '../config/types.js'
import type { Watcher } from '../track/triggers.js'
import type { CapturedCall, ConsentState, InitOptions, JourneyKit, Moment } from './types.js'
import type { Message } from '../transport/envelope.js'
import { loadConfig } from '../config/load.js'
import { indexRules, type RuleIndex } from '../rules/evaluate.js'
import { parseDuration } from '../rules/duration.js'
import { usesRegex } from '../rules/match.js'
import { createStorage, keys } from '../store/storage.js'
import { createVisitorState } from '../store/visitor.js'
import type { Sender } from '../transport/sender.js'
import { readPage } from '../track/page.js'
import { watchNavigation } from '../track/navigation.js'
import { watchActivity } from '../track/activity.js'
import { reportError } from '../lib/log.js'
import { listen } from '../lib/listen.js'
import { loadChunk } from '../lib/load-chunk.js'
import { uuid } from '../lib/uuid.js'
import { keepUnsent, takeUnsent } from './unsent.js'
import { pushPermission } from '../push/support.js'
import { createEmitter } from './emitter.js'
import { createEngine } from './engine.js'
import { guard } from './guard.js'
import { createItemController, type AskPush } from './items.js'
import { watchedTriggers } from '../track/watched.js'

/** A call from the loader's queue, with the moment it was queued (STYLE §3.6). */
export interface QueuedCall {
  call: unknown
  moment: Moment
}

/**
 * Builds one runtime: the public object of contract §3. Records the page view of this page
 * load first, then runs the queued calls in order. Calls made before the config and the
 * visitor's state are loaded wait, with their moment, and run in order once ready.
 */
export function createJourneykit(options: InitOptions, queued: QueuedCall[] = [], loadedAt = Date.now()): JourneyKit {
  let config: Config | null = null
  let rules: RuleIndex = new Map()
  let sender: Sender | null = null
  let consent: ConsentState = options.consent ?? 'granted'
  let pending: CapturedCall[] | null = []
  let replaying: Moment | null = null
  let work: Promise<void> = Promise.resolve()
  let triggers: Watcher | null = null
  let pacing: typeof import('../rules/pacing.js') | null = null
  let regex: typeof import('../rules/regex.js') | null = null
  const now = (): Moment => replaying ?? { page: readPage(), time: Date.now() }
  const storage = createStorage(false)
  /** Contract §7: Global Privacy Control counts as consent denied, unless the config opts out. */
  const gpcDenies = () => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true && config?.privacy?.respectGPC !== false
  const visitor = createVisitorState(storage)
  const emitter = createEmitter<Message>()

  // Every call runs after the previous one has finished: events keep their order.
  // Calls scheduled but not finished: kept for the next page if this one goes away first.
  const unfinished = new Set<CapturedCall>()
  const schedule = (call: CapturedCall) => {
    unfinished.add(call)
    work = work
      .then(() => (call.method === 'reset' ? forget() : call.method === 'grant' ? grant() : engine.perform(call)))
      .catch((err) => reportError(call.method, err))
      .finally(() => unfinished.delete(call))
  }
  const grant = async () => {
    if (consent === 'granted') return
    consent = 'granted'
    storage.makeDurable()
    const adopt = await loadChunk('consent', 'held events keep the id they have', () => import('../store/adopt.js'))
    await adopt?.adoptStoredVisitor(storage, visitor, sender)
    sender?.setHeld(false)
    startPush()
  }
  /** Web push, when the config has it: registering stores the visitor's id, so only with consent. */
  let collectorUrl: string | null = null
  let pushStarted = false
  const startPush = () => {
    if (pushStarted || !config?.push || consent !== 'granted' || pushPermission() === 'unsupported') return
    pushStarted = true
    const who = () => ({ anonymousId: visitor.$visitor.get().anonymousId, userId: visitor.$visitor.get().userId })
    void loadChunk('init', 'push will not work', () => import('../push/index.js'))
      .then((chunk) => chunk?.registerPush(config!, collectorUrl, who))
      .then((push) => void (askPush = push?.ask ?? null))
      .catch((err) => reportError('push', err))
  }
  const forget = () => {
    items.hideAll()
    visitor.reset()
  }
  const run = (call: CapturedCall) => {
    if (call.method === 'track' || call.method === 'page' || call.method === 'identify') call.id ??= uuid()
    if (pending) pending.push(call)
    else schedule(call)
  }
  listen<PageTransitionEvent>(window, 'pagehide', (event) => {
    // Into the back/forward cache the page may come back and finish: keep nothing then.
    if (event.persisted || consent !== 'granted' || gpcDenies()) return
    keepUnsent([...unfinished, ...(pending ?? [])].filter((call) => call.id))
  })
  let askPush: AskPush | null = null
  const items = createItemController(
    () => config,
    (event, properties) => run({ method: 'track', args: [event, properties], moment: now() }),
    options.nonce,
    () => askPush,
  )
  const engine = createEngine({
    visitor,
    items,
    emit: emitter.emit,
    config: () => config,
    rules: () => rules,
    sender: () => sender,
    sending: () => consent !== 'denied',
    storing: () => consent === 'granted',
    onPageView: () => triggers?.rearm(),
    pacing: () => pacing,
    regex: () => regex,
    later: (delayed) => {
      work = work.then(delayed).catch((err) => reportError('rule', err))
    },
    debug: options.debug || /[?&]journeykit_debug=1/.test(location.search) ? import('../debug/log.js') : null,
  })

  const start = async () => {
    const transport = loadChunk('init', 'events stay on the page', () => import('../transport/index.js'))
    config = await loadConfig(options.config, location.href)
    if (gpcDenies()) consent = 'denied'
    if (consent === 'granted') storage.makeDurable()
    const timeout = parseDuration(config?.visitTimeout)
    if (timeout) visitor.setVisitTimeout(timeout)
    await visitor.load()
    let runnable = config?.rules ?? []
    if (runnable.some((rule) => rule.schedule || rule.variants)) {
      pacing = await loadChunk('init', 'rules with a schedule or variants will not run', () => import('../rules/pacing.js'))
      // Never run a rule without its schedule or its variants.
      if (!pacing) runnable = runnable.filter((rule) => !rule.schedule && !rule.variants)
    }
    if (usesRegex(runnable)) {
      regex = await loadChunk('init', 'rules with $regex will not run', () => import('../rules/regex.js'))
      if (!regex) runnable = runnable.filter((rule) => !usesRegex(rule))
    }
    rules = indexRules(runnable)
    const url = options.collector ?? config?.collector?.url
    const delivery = url ? await transport : null
    sender =
      delivery?.createSender({
        url: new URL(url!, location.href).href,
        writeKey: config?.collector?.writeKey,
        held: consent !== 'granted',
        outbox: delivery.createOutbox(),
      }) ?? null
    if (!url) reportError('init', 'no collector URL: events stay on the page')
    if (runnable.some((rule) => watchedTriggers.includes(rule.on))) {
      void loadChunk('init', `${watchedTriggers.join(', ')} rules will not run`, () => import('../track/triggers.js')).then((chunk) => {
        triggers =
          chunk?.startTriggers(runnable, {
            fire: (key, properties) => run({ method: 'fire', args: [key, properties], moment: now() }),
            exitIntent: (how) => run({ method: 'track', args: ['exit_intent', { how }], moment: now() }),
          }) ?? null
      })
    }
    collectorUrl = sender ? new URL(url!, location.href).href : null
    startPush()
    watchActivity((time) => visitor.touch(time))
    listen(window, 'pagehide', engine.cancelDelays)
    if (options.page !== false) watchNavigation(() => run({ method: 'page', args: [{}], moment: now() }))
    // What earlier pages could not finish happened before this page's calls.
    const calls = [...(consent === 'granted' ? takeUnsent() : []), ...(pending ?? [])]
    pending = null
    calls.forEach(schedule)
    await work
  }
  const ready = start().catch((err) => reportError('init', err))

  const api: JourneyKit = {
    track: guard('track', (name: string, properties?: Record<string, unknown>) => {
      if (typeof name !== 'string' || name === '') throw new Error('the event name must be a non-empty string')
      checkProperties(properties)
      run({ method: 'track', args: [name, properties ?? {}], moment: now() })
    }, undefined),
    page: guard('page', (properties?: Record<string, unknown>) => {
      checkProperties(properties)
      run({ method: 'page', args: [properties ?? {}], moment: now() })
    }, undefined),
    identify: guard('identify', (userId: string, traits?: Record<string, unknown>) => {
      if (typeof userId !== 'string' || userId === '') throw new Error('the user id must be a non-empty string')
      checkProperties(traits)
      run({ method: 'identify', args: [userId, traits ?? {}], moment: now() })
    }, undefined),
    consent: guard('consent', (state: 'granted' | 'denied') => {
      if (state !== 'granted' && state !== 'denied') throw new Error(`expected 'granted' or 'denied', got ${String(state)}`)
      if (state === 'granted') {
        run({ method: 'grant', args: [], moment: now() })
      } else {
        consent = state
        sender?.clear()
        void storage.erase([keys.visitor, keys.counts])
        if (config?.push) void import('../lib/push-settings.js').then((settings) => settings.forgetSettings()).catch(() => undefined)
        visitor.reset()
      }
    }, undefined),
    show: guard('show', (itemId: string) => {
      if (typeof itemId !== 'string') throw new Error('the item id must be a string')
      void ready.then(() => items.show(itemId, { rule: null, variant: null }))
    }, undefined),
    hide: guard('hide', () => items.hideAll(), undefined),
    on: guard('on', (event: string, handler: (message: Message) => void) => {
      if (typeof event !== 'string' || typeof handler !== 'function') throw new Error('expected on(eventName, handler)')
      return emitter.on(event, handler)
    }, () => undefined),
    flush: () =>
      ready
        .then(() => work)
        .then(() => sender?.flush())
        .catch((err) => reportError('flush', err)),
    reset: guard('reset', () => run({ method: 'reset', args: [], moment: now() }), undefined),
    push: guard('push', (call: unknown) => {
      if (!Array.isArray(call) || typeof call[0] !== 'string') throw new Error("expected an array like ['track', 'signup']")
      const [method, ...args] = call as [keyof JourneyKit, ...unknown[]]
      const target = api[method]
      if (method === 'push' || method === 'ready' || typeof target !== 'function') throw new Error(`unknown method "${method}"`)
      ;(target as (...a: unknown[]) => unknown)(...args)
    }, undefined),
    ready,
  }
  // This load's page view comes first, timed when journeykit arrived (the loader ran).
  if (options.page !== false) run({ method: 'page', args: [{}], moment: { page: readPage(), time: loadedAt } })
  for (const { call, moment } of queued) {
    replaying = moment
    api.push(call)
  }
  replaying = null
  return api
}

function checkProperties(value: unknown): void {
  if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new Error('properties must be a plain object')
  }
}
