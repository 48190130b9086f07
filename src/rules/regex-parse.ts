/**
 * The `$regex` dialect (contract §7): a subset of JavaScript's RegExp that a Thompson NFA runs in
 * time linear in the text (Russ Cox, "Regular Expression Matching Can Be Simple And Fast",
 * https://swtch.com/~rsc/regexp/regexp1.html). Accepted: literals, escapes (`\d \w \s \D \W \S
 * \b \B \n \r \t \f \v \0 \xHH \uHHHH`, `\` before punctuation), classes `[a-z]` `[^…]`, `.`,
 * anchors `^ $`, groups `(…)` `(?:…)` `(?<name>…)`, alternation `|`, quantifiers `* + ? {m}
 * {m,} {m,n}` (lazy `?` suffix accepted; a boolean test does not care) and a leading `(?i)`
 * for case-insensitive matching. Refused: backreferences and lookaround (they need
 * backtracking), and anything else (`\p{…}`, inline flags elsewhere, a stray `{`), rather than
 * guessing what the author meant.
 */

/** One UTF-16 code unit in (or, negated, not in) the inclusive ranges [lo, hi, lo, hi, …]. */
export interface CharSet {
  kind: 'set'
  ranges: number[]
  negated: boolean
}

export type RegexNode =
  | CharSet
  | { kind: 'assert'; what: '^' | '$' | 'b' | 'B' }
  | { kind: 'seq'; items: RegexNode[] }
  | { kind: 'alt'; options: RegexNode[] }
  | { kind: 'repeat'; node: RegexNode; min: number; max: number }

/** Why a pattern is refused; each has its message in validate/messages.ts. */
export type RegexRefusal = 'regexLength' | 'regexBackreference' | 'regexLookaround' | 'regexSyntax' | 'regexSize'

export interface ParsedRegex {
  node: RegexNode
  ignoreCase: boolean
}

export const maxPatternLength = 256
/** Largest count in `{m,n}`: the program repeats the body that many times. */
const maxCount = 1000

const digit: number[] = [48, 57]
const word: number[] = [48, 57, 65, 90, 95, 95, 97, 122]
// JavaScript's \s: WhiteSpace and LineTerminator (ECMA-262 §22.2.2.9)
const space: number[] = [9, 13, 32, 32, 160, 160, 5760, 5760, 8192, 8202, 8232, 8233, 8239, 8239, 8287, 8287, 12288, 12288, 65279, 65279]
const lineTerminators: number[] = [10, 10, 13, 13, 8232, 8233]
const controls: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11 }
const classEscapes: Record<string, number[]> = { d: digit, w: word, s: space }

const set = (ranges: number[], negated = false): CharSet => ({ kind: 'set', ranges, negated })

/** The code units not in `ranges` (sorted, non-overlapping), as ranges. */
function complement(ranges: number[]): number[] {
  const out: number[] = []
  let from = 0
  for (let i = 0; i < ranges.length; i += 2) {
    if (ranges[i]! > from) out.push(from, ranges[i]! - 1)
    from = ranges[i + 1]! + 1
  }
  if (from <= 0xffff) out.push(from, 0xffff)
  return out
}

