import type { PushAction, Rule, Stage } from '../config/types.js'
import type { Facts } from '../rules/facts.js'
import type { VisitorState } from '../store/visitor.js'
import type { EngineHooks } from '../journeys/runtime.js'
import type { Moment } from './types.js'
import type { ItemController } from './items.js'
import { parseDuration } from '../rules/duration.js'

export { createItemController } from './items.js'
export { createPushStarter } from './push-start.js'

/** What the engine (src/api/engine.ts) lends its actions: the visitor, and its own moves. */
export interface EngineCore {
  visitor: VisitorState
  limits(): { perPage: number; perVisit: number }
  variantOf(rule: Rule): { show?: string; name: string | null }
  track(event: string, properties: Record<string, unknown>, moment: Moment): Promise<void>
  setStage(to: Stage, rule: string | null, moment: Moment, backwards?: boolean): void
  facts(moment: Moment, event: Record<string, unknown>): Facts
}

/** The page's items and web push, made by the composition root (src/api/create.ts) from this chunk. */
export interface ActionKit {
  chunk: typeof import('./actions.js')
  items: ItemController
  subscription(): Promise<PushSubscriptionJSON | null>
}

export type Actions = ReturnType<typeof createActions>

/**
 * What a rule or a journey step does once it is decided: show an item, track, set, move the
 * stage, request a push. A chunk of its own (`actions.js`), loaded the first time anything acts
 * (or shows, or starts push or journeys): a page whose rules decide nothing never downloads it.
 */
export function createActions(core: EngineCore, kit: ActionKit) {
  const { visitor } = core
  const { items } = kit
  // Items rules and steps showed on this page view (limits.perPage).
  let pageShows = 0

  /** Does what a rule says, if its caps allow it now. */
  const act = async (rule: Rule, moment: Moment) => {
    const { show, name: variant } = core.variantOf(rule)
    if (show && (pageShows >= core.limits().perPage || !items.canShow(show))) return
    // §8b: a push rule does nothing for a visitor without a push subscription
    const subscription = rule.push ? await kit.subscription() : null
    if (rule.push && !subscription) return
    if (!(await visitor.claim(rule, Date.now(), core.limits().perVisit))) return
    if (rule.stage) core.setStage(rule.stage, rule.id, moment)
    if (show) {
      pageShows++
      items.show(show, { rule: rule.id, variant })
    }
    if (rule.track) await core.track(rule.track, { rule: rule.id }, moment)
    if (rule.set) applySet(rule.set, rule.id, moment)
    if (rule.push) await requestPush(rule.push, subscription!, { rule: rule.id }, moment)
  }

  /** §8b: `push_requested`, the whole request for the collector side to send at `sendAt`. */
  const requestPush = (push: PushAction, subscription: PushSubscriptionJSON, about: Record<string, unknown>, moment: Moment) => {
    const { after, cancelOn = [], ...payload } = push
    const sendAt = new Date(moment.time + (parseDuration(after) ?? 0)).toISOString()
    return core.track('push_requested', { push: payload, sendAt, cancelOn, subscription, ...about }, moment)
  }

  const applySet = ({ stage, ...traits }: { stage?: unknown; [trait: string]: unknown }, rule: string | null, moment: Moment) => {
    if (stage) core.setStage(stage as Stage, rule, moment, true)
    if (Object.keys(traits).length) visitor.update({ traits: { ...visitor.current().traits, ...traits } })
  }

  /** What the journeys chunk may use: the facts of a call and the actions rules have. */
  const hooks: EngineHooks = {
    facts: core.facts,
    visitorId: () => visitor.current().anonymousId,
    track: core.track,
    set: (change, moment) => applySet(change, null, moment),
    subscription: kit.subscription,
    push: requestPush,
    // Journey steps show items under the same limits as rules (per page, per visit, one modal).
    mayShow: (item) => pageShows < core.limits().perPage && (visitor.counts().visit?.shows ?? 0) < core.limits().perVisit && items.canShow(item),
    async show(item, about, moment) {
      if (!(await visitor.claim({ id: `journey:${about.journey}`, on: '', show: item }, moment.time, core.limits().perVisit))) return
      pageShows++
      items.show(item, { rule: null, variant: null, ...about })
    },
  }

  return {
    act,
    hooks,
    /** A new page view: limits.perPage starts afresh. */
    newPage: () => void (pageShows = 0),
  }
}
