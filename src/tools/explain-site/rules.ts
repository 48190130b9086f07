import type { Rule } from '../../config/types.js'
import type { Core, Moment } from './core.js'
import { decide, indexRules } from '../../rules/evaluate.js'
import { parseDuration } from '../../rules/duration.js'
import { testRegex } from '../../rules/regex.js'
import { variantOf } from '../../rules/variants.js'
import { describeAction, firstFailing } from '../explain/rules.js'
import { iso } from '../explain/narrate.js'

/** A rule whose `delay` runs: it acts at `due`, unless a page view comes first. */
export interface Delayed {
  rule: Rule
  due: number
  moment: Moment
}

/**
 * The rules of the simulated visitor, as src/engine/engine.ts runs them and src/actions/act.ts acts:
 * the real matching (`decide`: conditions, then priority), schedules, delays, variants, caps
 * and limits, each rule's action feeding the next call. Says in words what acted, what was
 * held back and why, and which rules the call did not fit.
 */
export function createRules(core: Core) {
  const index = indexRules(core.config.rules ?? [])
  let delayed: Delayed[] = []

  /** What the visitor sees a rule do: its variant's item, else its action. */
  const describe = (rule: Rule, show: string | undefined, variant: string | undefined) => {
    if (show !== undefined) return `show ${show}${variant === undefined ? '' : ` (variant ${variant})`}`
    if (rule.push) return `push "${rule.push.title}"${rule.push.after ? ` after ${rule.push.after}` : ''}`
    return describeAction(rule)
  }

  const hold = (rule: Rule, what: string, item: string | undefined, reason: string) => {
    core.log.line(`✘ rule ${rule.id}: ${what} held back: ${reason}`)
    core.held({ by: `rule ${rule.id}`, ...(item !== undefined && { item }), reason })
  }

  /** Does what the rule says if the page, its cap and the visit allow it now (src/actions/act.ts `act`). */
  const act = (rule: Rule, moment: Moment, now: number) => {
    let show = rule.show
    let variant: string | undefined
    if (rule.variants) ({ show, name: variant } = variantOf(rule, core.visitorId))
    const what = describe(rule, show, variant)
    if (show !== undefined) {
      const blocked = core.screen.full() ?? core.screen.blocked(show, core.pushUnsupported())
      if (blocked) return hold(rule, what, show, blocked)
    }
    if (rule.push && !core.subscribed) return hold(rule, what, show, 'the visitor has no push subscription (--subscribed gives them one)')
    const capped = core.claim(rule, now)
    if (capped) return hold(rule, what, show, capped)
    const by = `rule ${rule.id}`
    core.log.line(`✔ ${by}: ${what}`)
    if (rule.stage) core.setStage(rule.stage, by, moment)
    if (show !== undefined) core.show(show, by, { rule: rule.id, variant: variant ?? null })
    if (rule.track) core.derived(`rules.${rule.id}`, rule.track, { rule: rule.id }, moment, null, by)
    if (rule.set) core.applySet(rule.set, by, moment)
    if (rule.push) core.requestPush(rule.push, { rule: rule.id }, moment, by)
  }

  return {
    /** The rules listening for `key`, given the call's event properties. */
    evaluate(key: string, moment: Moment, event: Record<string, unknown>): void {
      const candidates = index.get(key)
      if (!candidates) return
      const facts = core.facts(moment, event)
      if (key === 'page_view' || key === 'visit_start') core.remember(candidates, facts)
      const decisions = decide(index, key, facts, testRegex)
      for (const { rule } of decisions) {
        if (rule.schedule && !core.scheduled(rule.schedule, moment.time)) {
          hold(rule, describeAction(rule), rule.show, `outside its schedule at ${iso(moment.time)}`)
          continue
        }
        const wait = parseDuration(rule.delay)
        if (!wait) act(rule, moment, moment.time)
        else {
          delayed.push({ rule, due: moment.time + wait, moment })
          core.log.line(`… rule ${rule.id}: ${describeAction(rule)} after ${rule.delay}, at ${iso(moment.time + wait)}, unless a page view comes first`)
        }
      }
      // Of the rules whose conditions do not hold, those that would show an item: the ones an
      // owner looks for on a page (`explain --on` lists every rule of one call).
      for (const rule of candidates) {
        if ((rule.show || rule.variants) && !decisions.some((decision) => decision.rule === rule))
          core.log.line(`· rule ${rule.id}: not for this call: ${firstFailing(rule.if ?? {}, facts) ?? 'its conditions do not hold'}`)
      }
    },
    /** A new page view: what waited on a delay is cancelled (src/engine/engine.ts `cancelDelays`). */
    cancelDelays(time: number): void {
      for (const { rule, due } of delayed)
        hold(rule, describeAction(rule), rule.show, `its ${rule.delay} delay (due ${iso(due)}) was cut by the page view at ${iso(time)}`)
      delayed = []
    },
    /** The delayed actions due by `time`, earliest first, taken off the list. */
    due(time: number): Delayed[] {
      const ready = delayed.filter(({ due }) => due <= time).sort((a, b) => a.due - b.due)
      delayed = delayed.filter((entry) => !ready.includes(entry))
      return ready
    },
    /** A delay ran out: the rule acts now, on the moment that triggered it (its cap counts now). */
    actLater({ rule, due, moment }: Delayed): void {
      act(rule, moment, due)
    },
  }
}

export type SiteRules = ReturnType<typeof createRules>
