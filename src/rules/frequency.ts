import type { Frequency } from '../config/types.js'
import { parseDuration } from './duration.js'

/**
 * Whether a rule may act again, given when it acted before (`history`, oldest first) and
 * when the current visit began: `once` ever, once per `session` (visit), or at most
 * `limit` times in any window of `per`.
 */
export function isCapped(frequency: Frequency | undefined, history: number[], now: number, visitStartedAt: number): boolean {
  if (!frequency) return false
  if (frequency === 'once') return history.length > 0
  if (frequency === 'session') return history.some((time) => time >= visitStartedAt)
  const window = parseDuration(frequency.per) ?? 0
  return history.filter((time) => time > now - window).length >= frequency.limit
}

/** How many past actions to keep for a rule's cap: enough for its `limit`. */
export function historyLength(frequency: Frequency | undefined): number {
  return typeof frequency === 'object' ? Math.min(frequency.limit, 1000) : 1
}
