import type { Journey, Query, Step, Trigger } from '../../config/types.js'
import type { Facts } from '../../rules/facts.js'
import type { Effect, Situation, Tools } from '../../journeys/stepper.js'
import type { JourneyRecord, Run } from '../../journeys/state.js'
import { readFact } from '../../rules/facts.js'
import { parseDuration } from '../../rules/duration.js'
import { triggerKey } from '../../rules/trigger-key.js'
import { describeQuery, describeSchedule, describeSet, describeTrigger, triggerWords } from './describe.js'

/** `2026-12-01T10:00:00Z`: times as the timeline writes them. */
export const iso = (time: number): string => new Date(time).toISOString().replace('.000Z', 'Z')

/** What one call did to a run, as the stepper decided it: record before, record after, its effects. */
export interface Call {
  before: JourneyRecord | undefined
  after: JourneyRecord
  effects: Effect[]
  situation: Situation
}

/**
 * One call in words, for `explain --journey`: each thing the stepper did (entered, a wait
 * over, a step acting and why, `else`, the goal, the end) and then what the run waits for, or
 * why nothing happened. Reads the stepper's effects; decides nothing itself.
 */
export function narrateCall(journey: Journey, call: Call, tools: Tools): string[] {
  const { situation, effects } = call
  const lines: string[] = []
  const steps = journey.steps
  const find = (id: string | null | undefined) => steps.find((step) => step.id === id)
  const following = (step: Step) => step.goto ?? steps[steps.indexOf(step) + 1]?.id
  // Where the walk stands between effects: waits that ran out leave no effect, so they are
  // read from the path between one step that acted and the next.
  let cursor = call.before?.run?.step ?? null
  let since = call.before?.run?.since ?? situation.time
  let until = call.before?.run?.until
  const untilOf = (step: Step) => until ?? arrival(step, since, tools)
  const move = (to: string | undefined, at: number) => {
    cursor = to ?? null
    since = at
    until = undefined
  }
  const waitOver = (step: Step & { wait: NonNullable<Step['wait']> }) => {
    const over = untilOf(step)
    lines.push(`  ⏱ ${step.id}: ${typeof step.wait === 'string' ? `its ${step.wait} wait was over` : `${describeSchedule(step.wait)} opened`} at ${iso(over)}`)
    move(following(step), over)
  }
  // Effects from before waits sent journey_step: read from the path instead.
  const passWaits = (target: string | null) => {
    for (let step = find(cursor); step && step.id !== target && step.wait !== undefined; step = find(cursor)) waitOver(step as Parameters<typeof waitOver>[0])
  }
  let holdoutRun = call.before?.run?.holdout ?? false

  for (const effect of effects) {
    if (effect.type !== 'event') continue
    const { step: stepId, run, holdout, reason, action, goto, skipped } = effect.properties as Record<string, string | number | boolean | undefined>
    if (effect.event === 'journey_entered') {
      const how = situation.enter ? 'entered from code' : journey.entry ? `${describeTrigger(journey.entry)}` : ''
      lines.push(`  + entered: run ${run}${holdout ? ', in the holdout: takes no step' : ''} (${how})`)
      holdoutRun = holdout === true
      move(holdout ? undefined : steps[0]?.id, situation.time)
    } else if (effect.event === 'journey_goal') {
      lines.push(`  ★ goal reached: run ${run}${holdout ? ' (holdout)' : ''}, ${describeTrigger(journey.goal!)}`)
    } else if (effect.event === 'journey_step') {
      passWaits(String(stepId))
      const step = find(String(stepId))!
      if (action === 'wait' && step.wait !== undefined) {
        waitOver(step as Parameters<typeof waitOver>[0])
        continue
      }
      if (action === 'else') {
        lines.push(`  ⏱ ${step.id}: ${step.within} passed without ${step.on} (at ${iso(untilOf(step))}) → ${goto}`)
        move(String(goto), untilOf(step))
        continue
      }
      const why = stepReason(step, goto === undefined ? undefined : String(goto), situation.facts, tools)
      const done = skipped ? `${action} skipped (${skipped})` : describeActed(step)
      const next = step.exit ? '' : ` → ${goto ?? following(step) ?? 'end'}`
      lines.push(`  → ${step.id}: ${done}${next}${why}`)
      // An `exit` step stays the cursor: the end that follows names it.
      move(step.exit ? step.id : ((goto === undefined ? undefined : String(goto)) ?? following(step)), situation.time)
    } else if (effect.event === 'journey_exited') {
      if (reason === 'completed' || reason === 'timeout') passWaits(null)
      lines.push(
        `  ■ run ${run} ended: ${reason}${holdoutRun && reason === 'completed' ? ' (a holdout run: its goal window closed)' : exitReason(journey, String(reason), find(cursor))}`,
      )
      move(undefined, situation.time)
    }
  }
  const run = call.after.run
  if (run?.holdout) lines.push(`  … holdout run ${run.run}: takes no step; its goal is measured until ${goalEnd(journey, run)}`)
  else if (run) {
    passWaits(run.step)
    const step = find(run.step)
    if (step) lines.push(`  … ${step.id} ${waitingFor(step, run, situation, tools)}`)
  } else if (!effects.length) lines.push(`  ✘ ${whyNotEntered(journey, call.after, situation, tools)}`)
  return lines
}

