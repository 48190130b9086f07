import type { Config, PushAction, Trigger } from '../config/types.js'
import type { Facts } from '../rules/facts.js'
import type { Storage } from '../storage/storage.js'
import type { Moment } from '../api/types.js'
import type { RegexTest } from '../rules/match.js'
import { channelNames, keys } from '../storage/names.js'
import { matchQuery } from '../rules/match.js'
import { isScheduled, nextOpening } from '../rules/pacing.js'
import { triggerKey } from '../rules/trigger-key.js'
import { reportError } from '../lib/log.js'
import { endAll, stepJourneys, type Effect, type Outcome, type Stopped, type Tools } from './stepper.js'
import { evaluateSegments, journeyFacts } from './segments.js'
import { emptyJourneysState, type JourneysState } from './state.js'
import { journeyTriggers } from './listens.js'
import { actingLock, actingTabs, orphans, owe, settled, stillDue, withOwed, type Owed, type StoredJourneys } from './owed.js'
import { uuid } from '../lib/uuid.js'

/** What the engine (src/engine/engine.ts) lends the journeys: its facts and its actions. */
export interface EngineHooks {
  /** The facts of a call, as rules see them. */
  facts(moment: Moment, event: Record<string, unknown>): Facts
  visitorId(): string
  /**
   * Sends an event and runs what it triggers, as a tracked call does, one level deeper than
   * `moment` (`by` names the journey, step or segment that made it; contract §7 No loops).
   */
  track(by: string, event: string, properties: Record<string, unknown>, moment: Moment, id?: string): Promise<void>
  /** A step's `set`: stage (either way) and traits. */
  set(change: Record<string, unknown>, moment: Moment): void
  /** An item may show now: limits per page and per visit, one modal. */
  mayShow(item: string): boolean
  /** The visitor's push subscription, or null: a push step is skipped without one. */
  subscription(): Promise<PushSubscriptionJSON | null>
  /** Sends `push_requested` for the collector side (§8b). */
  push(push: PushAction, subscription: PushSubscriptionJSON, about: { journey: string; run: number; step: string }, moment: Moment): Promise<void>
  /** Shows an item, counted against the visit's limit (claimed across tabs): false when it could not. */
  show(item: string, about: { journey: string; run: number; step: string }, moment: Moment): Promise<boolean>
}

export interface JourneyDeps {
  config: Config
  storage: Storage
  regex(): RegexTest | undefined
  hooks: EngineHooks
  /** Runs a call with no trigger in line with the others: a wait ran out while the visitor is here. */
  tick(): void
  /** Consent is pending: journeys and segments wait for the grant (contract §8). */
  pending(): boolean
  /**
   * The debug chunk, when debug is on (the engine's own promise: loaded once, null inside when
   * it failed to load and said so). Each call's decisions are logged from here, so that the
   * core only hands the promise over.
   */
  debug?: Promise<{ logJourney(trigger: string | null, effects: Effect[]): void } | null> | null
}

export type JourneyRuntime = Awaited<ReturnType<typeof startJourneys>>

/** Calls held while consent is pending, at most: a page that never grants holds no more. */
const maxHeld = 500

const isState = (value: unknown): value is JourneysState =>
  typeof value === 'object' && value !== null && Array.isArray((value as JourneysState).segments) && typeof (value as JourneysState).journeys === 'object'

/**
 * The browser side of journeys and segments: keeps the visitor's journey state with the
 * visitor (IndexedDB, or memory while consent is pending), and for each call steps it in one
 * read-write transaction of its key (IndexedDB runs them one tab at a time), so that of two
 * tabs only one acts on a step; then does what
 * the step decided. Decisions are the stepper's (src/journeys/stepper.ts). Reads what earlier
 * pages left first: one read before the first call runs.
 */
