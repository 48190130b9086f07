import type { Journey, PushAction, Query, Schedule, Step, Trigger } from '../config/types.js'
import type { Facts } from '../rules/facts.js'
import type { ExitReason, JourneyRecord, JourneysState, Run } from './state.js'
import { parseDuration } from '../rules/duration.js'
// from the pacing chunk, so that journeys reuse it whole rather than splitting it in shared pieces
import { hashToUnit } from '../rules/pacing.js'
import { triggerKey } from '../rules/trigger-key.js'
import { chainSignature, fallThrough, orderSignature, reread, stepSignature } from './run-memory.js'
import { weeklyEnd, type Openings } from './weekly.js'

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
export interface Tools extends Openings {
  matches(query: Query, facts: Facts): boolean
  scheduled(schedule: Schedule, time: number): boolean
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

/**
 * A walk that hit its bound (see `extraMoves`): `reason` `loop` — the run came back to `step` at
 * the moment it passed it, round `chain` (first to last, `step` at both ends), and is parked
 * until the config changes a step of that chain; `limit` — it moved the most a walk may, through
 * `chain`, and goes on at the next call. A config the validator let through should do neither:
 * the glue reports it (console.error) naming the journey and the chain.
 */
export interface Stopped {
  journey: string
  step: string
  chain: string[]
  reason: 'loop' | 'limit'
}

export interface Outcome {
  state: JourneysState
  effects: Effect[]
  /** The walks this call stopped at their bound, when any did. */
  stopped?: Stopped[]
}

const triggered = (trigger: Trigger | Step | undefined, situation: Situation, tools: Tools): boolean =>
  !!trigger?.on && triggerKey(trigger as Trigger) === situation.trigger && (!trigger.if || tools.matches(trigger.if, situation.facts))

/**
 * One call's effect on every journey (contract §8), a pure function of the journeys, the
 * stored state, the call and the time: runs are entered, exited, reach their goal, and walk
 * their steps as far as they can now. Journeys are taken in config order.
 */
export function stepJourneys(journeys: Record<string, Journey> | undefined, state: JourneysState, situation: Situation, tools: Tools): Outcome {
  const effects: Effect[] = []
  const stops: Stopped[] = []
  const records: Record<string, JourneyRecord> = { ...state.journeys }
  for (const [id, record] of Object.entries(records)) {
    // A journey gone from the config (no journeys left at all included): its run ends; its
    // history stays for reentry. Own keys only: a run of a journey named `toString` ends too.
    if (!has(journeys, id) && record.run) records[id] = end(id, record, 'changed', situation.time, undefined, effects)
  }
  for (const [id, journey] of Object.entries(journeys ?? {})) {
    records[id] = stepJourney(id, journey, has(records, id) ? records[id]! : { runs: 0, goal: false }, situation, tools, effects, stops)
  }
  return { state: { ...state, journeys: records }, effects, ...(stops.length && { stopped: stops }) }
}

const has = (record: object | undefined, key: string) => !!record && Object.prototype.hasOwnProperty.call(record, key)

/** Ends every active run (`reset()`): each says so with `reason`. */
export function endAll(state: JourneysState, reason: ExitReason, time: number): Outcome {
  const effects: Effect[] = []
  const journeys: Record<string, JourneyRecord> = {}
  for (const [id, record] of Object.entries(state.journeys)) journeys[id] = record.run ? end(id, record, reason, time, undefined, effects) : record
  return { state: { ...state, journeys }, effects }
}

function stepJourney(
  id: string,
  journey: Journey,
  record: JourneyRecord,
  situation: Situation,
  tools: Tools,
  effects: Effect[],
  stops: Stopped[],
): JourneyRecord {
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
    const start = { run: record.runs + 1, enteredAt: situation.time, holdout, since: situation.time }
    // A holdout run takes no step: it lasts its goal window (due when that closes).
    const run: Run = holdout
      ? { ...start, step: null, until: situation.time + goalWithin(journey) }
      : { ...start, step: journey.steps[0]!.id, order: orderSignature(journey) }
    record = { ...record, runs: run.run, lastEntry: situation.time, run, measuring: undefined }
    event('journey_entered', { run: run.run, holdout })
    entered = true
  }
  if (!record.run) return record
  if (record.run.holdout) {
    // Ends when its goal window closes (contract §8: reason completed), at once when there is no
    // window to measure in: a goal without `within` (which the validator refuses with holdout)
    // would keep it, and the visitor out of the journey, forever.
    return situation.time >= record.run.enteredAt + goalWithin(journey) || !goalWindowKnown(journey)
      ? end(id, record, 'completed', situation.time, journey, effects)
      : record
  }
  return walk(id, journey, record, situation, tools, effects, entered, stops)
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
const goalWindowKnown = (journey: Journey) => !!journey.goal && goalWithin(journey) !== Infinity
const withinGoal = (journey: Journey, record: JourneyRecord, time: number) =>
  record.run ? time - record.run.enteredAt <= goalWithin(journey) : !!record.measuring && time <= record.measuring.until

/**
 * How far one walk may go. A walk passes each step at most once per moment — coming back to a
 * step at the moment it was passed is a loop in which nothing waits (a `goto` loop, a zero
 * `wait`, a guard fed by the loop's own `track`): the walk stops there and parks the run. A
 * loop of timers catching up on a long absence moves on in time, legitimately, but each walk
 * takes at most this many moves past the steps a walk through the list needs; the next call
 * (the glue wakes at once, the run still due) goes on from there.
 */
const extraMoves = 100

/**
 * Walks a run's steps from its current one as far as they go now: actions act, a `wait` or a
 * guard not yet met stops the walk. A step reached by this very call's trigger does not take
 * that trigger too (its guard waits for a later one); a step reached because a wait or a
 * `within` ran out earlier (the visitor was away) does take it: its wait began before.
 */
function walk(
  id: string,
  journey: Journey,
  record: JourneyRecord,
  situation: Situation,
  tools: Tools,
  effects: Effect[],
  fresh: boolean,
  stops: Stopped[],
): JourneyRecord {
  const { time } = situation
  let run = record.run!
  // Parked by a runaway loop: it takes no step until the config changes that loop.
  if (run.stopped) {
    if (chainSignature(journey, run.stopped.chain) === run.stopped.sig) return record
    run = { ...run, stopped: undefined }
  }
  ;({ run, fresh } = reread(journey, run, time, fresh))
  // What this moment passed already: seeded from the calls before at the same time, as the
  // glue steps a run's own `track` at the moment of the call that tracked it.
  const chain: string[] = run.moment?.at === time ? [...run.moment.steps] : []
  const ats = chain.map(() => time)
  const finish = (result: JourneyRecord): JourneyRecord => {
    if (result.run?.run !== run.run) return result
    const now = chain.filter((_, i) => ats[i] === time)
    return { ...result, run: { ...result.run, moment: now.length ? { at: time, steps: [...new Set(now)] } : undefined } }
  }
  const event = (name: 'journey_step', properties: Record<string, unknown>) =>
    effects.push({ type: 'event', event: name, properties: { journey: id, run: run.run, ...properties } })

  for (let moves = 0; moves < journey.steps.length + extraMoves; moves++) {
    const index = journey.steps.findIndex((step) => step.id === run.step)
    const step = journey.steps[index]
    if (!step) return finish(end(id, { ...record, run }, 'changed', time, journey, effects))
    /** Passes the step at `at`; false (and the run parked) when it was passed at that moment already. */
    const pass = (at: number): boolean => {
      const seen = chain.findIndex((passed, i) => passed === step.id && ats[i] === at)
      if (seen >= 0) {
        const loop = [...chain.slice(seen), step.id]
        stops.push({ journey: id, step: step.id, chain: loop, reason: 'loop' })
        run = { ...run, until: undefined, stopped: { chain: loop, sig: chainSignature(journey, loop) } }
        return false
      }
      chain.push(step.id)
      ats.push(at)
      run = { ...run, passedAt: { ...run.passedAt, [step.id]: at } }
      if (!run.done?.includes(step.id)) run = { ...run, done: [...(run.done ?? []), step.id] }
      return true
    }
    const next = (to: string | undefined, since: number): JourneyRecord | null => {
      const jump = to ?? step.goto
      const target = jump ?? fallThrough(journey, index, run.carried)
      if (target === undefined) return end(id, { ...record, run }, 'completed', time, journey, effects)
      // A jump is the config's own say: a step done under an earlier config runs again.
      const carried = jump === undefined ? run.carried : run.carried?.filter((done) => done !== jump)
      run = arrive(journey, { ...run, step: target, since, until: undefined, armed: undefined, carried: carried?.length ? carried : undefined }, tools)
      return null
    }
    const until = run.until ?? (run = arrive(journey, run, tools)).until
    const expired = until !== undefined && until <= time

    if (step.wait !== undefined) {
      if (!expired) return finish({ ...record, run })
      if (!pass(until)) return finish({ ...record, run })
      event('journey_step', { step: step.id, action: 'wait' })
      fresh = false
      const ended = next(undefined, until)
      if (ended) return finish(ended)
      continue
    }
    const guarded = !!step.on
    if (expired) {
      // `within` ran out: `else`, or the run ends (reason timeout).
      if (!step.else) return finish(end(id, { ...record, run }, 'timeout', time, journey, effects))
      if (!pass(until)) return finish({ ...record, run })
      event('journey_step', { step: step.id, action: 'else', goto: step.else })
      fresh = false
      const ended = next(step.else, until)
      if (ended) return finish(ended)
      continue
    }
    if (guarded && !run.armed && (fresh || !triggered(step, situation, tools))) return finish({ ...record, run })
    // An item that cannot be shown now (limits, a modal open) is tried again on later calls,
    // the next page view at the latest, inside its `within`: a guard once met stays met.
    if (step.show !== undefined && !tools.canShow(step.show)) return finish({ ...record, run: guarded ? { ...run, armed: true } : run })

    if (!pass(time)) return finish({ ...record, run })
    const { action, goto, effect, skipped } = act(id, step, run, situation, tools)
    event('journey_step', { step: step.id, action, ...(goto !== undefined && { goto }), ...(skipped && { skipped }) })
    if (effect) effects.push(effect)
    if (step.exit) return finish(end(id, { ...record, run }, 'completed', time, journey, effects))
    fresh = true
    // A branch with no case holding and no `else` goes on down the list, like any step.
    const ended = next(goto, time)
    if (ended) return finish(ended)
  }
  stops.push({ journey: id, step: run.step!, chain: [...new Set(chain)], reason: 'limit' })
  return finish({ ...record, run })
}

/** A step becomes current: its `wait` or `within` gets an absolute end. */
function arrive(journey: Journey, run: Run, tools: Tools): Run {
  const step = journey.steps.find(({ id }) => id === run.step)
  if (!step) return run
  let until: number | undefined
  if (typeof step.wait === 'string') until = run.since + waitLength(step.wait)
  else if (step.wait) until = weeklyEnd(journey, step.id, step.wait, run, tools)
  else if (step.within) until = run.since + (parseDuration(step.within) ?? 0)
  return { ...run, until, sig: stepSignature(step) }
}

/**
 * A `wait` duration. One that is not above zero (or unreadable) is refused by the validator; one
 * that slips through ends as it begins — the run goes on at once, and a loop through it comes
 * back to a step at the moment it passed it, which the walk stops and parks (see `extraMoves`):
 * it never spins, and never waits for a time nobody chose.
 */
const waitLength = (wait: string) => Math.max(parseDuration(wait) ?? 0, 0)

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
  // A run that ended on its own keeps its goal measured until the goal window closes; a holdout
  // run's window is its whole life.
  const until = run.enteredAt + (journey ? goalWithin(journey) : 0)
  const measure = journey?.goal && !run.holdout && (reason === 'completed' || reason === 'timeout') && time <= until
  return { ...record, run: undefined, measuring: measure ? { run: run.run, holdout: run.holdout, until } : undefined }
}
