import type { Config } from '../../config/types.js'
import type { Facts } from '../../rules/facts.js'
import type { ExitReason, JourneysState } from '../../journeys/state.js'
import { matchQuery } from '../../rules/match.js'
import { testRegex } from '../../rules/regex.js'
import { isScheduled, nextOpening, zonedParts } from '../../rules/schedule.js'
import { stepJourneys, type Effect, type Tools } from '../../journeys/stepper.js'
import { evaluateSegments, journeyFacts } from '../../journeys/segments.js'
import { emptyJourneysState } from '../../journeys/state.js'
import { describeJourney } from './describe.js'
import { describeWhereabouts, iso, narrateCall } from './narrate.js'
import { flattenFacts, mergeFacts, readTimeline } from './timeline.js'

export type { TimelineEntry } from './timeline.js'

export interface JourneyExplainOptions {
  /** The visitor's facts before the first call (contract §4): `{ visit: { count: 2 } }`. */
  facts?: Facts
  /** The calls to simulate, in order (see `TimelineEntry`); read and checked here. */
  timeline?: unknown
  /** The time a first `"+2h"` counts from. */
  start?: number
  /** Splits and the holdout are sticky per visitor id (default `"visitor"`). */
  visitorId?: string
  /**
   * The visitor's time zone (default UTC): of the `time.hour` and `time.weekday` facts, and of
   * schedules and weekly waits that name none.
   */
  timezone?: string
  /** The visitor has a push subscription (else a `push` step is skipped). */
  subscribed?: boolean
}

/** What the journey did on one call of the timeline. */
export interface ExplainedCall {
  time: number
  trigger: string | null
  /** The stepper's effects for this journey, as the runtime would perform them. */
  effects: Effect[]
  /** Segments the visitor entered and left after the call. */
  segments: { entered: string[]; exited: string[] }
  lines: string[]
}

export interface JourneyExplanation {
  journey: string
  /** The journey in words: entry, exit, goal, reentry, holdout, schedule, then each step. */
  flow: string[]
  calls: ExplainedCall[]
  /** The visitor's journey state after the last call. */
  state: JourneysState
  /** Where the visitor is after the last call, in words. */
  where: string
  /** Everything above, ready to print. */
  lines: string[]
}

/**
 * A journey in words, then a simulated visitor walking it: each call of the timeline is run
 * through the journeys' own stepper (with the real query matching, schedules and weekly
 * openings) and told — what happened and why, and where the visitor ends up. Pure: the
 * times are the timeline's. Only this journey is stepped; the effects of its steps (a
 * tracked event, a stage) do not feed back into later calls; every item is taken as
 * showable (limits are not simulated). Throws an `Error` naming what it cannot read.
 *
 * @example
 * explainJourney(config, 'cart-rescue', {
 *   facts: { segment: { 'hot-shoppers': true } },
 *   timeline: [{ at: '2026-12-01T10:00:00Z', event: 'add_to_cart' }, { at: '+3h', event: 'page_view' }],
 * }).lines.join('\n')
 */
export function explainJourney(config: Config, id: string, options: JourneyExplainOptions = {}): JourneyExplanation {
  const journeys = config.journeys ?? {}
  const journey = Object.prototype.hasOwnProperty.call(journeys, id) ? journeys[id] : undefined
  if (!journey) throw new Error(`no journey "${id}" in the config${Object.keys(journeys).length ? ` (journeys: ${Object.keys(journeys).join(', ')})` : ''}`)
  const calls = readTimeline(options.timeline ?? [], options.start)
  const segments = config.segments ?? {}
  const only = { [id]: journey }
  const matches: Tools['matches'] = (query, facts) => matchQuery(query, facts, testRegex)
  const zone = options.timezone ?? 'UTC'
  try {
    zonedParts(0, zone)
  } catch {
    throw new Error(`timezone: "${zone}" is not an IANA time zone ("Europe/Belgrade", "UTC")`)
  }
  const tools: Tools = {
    matches,
    // A schedule or wait without a zone reads the visitor's wall clock: the simulated visitor's.
    scheduled: (schedule, time) => isScheduled(schedule.timezone ? schedule : { ...schedule, timezone: zone }, time),
    opening: (wait, time) => nextOpening(wait.weekly, wait.timezone ?? zone, time),
    canShow: () => true,
    canPush: () => options.subscribed === true,
  }
  const visitorId = options.visitorId ?? 'visitor'

  let known = mergeFacts({}, options.facts ?? {})
  let state = emptyJourneysState()
  let lastExit: ExitReason | undefined
  const explained: ExplainedCall[] = []
  for (const call of calls) {
    known = mergeFacts(known, call.facts)
    const local = zonedParts(call.time, zone)
    const base = mergeFacts({ time: { hour: local.hour, weekday: local.weekday } }, known)
    // `segment.<id>` given as a fact stands for the visitor: it overrides the computed one.
    const given = (typeof base.segment === 'object' && base.segment !== null ? base.segment : {}) as Record<string, unknown>
    const withState = (current: JourneysState): Facts => {
      const derived = journeyFacts(segments, only, current)
      return { ...base, ...derived, segment: { ...(derived.segment as Facts), ...given } }
    }
    const before = state.journeys[id]
    // `"enter": "<id>"` (a site-wide timeline's) enters only the journey it names.
    const enters = call.enter && (call.journey === undefined || call.journey === id)
    const situation = {
      time: call.time,
      visitorId,
      trigger: call.trigger,
      facts: { ...withState(state), event: call.properties },
      enter: enters ? id : undefined,
    }
    const outcome = stepJourneys(only, state, situation, tools)
    state = outcome.state
    for (const effect of outcome.effects) if (effect.type === 'event' && effect.event === 'journey_exited') lastExit = effect.properties.reason as ExitReason

    const membership = evaluateSegments(segments, withState(state), state.segments, matches)
    const members = Object.keys(segments).filter((segment) => (segment in given ? given[segment] === true : membership.members.includes(segment)))
    const changes = { entered: members.filter((s) => !state.segments.includes(s)), exited: state.segments.filter((s) => !members.includes(s)) }
    state = { ...state, segments: members }

    const changed = flattenFacts({ ...call.facts, ...(Object.keys(call.properties).length && { event: call.properties }) })
    const lines = [
      `${iso(call.time)}  ${enters ? `enter(${id})` : (call.trigger ?? '(time passes)')}${changed.length ? `  with ${changed.join(', ')}` : ''}`,
      ...narrateCall(journey, { before, after: state.journeys[id]!, effects: outcome.effects, situation }, tools),
      ...(changes.entered.length ? [`  segments entered: ${changes.entered.join(', ')}`] : []),
      ...(changes.exited.length ? [`  segments left: ${changes.exited.join(', ')}`] : []),
    ]
    explained.push({ time: call.time, trigger: call.trigger, effects: outcome.effects, segments: changes, lines })
  }
  const flow = describeJourney(id, journey)
  const where = describeWhereabouts(journey, state.journeys[id], lastExit)
  const lines = [...flow]
  if (calls.length) {
    lines.push('', `timeline (visitor "${visitorId}"; in ${zone}):`, ...explained.flatMap((call) => call.lines))
    lines.push('', `where the visitor is: ${where}`)
  }
  return { journey: id, flow, calls: explained, state, where, lines }
}
