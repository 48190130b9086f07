import type { Rule } from '../config/types.js'
import { eventFactKeys } from '../api/facts.js'

/**
 * For `explain --on`: what the `events.<name>` counts a rule reads leave out (issue 24). A
 * tracked event is counted before its own rules run, a page view before the page view's (with
 * its visit_start); but an event that a rule of the same trigger tracks is counted after them,
 * and so is what the page's code tracks once its page view is in. Undefined when nothing is
 * left out.
 */
export function unseenCounts(rule: Rule, rules: Rule[]): string | undefined {
  const notes: string[] = []
  for (const [key, [name]] of eventFactKeys(rule.if ?? {})) {
    if (name === rule.on || (rule.on === 'page_view' && name === 'visit_start')) continue
    const trackers = rules.filter((other) => other.on === rule.on && other.track === name).map((other) => other.id)
    if (trackers.length)
      notes.push(`events.${key} leaves out the ${name} that ${trackers.join(', ')} tracks on this same ${rule.on}: it counts once the ${rule.on}'s rules ran`)
    else if (rule.on === 'page_view')
      notes.push(`events.${key} counts up to this page view: a ${name} this page tracks (its track() call) counts once the page view's rules ran`)
  }
  return notes.length ? notes.join('; ') : undefined
}
