import type { Rule } from '../config/types.js'
import { triggerParameters } from '../config/trigger-names.js'

type Parameter = (typeof triggerParameters)[keyof typeof triggerParameters]

/**
 * The key a rule listens on: the trigger, plus its parameter for parameterised triggers
 * (`scroll:50`, `time_on_page:30`, `idle:10`, `click:.buy`), so that an event touches only
 * the rules waiting for exactly it.
 */
export function triggerKey(rule: Pick<Rule, 'on' | 'percent' | 'seconds' | 'selector'>): string {
  // Only the table's own entries are strings: an event named `constructor` reads a function here.
  const parameter: unknown = (triggerParameters as Record<string, unknown>)[rule.on]
  return typeof parameter === 'string' ? `${rule.on}:${rule[parameter as Parameter]}` : rule.on
}
