import type { Rule } from '../config/types.js'
import type { Facts } from './facts.js'
import { matchQuery, type RegexTest } from './match.js'
import { triggerKey } from './trigger-key.js'

/** A rule whose trigger fired and whose conditions hold. */
export interface Decision {
  rule: Rule
}

export type RuleIndex = Map<string, Rule[]>

/** A rule whose decision needs the pacing chunk (src/rules/pacing.ts): a schedule, or variants. */
export const paced = (rule: Rule) => rule.schedule || rule.variants

/** Groups rules by trigger, so an event only touches the rules that listen for it. */
export function indexRules(rules: Rule[]): RuleIndex {
  const index: RuleIndex = new Map()
  for (const rule of rules) {
    const key = triggerKey(rule)
    const list = index.get(key)
    if (list) list.push(rule)
    else index.set(key, [rule])
  }
  return index
}

/**
 * The rules for a trigger key whose conditions hold, highest priority first, as decisions.
 * `regex` is the regex chunk's `testRegex` when some rule uses `$regex`.
 */
export function decide(index: RuleIndex, trigger: string, facts: Facts, regex?: RegexTest): Decision[] {
  const candidates = index.get(trigger) ?? []
  return candidates
    .filter((rule) => !rule.if || matchQuery(rule.if, facts, regex))
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0))
    .map((rule) => ({ rule }))
}
