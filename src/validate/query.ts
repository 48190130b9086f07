import type { Finding } from './messages.js'
import type { RegexRefusal } from '../rules/regex-parse.js'
import { nearName } from './near-name.js'

// The facts of contract §4 and §8 (engine/facts.ts builds them). One ending in "." opens a namespace:
// any name after it (`user.traits.plan`). `item.<id>.shown|dismissed|converted` is read apart;
// `events.`, `segment.` and `journeys.` facts are checked by validate/journey-facts.ts, with the config's ids.
// A literal, not a split string: query.ts reaches the start chunk (isPlainObject), where a
// call at the top would stay even unused.
export const facts = [
  'page.url',
  'page.path',
  'page.referrer',
  'page.title',
  'page.views',
  'page.query.',
  'visit.count',
  'visit.pageviews',
  'visit.seconds',
  'visitor.pageviews',
  'visitor.firstSeen',
  'user.id',
  'user.traits.',
  'utm.source',
  'utm.medium',
  'utm.campaign',
  'utm.term',
  'utm.content',
  'device.type',
  'device.language',
  'time.hour',
  'time.weekday',
  'journey.stage',
  'push.permission',
  'event.',
  'variant.',
]
const checkedLater = ['events', 'segment', 'journeys']
const itemCounts = ['shown', 'dismissed', 'converted']
const numberOperators = ['$gt', '$gte', '$lt', '$lte']
const stringOperators = ['$startsWith', '$contains']
const operators = ['$eq', '$ne', ...numberOperators, ...stringOperators, '$in', '$nin', '$exists', '$regex', '$and', '$or', '$not']
const maxDepth = 8
const maxList = 1000

/** Where a query's problems go, and the `$regex` screen (validate/regex-screen.ts) when it is at hand. */
export interface QueryFindings {
  problems: Finding[]
  screenRegex?: ((pattern: string) => RegexRefusal | null) | undefined
}

/** Checks a rule's `if` (contract §4); problems are appended to `found.problems`. */
export function validateQuery(query: unknown, path: string, found: QueryFindings, depth = 0): void {
  if (!isPlainObject(query)) return void found.problems.push({ path, code: 'notObject' })
  if (depth > maxDepth) return void found.problems.push({ path, code: 'tooDeep' })
  for (const [key, value] of Object.entries(query)) {
    const at = `${path}.${key}`
    if (key === '$and' || key === '$or') validateQueryList(value, at, found, depth)
    else if (key === '$not') validateQuery(value, at, found, depth + 1)
    else if (key.startsWith('$')) found.problems.push({ path: at, code: 'unknownOperator', before: key, near: nearName(key, operators) })
    else if (!isFact(key)) found.problems.push({ path: at, code: 'unknownFact', value: key, near: nearFact(key) })
    else validateCondition(value, at, found, depth + 1)
  }
}

function validateQueryList(value: unknown, path: string, found: QueryFindings, depth: number): void {
  if (!Array.isArray(value)) return void found.problems.push({ path, code: 'needsQueries' })
  if (value.length > maxList) return void found.problems.push({ path, code: 'tooMany' })
  value.forEach((query, i) => validateQuery(query, `${path}[${i}]`, found, depth + 1))
}

/** A condition on one fact: a bare value ($eq) or an object of operators. */
function validateCondition(condition: unknown, path: string, found: QueryFindings, depth: number): void {
  if (depth > maxDepth) return void found.problems.push({ path, code: 'tooDeep' })
  if (!isOperatorObject(condition)) return
  for (const [op, operand] of Object.entries(condition)) {
    // The path names the fact, the message the operator: "rules[2].if.visit.count: $gte needs a number" (contract §4)
    const fail = (code: Finding['code'], value?: unknown, near?: string) => found.problems.push({ path, code, before: op, value, near })
    if (op === '$eq' || op === '$ne') continue
    if (numberOperators.includes(op)) {
      if (typeof operand !== 'number' || !Number.isFinite(operand)) fail('needsNumber', operand)
    } else if (stringOperators.includes(op)) {
      if (typeof operand !== 'string') fail('needsString', operand)
    } else if (op === '$in' || op === '$nin') {
      if (!Array.isArray(operand)) fail('needsArray', operand)
      else if (operand.length > maxList) fail('tooMany')
    } else if (op === '$exists') {
      if (typeof operand !== 'boolean') fail('needsBoolean', operand)
    } else if (op === '$regex') {
      // Patterns are read only by validateConfig's screen; the runtime leaves them to the engine
      // (config/accept.ts). A refused pattern is not quoted: the CLI explains each refusal by its words.
      if (typeof operand !== 'string') fail('needsString', operand)
      else if (found.screenRegex?.(operand)) fail(found.screenRegex(operand)!)
    } else if (op === '$not') {
      validateCondition(operand, `${path}.$not`, found, depth + 1)
    } else {
      fail('unknownOperator', undefined, nearName(op, operators))
    }
  }
}

function isFact(name: string): boolean {
  const parts = name.split('.')
  return (
    checkedLater.includes(parts[0]!) ||
    facts.some((fact) => (fact.endsWith('.') ? name.startsWith(fact) && name !== fact : name === fact)) ||
    (parts[0] === 'item' && parts.length > 2 && itemCounts.includes(parts.pop()!))
  )
}

/** The fact `name` is most likely a typo of, its open parts kept: `user.trait.plan` → `user.traits.plan`. */
function nearFact(name: string): string | undefined {
  const parts = name.split('.')
  const after = (prefix: string, count: number) => (parts.length > count ? [prefix + parts.slice(count).join('.')] : [])
  return nearName(name, [
    ...facts.flatMap((fact) => (fact.endsWith('.') ? after(fact, fact.split('.').length - 1) : fact)),
    ...checkedLater.flatMap((root) => after(`${root}.`, 1)),
    ...itemCounts.map((count) => ['item', ...parts.slice(1, -1), count].join('.')),
  ])
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
