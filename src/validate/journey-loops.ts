import { isPlainObject } from './query.js'

export type Step = Record<string, unknown>
/** Where a run may go from a step, and the key that says so (the path a problem is reported at). */
export interface Edge {
  to: number
  path: string
  /** the step name the key holds (none for a fall-through to the next step) */
  name?: string
  /** taken only once a `within` ran out: time passes on it */
  timed?: boolean
}
/** The events that follow from some: themselves, and what rules track on them, and so on. */
export type Follow = (events: Iterable<string>) => Set<string>

/** What the config's rules make of events (contract §7: a rule's `track` may trigger rules and journeys). */
export function followRules(rules: unknown): Follow {
  const tracks = new Map<unknown, string[]>()
  if (Array.isArray(rules)) {
    for (const rule of rules) if (isPlainObject(rule) && typeof rule.track === 'string') tracks.set(rule.on, [...(tracks.get(rule.on) ?? []), rule.track])
  }
  return (events) => {
    const found = new Set(events)
    for (const event of found) tracks.get(event)?.forEach((next) => found.add(next)) // a Set's loop visits what it adds
    return found
  }
}

/**
 * Loops a run would go round at once (contract §8 Validation): cycles among reached steps, over
 * edges on which no time passes, with no `wait` and no guard that waits for something from
 * outside. A guard `on` for an event the loop makes itself (a step's `track` in it, or what rules
 * make of one) is met at once, round after round: no brake. Each is reported at the name (or,
 * for a fall-through to the next step, the step) that closes it.
 */
export function findLoops(steps: Step[], edges: Edge[][], reached: boolean[], follow: Follow): Edge[] {
  const instant = steps.map((step, i) => reached[i]! && step.wait === undefined)
  // A guard is a brake unless its loop (its strongly connected steps) makes its event; taking the
  // brakes out splits loops, which may make more guards brakes: until nothing changes.
  for (let changed = true; changed;) {
    changed = false
    const loopOf = findComponents(edges, instant)
    const made = new Map<number, string[]>()
    steps.forEach(({ track }, i) => instant[i] && typeof track === 'string' && made.set(loopOf[i]!, [...(made.get(loopOf[i]!) ?? []), track]))
    steps.forEach(({ on }, i) => {
      if (!instant[i] || on === undefined || follow(made.get(loopOf[i]!) ?? []).has(on as string)) return
      instant[i] = false
      changed = true
    })
  }
  const state = steps.map(() => 'new' as 'new' | 'open' | 'done')
  const closing = new Set<Edge>()
  const visit = (i: number) => {
    state[i] = 'open'
    for (const edge of edges[i]!) {
      if (edge.timed || !instant[edge.to]) continue
      if (state[edge.to] === 'open') closing.add(edge)
      else if (state[edge.to] === 'new') visit(edge.to)
    }
    state[i] = 'done'
  }
  steps.forEach((_, i) => instant[i] && state[i] === 'new' && visit(i))
  return [...closing]
}

/** Strongly connected steps among `instant` ones, over untimed edges (Tarjan): step → its component's root. */
function findComponents(edges: Edge[][], instant: boolean[]): number[] {
  const order: number[] = []
  const low: number[] = []
  const root: number[] = []
  const stack: number[] = []
  let count = 0
  const visit = (i: number) => {
    low[i] = order[i] = count++
    stack.push(i)
    for (const { to, timed } of edges[i]!) {
      if (timed || !instant[to]) continue
      if (order[to] === undefined) visit(to)
      if (root[to] === undefined) low[i] = Math.min(low[i]!, low[to]!)
    }
    if (low[i] === order[i]) for (let j = -1; j !== i;) root[(j = stack.pop()!)] = i
  }
  instant.forEach((yes, i) => yes && order[i] === undefined && visit(i))
  return root
}

/**
 * Contract §7: with reentry "after-exit", a step whose `track` comes back as the journey's entry
 * event (itself, or through rules) enters the journey again once the run has ended: at once, on
 * and on, when nothing waits between that step and the end. What a step tracks is sent after the
 * call's stepping, so while the run goes on it meets only guards; with reentry "never" or
 * `{ "after" }` the journey is not entered again at once.
 */
export function findReentries(steps: Step[], edges: Edge[][], reached: boolean[], entry: unknown, follow: Follow): number[] {
  return steps.flatMap(({ track }, i) =>
    reached[i] && typeof track === 'string' && follow([track]).has(entry as string) && endsAtOnce(i, steps, edges) ? [i] : [],
  )
}

/** Can the run end right after step `from` acts, through steps that neither wait nor are guarded? */
function endsAtOnce(from: number, steps: Step[], edges: Edge[][]): boolean {
  const seen = new Set([from])
  for (const i of seen) {
    const next = edges[i]!.filter((edge) => !edge.timed)
    if (!next.length) return true
    for (const { to } of next) if (steps[to]!.wait === undefined && steps[to]!.on === undefined) seen.add(to)
  }
  return false
}