/** Parses a `$regex` pattern, or names why it is refused. Never throws. */
export function parseRegex(source: string): ParsedRegex | RegexRefusal {
  if (source.length > maxPatternLength) return 'regexLength'
  const ignoreCase = source.startsWith('(?i)')
  let pos = ignoreCase ? 4 : 0
  const peek = () => source[pos]
  const eat = (text: string) => source.startsWith(text, pos) && (pos += text.length) > 0
  const refuse = (why: RegexRefusal = 'regexSyntax'): never => {
    throw why
  }

  const alternation = (): RegexNode => {
    const options = [sequence()]
    while (eat('|')) options.push(sequence())
    return options.length === 1 ? options[0]! : { kind: 'alt', options }
  }

  const sequence = (): RegexNode => {
    const items: RegexNode[] = []
    while (pos < source.length && peek() !== '|' && peek() !== ')') {
      const node = atom()
      items.push(quantified(node))
    }
    return items.length === 1 ? items[0]! : { kind: 'seq', items }
  }

  const quantified = (node: RegexNode): RegexNode => {
    const bounds = quantifier()
    if (!bounds) return node
    if (node.kind === 'assert') refuse() // "nothing to repeat", as RegExp says
    eat('?') // lazy: same answer for a yes/no test
    if (quantifier()) refuse() // a** is a SyntaxError in JavaScript too
    return { kind: 'repeat', node, min: bounds[0], max: bounds[1] }
  }

  const quantifier = (): [number, number] | null => {
    if (eat('*')) return [0, Infinity]
    if (eat('+')) return [1, Infinity]
    if (eat('?')) return [0, 1]
    const counted = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(pos))
    if (!counted) return null
    pos += counted[0].length
    const min = Number(counted[1])
    const max = counted[2] === undefined ? min : counted[3] ? Number(counted[3]) : Infinity
    if (min > max) refuse()
    if (min > maxCount || (max !== Infinity && max > maxCount)) refuse('regexSize')
    return [min, max]
  }

  const atom = (): RegexNode => {
    const char = source[pos++]!
    if (char === '(') return group()
    if (char === '[') return charClass()
    if (char === '.') return set(lineTerminators, true)
    if (char === '^' || char === '$') return { kind: 'assert', what: char }
    if (char === '\\') {
      const next = peek()
      if (next === 'b' || next === 'B') return (pos++, { kind: 'assert', what: next })
      return escape()
    }
    if ('*+?{'.includes(char)) refuse() // nothing to repeat, or a stray brace
    return literal(char.charCodeAt(0))
  }

  const group = (): RegexNode => {
    if (eat('?')) {
      if (eat('=') || eat('!') || eat('<=') || eat('<!')) refuse('regexLookaround')
      if (eat('<')) {
        if (!/^[A-Za-z_$][\w$]*>/.test(source.slice(pos))) refuse()
        pos = source.indexOf('>', pos) + 1
      } else if (!eat(':')) refuse() // inline flags other than a leading (?i)
    }
    const inner = alternation()
    if (!eat(')')) refuse()
    return inner
  }

  const charClass = (): RegexNode => {
    const negated = eat('^')
    const ranges: number[] = []
    while (peek() !== ']') {
      if (pos >= source.length) refuse()
      const from = classAtom()
      if (peek() === '-' && source[pos + 1] !== ']' && pos + 1 < source.length) {
        pos++
        const to = classAtom()
        if (typeof from !== 'number' || typeof to !== 'number' || from > to) refuse()
        ranges.push(from as number, to as number)
      } else if (typeof from === 'number') ranges.push(from, from)
      else ranges.push(...from.ranges)
    }
    pos++
    return set(ranges, negated)
  }

  /** A code unit, or a set for \d \w \s and their negations. */
  const classAtom = (): number | CharSet => {
    const char = source[pos++]!
    if (char !== '\\') return char.charCodeAt(0)
    if (eat('b')) return 8 // backspace, inside a class
    if (eat('-')) return 45
    if (eat('k')) return 107 // \k is a backreference outside a class only
    if (/[1-9]/.test(peek() ?? '')) refuse() // an octal escape in JavaScript, not a backreference
    const node = escape()
    return node.ranges.length === 2 && node.ranges[0] === node.ranges[1] && !node.negated ? node.ranges[0]! : flatten(node)
  }

  /** The escape after a backslash, as a set of one or more code units. */
  const escape = (): CharSet => {
    const char = source[pos++]
    if (char === undefined) return refuse()
    if (/[1-9]/.test(char) || (char === 'k' && peek() === '<')) return refuse('regexBackreference')
    const lower = char.toLowerCase()
    if (classEscapes[lower]) return set(classEscapes[lower], char !== lower)
    if (char in controls) return literal(controls[char]!)
    if (char === '0' && !/\d/.test(peek() ?? '')) return literal(0)
    const hex = char === 'x' ? 2 : char === 'u' ? 4 : 0
    if (hex) {
      const digits = source.slice(pos, pos + hex)
      if (digits.length < hex || !/^[0-9a-fA-F]+$/.test(digits)) refuse()
      pos += hex
      return literal(parseInt(digits, 16))
    }
    if (/\w/.test(char)) refuse() // \p{…}, \c, \q…: not escapes JavaScript gives a meaning to
    return literal(char.charCodeAt(0))
  }

  try {
    const node = alternation()
    if (pos < source.length) refuse() // a ")" without its "("
    return { node, ignoreCase }
  } catch (why) {
    if (typeof why === 'string') return why as RegexRefusal
    throw why
  }
}

function literal(code: number): CharSet {
  return set([code, code])
}

/** A negated escape (\D) inside a class becomes the ranges it stands for. */
function flatten(node: CharSet): CharSet {
  return node.negated ? set(complement(node.ranges)) : node
}
