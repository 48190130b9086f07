import type { Message } from '../delivery/envelope.js'
import type { Carried, Identity } from '../delivery/carried.js'
import type { CapturedCall, InitOptions, Moment } from '../api/types.js'
import type { Rule } from '../config/types.js'
import type { Storage } from '../storage/storage.js'
import type { VisitorState } from '../storage/visitor.js'
import type { TriggerDeps } from '../track/triggers.js'
import type { JourneyStartDeps } from '../journeys/index.js'
import type { PreviewDeps } from '../preview/start.js'
import type { Consent } from './consent.js'
import type { Loaded } from './loaded.js'
import type { EngineCore } from '../actions/act.js'
import type { PushStarter } from '../actions/push-start.js'
import { paced } from '../rules/evaluate.js'
import { watchActivity } from '../track/activity.js'
import { watchNavigation } from '../track/navigation.js'
import { pageAt } from '../track/page.js'
import { watchedTriggers } from '../config/trigger-names.js'
import { listen } from '../lib/listen.js'
import { channelNames, keys } from '../storage/names.js'
import { loadChunk } from '../lib/load-chunk.js'
import { reportError } from '../lib/log.js'
import { buildMessage } from './message.js'
import { carryMessages } from '../delivery/carry.js'
import { createDelivery, whenIdle } from '../delivery/delivery.js'

/** What the start chunk hands over once ready. */
export interface Handover {
  /** Messages made before delivery was here, in order: it takes them over. */
  messages: Message[]
  /** The load's page view: the route watcher starts from its URL. */
  firstView: Moment
  /** The rules and journey triggers that may need a watcher (exit intent, scroll, time, idle, click). */
  watched: Array<{ on: string }>
  /** `?journeykit_preview=…`: the store owner previews an item or a journey (src/preview/). */
  preview: boolean
}

/** What `identity` reads of the runtime: who the visitor is. */
export interface IdentityDeps {
  visitor: Pick<VisitorState, 'current' | 'counts'>
}

/** What `startPush` needs of the runtime. */
export interface PushDeps {
  loaded: Pick<Loaded, 'config'>
  consent: Pick<Consent, 'mayStore'>
  /** The actions chunk, which starts push (null: it could not load). */
  actions(): Promise<{ push: Pick<PushStarter, 'start'> } | null>
}

/** What `applyCarried` needs of the runtime: `deliver` and `emit` are replaced while a sent message applies. */
export interface CarriedDeps {
  loaded: Pick<Loaded, 'rules' | 'journeys'>
  core: Pick<EngineCore, 'track'>
  /** Runs work later, in line with every other call. */
  later(work: () => Promise<void>): void
  deliver(message: Message): void
  emit(name: string, message: Message): void
}

/**
 * What the after-ready chunk needs of the runtime (the runtime's own object is handed over):
 * what it uses itself, and what it hands on to the triggers, journeys and preview chunks.
 */
export type AfterReadyDeps = IdentityDeps &
  PushDeps &
  CarriedDeps &
  TriggerDeps &
  JourneyStartDeps &
  PreviewDeps & {
    options: Pick<InitOptions, 'page'>
    /** The calls not finished yet: what a page going away carries. */
    calls: { unfinished(): CapturedCall[] }
    loaded: Pick<Loaded, 'collectorUrl' | 'pacing' | 'triggers' | 'delivery' | 'journeys' | 'config'>
    visitor: Pick<VisitorState, 'touch'>
    storage: Pick<Storage, 'read'>
    consent: Pick<Consent, 'mayStore' | 'state'>
    /** Runs a call in line with the others, at the moment it carries. */
    run(call: CapturedCall): void
    /** Consent denied, at once. */
    deny(): void
  }

/**
 * What a running page needs once `ready` has resolved, a chunk of its own so that none of it
 * weighs on the bytes before `ready`: the watchers (SPA routes, activity that keeps the visit
 * alive, and the triggers chunk when rules need it), web push, the preview, and delivery's
 * side in the page (src/delivery/delivery.ts), which takes over the messages that waited and
 * downloads the outbox and sender once the page is idle.
 */
export function startAfterReady(rt: AfterReadyDeps, { messages, firstView, watched, preview }: Handover): void {
  // Delivery first: whatever else fails here, the events still leave.
  if (rt.loaded.collectorUrl) startDelivery(rt, rt.loaded.collectorUrl, messages)
  carryUnfinished(rt)
  try {
    startWatchers(rt, firstView, watched)
    startPush(rt)
    hearDenials(rt)
    if (!preview) endRunsOfGoneJourneys(rt)
    if (preview) {
      void rt.actions() // beside the preview chunk, not after it
      void loadChunk('preview', () => import('../chunks/preview.js')).then((chunk) => chunk?.startPreview(rt, buildMessage))
    }
  } catch (err) {
    reportError('init', err) // a page that broke history or listeners: never a throw into it
  }
}

function startWatchers(rt: AfterReadyDeps, firstView: Moment, watched: Handover['watched']): void {
  const { loaded, visitor } = rt
  // Route changes of a single-page app: those made before this chunk arrived come first.
  if (rt.options.page !== false)
    watchNavigation(
      (at) => rt.run({ method: 'page', args: [{}], moment: { page: pageAt(at, document.title, document.referrer), time: Date.now() } }),
      firstView.page.url,
    )
  watchActivity((time) => visitor.touch(time))
  if (watched.some((rule) => watchedTriggers.includes(rule.on))) {
    // The schedules and variants of those rules, unless the start chunk needed them already:
    // the watchers start once they are here (or could not load: engine.ts and act.ts skip them).
    const pacing = !loaded.pacing && (watched as Rule[]).some(paced) && loadChunk('pacing', () => import('../chunks/pacing.js'))
    void Promise.all([loadChunk('triggers', () => import('../chunks/triggers.js')), pacing]).then(([chunk, loadedPacing]) => {
      if (loadedPacing) loaded.pacing = loadedPacing
      loaded.triggers = chunk?.watchFor(watched as Rule[], rt) ?? null
    })
  }
}

