/**
 * What the studio's Items view does to `items`, as edits of the file (draft.ts): add, delete and
 * rename an item, set its kind, style, text, button, email capture and download. Each function
 * reads the draft as it is now and returns one group of edits (one undo); the validator judges the
 * result. Renaming rewrites what names the item (a rule's or a variant's `show`, a journey step's
 * `show`, a query's `item.<id>.shown`), so nothing is left pointing at the old id.
 */
import type { Item, ItemKind, ItemStyle } from '../../../config/types.js'
import { change, valueAt, type Edit, type JsonPath } from './draft.js'
import type { Placed } from './problems-by-box.js'
import { freeId, rewrite } from './template-edits.js'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

export const itemPath = (id: string, ...rest: JsonPath): JsonPath => ['items', id, ...rest]

export const itemKinds: ItemKind[] = ['focus', 'asset', 'push']
export const itemStyles: ItemStyle[] = ['modal', 'bar', 'slidein', 'notification']

/** Where each style may sit (its first is the default), as the validator and the UI know them. */
export const positionsOf = (style: unknown): Array<NonNullable<Item['position']>> =>
  style === 'bar' ? ['bottom', 'top'] : style === 'slidein' ? ['bottom-right', 'bottom-left'] : []

/** The properties the panel has fields for; the others are edited as JSON. */
export const fieldsCovered = ['kind', 'style', 'title', 'body', 'code', 'cta', 'form', 'asset', 'gate', 'position']

/** The items as the draft has them, in the file's order (what is not an object shows as an empty item, for its problem). */
export function itemsOf(config: unknown): Array<[string, Partial<Item>]> {
  const items = valueAt(config, ['items'])
  return isObject(items) ? Object.entries(items).map(([id, item]) => [id, isObject(item) ? (item as Partial<Item>) : {}]) : []
}

const taken = (config: unknown) => (id: string) => {
  const items = valueAt(config, ['items'])
  return isObject(items) && Object.hasOwn(items, id)
}

/** A new item at the end: a modal with a title, valid as it is, under a free id (`new-item`, `new-item-2`…). */
export function addItem(config: unknown): { edits: Edit[]; id: string } {
  const id = freeId('new-item', taken(config))
  const item = { kind: 'focus', style: 'modal', title: 'New item' }
  return { edits: isObject(valueAt(config, ['items'])) ? [{ path: itemPath(id), value: item }] : [{ path: ['items'], value: { [id]: item } }], id }
}

export const deleteItem = (id: string): Edit[] => [{ path: itemPath(id), remove: true }]

/** Sets what `path` names under the item (`['cta', 'url']`); undefined or "" removes it, but the title, which is required. */
export function setItemField(config: unknown, id: string, path: JsonPath, value: unknown): Edit[] {
  const cleared = value === '' && path[0] !== 'title' ? undefined : value
  const edits = change(config, itemPath(id, ...path), cleared)
  // the last of a button's or a download's fields takes the object with it
  const [parent] = path
  if (cleared === undefined && path.length === 2 && (parent === 'cta' || parent === 'asset')) {
    const left = valueAt(config, itemPath(id, parent))
    if (isObject(left) && Object.keys(left).every((key) => key === path[1])) return change(config, itemPath(id, parent), undefined)
  }
  return edits
}

/** A new kind: an asset gets its download (the owner gives its URL), the others lose it and its gate. */
export function setKind(config: unknown, id: string, kind: ItemKind): Edit[] {
  const edits = change(config, itemPath(id, 'kind'), kind)
  if (kind === 'asset') return valueAt(config, itemPath(id, 'asset')) === undefined ? [...edits, { path: itemPath(id, 'asset'), value: { url: '' } }] : edits
  return [...edits, ...change(config, itemPath(id, 'asset'), undefined), ...change(config, itemPath(id, 'gate'), undefined)]
}

/** A new style; a position the new style cannot take goes. */
export function setStyle(config: unknown, id: string, style: ItemStyle): Edit[] {
  const position = valueAt(config, itemPath(id, 'position'))
  const stale = position !== undefined && !positionsOf(style).includes(position as never)
  return [...change(config, itemPath(id, 'style'), style), ...(stale ? change(config, itemPath(id, 'position'), undefined) : [])]
}

