import type { Rule } from '../../config/types.js'
import type { Facts } from '../../rules/facts.js'
import { eventFactKeys } from '../../engine/facts.js'
import { readFact } from '../../rules/facts.js'

/**
 * Issue 24: a page view's rules are decided before what the page goes on to track is counted.
 * Remembers the `events.<name>` counts the rules of this page's page view (and visit_start)
 * read, and says so when the page then tracks `<name>`: once per rule and event a page.
 */
export function watchLateCounts() {
  let reads = new Map<string, Array<{ rule: string; key: string; value: unknown }>>()
  const noted = new Set<string>()
  return {
    newPage(): void {
      reads = new Map()
      noted.clear()
    },
    remember(rules: Rule[], facts: Facts): void {
      for (const rule of rules) {
        for (const [key, [name]] of eventFactKeys(rule.if ?? {})) {
          const list = reads.get(name) ?? []
          list.push({ rule: rule.id, key: `events.${key}`, value: readFact(facts, `events.${key}`) })
          reads.set(name, list)
        }
      }
    },
    /** The notes `event`, counted now, calls for. */
    counted(event: string): string[] {
      const notes: string[] = []
      for (const { rule, key, value } of reads.get(event) ?? []) {
        if (noted.has(`${rule}\n${event}`)) continue
        noted.add(`${rule}\n${event}`)
        notes.push(
          `note: rule ${rule} read ${key} = ${JSON.stringify(value)} at this page view; this ${event} counts from the next call (a page view's rules run before what the page tracks)`,
        )
      }
      return notes
    },
  }
}

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
