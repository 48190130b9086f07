import type { RegexProgram } from './regex-compile.js'
import type { CharSet } from './regex-parse.js'

/** Counts the engine's steps, so tests can prove the cost is linear (not a wall clock). */
export interface StepMeter {
  steps: number
}

/**
 * Does the program match anywhere in `text`? A Thompson NFA simulation: every live state
 * advances together one code unit at a time, each state at most once per position, so the
 * cost is O(text length × program length) whatever the pattern: no backtracking, nothing a
 * crafted URL can blow up. Pure; never throws.
 */
export function runRegex(program: RegexProgram, text: string, meter: StepMeter = { steps: 0 }): boolean {
  const { code, ignoreCase } = program
  // seen[pc] === position + 1 once pc is in the list for that position
  const seen = new Int32Array(code.length)
  let current: number[] = []
  let next: number[] = []
  const stack: number[] = []
  // A pattern that starts with ^ can only start at 0: once its threads die, nothing can match.
  const anchored = code[0]?.op === 'assert' && code[0].what === '^'

  /** Adds `start` and every state reachable from it without reading a character. */
  const add = (list: number[], start: number, position: number): boolean => {
    stack.push(start)
    while (stack.length > 0) {
      const pc = stack.pop()!
      meter.steps++
      if (seen[pc] === position + 1) continue
      seen[pc] = position + 1
      const instruction = code[pc]!
      switch (instruction.op) {
        case 'match':
          stack.length = 0
          return true
        case 'set':
          list.push(pc)
          break
        case 'jump':
          stack.push(instruction.to)
          break
        case 'split':
          stack.push(instruction.or, instruction.to)
          break
        case 'assert':
          if (holds(instruction.what, text, position)) stack.push(pc + 1)
      }
    }
    return false
  }

  for (let position = 0; ; position++) {
    // Unanchored search: a new thread starts at every position (the implicit leading .*?).
    if (add(current, 0, position)) return true
    if (position >= text.length || (anchored && current.length === 0)) return false
    const unit = text.charCodeAt(position)
    for (const pc of current) {
      meter.steps++
      const instruction = code[pc]!
      if (instruction.op === 'set' && accepts(instruction.set, unit, ignoreCase) && add(next, pc + 1, position + 1)) return true
    }
    ;[current, next] = [next, current]
    next.length = 0
  }
}

function accepts(set: CharSet, unit: number, ignoreCase: boolean): boolean {
  let found = inRanges(set.ranges, unit)
  if (!found && ignoreCase) {
    const char = String.fromCharCode(unit)
    found = inRanges(set.ranges, char.toLowerCase().charCodeAt(0)) || inRanges(set.ranges, char.toUpperCase().charCodeAt(0))
  }
  return found !== set.negated
}

function inRanges(ranges: number[], unit: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (unit >= ranges[i]! && unit <= ranges[i + 1]!) return true
  return false
}

const isWord = (text: string, at: number) => at >= 0 && at < text.length && /\w/.test(text[at]!)

function holds(what: '^' | '$' | 'b' | 'B', text: string, position: number): boolean {
  if (what === '^') return position === 0
  if (what === '$') return position === text.length
  return (isWord(text, position - 1) !== isWord(text, position)) === (what === 'b')
}
