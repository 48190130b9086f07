import type { PushAction, Rule, Stage } from '../config/types.js'
import type { Facts } from '../rules/facts.js'
import type { EngineHooks } from '../journeys/runtime.js'
import type { Loaded } from '../engine/loaded.js'
import type { Consent } from '../engine/consent.js'
import type { VisitorState } from '../storage/visitor.js'
import type { Counts } from '../storage/visit.js'
import type { CapturedCall, Moment } from '../api/types.js'
import type { ItemController } from './items.js'
import type { PushStarter } from './push-start.js'
import { parseDuration } from '../rules/duration.js'
import { historyLength, isCapped } from '../rules/frequency.js'
import { reportError } from '../lib/log.js'
import { matchQuery } from '../rules/match.js'
import { buildBatch } from '../delivery/envelope.js'
import { buildMessage } from '../engine/message.js'

/** Contract §7 "No loops": how many levels of its own events one call may set off. */
export const maxLevels = 8

/**
 * The moment of an event the runtime makes itself, one level deeper than what made it; null,
 * with one console.error naming the chain, past 8 levels. Whatever the config, a call then
 * sets off a bounded amount of work, consent pending (memory only, never yielding) or not.
 */
export function deeper(moment: Moment, by: string, event: string): Moment | null {
  const chain = [...(moment.chain ?? []), by, event]
  if (chain.length <= maxLevels * 2) return { ...moment, chain }
  reportError('track', `a loop was stopped ${maxLevels} levels deep: ${chain.join(' → ')} → …`)
  return null
}

/** What the start chunk's engine (src/engine/engine.ts) lends the actions chunk. */
export interface EngineCore {
  /** Sends an event (with `id`, under that messageId) and runs what it triggers, as a tracked call does. */
  track(event: string, properties: Record<string, unknown>, moment: Moment, id?: string): Promise<void>
  /** Moves the visitor's stage: forwards only, unless `backwards` (a `set`). */
  setStage(to: Stage, rule: string | null, moment: Moment, backwards?: boolean): void
  facts(moment: Moment, event: Record<string, unknown>): Facts
  /** How many page views this runtime has counted: items shown per page start afresh with each. */
  pageViews(): number
}

/** What the acts need of the runtime (src/actions/actions.ts passes the runtime's own object on). */
export interface ActDeps {
  visitor: Pick<VisitorState, 'current' | 'counts' | 'update' | 'writeCounts'>
  loaded: Pick<Loaded, 'config' | 'collectorUrl' | 'rules' | 'regex' | 'pacing' | 'journeys'>
  consent: Pick<Consent, 'maySend'>
  core: EngineCore
}

/**
 * What rules and journey steps do beyond counting, in the actions chunk: claim the rule under
 * its frequency cap and the visit's item limit, move the stage, show, track, set, and request a
 * push (§8b). A page whose rules never act never downloads it.
 */
