import type { Finding, MessageCode } from './messages.js'
import { isPlainObject } from './query.js'
import { parseDuration } from '../rules/duration.js'
import { nearName } from './near-name.js'

interface Query {
  query: unknown
  path: string
  /** the segment whose `if` this is */
  segment?: string
}
type Found = { problems: Finding[] }
type Known = { segments: string[]; journeys: string[] }

const maxWindow = 90 * 86_400_000
const journeyFacts = ['step', 'runs', 'goal']

/**
 * Contract §8's facts, wherever a query names them (rules, segments, journeys): `segment.<id>`
 * and `journeys.<id>.step|runs|goal` must name a segment or journey of this config, an
 * `events.<name>.<window>` window is at most 90 days (events are kept that long), and no
 * segment may depend on itself through another. The query language itself is checked by
 * validate/query.ts; this reads only well-formed parts.
 */
export function findFactProblems(config: Record<string, unknown>, found: Found): void {
  const known = { segments: idsOf(config.segments), journeys: idsOf(config.journeys) }
  const dependsOn = new Map<string, Array<[segment: string, path: string]>>()
  for (const { query, path, segment } of queriesOf(config)) {
    eachFact(query, path, (fact, at) => {
      const problem = factProblem(fact, known)
      if (problem) found.problems.push({ path: at, ...problem })
      else if (segment !== undefined && fact.startsWith('segment.')) dependsOn.set(segment, [...(dependsOn.get(segment) ?? []), [fact.slice(8), at]])
    })
  }
  findSegmentLoops(dependsOn).forEach(([path, segment]) => found.problems.push({ path, code: 'segmentLoop', value: segment }))
}

/**
 * What is wrong with a fact of contract §8, the name it gets wrong quoted (with a near one);
 * null for any other fact (validate/query.ts checks those).
 */
function factProblem(fact: string, known: Known): Omit<Finding, 'path'> | null {
  const [root, ...rest] = fact.split('.')
  const last = rest[rest.length - 1] ?? ''
  const unknown = (code: MessageCode, value: string, names: string[]) => (names.includes(value) ? null : { code, value, near: nearName(value, names) })
  if (root === 'segment') return unknown('unknownSegment', rest.join('.'), known.segments)
  if (root === 'journeys') {
    if (rest.length < 2 || !journeyFacts.includes(last)) return { code: 'unknownFact', value: fact }
    return unknown('unknownJourney', rest.slice(0, -1).join('.'), known.journeys)
  }
  if (root === 'events') {
    if (!rest.length) return { code: 'unknownFact', value: fact }
    // a window is the last part when it is a duration: `events.product_viewed.7d`
    if (rest.length > 1 && (parseDuration(last) ?? 0) > maxWindow) return { code: 'longWindow', value: last }
  }
  return null
}

/** Every query of the config, with its path: rules', segments', journeys' entry, exit, goal, step guards and branch options. */
export function queriesOf(config: Record<string, unknown>): Query[] {
  const queries: Query[] = []
  const add = (parent: unknown, path: string, segment?: string) => {
    if (isPlainObject(parent) && parent.if !== undefined) queries.push({ query: parent.if, path: `${path}.if`, segment })
  }
  const addEach = (list: unknown, path: string, then?: (entry: unknown, path: string) => void) => {
    if (Array.isArray(list)) list.forEach((entry, i) => (add(entry, `${path}[${i}]`), then?.(entry, `${path}[${i}]`)))
  }
  addEach(config.rules, 'rules')
  entriesOf(config.segments).forEach(([id, segment]) => add(segment, `segments.${id}`, id))
  for (const [id, journey] of entriesOf(config.journeys)) {
    if (!isPlainObject(journey)) continue
    const at = `journeys.${id}`
    add(journey.entry, `${at}.entry`)
    addEach(journey.exit, `${at}.exit`)
    add(journey.goal, `${at}.goal`)
    addEach(journey.steps, `${at}.steps`, (step, path) => isPlainObject(step) && addEach(step.branch, `${path}.branch`))
  }
  return queries
}

/** Each fact a query names, with the path validate/query.ts gives it (`rules[0].if.$or[1].segment.vip`). */
export function eachFact(query: unknown, path: string, visit: (fact: string, path: string) => void, depth = 0): void {
  if (!isPlainObject(query) || depth > 8) return
  for (const [key, value] of Object.entries(query)) {
    const at = `${path}.${key}`
    if ((key === '$and' || key === '$or') && Array.isArray(value)) value.forEach((entry, i) => eachFact(entry, `${at}[${i}]`, visit, depth + 1))
    else if (key === '$not') eachFact(value, at, visit, depth + 1)
    else if (!key.startsWith('$')) visit(key, at)
  }
}

/** Segments that depend on themselves, each reported at the fact that closes the loop (with the segment it names). */
function findSegmentLoops(dependsOn: Map<string, Array<[string, string]>>): Array<[path: string, segment: string]> {
  const state = new Map<string, 'open' | 'done'>()
  const closing: Array<[string, string]> = []
  const visit = (segment: string) => {
    state.set(segment, 'open')
    for (const [next, path] of dependsOn.get(segment) ?? []) {
      if (state.get(next) === 'open') closing.push([path, next])
      else if (!state.has(next)) visit(next)
    }
    state.set(segment, 'done')
  }
  for (const segment of dependsOn.keys()) if (!state.has(segment)) visit(segment)
  return closing
}

function entriesOf(map: unknown): Array<[string, unknown]> {
  return isPlainObject(map) ? Object.entries(map) : []
}

function idsOf(map: unknown): string[] {
  return isPlainObject(map) ? Object.keys(map) : []
}
