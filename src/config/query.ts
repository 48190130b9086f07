import type { Finding } from './messages.js'
import type { RegexRefusal } from '../rules/regex-parse.js'

const factRoots = ['page', 'visit', 'visitor', 'user', 'utm', 'device', 'time', 'item', 'journey', 'push', 'event', 'variant']
const numberOperators = ['$gt', '$gte', '$lt', '$lte']
const stringOperators = ['$startsWith', '$contains']
const maxDepth = 8
const maxList = 1000

/** Checks a rule's `if` (contract §4); problems are appended to `problems`. */
export function validateQuery(query: unknown, path: string, problems: Finding[], depth = 0): void {
  if (!isPlainObject(query)) return void problems.push({ path, code: 'notObject' })
  if (depth > maxDepth) return void problems.push({ path, code: 'tooDeep' })
  for (const [key, value] of Object.entries(query)) {
    const at = `${path}.${key}`
    if (key === '$and' || key === '$or') validateQueryList(value, at, problems, depth)
    else if (key === '$not') validateQuery(value, at, problems, depth + 1)
    else if (key.startsWith('$')) problems.push({ path: at, code: 'unknownOperator' })
    else if (!factRoots.includes(key.split('.')[0]!)) problems.push({ path: at, code: 'unknownFact' })
    else validateCondition(value, at, problems, depth + 1)
  }
}

function validateQueryList(value: unknown, path: string, problems: Finding[], depth: number): void {
  if (!Array.isArray(value)) return void problems.push({ path, code: 'needsQueries' })
  if (value.length > maxList) return void problems.push({ path, code: 'tooMany' })
  value.forEach((query, i) => validateQuery(query, `${path}[${i}]`, problems, depth + 1))
}

/** A condition on one fact: a bare value ($eq) or an object of operators. */
function validateCondition(condition: unknown, path: string, problems: Finding[], depth: number): void {
  if (depth > maxDepth) return void problems.push({ path, code: 'tooDeep' })
  if (!isOperatorObject(condition)) return
  for (const [op, operand] of Object.entries(condition)) {
    // The path names the fact, the message the operator: "rules[2].if.visit.count: $gte needs a number" (contract §4)
    const fail = (code: Finding['code']) => problems.push({ path, code, before: op })
    if (op === '$eq' || op === '$ne') continue
    if (numberOperators.includes(op)) {
      if (typeof operand !== 'number' || !Number.isFinite(operand)) fail('needsNumber')
    } else if (stringOperators.includes(op)) {
      if (typeof operand !== 'string') fail('needsString')
    } else if (op === '$in' || op === '$nin') {
      if (!Array.isArray(operand)) fail('needsArray')
      else if (operand.length > maxList) fail('tooMany')
    } else if (op === '$exists') {
      if (typeof operand !== 'boolean') fail('needsBoolean')
    } else if (op === '$regex') {
      const refusal = typeof operand === 'string' ? screenRegex(operand) : 'needsString'
      if (refusal) fail(refusal)
    } else if (op === '$not') {
      validateCondition(operand, `${path}.$not`, problems, depth + 1)
    } else {
      fail('unknownOperator')
    }
  }
}

/** An object whose keys all start with `$` is a set of operators; anything else is a bare value. */
export function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((key) => key.startsWith('$'))
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const maxPatternLength = 256
// Escapes and classes are read whole, so that `\\1` or `[(?=]` are not taken for what they are not.
const regexTokens = /\\k<|\\.|\[(?:\\.|[^\]\\])*\]|\(\?<?[=!]|[^]/g

/**
 * Contract §7's refusals that need no engine: too long, a backreference, lookaround, or not
 * even a RegExp. The engine itself (rules/regex.ts, a lazy chunk) refuses the rest of what it
 * does not run when a config is accepted (config/accept.ts). One reason per pattern.
 */
export function screenRegex(pattern: string): RegexRefusal | null {
  if (pattern.length > maxPatternLength) return 'regexLength'
  for (const [token] of pattern.matchAll(regexTokens)) {
    if (/^\\([1-9]|k<)/.test(token)) return 'regexBackreference'
    if (token.startsWith('(?')) return 'regexLookaround'
  }
  try {
    // Compiling is not matching: it cannot stall. A leading (?i) is our flag, not JavaScript's.
    new RegExp(pattern.replace(/^\(\?i\)/, ''))
    return null
  } catch {
    return 'regexSyntax'
  }
}
