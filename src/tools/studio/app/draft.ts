/**
 * The studio's draft: the file as loaded plus the owner's edits, in the shape the server's
 * POST /api/save takes. The server applies each edit to the file's text with jsonc-parser's
 * `modify` (so formatting, key order and keys the studio does not know are kept); `applyEdit`
 * does the same to a plain object, so that the canvas and the validator see what the file will
 * say. draft.test.ts checks the two agree.
 */

export type JsonPath = Array<string | number>

/** Sets `value` at `path` (creating the objects on the way), or removes what is there. */
export interface Edit {
  path: JsonPath
  value?: unknown
  remove?: true
  /** With a value and a path ending in a list index: put it before that entry, moving the rest down. */
  insert?: true
}

type Container = Record<string, unknown> | unknown[]

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** An own property even for "__proto__" (the validator refuses that key; the draft must not obey it). */
function put(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
}

const has = (container: Container, key: string | number): boolean =>
  Array.isArray(container) ? typeof key === 'number' && key >= 0 && key < container.length : typeof key === 'string' && Object.hasOwn(container, key)

/** What the path names in `root`, or undefined. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let here = root
  for (const key of path) {
    if (!(Array.isArray(here) || isObject(here)) || !has(here, key)) return undefined
    here = (here as Record<string | number, unknown>)[key]
  }
  return here
}

/**
 * `root` with the edit applied, as jsonc-parser's `modify` applies it to the text: a missing
 * parent is created (an object for a name, a list for an index); an index at or past a list's
 * end appends; `remove` deletes a member or a list entry (the entries after it move up). Removing
 * where the parent is missing fails, as it does on the server. `root` is never changed.
 */
export function applyEdit(root: unknown, edit: Edit): unknown {
  const { path } = edit
  if (edit.remove) {
    if (path.length === 0) throw new Error('cannot remove the whole file')
    const parent = valueAt(root, path.slice(0, -1))
    if (!(Array.isArray(parent) || isObject(parent))) throw new Error(`cannot remove ${pathText(path)}: its parent is missing`)
    if (!has(parent, path[path.length - 1]!)) return root
  }
  return replaceAt(root, path, edit)
}

function replaceAt(here: unknown, path: JsonPath, edit: Edit): unknown {
  if (path.length === 0) return edit.value
  const [key, ...rest] = path as [string | number, ...JsonPath]
  if (here === undefined) return created(path, edit.value)
  if (Array.isArray(here) && typeof key === 'number') {
    const copy = here.slice()
    if (rest.length === 0 && edit.remove) copy.splice(key, 1)
    else if (rest.length === 0 && edit.insert) copy.splice(Math.min(key, copy.length), 0, edit.value)
    else if (key >= 0 && key < copy.length) copy[key] = replaceAt(copy[key], rest, edit)
    else copy.push(rest.length ? created(rest, edit.value) : edit.value)
    return copy
  }
  if (isObject(here) && typeof key === 'string') {
    const copy: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(here)) put(copy, name, value)
    if (rest.length === 0 && edit.remove) delete copy[key]
    else put(copy, key, Object.hasOwn(here, key) ? replaceAt(here[key], rest, edit) : created(rest, edit.value))
    return copy
  }
  throw new Error(`cannot set ${pathText(path)} inside ${Array.isArray(here) ? 'a list' : typeof here}`)
}

/** The value wrapped in the objects and lists the path names. */
function created(path: JsonPath, value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => {
    if (typeof key === 'number') return [inner]
    const object: Record<string, unknown> = {}
    put(object, key, inner)
    return object
  }, value)
}

export const applyEdits = (root: unknown, edits: readonly Edit[]): unknown => edits.reduce(applyEdit, root)

/** `journeys.cart-rescue.steps[3].goto`: the validator's way of writing a path. */
export const pathText = (path: JsonPath): string => path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i ? `.${key}` : key)).join('')

/**
 * The edits that make `path` hold `value` (undefined: hold nothing): none when it already does,
 * and no removal of what is not there.
 */
export function change(root: unknown, path: JsonPath, value: unknown): Edit[] {
  const now = valueAt(root, path)
  if (value === undefined) return now === undefined ? [] : [{ path, remove: true }]
  return JSON.stringify(now) === JSON.stringify(value) ? [] : [{ path, value }]
}

/**
 * Undo and redo: a stack of edit groups (one group per thing the owner did); what is saved is
 * every group done, in order.
 */
export interface History {
  done: Edit[][]
  undone: Edit[][]
}

export const emptyHistory: History = { done: [], undone: [] }

/** A new group done; what was undone cannot be redone any more. An empty group changes nothing. */
export const record = (history: History, group: Edit[]): History => (group.length ? { done: [...history.done, group], undone: [] } : history)

export function undo(history: History): History {
  const last = history.done[history.done.length - 1]
  return last ? { done: history.done.slice(0, -1), undone: [...history.undone, last] } : history
}

export function redo(history: History): History {
  const next = history.undone[history.undone.length - 1]
  return next ? { done: [...history.done, next], undone: history.undone.slice(0, -1) } : history
}

/** The edits to send: every group done, in order. */
export const editsOf = (history: History): Edit[] => history.done.flat()