/** Email capture on (an empty form: just the email field) or off. */
export const setForm = (config: unknown, id: string, on: boolean): Edit[] =>
  on
    ? valueAt(config, itemPath(id, 'form')) === undefined
      ? [{ path: itemPath(id, 'form'), value: {} }]
      : []
    : change(config, itemPath(id, 'form'), undefined)

/** The item's properties the panel has no field for (image, countdown, dismissLabel, $comment, unknown keys). */
export function otherProperties(item: Partial<Item>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !fieldsCovered.includes(key)))
}

/** Replaces the properties the panel has no field for with `value` (an object); the others stay. */
export function setOtherProperties(config: unknown, id: string, value: unknown): Edit[] | string {
  const wanted = value === undefined ? {} : value
  if (!isObject(wanted)) return 'the other properties are a JSON object: { "dismissLabel": "No thanks" }'
  const covered = Object.keys(wanted).filter((key) => fieldsCovered.includes(key))
  if (covered.length) return `${covered.join(', ')} ${covered.length === 1 ? 'has its' : 'have their'} own field above`
  const now = otherProperties((valueAt(config, itemPath(id)) ?? {}) as Partial<Item>)
  return [
    ...Object.keys(now)
      .filter((key) => !Object.hasOwn(wanted, key))
      .map((key): Edit => ({ path: itemPath(id, key), remove: true })),
    ...Object.entries(wanted).flatMap(([key, inner]) => change(config, itemPath(id, key), inner)),
  ]
}

/**
 * The edits that turn `before` into `after` where they differ, as deep as their shapes agree: a
 * `show` changes alone; an object whose keys changed (a renamed fact) is written anew.
 */
function editsToward(before: unknown, after: unknown, path: JsonPath): Edit[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return []
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length)
    return before.flatMap((inner, i) => editsToward(inner, after[i], [...path, i]))
  if (isObject(before) && isObject(after) && JSON.stringify(Object.keys(before)) === JSON.stringify(Object.keys(after)))
    return Object.keys(before).flatMap((key) => editsToward(before[key], after[key], [...path, key]))
  return [{ path, value: after }]
}

export interface Renamed {
  edits: Edit[]
  /** How many places that named the item were rewritten (rules, variants, journey steps, queries). */
  rewritten: number
  /** Why it was not renamed. */
  refused?: string
}

/**
 * Renames an item and every place that names it. The item moves to the end of `items` (the other
 * items' text is left as it is). Refused for an empty id or one another item has.
 *
 * @example renameItem(draft, 'exit-offer', 'cart-offer').edits // the item under its new id, then rules[0].show…
 */
export function renameItem(config: unknown, old: string, id: string): Renamed {
  if (id === old) return { edits: [], rewritten: 0 }
  if (!id) return { edits: [], rewritten: 0, refused: 'an item needs an id' }
  if (taken(config)(id)) return { edits: [], rewritten: 0, refused: `another item is called ${id}` }
  const references = (['rules', 'journeys', 'segments'] as const).flatMap((section) => {
    const before = valueAt(config, [section])
    return before === undefined ? [] : editsToward(before, rewrite(before, { [old]: id }, {}), [section])
  })
  const edits: Edit[] = [{ path: itemPath(old), remove: true }, { path: itemPath(id), value: valueAt(config, itemPath(old)) }, ...references]
  return { edits, rewritten: references.length }
}

/** A validator path under `items.<id>`: the item's id (the longest of `ids` that fits: ids may hold dots) and the field after it. */
export function itemPlace(path: string, ids: readonly string[]): { id: string; field: string } | null {
  if (!path.startsWith('items.')) return null
  const rest = path.slice('items.'.length)
  const id = ids.filter((known) => rest === known || rest.startsWith(`${known}.`) || rest.startsWith(`${known}[`)).sort((a, b) => b.length - a.length)[0]
  return id === undefined ? null : { id, field: rest.slice(id.length).replace(/^\./, '') }
}

/** The problems of item `id`. */
export const problemsOfItem = (problems: readonly Placed[], ids: readonly string[], id: string): Placed[] =>
  problems.filter((problem) => itemPlace(problem.path, ids)?.id === id)

/** The problems of a field of an item: `field` itself or anything under it. */
export const problemsOfItemField = (problems: readonly Placed[], ids: readonly string[], field: string): Placed[] =>
  problems.filter((problem) => {
    const at = itemPlace(problem.path, ids)?.field
    return at !== undefined && (at === field || at.startsWith(`${field}.`) || at.startsWith(`${field}[`))
  })
