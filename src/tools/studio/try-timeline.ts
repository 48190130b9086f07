/**
 * The Try panel's rows (a time, an event, facts as JSON, as typed) read into the timeline
 * `journeykit explain --journey --timeline` takes (explain/timeline.ts). Pure; an error names
 * the row and the field.
 */
import type { TimelineEntry } from '../explain/timeline.js'

export interface TryRow {
  /** `+0m`, `+2h`, or an ISO time. */
  at: string
  /** Empty: time passes with the visitor on the page. */
  event: string
  /** Empty, or a JSON object of facts that hold from this call on. */
  facts: string
}

export const emptyRow = (at = '+0m'): TryRow => ({ at, event: '', facts: '' })

/** Throws an Error naming the row (from 1) and the field for what it cannot read. */
export function timelineOf(rows: TryRow[]): TimelineEntry[] {
  return rows.map((row, index) => {
    const where = `Row ${index + 1}`
    const at = row.at.trim()
    if (!at) throw new Error(`${where}: give a time, like +2h or 2026-12-03T10:00:00Z`)
    const event = row.event.trim()
    const text = row.facts.trim()
    let facts: unknown
    if (text) {
      try {
        facts = JSON.parse(text)
      } catch {
        throw new Error(`${where}: the facts are not JSON, like {"page": {"path": "/cart"}}`)
      }
      if (typeof facts !== 'object' || facts === null || Array.isArray(facts))
        throw new Error(`${where}: the facts must be an object, like {"visit": {"count": 2}}`)
    }
    return { at, event: event || null, ...(facts !== undefined && { facts: facts as TimelineEntry['facts'] }) }
  })
}
