import type { Journey, PushAction, Query, Schedule, Step, Trigger, Wait } from '../config/types.js'
import type { Facts } from '../rules/facts.js'
import type { ExitReason, JourneyRecord, JourneysState, Run } from './state.js'
import { parseDuration } from '../rules/duration.js'
// from the pacing chunk, so that journeys reuse it whole rather than splitting it in shared pieces
import { hashToUnit } from '../rules/pacing.js'
import { triggerKey } from '../rules/trigger-key.js'

/** What one call brings to the journeys: its moment, its trigger and the facts then. */
export interface Situation {
  time: number
  visitorId: string
  /** The call's trigger key (`page_view`, `add_to_cart`, `scroll:50`); null when only time passed. */
  trigger: string | null
  facts: Facts
  /** A journey entered from code: `journeykit.enter(id)`. */
  enter?: string
}

/** The world the stepper asks, kept out so that it stays a pure function. */
export interface Tools {
  matches(query: Query, facts: Facts): boolean
  scheduled(schedule: Schedule, time: number): boolean
  /** The first instant at or after `time` inside the weekly windows of a `wait`. */
  opening(wait: Exclude<Wait, string>, time: number): number
  /** An item could be shown now (limits, the one-modal rule). */
  canShow(item: string): boolean
  /** The visitor has a push subscription (a `push` step is skipped without one). */
  canPush(): boolean
}

/** What the glue does for a decision: send an event, show, track, set, or request a push. */
export type Effect =
  | { type: 'event'; event: 'journey_entered' | 'journey_step' | 'journey_exited' | 'journey_goal'; properties: Record<string, unknown> }
  | { type: 'show'; item: string; journey: string; run: number; step: string }
  | { type: 'track'; event: string; properties: Record<string, unknown> }
  | { type: 'set'; set: Record<string, unknown> }
  | { type: 'push'; push: PushAction; journey: string; run: number; step: string }

export interface Outcome {
  state: JourneysState
  effects: Effect[]
}

const triggered = (trigger: Trigger | Step | undefined, situation: Situation, tools: Tools): boolean =>
  !!trigger?.on && triggerKey(trigger as Trigger) === situation.trigger && (!trigger.if || tools.matches(trigger.if, situation.facts))

/**
 * One call's effect on every journey (contract §8), a pure function of the journeys, the
 * stored state, the call and the time: runs are entered, exited, reach their goal, and walk
 * their steps as far as they can now. Journeys are taken in config order.
 */
export function stepJourneys(journeys: Record<string, Journey>, state: JourneysState, situation: Situation, tools: Tools): Outcome {
  const effects: Effect[] = []
  const records: Record<string, JourneyRecord> = { ...state.journeys }
  for (const [id, record] of Object.entries(records)) {
    // A journey gone from the config: its run ends; its history stays for reentry.
    if (!journeys[id] && record.run) records[id] = end(id, record, 'changed', situation.time, undefined, effects)
  }
  for (const [id, journey] of Object.entries(journeys)) {
    records[id] = stepJourney(id, journey, records[id] ?? { runs: 0, goal: false }, situation, tools, effects)
  }
  return { state: { ...state, journeys: records }, effects }
}

/** Ends every active run (`reset()`): each says so with `reason`. */
export function endAll(state: JourneysState, reason: ExitReason, time: number): Outcome {
  const effects: Effect[] = []
  const journeys: Record<string, JourneyRecord> = {}
  for (const [id, record] of Object.entries(state.journeys)) journeys[id] = record.run ? end(id, record, reason, time, undefined, effects) : record
  return { state: { ...state, journeys }, effects }
}

