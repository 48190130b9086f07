import type { Rule } from '../config/types.js'
import { triggerParameters } from '../config/triggers.js'

/**
 * The key a rule listens on: the trigger, plus its parameter for parameterised triggers
 * (`scroll:50`, `time_on_page:30`, `idle:10`, `click:.buy`), so that an event touches only
 * the rules waiting for exactly it.
 */
export function triggerKey(rule: Pick<Rule, 'on' | 'percent' | 'seconds' | 'selector'>): string {
  const parameter = Object.prototype.hasOwnProperty.call(triggerParameters, rule.on) ? triggerParameters[rule.on as keyof typeof triggerParameters] : undefined
  return parameter ? `${rule.on}:${rule[parameter]}` : rule.on
}
