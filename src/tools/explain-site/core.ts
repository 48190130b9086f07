import type { Config, PushAction, Query, Rule, Schedule, Stage } from '../../config/types.js'
import type { Facts } from '../../rules/facts.js'
import type { Counts } from '../../storage/visit.js'
import type { JourneysState } from '../../journeys/state.js'
import type { Person } from './facts.js'
import type { Held, Log } from './log.js'
import type { Screen } from './screen.js'

/** A simulated call's moment: its time, and the events that led to it (contract §7 No loops). */
export interface Moment {
  time: number
  chain: string[]
}

/** The simulated visitor: what the browser would keep for them. */
export interface SiteState {
  counts: Counts
  person: Person
  journeys: JourneysState
  /** The facts the timeline gave so far: they override what the simulation counts. */
  given: Facts
}

/**
 * What the rules and journeys parts of the simulation share, as the runtime's engine lends its
 * core to the actions and journeys chunks (src/actions/act.ts `EngineCore`).
 */
export interface Core {
  config: Config
  state: SiteState
  log: Log
  screen: Screen
  visitorId: string
  /** The visitor's time zone: of schedules and weekly waits that name none. */
  zone: string
  subscribed: boolean
  facts(moment: Moment, event: Record<string, unknown>): Facts
  matches(query: Query, facts: Facts): boolean
  scheduled(schedule: Schedule, time: number): boolean
  /** `push.permission` is `unsupported`: no push ask shows. */
  pushUnsupported(): boolean
  /** The rule's frequency cap and the visit's item limit allow it now: recorded, and null; else why not. */
  claim(rule: Rule, now: number): string | null
  /** Why a journey's step may not show `item` now (limits per page and visit, the screen), or null. */
  journeyMayNotShow(item: string): string | null
  /** Counts, then runs the rules and journeys of the event, as a tracked call does. */
  track(event: string, properties: Record<string, unknown>, moment: Moment, countedAlready?: boolean): void
  /**
   * An event the simulation made itself (a rule's or step's `track`, a journey's event), one
   * level deeper; `tracker` names the rule or journey that tracked it, for `tracked`.
   */
  derived(by: string, event: string, properties: Record<string, unknown>, moment: Moment, heading: string | null, tracker?: string): void
  setStage(to: Stage, by: string, moment: Moment, backwards?: boolean): void
  applySet(set: Record<string, unknown>, by: string, moment: Moment): void
  /** Opens the item; its `item_shown` is tracked once this call is done, as the UI reports it. */
  show(item: string, by: string, about: Record<string, unknown>): void
  requestPush(push: PushAction, about: Record<string, unknown>, moment: Moment, by: string): void
  /** Records what was held back on this page (the line is the caller's). */
  held(what: Omit<Held, 'page'>): void
  /** `page_view` and `visit_start` rules read these `events.<name>` counts on this page (issue 24). */
  remember(rules: Rule[], facts: Facts): void
}
