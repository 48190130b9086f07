/**
 * What the studio's buttons and fields do to a journey, as edits of the file (draft.ts): add,
 * delete, move and duplicate a step, set its action and guard, point its goto and else, rename
 * it, and set the journey's entry, exit, goal, re-entry, holdout and schedule. Each function
 * reads the draft as it is now and returns one group of edits (one undo). None of them judges
 * the result: the validator does, and the canvas shows what it says.
 */
import type { Journey, Step } from '../../../config/types.js'
import { actionOf, type StepAction } from '../../map/flow.js'
import { change, valueAt, type Edit, type JsonPath } from './draft.js'

export type { StepAction }
export const stepActions: StepAction[] = ['show', 'track', 'set', 'wait', 'split', 'branch', 'exit', 'push']

/** What a new step or action needs to know about the file: the items a `show` may name. */
export interface EditContext {
  items: string[]
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

export const journeyPath = (journey: string): JsonPath => ['journeys', journey]
const stepsPath = (journey: string): JsonPath => ['journeys', journey, 'steps']

/** The journey's steps as the draft has them (only the objects among them count). */
export function stepsOf(config: unknown, journey: string): Step[] {
  const steps = valueAt(config, stepsPath(journey))
  return Array.isArray(steps) ? steps.map((step) => (isObject(step) ? (step as unknown as Step) : ({} as Step))) : []
}

export const journeyOf = (config: unknown, journey: string): Partial<Journey> => {
  const found = valueAt(config, journeyPath(journey))
  return isObject(found) ? (found as Partial<Journey>) : {}
}

/** `base`, or `base-2`, `base-3`… : the first no step of the journey has. */
export function freshStepId(steps: Step[], base: string): string {
  const taken = new Set(steps.map((step) => step.id))
  if (!taken.has(base)) return base
  let n = 2
  while (taken.has(`${base}-${n}`)) n++
  return `${base}-${n}`
}

/** The step a new split, branch or goto points to by default: the next one, or another. */
function neighbourOf(steps: Step[], index: number): string {
  return steps[index + 1]?.id ?? steps.find((_, i) => i !== index)?.id ?? ''
}

/**
 * What a step does when its action is picked, before the owner fills it in. Values the validator
 * refuses stay empty (a `track` needs an event name: the box says so until it has one); the
 * others get a value that works (`wait` 1h, a `show` of the first item).
 */
export function actionDefault(action: StepAction, steps: Step[], index: number, context: EditContext): unknown {
  const next = neighbourOf(steps, index)
  switch (action) {
    case 'show':
      return context.items[0] ?? ''
    case 'track':
      return ''
    case 'set':
      return { stage: 'retention' }
    case 'wait':
      return '1h'
    case 'split':
      return [
        { weight: 50, goto: next },
        { weight: 50, goto: next },
      ]
    case 'branch':
      return [{ if: {}, goto: next }]
    case 'push':
      return { title: 'New message' }
    default:
      return true
  }
}

/** Steps whose way on is their action: a `goto` there is ignored (the validator warns). */
const endsItsOwnWay = (action: StepAction) => action === 'split' || action === 'branch' || action === 'exit'

/**
 * The edit that puts `step` at `position` in the list, moving the ones from there down by one:
 * one insertion, so the server rewrites only the new step's lines, not every step below it.
 */
function insertAt(config: unknown, journey: string, position: number, step: Step): Edit[] {
  const steps = valueAt(config, stepsPath(journey))
  if (!Array.isArray(steps)) return [{ path: stepsPath(journey), value: [step] }]
  return [{ path: [...stepsPath(journey), position], value: step, insert: true }]
}

/**
 * A new step (a one-hour wait, with a fresh id) after the step at `after`, or first when `after`
 * is -1. Added on the arrow out of a step with a `goto`, the new step takes the `goto` over, so
 * that the flow goes through it as drawn.
 */
export function addStep(config: unknown, journey: string, after: number, context: EditContext): { edits: Edit[]; id: string } {
  const steps = stepsOf(config, journey)
  const id = freshStepId(steps, 'wait')
  const before = steps[after]
  const step: Step = { id, wait: actionDefault('wait', steps, after + 1, context) as string }
  const handOver = before?.goto !== undefined && !endsItsOwnWay(actionOf(before))
  if (handOver) step.goto = before.goto
  const edits = [...(handOver ? [{ path: [...stepsPath(journey), after, 'goto'], remove: true as const }] : []), ...insertAt(config, journey, after + 1, step)]
  return { edits, id }
}

/**
 * Deletes the step. Steps whose `goto`, `else` or options named it keep the name: the validator
 * then shows each of them as a broken target, on its box, where the owner decides where it
 * should go now (rewriting them silently would change flows the owner did not touch).
 */
export const deleteStep = (journey: string, index: number): Edit[] => [{ path: [...stepsPath(journey), index], remove: true }]

/** Swaps the step with the one above (-1) or below (+1); nothing at either end. */
export function moveStep(config: unknown, journey: string, index: number, delta: -1 | 1): Edit[] {
  const steps = valueAt(config, stepsPath(journey))
  const other = index + delta
  if (!Array.isArray(steps) || other < 0 || other >= steps.length || index < 0 || index >= steps.length) return []
  return [
    { path: [...stepsPath(journey), index], value: steps[other] },
    { path: [...stepsPath(journey), other], value: steps[index] },
  ]
}

/** A copy of the step, with a fresh id, just after it. */
export function duplicateStep(config: unknown, journey: string, index: number): { edits: Edit[]; id: string } {
  const steps = stepsOf(config, journey)
  const original = steps[index]
  if (!original) return { edits: [], id: '' }
  const id = freshStepId(steps, `${original.id}-copy`)
  return { edits: insertAt(config, journey, index + 1, { ...structuredClone(original), id }), id }
}

/** Gives the step another action: the old action's key goes, the new one comes with its default. */
export function setAction(config: unknown, journey: string, index: number, action: StepAction, context: EditContext): Edit[] {
  const steps = stepsOf(config, journey)
  const step = steps[index]
  if (!step || (actionOf(step) === action && step[action] !== undefined)) return []
  const at = [...stepsPath(journey), index]
  const edits = stepActions.filter((name) => step[name] !== undefined).map((name): Edit => ({ path: [...at, name], remove: true }))
  if (endsItsOwnWay(action) && step.goto !== undefined) edits.push({ path: [...at, 'goto'], remove: true })
  edits.push({ path: [...at, action], value: actionDefault(action, steps, index, context) })
  return edits
}

/**
 * Sets one field of a step (`on`, `if`, `within`, `else`, `goto`, `show`, `wait`…), or removes it
 * when `value` is undefined or "". Without `on`, `within` and `else` mean nothing: they go too
 * (but a branch's `else`, which is its own).
 */
export function setStepField(config: unknown, journey: string, index: number, key: string, value: unknown): Edit[] {
  const at = [...stepsPath(journey), index]
  const step = stepsOf(config, journey)[index]
  const cleared = value === '' ? undefined : value
  const edits = change(config, [...at, key], cleared)
  if (key === 'on' && cleared === undefined && step) {
    for (const guard of ['if', 'within', 'percent', 'seconds', 'selector']) edits.push(...change(config, [...at, guard], undefined))
    if (!step.branch) edits.push(...change(config, [...at, 'else'], undefined))
  }
  return edits
}

/** Sets (or, with undefined, removes) what `path` names under the step: `['split', 0, 'weight']`. */
export const setStepPath = (config: unknown, journey: string, index: number, path: JsonPath, value: unknown): Edit[] =>
  change(config, [...stepsPath(journey), index, ...path], value)

/** Renames a step; every `goto`, `else`, split and branch option that named it follows. */
export function renameStep(config: unknown, journey: string, index: number, id: string): Edit[] {
  const steps = stepsOf(config, journey)
  const old = steps[index]?.id
  if (old === undefined || old === id) return []
  const edits: Edit[] = [{ path: [...stepsPath(journey), index, 'id'], value: id }]
  steps.forEach((step, i) => {
    const at = [...stepsPath(journey), i]
    for (const key of ['goto', 'else'] as const) if (step[key] === old) edits.push({ path: [...at, key], value: id })
    for (const key of ['split', 'branch'] as const) {
      const options = step[key]
      if (Array.isArray(options))
        options.forEach((option, k) => isObject(option) && option.goto === old && edits.push({ path: [...at, key, k, 'goto'], value: id }))
    }
  })
  return edits
}

/** A new journey entered on `entryOn` (or only from code when ""), with no steps yet. */
export function newJourney(config: unknown, id: string, entryOn: string): Edit[] {
  if (valueAt(config, journeyPath(id)) !== undefined) return []
  return [{ path: journeyPath(id), value: { ...(entryOn && { entry: { on: entryOn } }), steps: [] } }]
}

export const deleteJourney = (journey: string): Edit[] => [{ path: journeyPath(journey), remove: true }]

/**
 * Sets a journey field by its path under the journey (`['entry', 'on']`, `['holdout']`,
 * `['goal', 'within']`), or removes it for undefined or "". A trigger (entry, goal) without its
 * `on` is gone whole; so is a schedule left empty.
 */
export function setJourneyField(config: unknown, journey: string, path: JsonPath, value: unknown): Edit[] {
  const cleared = value === '' ? undefined : value
  const [first] = path
  if (cleared === undefined && path.length === 2 && path[1] === 'on' && (first === 'entry' || first === 'goal'))
    return change(config, [...journeyPath(journey), first], undefined)
  const edits = change(config, [...journeyPath(journey), ...path], cleared)
  if (first === 'schedule' && cleared === undefined) {
    const left = valueAt(config, [...journeyPath(journey), 'schedule'])
    if (isObject(left) && Object.keys(left).every((key) => key === path[1])) return change(config, [...journeyPath(journey), 'schedule'], undefined)
  }
  return edits
}

/** Re-entry: "never" (the default: no key), "after-exit", or `{ after }` a duration. */
export function setReentry(config: unknown, journey: string, kind: 'never' | 'after-exit' | 'after', after = '30d'): Edit[] {
  const now = journeyOf(config, journey).reentry
  const value = kind === 'never' ? (now === 'never' ? 'never' : undefined) : kind === 'after-exit' ? 'after-exit' : { after }
  return change(config, [...journeyPath(journey), 'reentry'], value)
}

/** The exit triggers, as a list of events: the key goes when the list is empty. */
export function setExits(config: unknown, journey: string, events: string[]): Edit[] {
  const now = journeyOf(config, journey).exit
  const kept = events.filter(Boolean)
  if (!kept.length) return change(config, [...journeyPath(journey), 'exit'], undefined)
  const triggers = kept.map((on, i) => {
    const old = Array.isArray(now) ? now[i] : undefined
    return isObject(old) && old.on === on ? old : { ...(isObject(old) ? old : {}), on }
  })
  return change(config, [...journeyPath(journey), 'exit'], triggers)
}
