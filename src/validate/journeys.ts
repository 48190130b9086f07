import type { Context } from './checks.js'
import { isPlainObject } from './query.js'
import { walk } from './walk.js'
import { findFactProblems } from './journey-facts.js'
import { journeysShape, segmentsShape } from './journey-shape.js'
import { findStepProblems } from './journey-steps.js'
import { followRules } from './journey-loops.js'

/**
 * Contract §8 Validation: `segments` and `journeys` walked against their description
 * (validate/journey-shape.ts), then what a description cannot say: step names and flow
 * (validate/journey-steps.ts) and the facts queries name anywhere in the config (validate/journey-facts.ts).
 * Completes findProblems (validate/find-problems.ts): appends codes to the same lists, no words.
 * `segments` or `journeys` that are not objects were reported there.
 */
export function findJourneyProblems(config: unknown, found: Pick<Context, 'problems' | 'warnings' | 'screenRegex'>): void {
  if (!isPlainObject(config)) return
  const context: Context = { ...found, items: isPlainObject(config.items) ? config.items : {}, ruleIds: new Set() }
  const { segments, journeys } = config
  if (isPlainObject(segments)) {
    walk(segments, segmentsShape, 'segments', context)
    for (const [id, segment] of Object.entries(segments)) {
      // `if` is checked as a query, which a missing one is not
      if (isPlainObject(segment) && segment.if === undefined) context.problems.push({ path: `segments.${id}.if`, code: 'required' })
    }
  }
  if (isPlainObject(journeys)) {
    walk(journeys, journeysShape, 'journeys', context)
    const follow = followRules(config.rules)
    for (const [id, journey] of Object.entries(journeys)) {
      if (!isPlainObject(journey)) continue
      // Contract §8 Holdout: a holdout run is measured, and ends, at `goal.within` (0 holds no one out).
      const { holdout, goal } = journey
      if ((holdout as number) > 0 && !(isPlainObject(goal) && goal.within !== undefined)) {
        context.problems.push({ path: `journeys.${id}.holdout`, code: 'holdout', value: holdout })
      }
      if (!Array.isArray(journey.steps)) continue
      findStepProblems(journey.steps, `journeys.${id}.steps`, context, journey, follow)
      if (isPlainObject(config.push)) continue
      journey.steps.forEach(
        (step, i) =>
          isPlainObject(step) && step.push !== undefined && context.warnings.push({ path: `journeys.${id}.steps[${i}].push`, code: 'needsPushConfig' }),
      )
    }
  }
  findFactProblems(config, context)
}