function stepJourney(id: string, journey: Journey, record: JourneyRecord, situation: Situation, tools: Tools, effects: Effect[]): JourneyRecord {
  const event = (name: Extract<Effect, { type: 'event' }>['event'], properties: Record<string, unknown>) =>
    effects.push({ type: 'event', event: name, properties: { journey: id, ...properties } })

  // The goal first: when the goal and an exit are the same event, the run reached its goal.
  const measured = record.run ?? (record.measuring && situation.time <= record.measuring.until ? record.measuring : undefined)
  if (measured && triggered(journey.goal, situation, tools) && withinGoal(journey, record, situation.time)) {
    event('journey_goal', { run: measured.run, holdout: measured.holdout })
    record = { ...record, goal: true, measuring: undefined }
    if (record.run) return end(id, record, 'goal', situation.time, journey, effects)
  }
  if (record.run && journey.exit?.some((trigger) => triggered(trigger, situation, tools))) return end(id, record, 'exit', situation.time, journey, effects)

  let entered = false
  if (!record.run && mayEnter(id, journey, record, situation, tools)) {
    const holdout = hashToUnit(`${situation.visitorId}:${id}:holdout`) * 100 < (journey.holdout ?? 0)
    const run: Run = { run: record.runs + 1, step: holdout ? null : journey.steps[0]!.id, enteredAt: situation.time, holdout, since: situation.time }
    record = { ...record, runs: run.run, lastEntry: situation.time, run, measuring: undefined }
    event('journey_entered', { run: run.run, holdout })
    // A holdout run without a goal to measure has nothing left to do.
    if (holdout && !journey.goal) return end(id, record, 'completed', situation.time, journey, effects)
    entered = true
  }
  if (!record.run) return record
  if (record.run.holdout) {
    return goalWindowOver(journey, record, situation.time) ? end(id, record, 'timeout', situation.time, journey, effects) : record
  }
  return walk(id, journey, record, situation, tools, effects, entered)
}

function mayEnter(id: string, journey: Journey, record: JourneyRecord, situation: Situation, tools: Tools): boolean {
  if (!(situation.enter === id || triggered(journey.entry, situation, tools))) return false
  if (journey.schedule && !tools.scheduled(journey.schedule, situation.time)) return false
  if (record.runs === 0) return true
  const reentry = journey.reentry ?? 'never'
  if (reentry === 'never') return false
  if (reentry === 'after-exit') return true
  return situation.time - (record.lastEntry ?? 0) >= (parseDuration(reentry.after) ?? Infinity)
}

const goalWithin = (journey: Journey) => parseDuration(journey.goal?.within) ?? Infinity
const withinGoal = (journey: Journey, record: JourneyRecord, time: number) =>
  record.run ? time - record.run.enteredAt <= goalWithin(journey) : !!record.measuring && time <= record.measuring.until
const goalWindowOver = (journey: Journey, record: JourneyRecord, time: number) => !!record.run && time - record.run.enteredAt > goalWithin(journey)

/**
 * Walks a run's steps from its current one as far as they go now: actions act, a `wait` or a
 * guard not yet met stops the walk. A step reached by this very call's trigger does not take
 * that trigger too (its guard waits for a later one); a step reached because a wait or a
 * `within` ran out earlier (the visitor was away) does take it: its wait began before.
 */
