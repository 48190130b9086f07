import type { Rule, Schedule } from '../config/types.js'
import type { Facts } from '../rules/facts.js'
import type { Counts } from '../storage/visit.js'
import type { Effect } from '../journeys/stepper.js'
import { matchQuery } from '../rules/match.js'
import { testRegex } from '../rules/regex.js'

/**
 * Loaded only with data-debug or ?journeykit_debug=1: one collapsed console group per
 * trigger, with each rule's conditions, schedule and cap as they stood.
 */
export async function logDecisions(
  trigger: string,
  candidates: Rule[],
  facts: Facts,
  counts: Counts,
  now: number,
  // the pacing chunk's, when some rule has a schedule (importing it here would split it in pieces)
  isScheduled: (schedule: Schedule | undefined, now: number) => boolean = () => true,
): Promise<void> {
  // The caps live in the actions chunk: imported here, they would be a chunk of their own.
  const { isCapped } = await import('../chunks/actions.js')
  console.groupCollapsed(`journeykit: ${trigger} — ${candidates.length} rule(s)`)
  for (const rule of candidates) {
    const conditions = Object.entries(rule.if ?? {}).map(([key, condition]) => ({ key, condition, holds: matchQuery({ [key]: condition }, facts, testRegex) }))
    const scheduled = isScheduled(rule.schedule, now)
    const capped = isCapped(rule.frequency, counts.rules?.[rule.id] ?? [], now, counts.visit?.startedAt ?? now)
    const fires = conditions.every((c) => c.holds) && scheduled && !capped
    console.groupCollapsed(
      `${fires ? '✔' : '✘'} ${rule.id}${fires ? '' : `: ${!conditions.every((c) => c.holds) ? 'conditions not met' : !scheduled ? 'outside its schedule' : 'frequency cap reached'}`}`,
    )
    for (const { key, condition, holds } of conditions) console.log(`${holds ? '✔' : '✘'} ${key}`, condition)
    console.log(
      `schedule: ${rule.schedule ? (scheduled ? 'inside' : 'outside') : 'none'}; frequency: ${rule.frequency ? (capped ? 'cap reached' : 'under the cap') : 'none'}`,
    )
    console.groupEnd()
  }
  console.log('facts', facts)
  console.groupEnd()
}

/**
 * One collapsed group per call that moved a journey or a segment: entered, each step with its
 * action (and `goto`, `skipped`), what it did, the goal, the exit and its reason.
 */
export function logJourney(trigger: string | null, effects: Effect[]): void {
  console.groupCollapsed(`journeykit: ${trigger ?? 'a wait ran out'} — journeys`)
  for (const effect of effects) {
    if (effect.type === 'event' || effect.type === 'track') {
      const { journey, run, step, action, goto, skipped, reason, holdout, segment } = effect.properties
      const what: Record<string, unknown> = {
        journey_entered: `+ ${journey} entered: run ${run}${holdout ? ', holdout' : ''}`,
        journey_step: `→ ${journey} ${step}: ${action}${goto ? ` → ${goto}` : ''}${skipped ? ` (skipped: ${skipped})` : ''}`,
        journey_exited: `■ ${journey} run ${run} ended: ${reason}`,
        journey_goal: `★ ${journey} goal: run ${run}${holdout ? ', holdout' : ''}`,
        segment_entered: `segment ${segment}: entered`,
        segment_exited: `segment ${segment}: left`,
      }
      console.log(what[effect.event] ?? `  track ${effect.event}`)
    } else if (effect.type === 'show') console.log(`  show ${effect.item}`)
    else console.log(`  ${effect.type}`, effect.type === 'set' ? effect.set : effect.push)
  }
  console.groupEnd()
}
