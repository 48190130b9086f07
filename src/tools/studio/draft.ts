/**
 * What an edit does to a config as a plain value: the meaning the server's text edits (edits.ts)
 * must match, and what the app can re-apply to show its draft. Pure, browser-safe, no
 * dependencies. A path that does not fit the value (a key inside a string, an index past the end
 * of an array) is an EditError, never a silent guess.
 */
import type { Edit, JsonPath } from './protocol.js'

export class EditError extends Error {}

type Container = Record<string, unknown> | unknown[]

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`)
const own = (value: Record<string, unknown>, key: string) => (Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined)
/** Sets a key as JSON.parse would, "__proto__" included (plain assignment would set the prototype). */
const put = (value: Record<string, unknown>, key: string, inner: unknown) =>
  Object.defineProperty(value, key, { value: inner, enumerable: true, writable: true, configurable: true })

/** `journeys.a.steps[1]`: a path as the validator writes it, for messages. */
export const pathText = (path: JsonPath) => path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i ? `.${key}` : key)).join('') || '(the whole config)'

/** Why `edit` (from the wire: anything) is not an edit, or null when it is one. */
export function editShapeError(edit: unknown): string | null {
  if (!isContainer(edit) || Array.isArray(edit)) return 'an edit is an object { path, value } or { path, remove: true }'
  const { path, value, remove, insert } = edit as Record<string, unknown>
  if (!Array.isArray(path)) return 'an edit needs a path: an array of keys and indexes'
  if (!path.every((key) => typeof key === 'string' || (typeof key === 'number' && Number.isInteger(key) && key >= 0)))
    return `${JSON.stringify(path)}: a path holds keys (text) and array indexes (whole numbers from 0)`
  if ((remove === true) === 'value' in edit) return `${pathText(path as JsonPath)}: give either a value or remove: true`
  if (remove !== undefined && remove !== true) return `${pathText(path as JsonPath)}: remove is true or absent`
  if (insert !== undefined && (insert !== true || remove === true || typeof path.at(-1) !== 'number'))
    return `${pathText(path as JsonPath)}: insert: true goes with a value and a path ending in an array index`
  return value === undefined && remove !== true ? `${pathText(path as JsonPath)}: the value is missing` : null
}

/** The value at `path`, or undefined when it is not there. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let at = root
  for (const key of path) {
    if (Array.isArray(at) && typeof key === 'number') at = at[key]
    else if (isContainer(at) && !Array.isArray(at) && typeof key === 'string') at = own(at, key)
    else return undefined
  }
  return at
}

/**
 * The container that holds the last element of `path`, created on the way where missing (only
 * as `create` allows): throws when a key meets an array, an index meets an object, or either
 * meets a string, number, boolean or null.
 */
function containerOf(root: { doc: unknown }, path: JsonPath, create: boolean): Container | undefined {
  let parent: Container = root as unknown as Record<string, unknown>
  let key: string | number = 'doc'
  for (let i = 0; i <= path.length - 1; i++) {
    let at: unknown = Array.isArray(parent) ? parent[key as number] : own(parent, key as string)
    const next = path[i]!
    if (at === undefined) {
      if (!create) return undefined
      at = typeof next === 'number' ? [] : {}
      if (Array.isArray(parent)) parent[key as number] = at
      else put(parent, key as string, at)
    }
    if (!isContainer(at)) throw new EditError(`${pathText(path)}: ${pathText(path.slice(0, i))} is ${kindOf(at)}, not an object or array`)
    if (Array.isArray(at) !== (typeof next === 'number'))
      throw new EditError(`${pathText(path)}: ${pathText(path.slice(0, i))} is ${kindOf(at)}, so ${JSON.stringify(next)} cannot be in it`)
    if (Array.isArray(at) && (next as number) > at.length && i < path.length - 1)
      throw new EditError(`${pathText(path)}: ${pathText(path.slice(0, i + 1))} is past the end of the array (${at.length} long)`)
    parent = at
    key = next
  }
  return parent
}

/**
 * `root` with `edit` applied (a new value; `root` is left as it was).
 *
 * @example applyEdit({ a: [1] }, { path: ['a', 1], value: 2 }) // { a: [1, 2] }
 */
export function applyEdit(root: unknown, edit: Edit): unknown {
  const shape = editShapeError(edit)
  if (shape) throw new EditError(shape)
  const holder = { doc: root === undefined ? undefined : structuredClone(root) }
  const { path } = edit
  if (!path.length) {
    if (edit.remove) throw new EditError('the whole config cannot be removed')
    return structuredClone(edit.value)
  }
  const parent = containerOf(holder, path, !edit.remove)
  const key = path.at(-1)!
  if (!parent) return holder.doc
  if (Array.isArray(parent)) {
    const index = key as number
    if (edit.remove) parent.splice(index, index < parent.length ? 1 : 0)
    else if (index > parent.length) throw new EditError(`${pathText(path)}: past the end of the array (${parent.length} long)`)
    else parent.splice(index, edit.insert || index === parent.length ? 0 : 1, structuredClone(edit.value))
  } else if (edit.remove) delete parent[key as string]
  else put(parent, key as string, structuredClone(edit.value))
  return holder.doc
}

/** `root` with every edit applied in order. */
export const applyEdits = (root: unknown, edits: Edit[]): unknown => edits.reduce(applyEdit, root)
