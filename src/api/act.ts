import type { PushAction, Rule, Stage } from '../config/types.js'
import type { Facts } from '../rules/facts.js'
import type { EngineHooks } from '../journeys/runtime.js'
import type { Runtime } from './runtime.js'
import type { Counts } from '../store/visit.js'
import type { Moment } from './types.js'
import type { ItemController } from './items.js'
import type { PushStarter } from './push-start.js'
import { parseDuration } from '../rules/duration.js'
import { historyLength, isCapped } from '../rules/frequency.js'
import { reportError } from '../lib/log.js'

/** Contract §7 "No loops": how many levels of its own events one call may set off. */
const maxLevels = 8

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

/** What the start chunk's engine (src/api/engine.ts) lends the actions chunk. */
export interface EngineCore {
  /** Sends an event (with `id`, under that messageId) and runs what it triggers, as a tracked call does. */
  track(event: string, properties: Record<string, unknown>, moment: Moment, id?: string): Promise<void>
  /** Moves the visitor's stage: forwards only, unless `backwards` (a `set`). */
  setStage(to: Stage, rule: string | null, moment: Moment, backwards?: boolean): void
  facts(moment: Moment, event: Record<string, unknown>): Facts
  /** How many page views this runtime has counted: items shown per page start afresh with each. */
  pageViews(): number
}

/**
 * What rules and journey steps do beyond counting, in the actions chunk: claim the rule under
 * its frequency cap and the visit's item limit, move the stage, show, track, set, and request a
 * push (§8b). A page whose rules never act never downloads it.
 */
export function createActs(rt: Runtime, items: ItemController, push: PushStarter) {
  const { visitor, loaded, core } = rt
  const limits = () => ({ perPage: 2, perVisit: 5, ...loaded.config?.limits })
  // Items shown on the current page view (limits.perPage).
  let shown = { page: -1, count: 0 }
  const shownOnPage = () => (shown.page === core.pageViews() ? shown.count : 0)
  const countShown = () => void (shown = { page: core.pageViews(), count: shownOnPage() + 1 })

  /**
   * Records that a rule acts now, unless its frequency cap or the visit's item limit says no.
   * Check and record are one read-write transaction: of two tabs, only one gets a `once`.
   */
  const claim = async (rule: Rule, now: number): Promise<boolean> => {
    let granted = false
    await visitor.writeCounts((current: Counts) => {
      const history = current.rules?.[rule.id] ?? []
      const visit = current.visit
      const shows = (rule.show || rule.variants) && visit ? (visit.shows ?? 0) : 0
      granted = !isCapped(rule.frequency, history, now, visit?.startedAt ?? now) && shows < limits().perVisit
      if (!granted) return current
      const next = { ...current }
      if (rule.frequency) next.rules = { ...current.rules, [rule.id]: [...history, now].slice(-historyLength(rule.frequency)) }
      if ((rule.show || rule.variants) && visit) next.visit = { ...visit, shows: shows + 1 }
      return next
    })
    return granted
  }

  /** §8b: `push_requested`, the whole request for the collector side to send at `sendAt`. */
  const requestPush = (action: PushAction, subscription: PushSubscriptionJSON, about: Record<string, unknown>, moment: Moment) => {
    const { after, cancelOn = [], ...payload } = action
    const sendAt = new Date(moment.time + (parseDuration(after) ?? 0)).toISOString()
    return core.track('push_requested', { push: payload, sendAt, cancelOn, subscription, ...about }, moment)
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

  /** Does what a rule says, if its caps allow it now. */
  const act = async (rule: Rule, moment: Moment) => {
    let show = rule.show
    let variant: string | null = null
    if (rule.variants) {
      // Never without its variants: the pacing chunk could not load (engine.ts skips a schedule then).
      if (!loaded.pacing) return
      ;({ show, name: variant } = loaded.pacing.variantOf(rule, visitor.current().anonymousId))
    }
    if (show && (shownOnPage() >= limits().perPage || !items.canShow(show))) return
    // §8b: a push rule does nothing for a visitor without a push subscription
    const subscription = rule.push ? await push.subscription() : null
    if (rule.push && !subscription) return
    if (!(await claim(rule, Date.now()))) return
    if (rule.stage) core.setStage(rule.stage, rule.id, moment)
    if (show) {
      countShown()
      items.show(show, { rule: rule.id, variant })
    }
    if (rule.track) await derived(`rules.${rule.id}`, rule.track, { rule: rule.id }, moment)
    if (rule.set) applySet(rule.set, rule.id, moment)
    if (rule.push) await requestPush(rule.push, subscription!, { rule: rule.id }, moment)
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

  return { act, hooks }
}