export async function startJourneys(deps: JourneyDeps) {
  const { config, hooks } = deps
  const segments = config.segments ?? {}
  const journeys = config.journeys ?? {}
  const matches = (query: Parameters<typeof matchQuery>[0], facts: Facts) => matchQuery(query, facts, deps.regex())
  const tools: Tools = {
    matches,
    scheduled: isScheduled,
    opening: (wait, time) => nextOpening(wait.weekly, wait.timezone, time),
    canShow: hooks.mayShow,
    canPush: () => !!subscription,
  }
  // Looked up before each step when some step pushes (the stepper itself stays synchronous).
  const pushes = Object.values(journeys).some((journey) => journey.steps.some((step) => step.push))
  let subscription: PushSubscriptionJSON | null = null
  const triggers: Trigger[] = journeyTriggers(config)
  // Triggers some journey listens for: other calls can only resolve timers, checked apart.
  const listened = new Set(['page_view', ...triggers.map(triggerKey)])
  const withJourneyFacts = (facts: Facts, current: JourneysState): Facts => ({ ...facts, ...journeyFacts(segments, journeys, current) })

  let state: StoredJourneys = emptyJourneysState()
  const stored = await deps.storage.read(keys.journeys)
  if (isState(stored)) state = stored
  // This tab, for what it owes while it acts (src/journeys/owed.ts).
  const tab = uuid()
  const acting = actingLock(tab)

  const runs = () => Object.values(state.journeys).map(({ run }) => run)
  const due = (time: number) => runs().some((run) => run?.until !== undefined && run.until <= time)
  const earliest = () => Math.min(...runs().map((run) => run?.until ?? Infinity))
  // One timer, for the earliest wait or `within` that runs out while the visitor is here, in
  // this tab's runs or as another tab told (a run entered there after this tab last read).
  let timer: ReturnType<typeof setTimeout> | undefined
  let told = Infinity
  const wake = () => {
    clearTimeout(timer)
    const at = Math.min(told, earliest())
    if (at !== Infinity) timer = setTimeout(deps.tick, Math.min(Math.max(at - Date.now(), 0), 2 ** 31 - 1))
  }
  wake()
  const channel = openChannel((at) => {
    if (at >= told) return
    told = at
    wake()
  })

  // Bumped by a denial: an update under way then is forgotten with the rest.
  let forgotten = 0
  // While consent is pending each call's work waits here, in order, with its moment (§8): at
  // the grant it runs against the visitor's stored runs, so a consent tool that grants a
  // moment after every page starts does not make a returning visitor new to the journeys.
  let held: Array<() => Promise<void>> = []
  const holding = (work: () => Promise<void>): boolean => {
    if (!deps.pending()) return false
    if (held.length < maxHeld) held.push(work)
    return true
  }

  /**
   * Steps the stored state under its lock (another tab may have moved it), then does what it
   * decided. What it decided is written with the new state, as owed (src/journeys/owed.ts),
   * and crossed off once done: a page that goes in between leaves it for the next page.
   */
  const update = async (trigger: string | null, moment: Moment, change: (current: JourneysState) => Outcome) => {
    const asOf = forgotten
    let effects: Effect[] = []
    let mine: Owed[] = []
    let stopped: Stopped[] = []
    await acting.hold()
    try {
      const next = await deps.storage.update<StoredJourneys>(keys.journeys, (stored) => {
        const current: StoredJourneys = isState(stored) ? stored : state
        const outcome = change(current)
        effects = outcome.effects
        stopped = outcome.stopped ?? []
        mine = owe(effects, moment, tab)
        return withOwed(outcome.state, [...(current.owed ?? []), ...mine])
      })
      // Denied meanwhile: the storage's memory must not keep what this update wrote there.
      if (asOf !== forgotten) return void (await deps.storage.update(keys.journeys, () => state))
      state = next
      // What this call read under the lock holds every tab's runs: nothing told is left to wait for.
      told = Infinity
      wake()
      if (effects.length && earliest() !== Infinity) channel?.postMessage(earliest())
      // The log never throws into the page, and never holds the steps up.
      if (effects.length) void deps.debug?.then((chunk) => chunk?.logJourney(trigger, effects)).catch(() => undefined)
      // §7 No loops: a run that came back to a step at the same moment rests until the config changes.
      for (const { journey, chain, reason } of stopped)
        reportError('journeys', `${reason === 'loop' ? 'a loop was stopped' : 'a walk was cut short'}: journeys.${journey}.${chain.join(' → ')}`)
      await settle(mine, moment)
    } finally {
      acting.drop()
    }
  }

  /** Does what is owed, in order, then crosses off what was done in one write. */
  const settle = async (list: Owed[], moment?: Moment) => {
    if (!list.length) return
    const asOf = forgotten
    const done = new Set<string>()
    for (const entry of list) if (await perform(entry, moment ?? entry.moment)) done.add(entry.id)
    if (asOf !== forgotten) return
    state = await deps.storage.update<StoredJourneys>(keys.journeys, (stored) => {
      const current: StoredJourneys = isState(stored) ? stored : state
      return withOwed(current, settled(current.owed, list, done))
    })
  }

  /** What pages that went (or items not shown yet) left owed: this tab takes it over and does it. */
  const recover = async () => {
    if (deps.pending() || !(state as StoredJourneys).owed?.length) return
    const others = await actingTabs()
    let taken: Owed[] = []
    await acting.hold()
    try {
      state = await deps.storage.update<StoredJourneys>(keys.journeys, (stored) => {
        const current: StoredJourneys = isState(stored) ? stored : state
        const now = Date.now()
        taken = orphans(current, tab, others, now)
        const ids = new Set(taken.map(({ id }) => id))
        // Items no longer due go; what this tab takes is its own now.
        const owed = (current.owed ?? []).filter((entry) => stillDue(current, entry, now))
        return withOwed(
          current,
          owed.map((entry) => (ids.has(entry.id) ? { ...entry, tab } : entry)),
        )
      })
      await settle(taken)
    } finally {
      acting.drop()
    }
    // A page that just went may hold its lock a moment longer than it lives: look again soon.
    const held = (state.owed ?? []).some((entry) => entry.tab && entry.tab !== tab && others?.has(entry.tab))
    if (held && lookedAgain++ < 10) setTimeout(deps.tick, 1000)
  }
  let lookedAgain = 0

  /** One owed effect, done; false for an item that could not be shown now (it stays owed). */
  const perform = async ({ id, effect }: Owed, moment: Moment): Promise<boolean> => {
    if (effect.type === 'event' || effect.type === 'track') await hooks.track(madeBy(effect.properties), effect.event, effect.properties, moment, id)
    else if (effect.type === 'set') hooks.set(effect.set, moment)
    else if (effect.type === 'show') return hooks.show(effect.item, { journey: effect.journey, run: effect.run, step: effect.step }, moment)
    else if (subscription) await hooks.push(effect.push, subscription, { journey: effect.journey, run: effect.run, step: effect.step }, moment)
    return true
  }

  const runtime = {
    triggers,
    /** `segment.<id>` and `journeys.<id>.*` facts, as of the last call. */
    facts: (): Facts => journeyFacts(segments, journeys, state),
    /** With segments in the config, the ones the visitor is in: every event's `context.journey.segments`. */
    segments: (): string[] | undefined => (config.segments ? state.segments : undefined),
    /** Each journey's current step (null: not in a run), for the npm stores. */
    steps: (): Record<string, string | null> => Object.fromEntries(Object.keys(journeys).map((id) => [id, state.journeys[id]?.run?.step ?? null])),
    /** One call's trigger (null: time passed), or `enter(id)`, against every journey. */
    async step(trigger: string | null, moment: Moment, event: Record<string, unknown>, enter?: string): Promise<void> {
      if (enter !== undefined && !Object.prototype.hasOwnProperty.call(journeys, enter)) return reportError('enter', `no journey "${enter}" in the config`)
      if (holding(() => runtime.step(trigger, moment, event, enter))) return
      if (enter === undefined && trigger !== null && !listened.has(trigger) && !due(moment.time)) return
      if (pushes) subscription = await hooks.subscription()
      // Each page view (and wake-up) first does what pages that went left owed, and shows what could not show yet.
      if (trigger === 'page_view' || trigger === null) await recover()
      const facts = hooks.facts(moment, event)
      const situation = { time: moment.time, visitorId: hooks.visitorId(), trigger, enter }
      await update(trigger, moment, (current) => stepJourneys(journeys, current, { ...situation, facts: withJourneyFacts(facts, current) }, tools))
    },
    /** After every call: segment membership anew; changes are announced as events. */
    async regroup(moment: Moment): Promise<void> {
      if (holding(() => runtime.regroup(moment))) return
      const facts = hooks.facts(moment, {})
      const changed = (current: JourneysState) => evaluateSegments(segments, withJourneyFacts(facts, current), current.segments, matches)
      const guess = changed(state)
      if (!guess.entered.length && !guess.exited.length) return
      await update('segments', moment, (current) => {
        const { members, entered, exited } = changed(current)
        const event = (name: string) => (segment: string) => ({ type: 'track', event: name, properties: { segment } }) as const
        return { state: { ...current, segments: members }, effects: [...exited.map(event('segment_exited')), ...entered.map(event('segment_entered'))] }
      })
    },
    /**
     * Consent granted: the visitor's stored runs are read, then what this page's calls held
     * while pending is stepped against them, in order, at each call's own time.
     */
    async adopt(): Promise<void> {
      const stored = await deps.storage.read(keys.journeys)
      if (isState(stored)) state = stored
      wake()
      await recover()
      const waiting = held
      held = []
      for (const work of waiting) await work()
    },
    /**
     * Consent denied: the runs are forgotten on this page too, as the visitor is (the stored
     * copy is erased apart); nothing is reported, and no step acts on what came before.
     */
    forget(): void {
      forgotten++
      held = []
      state = emptyJourneysState()
      told = Infinity
      wake()
    },
    /** `reset()`: every run ends (reason reset) as the visitor who walked it; the next one starts with nothing. */
    async reset(moment: Moment): Promise<void> {
      await update('reset', moment, (current) => ({ state: emptyJourneysState(), effects: endAll(current, 'reset', moment.time).effects }))
    },
  }
  return runtime
}

/** Who made a journey's or segment's event, for the chain a runaway loop is reported with. */
const madeBy = ({ journey, step, segment }: Record<string, unknown>): string =>
  segment !== undefined ? `segments.${String(segment)}` : `journeys.${String(journey)}${step === undefined ? '' : `.${String(step)}`}`

/**
 * Tabs tell each other when their runs next wake: a tab opened before another tab entered a
 * run has no timer for it, and would act only at its next page view, with the visitor right
 * there. Missing, or refused (opaque origins throw): each tab wakes for its own runs only.
 */
function openChannel(heard: (at: number) => void): BroadcastChannel | null {
  try {
    const channel = new BroadcastChannel(channelNames.journeys)
    channel.onmessage = ({ data }: MessageEvent) => typeof data === 'number' && heard(data)
    return channel
  } catch {
    return null
  }
}
