import type { Rule } from '../config/types.js'

/**
 * The key a rule listens on: the trigger, plus its parameter for parameterised triggers
 * (`scroll:50`, `time_on_page:30`, `idle:10`, `click:.buy`), so that an event touches only
 * the rules waiting for exactly it.
 */
export function triggerKey(rule: Pick<Rule, 'on' | 'percent' | 'seconds' | 'selector'>): string {
  switch (rule.on) {
    case 'scroll':
      return `scroll:${rule.percent}`
    case 'time_on_page':
    case 'idle':
      return `${rule.on}:${rule.seconds}`
    case 'click':
      return `click:${rule.selector}`
    default:
      return rule.on
  }
}
