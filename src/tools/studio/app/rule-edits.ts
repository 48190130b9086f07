/**
 * What the studio's rules view does to `rules`, as edits of the file (draft.ts): add, delete and
 * move a rule, set its trigger, action (A/B variants too), frequency, dates and weekly windows. Each function reads the draft
 * as it is now and returns one group of edits (one undo); the validator judges the result.
 */
import type { Rule, Variant, WeeklyWindow } from '../../../config/types.js'
import { triggerParameters } from '../../../config/trigger-names.js'
import { change, valueAt, type Edit, type JsonPath } from './draft.js'
import type { Placed } from './problems-by-box.js'

export type RuleAction = 'show' | 'track' | 'set' | 'variants'
export const ruleActions: RuleAction[] = ['show', 'track', 'set', 'variants']

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

export const rulePath = (index: number, ...rest: JsonPath): JsonPath => ['rules', index, ...rest]

/** The rules as the draft has them (what is not an object shows as an empty rule, for its problem). */
export function rulesOf(config: unknown): Array<Partial<Rule>> {
  const rules = valueAt(config, ['rules'])
  return Array.isArray(rules) ? rules.map((rule) => (isObject(rule) ? (rule as Partial<Rule>) : {})) : []
}

/** The rule's action: the first of show, track, set it has. */
export const actionOfRule = (rule: Partial<Rule>): RuleAction | null => ruleActions.find((action) => rule[action] !== undefined) ?? null

/** One line for the list: "exit_intent" / "show exit-offer". */
export function describeRule(rule: Partial<Rule>): { trigger: string; does: string } {
  const parameter = rule.on ? (triggerParameters as Record<string, string>)[rule.on] : undefined
  const trigger = `${rule.on || '(no trigger)'}${parameter && rule[parameter as keyof Rule] !== undefined ? ` ${parameter} ${String(rule[parameter as keyof Rule])}` : ''}`
  const action = actionOfRule(rule)
  const does =
    action === 'variants'
      ? `A/B: ${variantsOf(rule)
          .map((variant) => `${String(variant.show)} ${String(variant.weight)}`)
          .join(' / ')}`
      : action === 'set'
        ? `set ${Object.entries(rule.set ?? {})
            .map(([key, value]) => `${key} ${String(value)}`)
            .join(', ')}`
        : action
          ? `${action} ${String(rule[action])}`
          : '(does nothing)'
  return { trigger, does }
}

/** A new rule at the end: shown on every page view, the first item (or a track to name). */
export function addRule(config: unknown, items: string[]): { edits: Edit[]; index: number } {
  const rules = rulesOf(config)
  const taken = new Set(rules.map((rule) => rule.id))
  let n = rules.length + 1
  while (taken.has(`rule-${n}`)) n++
  const rule = { id: `rule-${n}`, on: 'page_view', ...(items[0] ? { show: items[0] } : { track: '' }) }
  const edits: Edit[] = Array.isArray(valueAt(config, ['rules'])) ? [{ path: rulePath(rules.length), value: rule }] : [{ path: ['rules'], value: [rule] }]
  return { edits, index: rules.length }
}

export const deleteRule = (index: number): Edit[] => [{ path: rulePath(index), remove: true }]

/** Swaps the rule with the one above (-1) or below (+1): rules are tried in order. */
export function moveRule(config: unknown, index: number, delta: -1 | 1): Edit[] {
  const rules = valueAt(config, ['rules'])
  const other = index + delta
  if (!Array.isArray(rules) || other < 0 || other >= rules.length || index < 0 || index >= rules.length) return []
  return [
    { path: rulePath(index), value: rules[other] },
    { path: rulePath(other), value: rules[index] },
  ]
}

/** Sets one field of the rule (undefined removes it). */
export const setRuleField = (config: unknown, index: number, field: string, value: unknown): Edit[] => change(config, rulePath(index, field), value)

/** A new trigger; the parameter of the old one goes, the new one's is left for the owner (the validator asks for it). */
export function setTrigger(config: unknown, index: number, on: string): Edit[] {
  const wanted = (triggerParameters as Record<string, string>)[on]
  const stale = Object.values(triggerParameters).filter((parameter) => parameter !== wanted)
  return [...change(config, rulePath(index, 'on'), on), ...stale.flatMap((parameter) => change(config, rulePath(index, parameter), undefined))]
}

/**
 * Switches the action: the other actions go, the new one starts with a value that works where there
 * is one. Variants start as an even A/B pair: the item shown so far against the next one.
 */
export function setAction(config: unknown, index: number, action: RuleAction, items: string[]): Edit[] {
  const rule = rulesOf(config)[index] ?? {}
  if (rule[action] !== undefined) return []
  const first = typeof rule.show === 'string' ? rule.show : (items[0] ?? '')
  const second = items.find((item) => item !== first) ?? first
  const start =
    action === 'show'
      ? (items[0] ?? '')
      : action === 'track'
        ? ''
        : action === 'set'
          ? { stage: 'consideration' }
          : [
              { weight: 50, show: first },
              { weight: 50, show: second },
            ]
  return [
    ...ruleActions.filter((other) => other !== action).flatMap((other) => change(config, rulePath(index, other), undefined)),
    ...change(config, rulePath(index, action), start),
  ]
}

export type FrequencyKind = 'always' | 'once' | 'session' | 'limit'

