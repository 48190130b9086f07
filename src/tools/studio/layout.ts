/**
 * How a JSON file is laid out, read from its text, and values written the way that file writes
 * them: its indentation (tabs, or its usual step of spaces), its line ends, and whether short
 * objects and arrays sit on one line (Prettier's files: `"days": ["thu", "fri"]`) or every one
 * is spread over lines (JSON.stringify's, and `journeykit init`'s). Pure.
 */
import { parseTree, type Node } from 'jsonc-parser'

export interface Layout {
  /** One level of indentation: a tab, or spaces. */
  unit: string
  eol: string
  /** The longest line a one-line object or array may make; 0: the file writes none. */
  width: number
}

const oneLine = (text: string, node: Node) => !/[\r\n]/.test(text.slice(node.offset, node.offset + node.length))

/** The usual line widths (Prettier's printWidth): a file is taken to use the least that fits it. */
const widths = [80, 100, 120, 140, 160]

/** The length of every line that holds an object or array with something in it written on one line. */
function oneLineWidths(text: string, node: Node | undefined, found: number[] = []): number[] {
  if (!node?.children) return found
  if ((node.type === 'object' || node.type === 'array') && node.children.length && oneLine(text, node)) {
    const start = text.lastIndexOf('\n', node.offset) + 1
    found.push(text.slice(start).search(/\r?\n|$/))
  } else node.children.forEach((child) => oneLineWidths(text, child, found))
  return found
}

/**
 * The layout of `text`: tabs if most indented lines start with one, else the most common step
 * between a line and a deeper next one (2 when nothing says); for a file that keeps short
 * values on one line, the usual width that its longest such line fits in (80, 100, … 160).
 *
 * @example layoutOf('{\n    "a": [1, 2]\n}\n') // { unit: '    ', eol: '\n', width: 80 }
 */
export function layoutOf(text: string): Layout {
  const lines = text.split(/\r?\n/).filter((line) => line.trim())
  const indents = lines.map((line) => /^[ \t]*/.exec(line)![0]).filter(Boolean)
  const tabbed = indents.filter((indent) => indent.startsWith('\t')).length
  const steps = new Map<number, number>()
  lines.forEach((line, i) => {
    const step = /^ */.exec(line)![0].length - /^ */.exec(lines[i - 1] ?? '')![0].length
    if (i && step > 0 && !line.startsWith('\t')) steps.set(step, (steps.get(step) ?? 0) + 1)
  })
  const [size = 2] = [...steps].sort(([a, countA], [b, countB]) => countB - countA || a - b).map(([step]) => step)
  const longest = Math.max(0, ...oneLineWidths(text, parseTree(text)))
  return {
    unit: tabbed * 2 > indents.length ? '\t' : ' '.repeat(size),
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    width: longest ? (widths.find((width) => width >= longest) ?? widths.at(-1)!) : 0,
  }
}

/** `value` on one line: `{ "a": [1, 2] }`, or `{"a":[1,2]}` when `compact`. */
export function inline(value: unknown, compact = false): string {
  if (compact) return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map((member) => inline(member)).join(', ')}]`
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value).map(([key, member]) => `${JSON.stringify(key)}: ${inline(member)}`)
    return members.length ? `{ ${members.join(', ')} }` : '{}'
  }
  return JSON.stringify(value)
}

export interface Place {
  /** The indentation of the line the value starts on. */
  indent: string
  /** How far along that line the value starts. */
  column: number
  /** Write it as `{"a":1}` rather than `{ "a": 1 }` (what it replaces was written so). */
  compact?: boolean
  /** Spread it over lines even if it fits on one (what it replaces was). */
  spread?: boolean
}

/**
 * `value` written at `place` as a person would: on one line when it fits in the layout's
 * width (with a comma after it), else one member a line, each again on one line if it fits.
 *
 * @example print({ days: ['thu'] }, { unit: '  ', eol: '\n', width: 80 }, { indent: '', column: 0 }) // '{ "days": ["thu"] }'
 */
export function print(value: unknown, layout: Layout, { indent, column, compact = false, spread = false }: Place): string {
  const flat = inline(value, compact)
  if (typeof value !== 'object' || value === null || !Object.keys(value).length) return flat
  if (!spread && column + flat.length + 1 <= layout.width) return flat
  const inner = indent + layout.unit
  const members = Array.isArray(value)
    ? value.map((member) => inner + print(member, layout, { indent: inner, column: inner.length, compact }))
    : Object.entries(value).map(([key, member]) => {
        const name = `${inner}${JSON.stringify(key)}: `
        return name + print(member, layout, { indent: inner, column: name.length, compact })
      })
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  return `${open}${layout.eol}${members.join(`,${layout.eol}`)}${layout.eol}${indent}${close}`
}
