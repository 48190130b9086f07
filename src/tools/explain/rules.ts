import type { Config, Rule } from '../../config/types.js'
import type { Facts } from '../../rules/facts.js'
import { readFact } from '../../rules/facts.js'
import { matchQuery } from '../../rules/match.js'
import { testRegex } from '../../rules/regex.js'
import { isScheduled } from '../../rules/schedule.js'

export interface Explanation {
  rule: string
  fires: boolean
  /** Why not, for a rule that does not fire: the first reason found. */
  reason?: string
  /** What it would do: `show exit-offer`, `track x`, `set {…}`, `push "Hi" after 1h, …`, `variants a|b`. */
  action: string
}

/**
 * Which rules would fire for a trigger and facts, and for each other rule the first reason
 * it would not. Frequency caps depend on a visitor's history, so they are noted, not checked.
 */
export function explainRules(config: Config, trigger: string, facts: Facts, now: number): Explanation[] {
  return (config.rules ?? []).map((rule) => {
    const action = describeAction(rule)
    const fail = (reason: string) => ({ rule: rule.id, fires: false, reason, action })
    if (rule.on !== trigger) return fail(`listens for ${rule.on}, not ${trigger}`)
    const failing = firstFailing(rule.if ?? {}, facts)
    if (failing) return fail(failing)
    if (rule.schedule && !isScheduled(rule.schedule, now)) return fail(`outside its schedule at ${new Date(now).toISOString()}`)
    const capped = rule.frequency ? ` (if under its frequency cap ${JSON.stringify(rule.frequency)})` : ''
    const delay = rule.delay ? ` after ${rule.delay}` : ''
    return { rule: rule.id, fires: true, action: `${action}${delay}${capped}` }
  })
}

/** The first condition of a query that does not hold, with the fact as it is; null when all hold. */
export function firstFailing(query: Record<string, unknown>, facts: Facts): string | null {
  for (const [key, condition] of Object.entries(query)) {
    if (matchQuery({ [key]: condition }, facts, testRegex)) continue
    if (key.startsWith('$')) return `${key} ${JSON.stringify(condition)} is false`
    return `${key} ${JSON.stringify(condition)} is false (${key} is ${JSON.stringify(readFact(facts, key)) ?? 'not set'})`
  }
  return null
}

/** What a rule does, in a few words: `show exit-offer`, `track x`, `set {…}`, `push "Hi" after 1h, …`, `variants a|b`. */
export function describeAction(rule: Rule): string {
  if (rule.show) return `show ${rule.show}`
  if (rule.track) return `track ${rule.track}`
  if (rule.set) return `set ${JSON.stringify(rule.set)}`
  // Whether the visitor has a subscription depends on their browser, like a cap on their history.
  if (rule.push) return `push "${rule.push.title}"${rule.push.after ? ` after ${rule.push.after}` : ''}, if the visitor has a push subscription`
  return `variants ${(rule.variants ?? []).map((variant) => variant.show).join('|')}`
}

/** `["page.path=/cart", "visit.count=3"]` → `{ page: { path: '/cart' }, visit: { count: 3 } }`. */
export function parseFacts(pairs: string[]): Facts {
  const facts: Facts = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at < 1) throw new Error(`--fact needs name=value, got "${pair}"`)
    const path = pair.slice(0, at).split('.')
    const raw = pair.slice(at + 1)
    const value = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw
    let node = facts
    path.slice(0, -1).forEach((part) => {
      if (['__proto__', 'constructor', 'prototype'].includes(part)) throw new Error(`--fact ${pair}: "${part}" is not allowed`)
      node = (node[part] ??= {}) as Facts
    })
    node[path[path.length - 1]!] = value
  }
  return facts
}
