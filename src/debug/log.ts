import type { Rule } from '../config/types.js'
import type { Decision } from '../rules/evaluate.js'
import type { Facts } from '../rules/facts.js'

/** Loaded only with data-debug: one collapsed console group per trigger. */
export function logDecisions(trigger: string, candidates: Rule[], decisions: Decision[], facts: Facts): void {
  const fired = new Set(decisions.map((decision) => decision.rule.id))
  console.groupCollapsed(`journeykit: ${trigger} — ${fired.size} of ${candidates.length} rule(s) fired`)
  for (const rule of candidates) {
    console.log(`${fired.has(rule.id) ? '✔ fired' : '✘ conditions not met'}: ${rule.id}`, rule.if ?? {})
  }
  console.log('facts', facts)
  console.groupEnd()
}
