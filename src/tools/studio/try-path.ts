/**
 * The Try panel's glue: which canvas boxes a simulated visitor went through, and the one where
 * they are (or ended), from the stepper's effects call by call (explainJourney's `calls`) and the
 * run's step after each call. Pure; the boxes are the canvas's keys (`@entry`, `step:<id>`…).
 */
import type { Effect } from '../../journeys/stepper.js'

export interface TriedCall {
  effects: Effect[]
  /** The run's current step after the call: a step id, null for a holdout run, undefined for no run. */
  at: string | null | undefined
}

export interface TriedPath {
  /** Boxes passed, in the order first passed. */
  visited: string[]
  /** Where the visitor is after the last call, or where their run ended; null: never entered. */
  here: string | null
}

const endBox: Record<string, string> = { exit: '@exits', goal: '@goal', timeout: '@timeout' }

/**
 * @example
 * triedPath([{ effects: [entered, step('pause')], at: 'watch' }], new Set())
 * // { visited: ['@entry', 'step:pause', 'step:watch'], here: 'step:watch' }
 */
export function triedPath(calls: TriedCall[], exitSteps: ReadonlySet<string>): TriedPath {
  const visited = new Set<string>()
  let here: string | null = null
  let lastStep: string | null = null
  for (const call of calls) {
    for (const effect of call.effects) {
      if (effect.type !== 'event') continue
      const properties = effect.properties
      if (effect.event === 'journey_entered') {
        visited.add('@entry')
        if (properties.holdout === true) visited.add('@holdout')
        here = properties.holdout === true ? '@holdout' : '@entry'
      } else if (effect.event === 'journey_step' && typeof properties.step === 'string') {
        lastStep = properties.step
        here = `step:${lastStep}`
        visited.add(here)
      } else if (effect.event === 'journey_goal') visited.add('@goal')
      else if (effect.event === 'journey_exited') {
        const reason = String(properties.reason)
        here = reason === 'completed' ? (lastStep !== null && exitSteps.has(lastStep) ? `step:${lastStep}` : '@end') : (endBox[reason] ?? null)
        if (here) visited.add(here)
      }
    }
    if (typeof call.at === 'string') {
      here = `step:${call.at}`
      visited.add(here)
    } else if (call.at === null) here = '@holdout'
  }
  return { visited: [...visited], here }
}
