import type { Trigger } from '../../config/types.js'
import type { Effect, Outcome, Situation, Tools } from '../../journeys/stepper.js'
import type { JourneysState } from '../../journeys/state.js'
import type { Core, Moment } from './core.js'
import { stepJourneys } from '../../journeys/stepper.js'
import { evaluateSegments } from '../../journeys/segments.js'
import { journeyTriggers } from '../../journeys/listens.js'
import { describeWhereabouts, iso, narrateCall } from '../explain/narrate.js'
import { stillDue } from '../../journeys/owed.js'
import { nextOpening } from '../../rules/schedule.js'
import { readFact } from '../../rules/facts.js'
import { triggerKey } from '../../rules/trigger-key.js'

type ShowEffect = Extract<Effect, { type: 'show' }>

const has = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key)
const noPage = { url: '', path: '', referrer: '', title: '' }

/**
 * Every journey and segment of the simulated visitor, as src/journeys/runtime.ts runs them: one
 * call steps all journeys together through the real stepper, with the real limits on what a
 * step may show (src/actions/act.ts `mayShow`); then their effects are done in order — events
 * tracked (they trigger rules and journeys, one level deeper), sets, shows (one that cannot
 * show stays due, as the runtime's owed list keeps it, and is tried at the next page view),
 * pushes. Each journey the call touched is told in the words of `explain --journey`.
 */