/** Where the visitor stands after the last call: the run's step and its wait, or why there is no run. */
export function describeWhereabouts(journey: Journey, record: JourneyRecord | undefined, lastExit: string | undefined): string {
  const run = record?.run
  if (run?.holdout) return `run ${run.run}, in the holdout: takes no step; its goal is measured until ${goalEnd(journey, run)}`
  if (run) {
    const step = journey.steps.find(({ id }) => id === run.step)!
    return `run ${run.run}, at step ${step.id}: ${waitingFor(step, run)}`
  }
  if (!record?.runs) return 'not in the journey: never entered'
  const measuring = record.measuring ? `; its goal is measured until ${iso(record.measuring.until)}` : ''
  return `not in the journey: run ${record.runs} ended (${lastExit ?? 'unknown'})${measuring}${record.goal ? '; the goal was reached' : ''}`
}

/** When a step made current at `since` stops waiting: the stepper's `arrive`, read back. */
function arrival(step: Step, since: number, tools: Tools): number {
  if (typeof step.wait === 'string') return since + (parseDuration(step.wait) ?? 0)
  if (step.wait) return tools.opening(step.wait, since)
  return since + (parseDuration(step.within) ?? 0)
}

function describeActed(step: Step): string {
  if (step.show !== undefined) return `show ${step.show}`
  if (step.track !== undefined) return `track ${step.track}`
  if (step.set) return `set ${describeSet(step.set)}`
  if (step.push) return `push "${step.push.title}"`
  if (step.split) return 'split'
  if (step.branch) return 'branch'
  return 'exit'
}

function stepReason(step: Step, goto: string | undefined, facts: Facts, tools: Tools): string {
  if (step.branch) {
    const chosen = step.branch.find((option) => tools.matches(option.if, facts))
    return chosen ? ` (${describeQuery(chosen.if)})` : ' (no case held)'
  }
  if (step.split)
    return ` (this visitor's sticky share: ${step.split.find((option) => option.goto === goto)?.weight ?? '?'} of ${step.split.reduce((sum, { weight }) => sum + weight, 0)})`
  if (step.on) return ` (${describeTrigger(step as Trigger)})`
  return ''
}

function exitReason(journey: Journey, reason: string, step: Step | undefined): string {
  if (reason === 'completed') return step?.exit ? ` at ${step.id}` : ' after its last step'
  if (reason === 'exit') return ` (${journey.exit?.map(describeTrigger).join(' or ')})`
  if (reason === 'timeout' && step) return ` (${step.id}'s ${step.within} ran out, no else)`
  if (reason === 'timeout') return ' (a holdout run: its goal window closed)'
  return ''
}

function waitingFor(step: Step, run: Run, situation?: Situation, tools?: Tools): string {
  const until = run.until === undefined ? '' : ` until ${iso(run.until)}`
  if (typeof step.wait === 'string') return `waits ${step.wait},${until}`
  if (step.wait) return `waits for the next opening of ${describeSchedule(step.wait)},${until.replace('until', 'at')}`
  const timeout = run.until === undefined ? '' : `, then → ${step.else ?? 'exit (timeout)'}`
  const waits = `waits for ${triggerWords(step as Trigger)}${until}${timeout}`
  if (!situation || !tools || !step.on || situation.trigger !== triggerKey(step as Trigger)) return waits
  if (step.if && !tools.matches(step.if, situation.facts)) return `${waits}: ${step.on} came, but it needs ${failing(step.if, situation.facts, tools)}`
  return `${waits}: reached by this call, so it waits for the next ${step.on}`
}

function whyNotEntered(journey: Journey, record: JourneyRecord, situation: Situation, tools: Tools): string {
  const entry = journey.entry
  if (!situation.enter) {
    if (!entry) return 'not entered: this journey is entered only from code (enter)'
    if (situation.trigger !== triggerKey(entry))
      return `not entered: the entry is ${describeTrigger({ ...entry, if: undefined })}, not ${situation.trigger ?? 'time passing'}`
    if (entry.if && !tools.matches(entry.if, situation.facts)) {
      const reason = failing(entry.if, situation.facts, tools)
      // Segments are re-evaluated after each call (contract §8): a call sees the last one's.
      return `not entered: the entry needs ${reason}${reason.includes('segment.') ? '; segments are as the call before left them' : ''}`
    }
  }
  if (journey.schedule && !tools.scheduled(journey.schedule, situation.time)) return `not entered: outside the journey's schedule at ${iso(situation.time)}`
  const reentry = journey.reentry ?? 'never'
  if (reentry === 'never') return `not entered again: reentry is never (run ${record.runs} was the one)`
  if (typeof reentry === 'object')
    return `not entered again before ${iso((record.lastEntry ?? 0) + (parseDuration(reentry.after) ?? 0))} (reentry ${reentry.after} after the last entry)`
  return 'not entered'
}

/** The first condition of a query that does not hold, with the fact as it is. */
function failing(query: Query, facts: Facts, tools: Tools): string {
  for (const [key, condition] of Object.entries(query)) {
    if (tools.matches({ [key]: condition }, facts)) continue
    const described = describeQuery({ [key]: condition })
    if (key.startsWith('$')) return described
    return `${described} (${key} is ${JSON.stringify(readFact(facts, key)) ?? 'not set'})`
  }
  return describeQuery(query)
}

const goalEnd = (journey: Journey, run: Run) => {
  const within = parseDuration(journey.goal?.within)
  return within === null ? 'the run ends (the goal has no within)' : iso(run.enteredAt + within)
}
