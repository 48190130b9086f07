import type { Journey, Step } from '../config/types.js'
import { hashToUnit } from '../rules/pacing.js'

/** JSON with every object's keys sorted: the same step written in another key order reads the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined && key !== '$comment')
      .sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** A short hash: runs are stored with the visitor, so they keep signatures, not the steps. */
const hash = (text: string) => Math.floor(hashToUnit(text) * 2 ** 32).toString(36)

/**
 * What a step does and what it waits for — its action and its guard (`on`, its parameters, `if`,
 * `within`) — without its id or where it leads: a config that changes these makes the step a
 * new one for a run standing at it (contract §8: it starts its own clock).
 */
export function stepSignature(step: Step): string {
  const { id: _id, goto: _goto, else: _else, ...rest } = step
  return hash(stableJson(rest))
}

/** The order of the steps in the list, which decides where a step without `goto` leads. */
export const orderSignature = (journey: Journey): string => hash(journey.steps.map(({ id }) => id).join('\n'))

/**
 * The steps of a loop as the config has them, each whole and with the step after it in the
 * list: a run parked on a runaway loop goes on once the config changes any of that.
 */
export function chainSignature(journey: Journey, chain: string[]): string {
  const { steps } = journey
  const parts = [...new Set(chain)].map((id) => {
    const index = steps.findIndex((step) => step.id === id)
    return index < 0 ? `-${id}` : `${stableJson(steps[index])}>${steps[index + 1]?.id ?? ''}`
  })
  return hash(parts.join('\n'))
}
