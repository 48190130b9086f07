import type { Problem } from './types.js'
import { messages } from './messages.js'
import { isPlainObject } from './query.js'
import { configShape } from './shape.js'
import { walk } from './walk.js'

export interface Validation {
  problems: Problem[]
  warnings: Problem[]
}

const forbiddenKeys = ['__proto__', 'constructor', 'prototype']

/**
 * Walks the whole config and returns every problem with its JSON path (contract §4, §7).
 * A config with any problem is refused whole; warnings (unknown keys, likely trigger typos)
 * are only reported.
 */
export function validateConfig(input: unknown): Validation {
  const problems: Problem[] = []
  const warnings: Problem[] = []
  findForbiddenKeys(input, '', problems, 0)
  if (!isPlainObject(input)) return { problems: [{ path: '(config)', message: messages.notObject }], warnings }
  const items = isPlainObject(input.items) ? input.items : {}
  walk(input, configShape, '', { problems, warnings, items, ruleIds: new Set() })
  return { problems, warnings }
}

/** Contract §7: `__proto__`, `constructor` and `prototype` keys are refused anywhere. */
function findForbiddenKeys(value: unknown, path: string, problems: Problem[], depth: number): void {
  if (typeof value !== 'object' || value === null || depth > 32) return
  for (const key of Object.keys(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key
    if (forbiddenKeys.includes(key)) problems.push({ path: at, message: messages.forbiddenKey })
    else findForbiddenKeys((value as Record<string, unknown>)[key], at, problems, depth + 1)
  }
}
