import type { Journey, Step } from '../../config/types.js'
import { describeQuery, describeSchedule, describeSet, describeWait, triggerWords } from '../explain/describe.js'

/** What a box of the map stands for. */
export type NodeKind = 'entry' | 'step' | 'holdout' | 'end' | 'timeout' | 'goal' | 'exits'
export type StepAction = 'show' | 'track' | 'set' | 'push' | 'wait' | 'split' | 'branch' | 'exit'

export interface FlowNode {
  /** Unique in the journey: `step:<id>`, or `@entry`, `@holdout`, `@end`, `@timeout`, `@goal`, `@exits`. */
  key: string
  kind: NodeKind
  /** The step's id, for a step. */
  step?: string
  action?: StepAction
  heading: string
  text: string
  /**
   * Exits only: one of the exit triggers is the goal's event too. The goal is checked first, so
   * such an event ends a run by goal (within the goal's window): the live map counts both there.
   */
  sharesGoal?: boolean
}

/**
 * One way out of a box. `path` names it for the counts (examples/collector/journeys-funnel.mjs
 * uses the same names): `next:<step>`, `goto:<step>`, `split:<step>`, `branch:<step>`,
 * `else:<step>`, `end` (the run completes), `timeout` (a `within` ran out with no `else`), and
 * from the entry `runs` and `holdout`.
 */
export interface FlowEdge {
  from: string
  to: string
  path: string
  label: string
  /** Taken only when time runs out, or the control group: drawn dashed. */
  dashed: boolean
}

export interface Flow {
  id: string
  /** The journey's header: what the boxes do not say (reentry). */
  summary: string[]
  nodes: FlowNode[]
  edges: FlowEdge[]
}

const stepKey = (id: string) => `step:${id}`

export function actionOf(step: Step): StepAction {
  if (step.show !== undefined) return 'show'
  if (step.track !== undefined) return 'track'
  if (step.set !== undefined) return 'set'
  if (step.push !== undefined) return 'push'
  if (step.wait !== undefined) return 'wait'
  if (step.split !== undefined) return 'split'
  if (step.branch !== undefined) return 'branch'
  return 'exit'
}

/** What a step does, in words: `show cart-offer on exit_intent, within 3d`. */
export function stepWords(step: Step): string {
  const guard = step.on ? ` on ${triggerWords({ ...step, on: step.on })}${step.within ? `, within ${step.within}` : ''}` : ''
  return `${actionWords(step)}${guard}`
}

function actionWords(step: Step): string {
  switch (actionOf(step)) {
    case 'show':
      return `show ${step.show}`
    case 'track':
      return `track ${step.track}`
    case 'set':
      return `set ${describeSet(step.set!)}`
    case 'push':
      return `push "${step.push!.title}"${step.push!.after ? ` after ${step.push!.after}` : ''}`
    case 'wait':
      return `wait ${describeWait(step.wait!)}`
    case 'split':
      return 'split, sticky per visitor'
    case 'branch':
      return 'branch: the first case that holds'
    default:
      return 'end the run (completed)'
  }
}

/**
 * A journey as boxes and arrows (contract §8), before any layout: the entry, each step, the
 * holdout beside the first step, an end for runs that complete and one for runs whose `within`
 * ran out without an `else`; the goal and the exit triggers, which apply at any step, as boxes
 * of their own without arrows. The ways out of a step follow the stepper: the next step unless
 * `goto`; a split's and a branch's options; a branch's `else` (or the next step); a `within`'s
 * `else`; nothing after `exit: true`.
 */