export const frequencyKind = (frequency: unknown): FrequencyKind =>
  frequency === 'once' || frequency === 'session' ? frequency : isObject(frequency) ? 'limit' : 'always'

/** The frequency for a kind: "once", "session", `{limit, per}` (once a day to start), or none. */
export function setFrequency(config: unknown, index: number, kind: FrequencyKind): Edit[] {
  const value = kind === 'always' ? undefined : kind === 'limit' ? { limit: 1, per: '1d' } : kind
  if (kind === 'limit' && frequencyKind(valueAt(config, rulePath(index, 'frequency'))) === 'limit') return []
  return change(config, rulePath(index, 'frequency'), value)
}

/** The rule's variants (what is not an object shows as an empty one, for its problem). */
export function variantsOf(rule: Partial<Rule>): Array<Partial<Variant>> {
  return Array.isArray(rule.variants) ? rule.variants.map((variant) => (isObject(variant) ? variant : {})) : []
}

/** One variant more, at an even weight with the first, showing the first item. */
export function addVariant(config: unknown, index: number, items: string[]): Edit[] {
  const variants = valueAt(config, rulePath(index, 'variants'))
  const at = Array.isArray(variants) ? variants.length : 0
  const weight = valueAt(config, rulePath(index, 'variants', 0, 'weight'))
  return [{ path: rulePath(index, 'variants', at), value: { weight: typeof weight === 'number' ? weight : 50, show: items[0] ?? '' } }]
}

/** The variant goes; the last one stays (a rule with variants has one at least: switch the action instead). */
export function removeVariant(config: unknown, index: number, variant: number): Edit[] {
  const variants = valueAt(config, rulePath(index, 'variants'))
  return Array.isArray(variants) && variants.length > 1 ? [{ path: rulePath(index, 'variants', variant), remove: true }] : []
}

/** The schedule's `start` or `end` date (empty: none); an empty schedule goes with the last of it. */
export function setDate(config: unknown, index: number, field: 'start' | 'end', date: string): Edit[] {
  const schedule = valueAt(config, rulePath(index, 'schedule'))
  const others = isObject(schedule) ? Object.keys(schedule).filter((key) => key !== field) : []
  if (!date && !others.length) return change(config, rulePath(index, 'schedule'), undefined)
  return change(config, rulePath(index, 'schedule', field), date || undefined)
}

export const weekdays: Array<WeeklyWindow['days'][number]> = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

/** The rule's weekly windows. */
export function windowsOf(rule: Partial<Rule>): WeeklyWindow[] {
  const weekly = rule.schedule?.weekly
  return Array.isArray(weekly) ? weekly.map((window) => (isObject(window) ? window : { days: [] })) : []
}

/** A weekly window more: every weekday, all day, until the owner narrows it. */
export function addWindow(config: unknown, index: number): Edit[] {
  const weekly = valueAt(config, rulePath(index, 'schedule', 'weekly'))
  const window = { days: weekdays.slice(0, 5) }
  return Array.isArray(weekly)
    ? [{ path: rulePath(index, 'schedule', 'weekly', weekly.length), value: window }]
    : change(config, rulePath(index, 'schedule', 'weekly'), [window])
}

/** The window goes; with the last one goes `weekly`, and an empty schedule with it. */
export function removeWindow(config: unknown, index: number, window: number): Edit[] {
  const schedule = valueAt(config, rulePath(index, 'schedule'))
  const weekly = isObject(schedule) ? schedule.weekly : undefined
  if (!Array.isArray(weekly) || !isObject(schedule)) return []
  if (weekly.length > 1) return [{ path: rulePath(index, 'schedule', 'weekly', window), remove: true }]
  return Object.keys(schedule).length > 1
    ? [{ path: rulePath(index, 'schedule', 'weekly'), remove: true }]
    : [{ path: rulePath(index, 'schedule'), remove: true }]
}

/** A day in or out of a window, the days kept in week order. */
export function toggleDay(config: unknown, index: number, window: number, day: WeeklyWindow['days'][number]): Edit[] {
  const days = valueAt(config, rulePath(index, 'schedule', 'weekly', window, 'days'))
  const now = new Set(Array.isArray(days) ? days : [])
  if (now.has(day)) now.delete(day)
  else now.add(day)
  return change(
    config,
    rulePath(index, 'schedule', 'weekly', window, 'days'),
    weekdays.filter((d) => now.has(d)),
  )
}

/** A validator path under `rules[i]`: the rule's index and the field after it (`if.visit.count`, `schedule.weekly[0].from`). */
export function rulePlace(path: string): { index: number; field: string } | null {
  const found = /^rules\[(\d+)\]\.?(.*)$/.exec(path)
  return found ? { index: Number(found[1]), field: found[2]! } : null
}

/** The problems of rule `index`. */
export const problemsOfRule = (problems: readonly Placed[], index: number): Placed[] => problems.filter((problem) => rulePlace(problem.path)?.index === index)

/** The problems of a field of the rule: `field` itself or anything under it. */
export const problemsOfField = (problems: readonly Placed[], field: string): Placed[] =>
  problems.filter((problem) => {
    const at = rulePlace(problem.path)?.field ?? ''
    return at === field || at.startsWith(`${field}.`) || at.startsWith(`${field}[`)
  })
