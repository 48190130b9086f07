import type { Journey, Query, Schedule, Step, Trigger, Wait } from '../../config/types.js'

/**
 * A journey in words, for `npx journeykit explain --journey` (contract §8): what enters, ends
 * and measures a run, then each step as one line — its guard, its action, where it goes next.
 */
export function describeJourney(id: string, journey: Journey): string[] {
  const lines = [`journey ${id}`]
  lines.push(`  entry: ${journey.entry ? describeTrigger(journey.entry) : 'only from code: journeykit.enter(…)'}`)
  if (journey.schedule) lines.push(`  schedule: enters only ${describeSchedule(journey.schedule)}`)
  for (const trigger of journey.exit ?? []) lines.push(`  exit: ${describeTrigger(trigger)} (reason exit)`)
  if (journey.goal) lines.push(`  goal: ${describeTrigger(journey.goal)}${journey.goal.within ? `, within ${journey.goal.within} of entering` : ''}`)
  lines.push(`  reentry: ${describeReentry(journey.reentry)}`)
  if (journey.holdout) lines.push(`  holdout: ${journey.holdout}% of entrants (sticky) take no step; their goal is still measured`)
  lines.push('  steps:')
  const width = Math.max(...journey.steps.map((step) => step.id.length))
  journey.steps.forEach((step, index) => {
    lines.push(`    ${step.id.padEnd(width)}  ${describeStep(step, journey.steps[index + 1]?.id)}`)
  })
  return lines
}

/** One step: `on exit_intent, within 3d: show cart-offer → done; after 3d without it → ab`. */
export function describeStep(step: Step, following: string | undefined): string {
  let guard = ''
  if (step.on) guard = `${describeTrigger(step as Trigger)}${step.within ? `, within ${step.within}` : ''}: `
  const timeout = step.within ? `; after ${step.within} without it → ${step.else ?? 'exit (timeout)'}` : ''
  return `${guard}${describeAction(step, step.goto ?? following ?? 'end (completed)')}${timeout}`
}

function describeAction(step: Step, next: string): string {
  const then = ` → ${next}`
  if (step.show !== undefined) return `show ${step.show}${then}`
  if (step.track !== undefined) return `track ${step.track}${then}`
  if (step.set) return `set ${describeSet(step.set)}${then}`
  if (step.push) return `push "${step.push.title}"${step.push.after ? ` after ${step.push.after}` : ''}${then}`
  if (step.wait !== undefined) return `wait ${describeWait(step.wait)}${then}`
  if (step.split) return `split (sticky per visitor): ${step.split.map(({ weight, goto }) => `${weight}% → ${goto}`).join(', ')}`
  if (step.branch) {
    const cases = step.branch.map((option) => `when ${describeQuery(option.if)} → ${option.goto}`)
    return `branch: ${[...cases, `otherwise → ${step.else ?? next}`].join('; ')}`
  }
  return 'exit (completed)'
}

export function describeSet(set: Record<string, unknown>): string {
  return Object.entries(set)
    .map(([key, value]) => `${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ')
}

export function describeWait(wait: Wait): string {
  if (typeof wait === 'string') return wait
  return `for the next opening of ${describeSchedule(wait)}`
}

/** `on scroll 50%`, `on click .buy when page.path is "/cart"`. */
export const describeTrigger = (trigger: Trigger): string => `on ${triggerWords(trigger)}`

/** A trigger without its `on`: `scroll 50% when …`. */
export function triggerWords(trigger: Trigger): string {
  const parameter =
    trigger.percent !== undefined
      ? ` ${trigger.percent}%`
      : trigger.seconds !== undefined
        ? ` ${trigger.seconds}s`
        : trigger.selector !== undefined
          ? ` ${trigger.selector}`
          : ''
  return `${trigger.on}${parameter}${trigger.if ? ` when ${describeQuery(trigger.if)}` : ''}`
}

function describeReentry(reentry: Journey['reentry']): string {
  if (reentry === undefined || reentry === 'never') return 'never (one run per visitor)'
  if (reentry === 'after-exit') return 'again after a run ends'
  return `again ${reentry.after} after the last entry`
}

export function describeSchedule(schedule: Schedule): string {
  const parts: string[] = []
  if (schedule.start) parts.push(`from ${schedule.start}`)
  if (schedule.end) parts.push(`until ${schedule.end}`)
  for (const window of schedule.weekly ?? []) parts.push(`${window.days.join('/')} ${window.from ?? '00:00'}–${window.to ?? '24:00'}`)
  const zone = schedule.timezone ? ` (${schedule.timezone})` : " (the visitor's time zone)"
  return `${parts.join(', ') || 'always'}${zone}`
}

const operators: Record<string, string> = {
  $eq: 'is',
  $ne: 'is not',
  $gt: '>',
  $gte: '≥',
  $lt: '<',
  $lte: '≤',
  $in: 'is one of',
  $nin: 'is none of',
  $regex: 'matches',
  $startsWith: 'starts with',
  $contains: 'contains',
}

const isOperators = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).some((key) => key.startsWith('$'))

/** A query in words: `page.path starts with "/cart" and visit.count ≥ 2`. */
export function describeQuery(query: Query): string {
  return Object.entries(query)
    .map(([key, condition]) => {
      if (key === '$and') return (condition as Query[]).map(describeQuery).join(' and ')
      if (key === '$or') return `(${(condition as Query[]).map(describeQuery).join(' or ')})`
      if (key === '$not') return `not (${describeQuery(condition as Query)})`
      return describeCondition(key, condition)
    })
    .join(' and ')
}

function describeCondition(fact: string, condition: unknown): string {
  if (!isOperators(condition)) return `${fact} is ${JSON.stringify(condition)}`
  return Object.entries(condition)
    .map(([operator, operand]) => {
      if (operator === '$exists') return `${fact} ${operand ? 'is set' : 'is not set'}`
      if (operator === '$not') return `not (${describeCondition(fact, operand)})`
      return `${fact} ${operators[operator] ?? operator} ${JSON.stringify(operand)}`
    })
    .join(' and ')
}
