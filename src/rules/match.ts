import { normalizePath } from '../track/path.js'
import { readFact, type Facts } from './facts.js'

type Query = Record<string, unknown>

/** Does a `$regex` pattern match a text? rules/regex.ts `testRegex`, from its lazy chunk. */
export type RegexTest = (pattern: string, text: string) => boolean

const maxFactLength = 2048

/**
 * Evaluates a validated MongoDB-style query against facts (contract §4). Trusts its input:
 * validate/validate has already refused unknown operators and unsafe patterns. `$regex` runs on
 * `regex`, a linear-time engine, over at most the fact's first 2,048 characters (contract §7).
 */
export function matchQuery(query: Query, facts: Facts, regex?: RegexTest): boolean {
  for (const key in query) {
    const value = query[key]
    if (key === '$and') {
      if (!(value as Query[]).every((q) => matchQuery(q, facts, regex))) return false
    } else if (key === '$or') {
      if (!(value as Query[]).some((q) => matchQuery(q, facts, regex))) return false
    } else if (key === '$not') {
      if (matchQuery(value as Query, facts, regex)) return false
    } else if (!matchCondition(readFact(facts, key), value, regex)) {
      return false
    }
  }
  return true
}

function matchCondition(fact: unknown, condition: unknown, regex: RegexTest | undefined): boolean {
  if (!isOperators(condition)) return equals(fact, condition)
  for (const op in condition) {
    if (!matchOperator(op, fact, condition[op], regex)) return false
  }
  return true
}

function matchOperator(op: string, fact: unknown, operand: unknown, regex: RegexTest | undefined): boolean {
  // These read a fact that is an array as a whole.
  switch (op) {
    case '$ne':
    case '$not':
      return !matchCondition(fact, operand, regex)
    case '$nin':
      return !(operand as unknown[]).some((candidate) => matchCondition(fact, candidate, regex))
    case '$exists':
      return (fact !== undefined && fact !== null) === operand
  }
  // The others match a fact that is an array when any element does, as in MongoDB.
  if (Array.isArray(fact)) return fact.some((element) => matchOperator(op, element, operand, regex)) || (op === '$eq' && equals(fact, operand))
  switch (op) {
    case '$eq':
      return equals(fact, operand)
    case '$gt':
      return typeof fact === 'number' && fact > (operand as number)
    case '$gte':
      return typeof fact === 'number' && fact >= (operand as number)
    case '$lt':
      return typeof fact === 'number' && fact < (operand as number)
    case '$lte':
      return typeof fact === 'number' && fact <= (operand as number)
    case '$in':
      return (operand as unknown[]).some((candidate) => matchCondition(fact, candidate, regex))
    case '$regex':
      // Without the regex chunk no `$regex` condition holds (the runtime then drops those rules).
      return typeof fact === 'string' && !!regex?.(operand as string, fact.slice(0, maxFactLength))
    case '$startsWith':
      return typeof fact === 'string' && fact.slice(0, maxFactLength).startsWith(operand as string)
    case '$contains':
      return typeof fact === 'string' && fact.slice(0, maxFactLength).includes(operand as string)
    default:
      return false
  }
}

/**
 * Texts compare as paths do for `page.views` (track/path.ts): `/cart` = `/cart/` =
 * `/cart/index.html`, so an owner's exact `page.path` holds whichever form the site links.
 * Only `/` runs, a last slash and `index.html` are set aside; no other text changes.
 */
function equals(fact: unknown, expected: unknown): boolean {
  if (Array.isArray(fact) && !Array.isArray(expected)) return fact.some((element) => equals(element, expected))
  if (typeof fact === 'string' && typeof expected === 'string') return normalizePath(fact) === normalizePath(expected)
  if (typeof fact === 'object' && fact !== null) return JSON.stringify(fact) === JSON.stringify(expected)
  return fact === expected
}

function isOperators(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((key) => key.startsWith('$'))
}

/** Does a config (or any part of it) use `$regex`? Then the regex chunk is needed. */
export function usesRegex(value: unknown): boolean {
  try {
    return JSON.stringify(value ?? null).includes('"$regex":')
  } catch {
    return true // a cycle: the validator refuses it; loading the chunk would be harmless anyway
  }
}
