/**
 * What the studio's segments view does to `segments`, as edits of the file (draft.ts): add,
 * delete and rename a segment, set its conditions. A segment is named by the fact
 * `segment.<id>` in queries (contract §8), so a rename renames those facts too, and a delete is
 * refused while a query still names it (the file would be refused for it).
 */
import { eachFact, queriesOf } from '../../../validate/journey-facts.js'
import { operators, rowsOf, valueText, type Row } from './query-rows.js'
import { valueAt, type Edit, type JsonPath } from './draft.js'
import type { Placed } from './problems-by-box.js'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The segments as the draft has them, in the file's order (what is not an object shows as `{}`). */
export function segmentsOf(config: unknown): Array<[id: string, segment: { if?: unknown }]> {
  const segments = valueAt(config, ['segments'])
  return isObject(segments) ? Object.entries(segments).map(([id, segment]) => [id, isObject(segment) ? segment : {}]) : []
}

/** One line for the list: "visit.count is at least 2 and device.type is mobile". */
export function describeConditions(query: unknown): string {
  const rows = rowsOf(query)
  if (rows === null) return JSON.stringify(query)
  if (!rows.length) return 'everyone (no conditions yet)'
  const words = (op: string) => operators.find((entry) => entry.op === op)?.label ?? op
  const said = (row: Row) => (row.op !== '$exists' ? `${words(row.op)} ${valueText(row.value)}` : row.value ? 'is set' : 'is not set')
  return rows.map((row) => `${row.fact} ${said(row)}`).join(' and ')
}

/** A new segment with an id not taken, no conditions yet (a valid segment: every visitor is in it). */
export function addSegment(config: unknown): { edits: Edit[]; id: string } {
  const taken = new Set(segmentsOf(config).map(([id]) => id))
  let n = taken.size + 1
  while (taken.has(`segment-${n}`)) n++
  const id = `segment-${n}`
  const segment = { if: {} }
  const edits: Edit[] = isObject(valueAt(config, ['segments']))
    ? [{ path: ['segments', id], value: segment }]
    : [{ path: ['segments'], value: { [id]: segment } }]
  return { edits, id }
}

/** The conditions of a segment; none is `{}`, as `if` is required. */
export const setSegmentQuery = (id: string, query: unknown): Edit[] => [{ path: ['segments', id, 'if'], value: query ?? {} }]

/** Where the config's queries name `segment.<id>`, as validator paths (`rules[0].if.segment.vip`). */
export function usesOf(config: unknown, id: string): string[] {
  const uses: string[] = []
  if (!isObject(config)) return uses
  for (const { query, path } of queriesOf(config)) eachFact(query, path, (fact, at) => fact === `segment.${id}` && uses.push(at))
  return uses
}

/** The segment goes, unless a query names it: then nothing is done, and `usedAt` says where. */
export function deleteSegment(config: unknown, id: string): { edits: Edit[]; usedAt: string[] } {
  const usedAt = usesOf(config, id).filter((path) => !path.startsWith(`segments.${id}.`))
  return { edits: usedAt.length ? [] : [{ path: ['segments', id], remove: true }], usedAt }
}

/**
 * `value` with every key `from` (at any depth) renamed `to`, in place in its object's order; the
 * same value (not a copy) where there is none.
 */
function renameKey(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) {
    const list = value.map((entry) => renameKey(entry, from, to))
    return list.some((entry, i) => entry !== value[i]) ? list : value
  }
  if (!isObject(value)) return value
  const entries = Object.entries(value).map(([key, inner]) => [key === from ? to : key, renameKey(inner, from, to)] as const)
  return entries.some(([key, inner], i) => key !== Object.keys(value)[i] || inner !== Object.values(value)[i]) ? Object.fromEntries(entries) : value
}

/**
 * The segment under a new id, where it was in `segments`, and every `segment.<from>` fact in
 * rules, journeys and segments renamed with it (each query that names it is written anew). An
 * error instead when the new id is empty or taken.
 */
export function renameSegment(config: unknown, from: string, to: string): { edits: Edit[]; error?: string } {
  if (to === from) return { edits: [] }
  const ids = segmentsOf(config).map(([id]) => id)
  if (!to) return { edits: [], error: 'A segment needs an id, like hot-shoppers.' }
  if (ids.includes(to)) return { edits: [], error: `There is a segment ${to} already.` }
  const edits: Edit[] = []
  for (const part of ['rules', 'journeys'] as const) {
    const before = valueAt(config, [part])
    const after = renameKey(before, `segment.${from}`, `segment.${to}`)
    if (after !== before) edits.push(...changedQueries(before, after, [part]))
  }
  const segments = Object.fromEntries(segmentsOf(config).map(([id]) => [id === from ? to : id, valueAt(config, ['segments', id])]))
  edits.push({ path: ['segments'], value: renameKey(segments, `segment.${from}`, `segment.${to}`) })
  return { edits }
}

/** The edits from `before` to `after` (which differ only in renamed keys): each object whose keys changed, written anew. */
function changedQueries(before: unknown, after: unknown, path: JsonPath): Edit[] {
  if (before === after) return []
  const keysOf = (value: unknown) => (isObject(value) ? Object.keys(value) : [])
  if (isObject(before) && keysOf(before).join('\n') !== keysOf(after).join('\n')) return [{ path, value: after }]
  const keys: Array<string | number> = Array.isArray(before) ? before.map((_, i) => i) : keysOf(before)
  return keys.flatMap((key) => changedQueries(valueAt(before, [key]), valueAt(after, [key]), [...path, key]))
}

/**
 * A validator path under `segments.<id>`: the segment (ids may hold dots: the longest that fits)
 * and the field after it.
 */
export function segmentPlace(path: string, ids: readonly string[]): { id: string; field: string } | null {
  if (!path.startsWith('segments.')) return null
  const rest = path.slice('segments.'.length)
  const id = ids.filter((name) => rest === name || rest.startsWith(`${name}.`)).sort((a, b) => b.length - a.length)[0]
  return id === undefined ? null : { id, field: rest.slice(id.length + 1) }
}

/** The problems of segment `id`. */
export const problemsOfSegment = (problems: readonly Placed[], id: string, ids: readonly string[]): Placed[] =>
  problems.filter((problem) => segmentPlace(problem.path, ids)?.id === id)