export function createActs(rt: ActDeps, items: ItemController, push: PushStarter) {
  const { visitor, loaded, core } = rt
  const limits = () => ({ perPage: 2, perVisit: 5, ...loaded.config?.limits })
  // Items shown on the current page view (limits.perPage).
  let shown = { page: -1, count: 0 }
  const shownOnPage = () => (shown.page === core.pageViews() ? shown.count : 0)
  const countShown = () => void (shown = { page: core.pageViews(), count: shownOnPage() + 1 })

  /** The counts once `rule` acts at `now`, or null when its frequency cap or the visit's item limit says no. */
  const claimed = (current: Counts, rule: Rule, now: number): Counts | null => {
    const history = current.rules?.[rule.id] ?? []
    const visit = current.visit
    const shows = (rule.show || rule.variants) && visit ? (visit.shows ?? 0) : 0
    if (isCapped(rule.frequency, history, now, visit?.startedAt ?? now) || shows >= limits().perVisit) return null
    const next = { ...current }
    if (rule.frequency) next.rules = { ...current.rules, [rule.id]: [...history, now].slice(-historyLength(rule.frequency)) }
    if ((rule.show || rule.variants) && visit) next.visit = { ...visit, shows: shows + 1 }
    return next
  }

  /**
   * Records that a rule acts now, unless its frequency cap or the visit's item limit says no.
   * Check and record are one read-write transaction: of two tabs, only one gets a `once`.
   */
  const claim = async (rule: Rule, now: number): Promise<boolean> => {
    let granted = false
    await visitor.writeCounts((current: Counts) => {
      const next = claimed(current, rule, now)
      granted = !!next
      return next ?? current
    })
    return granted
  }

  /** §8b: the properties of `push_requested`, the whole request for the collector side to send at `sendAt`. */
  const pushRequest = (action: PushAction, subscription: PushSubscriptionJSON, about: Record<string, unknown>, moment: Moment) => {
    const { after, cancelOn = [], ...payload } = action
    const sendAt = new Date(moment.time + (parseDuration(after) ?? 0)).toISOString()
    return { push: payload, sendAt, cancelOn, subscription, ...about }
  }
  const requestPush = (action: PushAction, subscription: PushSubscriptionJSON, about: Record<string, unknown>, moment: Moment, id?: string) =>
    core.track('push_requested', pushRequest(action, subscription, about, moment), moment, id)

  // The departure pushes of the last exit intent, by rule: what `act` then does for them.
  const departures = new Map<string, { moment: Moment; id: string; subscription: PushSubscriptionJSON }>()

  /**
   * Contract §7, leaving at once: a departure push (a rule on `exit_intent` that pushes, with no
   * item and no delay) is decided the moment the exit fires, before the exit's call runs
   * (src/actions/actions.ts hands the call over first), from what the page holds — the subscription
   * and the counts in memory, with no await — and leaves at once by sendBeacon, so a tab closing
   * now still sends it (in Chromium, a closing tab's 'hidden' exit comes after pagehide: the
   * pagehide beacons have gone by then). Its cap is recorded meanwhile; the call then acts in
   * line on this decision and sends the same messageId through the outbox (the collector keeps
   * one). Its conditions read the counts as they were just before this exit.
   */
  const depart = ({ moment, args }: CapturedCall) => {
    departures.clear()
    const subscription = push.known()
    const url = loaded.collectorUrl
    if (!subscription || !url || !rt.consent.maySend() || !navigator.sendBeacon) return
    const facts = core.facts(moment, args[1] as Record<string, unknown>)
    for (const rule of loaded.rules.get('exit_intent') ?? []) {
      if (!rule.push || rule.show || rule.variants || rule.delay || (rule.if && !matchQuery(rule.if, facts, loaded.regex?.testRegex))) continue
      if ((rule.schedule && !loaded.pacing?.isScheduled(rule.schedule, moment.time)) || !claimed(visitor.counts(), rule, moment.time)) continue
      const properties = pushRequest(rule.push, subscription, { rule: rule.id }, moment)
      const message = buildMessage(
        'track',
        { event: 'push_requested', properties },
        moment,
        visitor.current(),
        visitor.counts().visit?.count ?? 0,
        undefined,
        loaded.journeys?.segments(),
      )
      navigator.sendBeacon(url, JSON.stringify(buildBatch([message], loaded.config?.collector?.writeKey, new Date())))
      departures.set(rule.id, { moment, id: message.messageId, subscription })
      void visitor.writeCounts((current) => claimed(current, rule, moment.time) ?? current)
    }
  }

  /** Tracks an event the runtime made itself (`by`: the rule, step or segment), one level deeper. */
  const derived = async (by: string, event: string, properties: Record<string, unknown>, moment: Moment, id?: string) => {
    const next = deeper(moment, by, event)
    if (next) await core.track(event, properties, next, id)
  }

  const applySet = ({ stage, ...traits }: { stage?: unknown; [trait: string]: unknown }, rule: string | null, moment: Moment) => {
    if (stage) core.setStage(stage as Stage, rule, moment, true)
    if (Object.keys(traits).length) visitor.update({ traits: { ...visitor.current().traits, ...traits } })
  }

  /** Does what a rule says, if its caps allow it now (a departure push: as decided when the exit fired). */
  const act = async (rule: Rule, moment: Moment) => {
    const departure = departures.get(rule.id)?.moment === moment ? departures.get(rule.id) : undefined
    let show = rule.show
    let variant: string | null = null
    if (rule.variants) {
      // Never without its variants: the pacing chunk could not load (engine.ts skips a schedule then).
      if (!loaded.pacing) return
      ;({ show, name: variant } = loaded.pacing.variantOf(rule, visitor.current().anonymousId))
    }
    if (show && (shownOnPage() >= limits().perPage || !items.canShow(show))) return
    // §8b: a push rule does nothing for a visitor without a push subscription
    const subscription = departure?.subscription ?? (rule.push ? await push.subscription() : null)
    if (rule.push && !subscription) return
    if (!departure && !(await claim(rule, Date.now()))) return
    if (rule.stage) core.setStage(rule.stage, rule.id, moment)
    if (show) {
      countShown()
      items.show(show, { rule: rule.id, variant })
    }
    if (rule.track) await derived(`rules.${rule.id}`, rule.track, { rule: rule.id }, moment)
    if (rule.set) applySet(rule.set, rule.id, moment)
    if (rule.push) await requestPush(rule.push, subscription!, { rule: rule.id }, moment, departure?.id)
  }

  /** What the journeys chunk may use: the facts of a call and the actions rules have. */
  const hooks: EngineHooks = {
    facts: core.facts,
    visitorId: () => visitor.current().anonymousId,
    track: derived,
    set: (change, moment) => applySet(change, null, moment),
    subscription: push.subscription,
    push: requestPush,
    // Journey steps show items under the same limits as rules (per page, per visit, one modal).
    mayShow: (item) => shownOnPage() < limits().perPage && (visitor.counts().visit?.shows ?? 0) < limits().perVisit && items.canShow(item),
    async show(item, about, moment) {
      if (!items.canShow(item) || !(await claim({ id: `journey:${about.journey}`, on: '', show: item }, moment.time))) return false
      countShown()
      items.show(item, { rule: null, variant: null, ...about })
      return true
    },
  }

  return { act, hooks, depart }
}
