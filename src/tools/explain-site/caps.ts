import type { Frequency, Rule } from '../../config/types.js'
import type { Counts } from '../../storage/visit.js'
import { historyLength, isCapped } from '../../rules/frequency.js'
import { iso } from '../explain/narrate.js'

const describeFrequency = (frequency: Frequency | undefined) =>
  typeof frequency === 'object' ? `${frequency.limit} per ${frequency.per}` : frequency === 'session' ? 'once a visit' : 'once'

/**
 * The counts once `rule` acts at `now`, or why its frequency cap or the visit's item limit says
 * no: src/actions/act.ts `claimed` (whose check and record are one transaction), in words.
 */
export function claimed(counts: Counts, rule: Rule, now: number, perVisit: number): Counts | string {
  const history = counts.rules?.[rule.id] ?? []
  const visit = counts.visit
  const shows = (rule.show || rule.variants) && visit ? (visit.shows ?? 0) : 0
  if (isCapped(rule.frequency, history, now, visit?.startedAt ?? now))
    return `its frequency cap (${describeFrequency(rule.frequency)}): it acted at ${history.map(iso).join(', ')}`
  if (shows >= perVisit) return visitFull(shows)
  const next = { ...counts }
  if (rule.frequency) next.rules = { ...counts.rules, [rule.id]: [...history, now].slice(-historyLength(rule.frequency)) }
  if ((rule.show || rule.variants) && visit) next.visit = { ...visit, shows: shows + 1 }
  return next
}

export const visitFull = (shows: number): string => `limits.perVisit: ${shows} item(s) shown in this visit already`