export function createJourneys(core: Core) {
  const { config } = core
  const segments = config.segments ?? {}
  const journeys = config.journeys ?? {}
  // The journeys chunk loads only for a config that has journeys or segments (src/engine/create.ts).
  const active = !!(config.journeys || config.segments)
  const listened = new Set(['page_view', ...journeyTriggers(config).map(triggerKey)])
  let owed: Array<{ effect: ShowEffect; time: number }> = []
  const lastExit: Record<string, string> = {}
  let refused: Array<{ item: string; reason: string }> = []

  const tools: Tools = {
    matches: core.matches,
    scheduled: core.scheduled,
    opening: (wait, time) => nextOpening(wait.weekly, wait.timezone ?? core.zone, time),
    canShow: (item) => {
      const reason = core.journeyMayNotShow(item)
      if (reason) refused.push({ item, reason })
      return !reason
    },
    canPush: () => core.subscribed,
  }

  const due = (time: number) => Object.values(core.state.journeys.journeys).some(({ run }) => run?.until !== undefined && run.until <= time)

  /** A step's item, shown if it can be now (src/actions/act.ts `hooks.show`); false: it stays due. */
  const showDue = (effect: ShowEffect, now: number, late: boolean): boolean => {
    const { item, journey, run, step } = effect
    const what = `${step}: show ${item}`
    const reason = core.screen.blocked(item, core.pushUnsupported()) ?? core.claim({ id: `journey:${journey}`, on: '', show: item }, now)
    if (reason) {
      core.log.line(`✘ journey ${journey}: ${what} held back: ${reason}; it stays due (tried again at the next page view)`)
      core.held({ by: `journey ${journey}`, item, reason })
      return false
    }
    if (late) core.log.line(`✔ journey ${journey}: ${what} (due since it could not show before)`)
    core.show(item, `journey ${journey}`, { rule: null, variant: null, journey, run, step })
    return true
  }

  /** What the walk decided, done in order (src/journeys/runtime.ts `perform`). */
  const perform = (effects: Effect[], moment: Moment) => {
    let by = 'journeys'
    for (const effect of effects) {
      if (effect.type === 'event' || effect.type === 'track') {
        const { journey, step, segment } = effect.properties
        by = segment !== undefined ? `segments.${String(segment)}` : `journeys.${String(journey)}${step === undefined ? '' : `.${String(step)}`}`
        const tracker = effect.type === 'track' ? `journey ${String(journey)}` : undefined
        core.derived(by, effect.event, effect.properties, moment, `↳ ${effect.event}${tracker ? ` (${tracker})` : ''}`, tracker)
        if (effect.type === 'event' && effect.event === 'journey_exited') lastExit[String(journey)] = String(effect.properties.reason)
      } else if (effect.type === 'set') core.applySet(effect.set, by, moment)
      else if (effect.type === 'show') {
        if (!showDue(effect, moment.time, false)) owed.push({ effect, time: moment.time })
      } else if (core.subscribed)
        core.requestPush(effect.push, { journey: effect.journey, run: effect.run, step: effect.step }, moment, `journey ${effect.journey}`)
    }
  }

  /** Items steps could not show yet, tried again at a page view (src/journeys/runtime.ts `recover`). */
  const recover = (moment: Moment) => {
    owed = owed.filter(({ effect, time }) => {
      if (!stillDue(core.state.journeys, { id: '', effect, moment: { page: noPage, time }, tab: '' }, moment.time)) return false
      return !showDue(effect, moment.time, true)
    })
  }

  /** Journeys the call concerns: they acted, could not show, or listen for this trigger. */
  const concerned = (id: string, before: JourneysState, outcome: Outcome, situation: Situation) => {
    const journey = journeys[id]!
    const run = outcome.state.journeys[id]?.run
    const step = journey.steps.find((candidate) => candidate.id === run?.step)
    if (outcome.effects.some((effect) => effect.type === 'event' && effect.properties.journey === id)) return true
    if (step?.show !== undefined && refused.some(({ item }) => item === step.show)) return true
    if (situation.enter === id) return true
    const listening = run || before.journeys[id]?.run ? step : journey.entry
    return !!listening?.on && triggerKey(listening as Trigger) === situation.trigger
  }

  const narrate = (before: JourneysState, outcome: Outcome, situation: Situation) => {
    for (const [id, journey] of Object.entries(journeys)) {
      if (!concerned(id, before, outcome, situation)) continue
      const after = outcome.state.journeys[id] ?? { runs: 0, goal: false }
      const effects = outcome.effects.filter((effect) => effect.type === 'event' && effect.properties.journey === id)
      core.log.nest(`journey ${id}:`, () => {
        for (const line of narrateCall(journey, { before: before.journeys[id], after, effects, situation }, tools)) core.log.line(line.slice(2))
        const step = journey.steps.find((candidate) => candidate.id === after.run?.step)
        const refusal = refused.find(({ item }) => item === step?.show)
        if (step && refusal) {
          core.log.line(`✘ ${step.id}: show ${refusal.item} held back: ${refusal.reason}; the step waits for a later call`)
          core.held({ by: `journey ${id}`, item: refusal.item, reason: refusal.reason })
        }
      })
    }
  }

  return {
    /** One call's trigger (null: time passes), or `enter(id)`, against every journey. */
    step(trigger: string | null, moment: Moment, event: Record<string, unknown>, enter?: string): void {
      if (!active) return
      if (enter !== undefined && !has(journeys, enter)) return core.log.line(`✘ enter(${enter}): no journey "${enter}" in the config`)
      if (enter === undefined && trigger !== null && !listened.has(trigger) && !due(moment.time)) return
      if (trigger === 'page_view' || trigger === null) recover(moment)
      const before = core.state.journeys
      refused = []
      const situation: Situation = { time: moment.time, visitorId: core.visitorId, trigger, enter, facts: core.facts(moment, event) }
      const outcome = stepJourneys(journeys, before, situation, tools)
      core.state.journeys = outcome.state
      narrate(before, outcome, situation)
      for (const { journey, chain, reason } of outcome.stopped ?? [])
        core.log.line(`! journeys.${journey}: ${reason === 'loop' ? 'a loop was stopped' : 'a walk was cut short'}: ${chain.join(' → ')}`)
      perform(outcome.effects, moment)
    },
    /** After every call: segment membership anew, changes tracked (src/journeys/runtime.ts `regroup`). */
    regroup(moment: Moment): void {
      if (!active) return
      const current = core.state.journeys
      const computed = evaluateSegments(segments, core.facts(moment, {}), current.segments, core.matches).members
      // `segment.<id>` given as a fact stands for the visitor, as in `explain --journey`.
      const given = readFact(core.state.given, 'segment')
      const told = (id: string) => (typeof given === 'object' && given !== null && has(given, id) ? (given as Record<string, unknown>)[id] === true : undefined)
      const members = Object.keys(segments).filter((id) => told(id) ?? computed.includes(id))
      const entered = members.filter((id) => !current.segments.includes(id))
      const exited = current.segments.filter((id) => !members.includes(id))
      if (!entered.length && !exited.length) return
      core.state.journeys = { ...current, segments: members }
      if (entered.length) core.log.line(`segments entered: ${entered.join(', ')}`)
      if (exited.length) core.log.line(`segments left: ${exited.join(', ')}`)
      for (const id of exited) core.derived(`segments.${id}`, 'segment_exited', { segment: id }, moment, `↳ segment_exited (${id})`)
      for (const id of entered) core.derived(`segments.${id}`, 'segment_entered', { segment: id }, moment, `↳ segment_entered (${id})`)
    },
    /** Where the visitor stands in each journey, in words. */
    whereabouts(): string[] {
      return Object.entries(journeys).map(([id, journey]) => `journey ${id}: ${describeWhereabouts(journey, core.state.journeys.journeys[id], lastExit[id])}`)
    },
    /** Items steps decided that are still due, with the time they were decided. */
    stillOwed: (): Array<{ item: string; journey: string; since: string }> =>
      owed.map(({ effect, time }) => ({ item: effect.item, journey: effect.journey, since: iso(time) })),
  }
}