export function journeyFlow(id: string, journey: Journey): Flow {
  const steps = journey.steps
  const known = new Set(steps.map((step) => step.id))
  const nodes: FlowNode[] = [{ key: '@entry', kind: 'entry', heading: 'entry', text: entryWords(journey) }]
  if (journey.goal) {
    const within = journey.goal.within ? `, within ${journey.goal.within} of entering` : ''
    nodes.push({ key: '@goal', kind: 'goal', heading: 'goal', text: `on ${triggerWords(journey.goal)}${within}; at any step, and for the holdout` })
  }
  const exits = (journey.exit ?? []).map((trigger) => `on ${triggerWords(trigger)}`)
  if (exits.length) {
    const sharesGoal = !!journey.goal && (journey.exit ?? []).some((trigger) => trigger.on === journey.goal!.on)
    nodes.push({ key: '@exits', kind: 'exits', heading: 'exit', text: `at any step ${exits.join(' or ')}`, ...(sharesGoal && { sharesGoal }) })
  }
  const edges: FlowEdge[] = []
  const add = (from: string, to: string | undefined, path: string, label = '', dashed = false) => {
    if (to === undefined) return
    const same = edges.find((edge) => edge.from === from && edge.path === path)
    // two options of one split or branch naming the same step: one arrow, both labels
    if (same) same.label = [same.label, label].filter(Boolean).join(' / ')
    else edges.push({ from, to, path, label, dashed })
  }
  const toStep = (from: string, target: string, kind: string, label = '', dashed = false) =>
    known.has(target) ? add(from, stepKey(target), `${kind}:${target}`, label, dashed) : undefined
  let ends = false
  let timeouts = false

  const first = steps[0]
  if (first) {
    const holdout = journey.holdout ?? 0
    add('@entry', stepKey(first.id), 'runs', holdout ? `runs ${100 - holdout}%` : '')
    if (holdout) {
      nodes.push({ key: '@holdout', kind: 'holdout', heading: `holdout ${holdout}%`, text: 'takes no step; its goal is still measured' })
      add('@entry', '@holdout', 'holdout', `holdout ${holdout}%`, true)
    }
  }
  steps.forEach((step, index) => {
    const key = stepKey(step.id)
    nodes.push({ key, kind: 'step', step: step.id, action: actionOf(step), heading: step.id, text: stepWords(step) })
    const following = steps[index + 1]?.id
    const onward = () => {
      if (step.goto !== undefined) toStep(key, step.goto, 'goto')
      else if (following !== undefined) toStep(key, following, 'next')
      else {
        add(key, '@end', 'end')
        ends = true
      }
    }
    if (step.split) step.split.forEach((option) => toStep(key, option.goto, 'split', `${option.weight}%`))
    else if (step.branch) {
      step.branch.forEach((option) => toStep(key, option.goto, 'branch', `when ${describeQuery(option.if)}`))
      if (step.else !== undefined) toStep(key, step.else, 'else', 'otherwise')
      else onward()
    } else if (step.exit === undefined) onward()
    if (step.within !== undefined) {
      if (step.else !== undefined && !step.branch) toStep(key, step.else, 'else', `after ${step.within} without it`, true)
      else if (step.else === undefined) {
        add(key, '@timeout', 'timeout', `after ${step.within} without it`, true)
        timeouts = true
      }
    }
  })
  if (ends) nodes.push({ key: '@end', kind: 'end', heading: 'end', text: 'the run completes' })
  if (timeouts) nodes.push({ key: '@timeout', kind: 'timeout', heading: 'exit', text: 'timeout: the wait ran out' })
  return { id, summary: summaryOf(journey), nodes, edges }
}

function entryWords(journey: Journey): string {
  const parts = [journey.entry ? `on ${triggerWords(journey.entry)}` : 'only from code: journeykit.enter(…)']
  if (journey.schedule) parts.push(`only ${describeSchedule(journey.schedule)}`)
  return parts.join('; ')
}

function summaryOf(journey: Journey): string[] {
  const reentry = journey.reentry
  if (reentry === undefined || reentry === 'never') return ['one run per visitor']
  return [reentry === 'after-exit' ? 'enters again after a run ends' : `enters again ${reentry.after} after the last entry`]
}
