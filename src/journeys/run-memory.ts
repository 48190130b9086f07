import type { Journey, Step } from '../config/types.js'
import type { Run } from './state.js'
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
  return remember(stepSignatures, step, () => {
    const { id: _id, goto: _goto, else: _else, ...rest } = step
    return hash(stableJson(rest))
  })
}

/** The order of the steps in the list, which decides where a step without `goto` leads. */
export const orderSignature = (journey: Journey): string => remember(orderSignatures, journey, () => hash(journey.steps.map(({ id }) => id).join('\n')))

// Every call rereads every run against the config: its signatures are worked out once per
// config object (a config is not changed in place while a page runs it).
const stepSignatures = new WeakMap<object, string>()
const orderSignatures = new WeakMap<object, string>()
function remember(cache: WeakMap<object, string>, key: object, make: () => string): string {
  let value = cache.get(key)
  if (value === undefined) cache.set(key, (value = make()))
  return value
}

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

/**
 * A run read back against the config of this call (contract §8 Config changes). A new order of
 * the steps carries what the run did over: those steps are skipped when the list order leads
 * to them again. A current step whose action or guard changed starts its own clock, as if
 * reached now. Runs stored before these fields start remembering from here.
 */
export function reread(journey: Journey, run: Run, time: number, fresh: boolean): { run: Run; fresh: boolean } {
  const order = orderSignature(journey)
  if (run.order !== order) {
    const ids = new Set(journey.steps.map((step) => step.id))
    const carried = [...new Set([...(run.carried ?? []), ...(run.order === undefined ? [] : (run.done ?? []))])].filter((done) => ids.has(done))
    run = { ...run, order, done: undefined, carried: carried.length ? carried : undefined }
  }
  const step = journey.steps.find(({ id }) => id === run.step)
  if (!step) return { run, fresh }
  const sig = stepSignature(step)
  if (run.sig === undefined) return { run: { ...run, sig }, fresh }
  if (run.sig === sig) return { run, fresh }
  return { run: { ...run, sig, since: time, until: undefined }, fresh: true }
}

/**
 * Where the list order leads after step `index`: the next step, past those the run did under an
 * earlier config (each skipped as if passed: on to its `goto`, or down the list).
 */
export function fallThrough(journey: Journey, index: number, carried: string[] | undefined): string | undefined {
  let target = journey.steps[index + 1]?.id
  for (let hops = 0; target !== undefined && carried?.includes(target); hops++) {
    // Every step carried over, round a loop: nothing is left to do.
    if (hops > journey.steps.length) return undefined
    const at = journey.steps.findIndex((step) => step.id === target)
    target = journey.steps[at]!.goto ?? journey.steps[at + 1]?.id
  }
  return target
}