function walk(id: string, journey: Journey, record: JourneyRecord, situation: Situation, tools: Tools, effects: Effect[], fresh: boolean): JourneyRecord {
  const { time } = situation
  let run = record.run!
  const event = (name: 'journey_step', properties: Record<string, unknown>) =>
    effects.push({ type: 'event', event: name, properties: { journey: id, run: run.run, ...properties } })
  // Each move is a step acting or a timer running out; validation refuses loops with neither,
  // and this bound keeps a config that slipped through from spinning.
  for (let moves = 0; moves <= journey.steps.length * 2; moves++) {
    const index = journey.steps.findIndex((step) => step.id === run.step)
    const step = journey.steps[index]
    if (!step) return end(id, { ...record, run }, 'changed', time, journey, effects)
    const next = (to: string | undefined, since: number): JourneyRecord | null => {
      const target = to ?? step.goto ?? journey.steps[index + 1]?.id
      if (target === undefined) return end(id, { ...record, run }, 'completed', time, journey, effects)
      run = arrive(journey, { ...run, step: target, since, until: undefined }, tools)
      return null
    }
    const until = run.until ?? (run = arrive(journey, run, tools)).until
    const expired = until !== undefined && until <= time

    if (step.wait !== undefined) {
      if (!expired) return { ...record, run }
      fresh = false
      const ended = next(undefined, until)
      if (ended) return ended
      continue
    }
    const guarded = !!step.on
    if (expired) {
      // `within` ran out: `else`, or the run ends (reason timeout).
      if (!step.else) return end(id, { ...record, run }, 'timeout', time, journey, effects)
      event('journey_step', { step: step.id, action: 'else', goto: step.else })
      fresh = false
      const ended = next(step.else, until)
      if (ended) return ended
      continue
    }
    if (guarded && (fresh || !triggered(step, situation, tools))) return { ...record, run }
    // An item that cannot be shown now (limits, a modal open) is tried again on later calls,
    // the next page view at the latest, inside its `within`.
    if (step.show !== undefined && !tools.canShow(step.show)) return { ...record, run }

    const { action, goto, effect, skipped } = act(id, step, run, situation, tools)
    event('journey_step', { step: step.id, action, ...(goto !== undefined && { goto }), ...(skipped && { skipped }) })
    if (effect) effects.push(effect)
    if (step.exit) return end(id, { ...record, run }, 'completed', time, journey, effects)
    fresh = true
    const ended = next(goto, time)
    if (ended) return ended
  }
  return { ...record, run }
}

/** A step becomes current: its `wait` or `within` gets an absolute end. */
function arrive(journey: Journey, run: Run, tools: Tools): Run {
  const step = journey.steps.find(({ id }) => id === run.step)
  if (!step) return run
  let until: number | undefined
  if (typeof step.wait === 'string') until = run.since + (parseDuration(step.wait) ?? 0)
  else if (step.wait) until = tools.opening(step.wait, run.since)
  else if (step.within) until = run.since + (parseDuration(step.within) ?? 0)
  return { ...run, until }
}

/** What a step does: its action's name for `journey_step`, where it leads, and what the glue does. */
function act(journey: string, step: Step, run: Run, situation: Situation, tools: Tools): { action: string; goto?: string; effect?: Effect; skipped?: string } {
  const where = { journey, run: run.run, step: step.id }
  if (step.show !== undefined) return { action: 'show', effect: { type: 'show', item: step.show, ...where } }
  if (step.track !== undefined) return { action: 'track', effect: { type: 'track', event: step.track, properties: where } }
  if (step.set) return { action: 'set', effect: { type: 'set', set: step.set } }
  if (step.push) {
    if (!tools.canPush()) return { action: 'push', skipped: 'no-subscription' }
    return { action: 'push', effect: { type: 'push', push: step.push, ...where } }
  }
  if (step.split) {
    const total = step.split.reduce((sum, { weight }) => sum + weight, 0)
    let point = hashToUnit(`${situation.visitorId}:${journey}:${step.id}`) * total
    const chosen = step.split.find(({ weight }) => (point -= weight) < 0) ?? step.split[step.split.length - 1]!
    return { action: 'split', goto: chosen.goto }
  }
  if (step.branch) {
    const chosen = step.branch.find((option) => tools.matches(option.if, situation.facts))
    const goto = chosen?.goto ?? step.else
    return { action: 'branch', ...(goto !== undefined && { goto }) }
  }
  return { action: 'exit' }
}

function end(id: string, record: JourneyRecord, reason: ExitReason, time: number, journey: Journey | undefined, effects: Effect[]): JourneyRecord {
  const run = record.run!
  effects.push({ type: 'event', event: 'journey_exited', properties: { journey: id, run: run.run, reason } })
  // A run that ended on its own keeps its goal measured until the goal window closes.
  const until = run.enteredAt + (journey ? goalWithin(journey) : 0)
  const measure = journey?.goal && (reason === 'completed' || reason === 'timeout') && time <= until
  return { ...record, run: undefined, measuring: measure ? { run: run.run, holdout: run.holdout, until } : undefined }
}
