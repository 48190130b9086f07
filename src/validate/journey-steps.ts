import type { Finding } from './messages.js'
import { isPlainObject } from './query.js'
import { nearName } from './near-name.js'
import { findLoops, findReentries, type Edge, type Follow, type Step } from './journey-loops.js'

type Found = { problems: Finding[]; warnings: Finding[] }

const actions = ['show', 'track', 'set', 'wait', 'split', 'branch', 'exit', 'push']

/**
 * Contract §8 Validation, for one journey's steps: what their shape cannot say. Ids unique, one
 * action each, every step name known; then the flow from the first step: steps no path reaches,
 * loops in which nothing waits (validate/journey-loops.ts), and (§7) a step that enters its own journey
 * again at once. `follow` says what the rules make of an event.
 */
export function findStepProblems(list: unknown[], path: string, found: Found, journey: Step, follow: Follow): void {
  const at = (i: number) => `${path}[${i}]`
  const before = found.problems.length
  const index = indexSteps(list, at, found)
  list.forEach((step, i) => isPlainObject(step) && checkStep(step, at(i), index, found))
  // A misspelt or repeated name is why steps look unreached: that is the problem to report.
  const namesBroken = found.problems.slice(before).some(({ code }) => code === 'duplicateStep' || code === 'unknownStep')
  const steps = list.map((step) => (isPlainObject(step) ? step : {}))
  const edges = steps.map((step, i) => flowFrom(step, i, at(i), index, steps.length))
  const reached = reach(edges)
  const fail = (path: string, code: Finding['code'], value?: unknown) => void found.problems.push({ path, code, value })
  if (!namesBroken) reached.forEach((yes, i) => yes || fail(at(i), 'unreachable', steps[i]!.id))
  findLoops(steps, edges, reached, follow).forEach(({ path, name }) => fail(path, 'loopWithoutWait', name))
  if (journey.reentry !== 'after-exit' || !isPlainObject(journey.entry)) return
  findReentries(steps, edges, reached, journey.entry.on, follow).forEach((i) => fail(`${at(i)}.track`, 'reenters', steps[i]!.track))
}

/** Step id → its position. A repeated id is a problem; the id then stands for its first step. */
function indexSteps(list: unknown[], at: (i: number) => string, found: Found): Map<string, number> {
  const index = new Map<string, number>()
  list.forEach((step, i) => {
    const id = isPlainObject(step) ? step.id : undefined
    if (typeof id !== 'string') return // the shape said so
    if (index.has(id)) found.problems.push({ path: `${at(i)}.id`, code: 'duplicateStep', value: id })
    else index.set(id, i)
  })
  return index
}

function checkStep(step: Step, at: string, index: Map<string, number>, found: Found): void {
  const fail = (path: string, code: Finding['code']) => void found.problems.push({ path, code })
  const warn = (key: string, code: Finding['code']) => void found.warnings.push({ path: `${at}.${key}`, code })
  if (actions.filter((key) => step[key] !== undefined).length !== 1) fail(at, 'oneStepAction')
  const ids = [...index.keys()]
  for (const [name, path] of namesIn(step, at)) {
    if (typeof name === 'string' && !index.has(name)) found.problems.push({ path, code: 'unknownStep', value: name, near: nearName(name, ids), among: ids })
  }
  // `if` is checked as a query, which a missing one is not
  if (Array.isArray(step.branch)) {
    step.branch.forEach((option, k) => isPlainObject(option) && option.if === undefined && fail(`${at}.branch[${k}].if`, 'required'))
  }
  if (step.else !== undefined && step.within === undefined && step.branch === undefined) warn('else', 'elseUnused')
  if (step.goto !== undefined && (step.split ?? step.branch ?? step.exit) !== undefined) warn('goto', 'gotoUnused')
}

/** The step names a step holds: `goto`, `else`, and each split's and branch's `goto`. */
function namesIn(step: Step, at: string): Array<[unknown, string]> {
  const names: Array<[unknown, string]> = [
    [step.goto, `${at}.goto`],
    [step.else, `${at}.else`],
  ]
  for (const key of ['split', 'branch']) {
    const options = step[key]
    if (Array.isArray(options)) options.forEach((option, k) => isPlainObject(option) && names.push([option.goto, `${at}.${key}[${k}].goto`]))
  }
  return names
}

/**
 * Contract §8: the next step in the list unless `goto`; `exit: true` ends the run; a split or
 * branch goes to each option's `goto`, a branch also to `else` (without one, to the next step);
 * a step with `within` also goes to its `else` once the wait ran out. Unknown names lead nowhere.
 */
function flowFrom(step: Step, i: number, at: string, index: Map<string, number>, count: number): Edge[] {
  const to = (name: unknown, path: string, timed = false): Edge[] => {
    const target = typeof name === 'string' ? index.get(name) : undefined
    return target === undefined ? [] : [{ to: target, path, name: name as string, timed }]
  }
  const next: Edge[] = i + 1 < count ? [{ to: i + 1, path: at }] : []
  const timeout = step.within !== undefined ? to(step.else, `${at}.else`, true) : []
  const options = (key: 'split' | 'branch') => {
    const list = step[key]
    return Array.isArray(list) ? list.flatMap((option, k) => (isPlainObject(option) ? to(option.goto, `${at}.${key}[${k}].goto`) : [])) : []
  }
  if (step.exit !== undefined) return timeout
  if (step.split !== undefined) return [...options('split'), ...timeout]
  if (step.branch !== undefined) return [...options('branch'), ...(step.else !== undefined ? to(step.else, `${at}.else`) : next)]
  return [...(step.goto !== undefined ? to(step.goto, `${at}.goto`) : next), ...timeout]
}

/** Which steps a run starting at the first one can reach. */
function reach(edges: Edge[][]): boolean[] {
  const reached = edges.map((_, i) => i === 0)
  const queue = edges.length ? [0] : []
  for (let step = queue.shift(); step !== undefined; step = queue.shift()) {
    for (const { to } of edges[step]!) {
      if (reached[to]) continue
      reached[to] = true
      queue.push(to)
    }
  }
  return reached
}
