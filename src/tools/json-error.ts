/**
 * Where a JSON text goes wrong, in the words of someone who edits it by hand: the line and
 * column (from 1) and what to do, for the mistakes people make most — a comma left before a
 * closing brace, a comma missing between two members, a key without quotes — and the JSON
 * parser's own message, placed, for the rest. For the command line only (never the runtime).
 *
 * @example
 * jsonSyntaxError('{\n  "a": 1,\n}', 'Expected double-quoted property name in JSON at position 12')
 * // { line: 3, column: 1, reason: 'remove the comma before "}"' }
 */
export interface JsonSyntaxError {
  line: number
  column: number
  reason: string
}

class Stop {
  constructor(
    readonly at: number,
    readonly reason: string | null,
  ) {}
}

const ended = 'the file ends too early: a closing "}" or "]", or a value, is missing'
const singleQuotes = 'use double quotes ("), not single ones'
const word = /[^\s:,{}[\]"']+/y
const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

/** The first syntax error of `text` (which JSON.parse refused with `parserMessage`). */
export function jsonSyntaxError(text: string, parserMessage: string): JsonSyntaxError {
  let i = 0
  const at = (from: number, pattern: RegExp) => {
    pattern.lastIndex = from
    return pattern.exec(text)?.[0] ?? ''
  }
  const space = () => {
    while (i < text.length) {
      const c = text[i]!
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++
      else if (text.startsWith('//', i) || text.startsWith('/*', i)) throw new Stop(i, 'JSON has no comments: remove it (a "$comment" key can hold a note)')
      else return
    }
  }
  const string = () => {
    const start = i++
    for (;;) {
      const c = text[i]
      if (c === undefined) throw new Stop(start, 'this text has no closing double quote (")')
      if (c === '"') return text.slice(start + 1, i++)
      if (c === '\n' || c === '\r') throw new Stop(i, 'a line break inside quotes: close the text on its line (write \\n for a line break)')
      if (c < ' ') throw new Stop(i, null)
      if (c === '\\') {
        const escaped = text[i + 1]
        if (escaped === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !escaped || !'"\\/bfnrt'.includes(escaped))
          throw new Stop(i, 'a backslash (\\) starts an escape such as \\n or \\"; write \\\\ for a backslash itself')
        i += escaped === 'u' ? 6 : 2
      } else i++
    }
  }
  /** What the next token is, quoted, for "add a comma before …". */
  const next = () => (text[i] === '"' ? `"${at(i + 1, /[^"\n]*/y)}"` : `"${at(i, word) || text[i]}"`)
  const startsValue = (c: string | undefined) => c !== undefined && (/["{[\d-]/.test(c) || /[A-Za-z_$]/.test(c))
  const value = (): void => {
    space()
    const c = text[i]
    if (c === undefined) throw new Stop(i, ended)
    if (c === '{') return object()
    if (c === '[') return array()
    if (c === '"') return void string()
    if (c === "'") throw new Stop(i, singleQuotes)
    if (c === '-' || (c >= '0' && c <= '9')) {
      const found = at(i, number)
      if (!found) throw new Stop(i, null)
      i += found.length
      return
    }
    const literal = at(i, word)
    if (['true', 'false', 'null'].includes(literal)) return void (i += literal.length)
    if (literal) throw new Stop(i, `${literal} is not a value: text goes in double quotes ("${literal}"); true, false and null are lower case`)
    throw new Stop(i, null)
  }
  const object = () => {
    i++
    space()
    if (text[i] === '}') return void i++
    for (;;) {
      space()
      const c = text[i]
      if (c === '}') throw new Stop(i, 'remove the comma before "}"')
      if (c === undefined) throw new Stop(i, ended)
      if (c === "'") throw new Stop(i, singleQuotes)
      let key: string
      if (c === '"') key = string()
      else {
        key = at(i, word)
        throw new Stop(i, key ? `put the key in double quotes: "${key}"` : null)
      }
      space()
      if (text[i] === undefined) throw new Stop(i, ended)
      if (text[i] !== ':') throw new Stop(i, `put a colon (:) after the key "${key}"`)
      i++
      value()
      space()
      if (text[i] === ',') i++
      else if (text[i] === '}') return void i++
      else if (text[i] === undefined) throw new Stop(i, ended)
      else if (startsValue(text[i])) throw new Stop(i, `add a comma before ${next()}`)
      else throw new Stop(i, null)
    }
  }
  const array = () => {
    i++
    space()
    if (text[i] === ']') return void i++
    for (;;) {
      space()
      if (text[i] === ']') throw new Stop(i, 'remove the comma before "]"')
      value()
      space()
      if (text[i] === ',') i++
      else if (text[i] === ']') return void i++
      else if (text[i] === undefined) throw new Stop(i, ended)
      else if (startsValue(text[i])) throw new Stop(i, `add a comma before ${next()}`)
      else throw new Stop(i, null)
    }
  }
  let stop: Stop
  try {
    value()
    space()
    stop = new Stop(i, i < text.length ? null : ended)
  } catch (err) {
    if (!(err instanceof Stop)) throw err
    stop = err
  }
  const before = text.slice(0, stop.at).split(/\r\n|\r|\n/)
  const reason = stop.reason ?? parserMessage.replace(/ (?:in JSON )?at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '')
  return { line: before.length, column: [...before.at(-1)!].length + 1, reason }
}
