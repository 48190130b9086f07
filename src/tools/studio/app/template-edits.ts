/**
 * A journey taken from a template (../journey-templates.ts, GET /api/templates) into the owner's file, as edits: the journey
 * under the id the owner chose, and the items and segments it names (a `show`, a query's
 * `item.<id>.…` or `segment.<id>`). One the file has already, the same, is shared; one the file
 * has under that id but different is added under a free id (`cart-offer-2`) and the journey's
 * references are rewritten to it: nothing of the owner's is overwritten. Pure.
 */
import type { TemplateSource } from '../protocol.js'
import { valueAt, type Edit } from './draft.js'

export type { TemplateSource }

export interface TemplateResult {
  edits: Edit[]
  /** Old id → new id, for the items and segments that were renamed. */
  renamed: Record<string, string>
}

type Kind = 'items' | 'segments'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Every object key and `show` value in `value`, walked deeply. */
function walk(value: unknown, visit: (key: string, parent: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) value.forEach((entry) => walk(entry, visit))
  else if (isRecord(value))
    for (const [key, inner] of Object.entries(value)) {
      visit(key, value)
      walk(inner, visit)
    }
}

/** The items and segments a journey names, in the order it names them. */
export function namedIds(journey: unknown): Record<Kind, string[]> {
  const found: Record<Kind, Set<string>> = { items: new Set(), segments: new Set() }
  walk(journey, (key, parent) => {
    if (key === 'show' && typeof parent.show === 'string') found.items.add(parent.show)
    const item = /^item\.([^.]+)\./.exec(key)
    if (item) found.items.add(item[1]!)
    const segment = /^segment\.(.+)$/.exec(key)
    if (segment) found.segments.add(segment[1]!)
  })
  return { items: [...found.items], segments: [...found.segments] }
}

/** `value` with its `show`s and query keys (`item.<id>.shown`, `segment.<id>`) pointing at the new ids. */
export function rewrite(value: unknown, items: Record<string, string>, segments: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((entry) => rewrite(entry, items, segments))
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    let name = key
    for (const [old, now] of Object.entries(items)) name = name.replace(new RegExp(`^item\\.${escapeRegex(old)}\\.`), `item.${now}.`)
    for (const [old, now] of Object.entries(segments)) if (name === `segment.${old}`) name = `segment.${now}`
    out[name] = key === 'show' && typeof inner === 'string' ? (items[inner] ?? inner) : rewrite(inner, items, segments)
  }
  return out
}

/** The first of `id`, `id-2`, `id-3`… that `taken` does not have. */
export function freeId(id: string, taken: (id: string) => boolean): string {
  if (!taken(id)) return id
  let n = 2
  while (taken(`${id}-${n}`)) n++
  return `${id}-${n}`
}

/**
 * The edits that add the template's journey `journey` as `as`, with what it names.
 *
 * @example
 * templateEdits(draft, contractExample, 'cart-rescue').edits
 * // [{ path: ['items', 'cart-reminder'], value: {…} }, …, { path: ['journeys', 'cart-rescue'], value: {…} }]
 */
export function templateEdits(config: unknown, source: TemplateSource, journey: string, as = journey): TemplateResult {
  const template = source.journeys[journey]
  const named = namedIds(template)
  const edits: Edit[] = []
  const renamed: Record<string, string> = {}
  const maps: Record<Kind, Record<string, string>> = { items: {}, segments: {} }
  for (const kind of ['items', 'segments'] as const) {
    const theirs = source[kind] ?? {}
    const ours = valueAt(config, [kind])
    const taken = (id: string) => (isRecord(ours) && Object.hasOwn(ours, id)) || Object.values(maps[kind]).includes(id)
    for (const id of named[kind]) {
      if (!Object.hasOwn(theirs, id)) continue // named but not in the template's file: the validator says so
      if (isRecord(ours) && Object.hasOwn(ours, id) && same(ours[id], theirs[id])) continue
      const now = freeId(id, taken)
      maps[kind][id] = now
      if (now !== id) renamed[id] = now
      edits.push({ path: [kind, now], value: theirs[id] })
    }
  }
  edits.push({ path: ['journeys', as], value: rewrite(template, maps.items, maps.segments) })
  return { edits, renamed }
}