/** Delivery's side in the page (src/delivery/delivery.ts): `messages`, where what the page made waits, stays theirs. */
function startDelivery(rt: AfterReadyDeps, url: string, messages: Message[]): void {
  const { loaded, consent } = rt
  const delivery = createDelivery({
    url,
    waiting: messages,
    writeKey: loaded.config?.collector?.writeKey,
    load: () => loadChunk('delivery', () => import('../chunks/delivery.js')),
    held: () => !consent.mayStore(),
    // What earlier pages could not send happened before this page's calls.
    onStart: (sender, chunk) => consent.mayStore() && applyCarried(rt, chunk.sendCarried(sender, identity(rt))),
  })
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

/**
 * §8 Config changes: a config with no journeys or segments left never loads the journeys
 * chunk, so the runs an earlier config stored would stay forever. A visitor who has one gets
 * the chunk once, after ready, and a call that ends them (reason `changed`).
 */
function endRunsOfGoneJourneys(rt: AfterReadyDeps): void {
  const { loaded } = rt
  if (loaded.journeys !== undefined || !loaded.config || !rt.consent.mayStore()) return
  void rt.storage.read<{ journeys?: Record<string, { run?: unknown }> }>(keys.journeys).then(async (stored) => {
    if (!Object.values(stored?.journeys ?? {}).some(({ run }) => run)) return
    loaded.journeys = (await (await loadChunk('journeys', () => import('../chunks/journeys.js')))?.startFor(rt)) ?? null
    rt.call('tick')
  })
}

/** Another tab's denial (src/storage/consent.ts) is this tab's too: nothing more is sent or stored. */
function hearDenials(rt: AfterReadyDeps): void {
  try {
    new BroadcastChannel(channelNames.consent).onmessage = () => rt.consent.state() !== 'denied' && rt.deny()
  } catch {
    // no BroadcastChannel: this tab denies on its next page, when the site's consent tool says so
  }
}

/** Web push starts once the config has it and consent is given (the push chunk registers the worker). */
export const startPush = (rt: PushDeps) => void (rt.loaded.config?.push && rt.consent.mayStore() && rt.actions().then((kit) => kit?.push.start()))

/**
 * Contract §7 "Leaving at once": a tracked call an earlier page made but did not run (it went
 * first) runs here once, in line with this page's calls, at its own time and page and under
 * its messageId — counts, stage mappings, segments, journey entries and steps — but no rule
 * runs for it: nothing is shown, tracked or set by a rule on a page it was not made on.
 */
export function applyCarried(rt: CarriedDeps, carried: Carried[]): void {
  for (const { message, sent } of carried) {
    const { event, properties = {}, context, timestamp, messageId } = message
    const moment = { page: context.page!, time: Date.parse(timestamp) }
    rt.later(async () => {
      const { loaded, deliver, emit } = rt
      const { rules } = loaded
      loaded.rules = new Map()
      // A message that left already is not sent, nor heard, again.
      if (sent) {
        rt.deliver = (other) => other.messageId === messageId || deliver(other)
        rt.emit = (name, other) => other.messageId === messageId || emit(name, other)
      }
      try {
        await rt.core.track(event!, properties, moment, messageId)
        await loaded.journeys?.regroup(moment)
      } finally {
        Object.assign(rt, { deliver, emit })
        loaded.rules = rules
      }
    })
  }
}

/**
 * Contract §7: a call whose message was handed over but which had not finished when the page
 * went is finished on the next page. The start chunk carries what still waits to be sent,
 * marked (and the calls not sent yet: src/delivery/carry.ts); a message that left already (by
 * sendBeacon, or into the outbox) is carried here, marked as sent: applied there once, and
 * not sent again.
 */
function carryUnfinished(rt: AfterReadyDeps): void {
  const handed = new Map<string, Message>()
  const { emit } = rt
  rt.emit = (name, message) => {
    handed.set(message.messageId, message)
    if (handed.size > 100) handed.delete(handed.keys().next().value!)
    emit(name, message)
  }
  listen<PageTransitionEvent>(window, 'pagehide', (event) => {
    if (event.persisted || !rt.consent.mayStore()) return
    // What still waits was carried, marked, by the start chunk's own listener, which ran first.
    const waiting = new Set(rt.loaded.delivery?.waiting().map(({ messageId }) => messageId))
    // A call's own message only (its id is the call's): what it made itself, finishing it makes again.
    const messages = rt.calls.unfinished().flatMap(({ id = '' }) => (waiting.has(id) ? [] : (handed.get(id) ?? [])))
    carryMessages(messages.map((message) => ({ message, identified: true, apply: true, sent: true })))
  })
}

/** Who this page's visitor is, for messages carried from a page that did not know yet. */
export function identity({ visitor }: IdentityDeps): Identity {
  const { anonymousId, userId, stage } = visitor.current()
  return { anonymousId, userId, journey: { stage, visit: visitor.counts().visit?.count ?? 0 } }
}
