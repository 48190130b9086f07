import type { Finding } from './messages.js'
import { isPlainObject, type QueryFindings } from './query.js'
import { configShape } from './shape.js'
import { walk } from './walk.js'
import { findRuleLoops } from './rule-loops.js'

const forbiddenKeys = ['__proto__', 'constructor', 'prototype']

/**
 * validateConfig in codes (validate/validate.ts): the runtime loads their words (validate/messages.ts)
 * only for a config with something to report. Nothing here may import messages.ts. `$regex`
 * patterns are read only when given `screenRegex` (validate/regex-screen.ts).
 */
export function findProblems(input: unknown, screenRegex?: QueryFindings['screenRegex']): { problems: Finding[]; warnings: Finding[] } {
  const problems: Finding[] = []
  const warnings: Finding[] = []
  findForbiddenKeys(input, '', problems, 0)
  if (!isPlainObject(input)) return { problems: [{ path: '(config)', code: 'notObject' }], warnings }
  const items = isPlainObject(input.items) ? input.items : {}
  walk(input, configShape, '', { problems, warnings, items, ruleIds: new Set(), screenRegex })
  if (Array.isArray(input.rules)) findRuleLoops(input.rules, problems)
  if (!isPlainObject(input.push) && Array.isArray(input.rules)) {
    input.rules.forEach((rule, i) => isPlainObject(rule) && rule.push !== undefined && warnings.push({ path: `rules[${i}].push`, code: 'needsPushConfig' }))
  }
  return { problems, warnings }
}

/** Contract §7: `__proto__`, `constructor` and `prototype` keys are refused anywhere. */
function findForbiddenKeys(value: unknown, path: string, problems: Finding[], depth: number): void {
  if (typeof value !== 'object' || value === null || depth > 32) return
  for (const key of Object.keys(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key
    if (forbiddenKeys.includes(key)) problems.push({ path: at, code: 'forbiddenKey' })
    else findForbiddenKeys((value as Record<string, unknown>)[key], at, problems, depth + 1)
  }
}
