import type { Journey, Wait } from '../config/types.js'
import type { Run } from './state.js'
import { openingAfter, openingAt } from '../rules/pacing.js'

type WeeklyWait = Exclude<Wait, string>

/** How the stepper reads weekly windows (part of its `Tools`). */
export interface Openings {
  /** The first instant at or after `time` inside the weekly windows of a `wait`. */
  opening(wait: WeeklyWait, time: number): number
  /**
   * The start of the opening `time` is in (null: every window closed), to act once per opening.
   * Default: `openingAt` in the wait's own zone (the visitor's without one); give it with
   * `opening` when that reads zone-less waits in another zone.
   */
  openedAt?(wait: WeeklyWait, time: number): number | null
  /** The first opening strictly after `time`. Default: `openingAfter`, as `openedAt`. */
  openingAfter?(wait: WeeklyWait, time: number): number
}

/**
 * A weekly `wait` (contract §8): the next opening of its windows; at once when the run reaches it
 * inside an open window, unless it passed this step in that same opening already — then at the
 * next one — so that a loop through it acts once per opening. Read as "the loop acts once per
 * opening": a pass in this opening of any step of the wait's loop counts, so that `[send,
 * thursday → send]` entered on a Thursday sends once that day, not before and after the wait
 * (the letter of "passed this step" would send twice). A wait in no loop goes on at once.
 */
export function weeklyEnd(journey: Journey, stepId: string, wait: WeeklyWait, run: Run, tools: Openings): number {
  const opening = tools.opening(wait, run.since)
  if (opening > run.since) return opening
  const current = (tools.openedAt ?? ((wait, time) => openingAt(wait.weekly, wait.timezone, time)))(wait, run.since)
  if (current === null) return run.since
  const last = Math.max(...loopThrough(journey, stepId).map((id) => run.passedAt?.[id] ?? -Infinity))
  if (last < current) return run.since
  return (tools.openingAfter ?? ((wait, time) => openingAfter(wait.weekly, wait.timezone, time)))(wait, current)
}

/** The steps a run may pass between leaving a step and coming back to it (the step included). */
function loopThrough(journey: Journey, stepId: string): string[] {
  const { steps } = journey
  const leads = steps.map((step, i) => {
    const next = steps[i + 1]?.id
    const to = [...(step.split ?? []), ...(step.branch ?? [])].map(({ goto }) => goto)
    if (step.within !== undefined && step.else !== undefined) to.push(step.else)
    if (step.branch) to.push(step.else ?? next ?? '')
    else if (!step.split && !step.exit) to.push(step.goto ?? next ?? '')
    return to
  })
  const index = (id: string) => steps.findIndex((step) => step.id === id)
  const reach = (from: number, edges: (i: number) => number[]) => {
    const seen = new Set<number>()
    for (const queue = edges(from); queue.length;) {
      const i = queue.pop()!
      if (i < 0 || seen.has(i)) continue
      seen.add(i)
      queue.push(...edges(i))
    }
    return seen
  }
  const start = index(stepId)
  const onwards = reach(start, (i) => leads[i]!.map(index))
  const back = reach(start, (i) => leads.flatMap((to, j) => (to.includes(steps[i]!.id) ? [j] : [])))
  return [stepId, ...[...onwards].filter((i) => back.has(i)).map((i) => steps[i]!.id)]
}
