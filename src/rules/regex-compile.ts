import type { CharSet, ParsedRegex, RegexNode, RegexRefusal } from './regex-parse.js'
import { parseRegex } from './regex-parse.js'

/**
 * A Thompson NFA as a flat list of instructions (Cox, "Regular Expression Matching: the
 * Virtual Machine Approach", https://swtch.com/~rsc/regexp/regexp2.html). `set` consumes one
 * code unit and goes on at the next instruction; `split` forks to `to` and `or`; `jump` goes
 * to `to`; `assert` checks a position and goes on; `match` ends in success.
 */
export type Instruction =
  | { op: 'set'; set: CharSet }
  | { op: 'split'; to: number; or: number }
  | { op: 'jump'; to: number }
  | { op: 'assert'; what: '^' | '$' | 'b' | 'B' }
  | { op: 'match' }

export interface RegexProgram {
  code: Instruction[]
  ignoreCase: boolean
}

/**
 * Most instructions a program may have: matching costs at most a few steps per instruction
 * per character, so 2,048 characters × 1,000 instructions bounds one test to a few million
 * steps (tens of milliseconds at worst, measured), whatever the pattern; everyday patterns compile to
 * tens of instructions. `{m,n}` copies its body, so counts are what this limits.
 */
export const maxInstructions = 1000

/** Parses and compiles a `$regex` pattern, or names why it is refused. Never throws. */
export function compileRegex(pattern: string): RegexProgram | RegexRefusal {
  const parsed = parseRegex(pattern)
  return typeof parsed === 'string' ? parsed : compileParsed(parsed)
}

function compileParsed({ node, ignoreCase }: ParsedRegex): RegexProgram | RegexRefusal {
  const code: Instruction[] = []
  const emit = (instruction: Instruction): number => {
    if (code.length >= maxInstructions) throw 'regexSize'
    return code.push(instruction) - 1
  }
  // `split`/`jump` targets are patched once the code they point past is emitted.
  const patch = (at: number, fields: { to?: number; or?: number }) => Object.assign(code[at]!, fields)

  const compile = (node: RegexNode): void => {
    switch (node.kind) {
      case 'set':
        return void emit({ op: 'set', set: node })
      case 'assert':
        return void emit({ op: 'assert', what: node.what })
      case 'seq':
        return node.items.forEach(compile)
      case 'alt': {
        const jumps: number[] = []
        node.options.forEach((option, i) => {
          const last = i === node.options.length - 1
          const split = last ? -1 : emit({ op: 'split', to: 0, or: 0 })
          if (split >= 0) patch(split, { to: split + 1 })
          compile(option)
          if (!last) jumps.push(emit({ op: 'jump', to: 0 }))
          if (split >= 0) patch(split, { or: code.length })
        })
        return jumps.forEach((jump) => patch(jump, { to: code.length }))
      }
      case 'repeat': {
        for (let i = 0; i < node.min; i++) compile(node.node)
        if (node.max === Infinity) {
          // L: split body, end; body; jump L
          const split = emit({ op: 'split', to: 0, or: 0 })
          compile(node.node)
          emit({ op: 'jump', to: split })
          return void patch(split, { to: split + 1, or: code.length })
        }
        // Each optional copy may be skipped straight to the end: x{1,3} = x(x(x)?)?
        const splits: number[] = []
        for (let i = node.min; i < node.max; i++) {
          const split = emit({ op: 'split', to: 0, or: 0 })
          patch(split, { to: split + 1 })
          splits.push(split)
          compile(node.node)
        }
        return splits.forEach((split) => patch(split, { or: code.length }))
      }
    }
  }

  try {
    compile(node)
    emit({ op: 'match' })
  } catch (why) {
    if (why === 'regexSize') return why
    throw why
  }
  return { code, ignoreCase }
}
