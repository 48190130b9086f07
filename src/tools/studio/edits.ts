/**
 * The studio's edits applied to the file's text, not to a regenerated file: each changes the
 * text at its path (found in jsonc-parser's parse tree) and leaves the rest alone: formatting,
 * key order, keys the studio does not know. What it writes is laid out as the file lays things
 * out (layout.ts). Members are added and removed here rather than by jsonc-parser's `modify`,
 * whose formatter lays out the whole line of the member before an insertion anew (a one-line
 * rule above a new one came out spread over six lines). Pure; the server's.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser'
import type { Edit, JsonPath } from './protocol.js'
import { applyEdit, EditError, valueAt } from './draft.js'
import { layoutOf, print, type Layout } from './layout.js'

const textOf = (text: string, node: Node) => text.slice(node.offset, node.offset + node.length)
const isOneLine = (text: string, node: Node) => !/[\r\n]/.test(textOf(text, node))

/** `text` with the node at `path` written anew as `value`, at its place; spread over lines if it was. */
function rewrite(text: string, path: JsonPath, value: unknown, layout: Layout): string {
  const node = findNodeAtLocation(parseTree(text)!, path)!
  const old = textOf(text, node)
  const lineStart = text.lastIndexOf('\n', node.offset - 1) + 1
  const place = {
    indent: /^[ \t]*/.exec(text.slice(lineStart))![0],
    column: node.offset - lineStart,
    compact: /^[{[]/.test(old) && /[:,]\S/.test(old) && !/[:,]\s/.test(old),
    spread: !isOneLine(text, node),
  }
  return text.slice(0, node.offset) + print(value, layout, place) + text.slice(node.offset + node.length)
}

/** The end of the line `offset` is on. */
const lineEnd = (text: string, offset: number) => offset + text.slice(offset).search(/\r?\n|$/)
/** The indentation of the line `offset` is on. */
const indentAt = (text: string, offset: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))![0]

/**
 * `text` with a member added to the object or array `container` (spread over lines): `key`'s
 * property at the end of an object, or `value` before the array's element `index` (at the end
 * when there is none), on a line of its own indented as its siblings are.
 */
function addMember(text: string, container: Node, key: string | number, value: unknown, layout: Layout): string {
  const members = container.children ?? []
  const first = members[0]
  const indent = first ? indentAt(text, first.offset) : indentAt(text, container.offset) + layout.unit
  const name = typeof key === 'string' ? `${JSON.stringify(key)}: ` : ''
  const member = name + print(value, layout, { indent, column: indent.length + name.length })
  const before = typeof key === 'number' ? members[key] : undefined
  if (before) return `${text.slice(0, before.offset)}${member},${layout.eol}${indent}${text.slice(before.offset)}`
  const last = members.at(-1)
  if (last) return `${text.slice(0, last.offset + last.length)},${layout.eol}${indent}${member}${text.slice(last.offset + last.length)}`
  const inside = `${layout.eol}${indent}${member}${layout.eol}${indentAt(text, container.offset)}`
  return text.slice(0, container.offset + 1) + inside + text.slice(container.offset + container.length - 1)
}

/** `text` without the member `index` of `container` (an object's property or an array's element), with its comma and line. */
function removeMember(text: string, container: Node, index: number): string {
  const members = container.children!
  const member = members[index]!
  const [from, to] =
    members.length === 1
      ? [container.offset + 1, container.offset + container.length - 1]
      : index === members.length - 1
        ? [members[index - 1]!.offset + members[index - 1]!.length, member.offset + member.length]
        : [member.offset, members[index + 1]!.offset]
  return text.slice(0, from) + text.slice(to)
}

/**
 * One edit on the text; `after` is the whole config once it is made. The node it changes (the
 * value it replaces, the object or array it adds to or removes from, or the deepest one there
 * is on the way to a new value): if written on one line, it stays on one line while that line
 * fits, else the outermost one-line node around it is laid out anew; if spread over lines, the
 * member is added or removed on its own line, and nothing else moves.
 */
function editOnce(text: string, edit: Edit, after: unknown, layout: Layout): string {
  const root = parseTree(text)
  const { path } = edit
  const at = (depth: number) => (root ? findNodeAtLocation(root, path.slice(0, depth)) : undefined)
  let depth = edit.remove || edit.insert ? path.length - 1 : path.length
  while (depth > 0 && !at(depth)) depth--
  const changed = at(depth)
  if (!changed) return print(after, layout, { indent: '', column: 0 })
  const within = path.slice(0, depth)
  if (isOneLine(text, changed)) {
    const kept = rewrite(text, within, valueAt(after, within), { ...layout, width: Infinity })
    const lineStart = text.lastIndexOf('\n', changed.offset - 1) + 1
    if (layout.width && lineEnd(kept, changed.offset) - lineStart <= layout.width) return kept
    let outer = 0
    while (!isOneLine(text, at(outer)!)) outer++
    return rewrite(text, path.slice(0, outer), valueAt(after, path.slice(0, outer)), layout)
  }
  if (depth === path.length) return rewrite(text, path, edit.value, layout)
  const key = path[depth]!
  if (!edit.remove) return addMember(text, changed, key, valueAt(after, path.slice(0, depth + 1)), layout)
  const index = typeof key === 'number' ? key : changed.children!.findIndex((property) => property.children?.[0]?.value === key)
  return removeMember(text, changed, index)
}

/**
 * `text` with `edits` applied, as draft.ts applies them to the parsed value: throws EditError
 * when an edit does not fit the config, or when the text would not parse to exactly what the
 * draft shows (what keeps the file written the file the studio showed: a duplicate key, say).
 *
 * @example editText('{\n  "version": 1\n}\n', [{ path: ['x'], value: true }]) // '{\n  "version": 1,\n  "x": true\n}\n'
 */
export function editText(original: string, edits: Edit[]): string {
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : ''
  const empty = !original.slice(bom.length).trim()
  let text = empty ? '' : original.slice(bom.length)
  const layout = layoutOf(text)
  let value: unknown
  try {
    value = empty ? undefined : JSON.parse(text)
  } catch {
    throw new EditError('the file is not JSON: the studio edits nothing until it is fixed')
  }
  for (const edit of edits) {
    const after = applyEdit(value, edit)
    const root = parseTree(text)
    if (!edit.remove || (root && findNodeAtLocation(root, edit.path))) text = editOnce(text, edit, after, layout)
    value = after
  }
  if (empty && text) text += layout.eol
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = Symbol('not JSON')
  }
  if (JSON.stringify(parsed) !== JSON.stringify(value)) throw new EditError('the edits did not give the text the draft shows: the file is left as it was')
  return bom + text
}
