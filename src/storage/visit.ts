import type { Utm } from '../track/utm.js'
import { countEvent, keepTop, type EventTallies } from './event-counts.js'

/** One visit: it begins with a page view and ends after `timeout` without activity. */
export interface Visit {
  count: number
  startedAt: number
  lastActivity: number
  pageviews: number
  utm: Utm
  referrer: string
  /** Items shown by rules in this visit (for `limits.perVisit`). */
  shows?: number
}

export interface ItemCounts {
  shown: number
  dismissed: number
  converted: number
}

/** What a visitor's counts look like, persisted as one record under one key. */
export interface Counts {
  firstSeen: number
  pageviews: number
  visit: Visit | null
  /** Views per normalised path over all visits. */
  pages: Record<string, number>
  /** When each rule with a `frequency` acted, most recent last (as many as its cap needs). */
  rules?: Record<string, number[]>
  /** `item.<id>.shown|dismissed|converted`. */
  items?: Record<string, ItemCounts>
  /** `events.<name>` and `events.<name>.<window>` (src/storage/event-counts.ts). */
  events?: EventTallies
}

export const visitTimeoutMs = 30 * 60_000
const maxPages = 500

export const emptyCounts = (now: number): Counts => ({ firstSeen: now, pageviews: 0, visit: null, pages: {} })

export function isVisitOver(visit: Visit | null, now: number, timeoutMs: number): boolean {
  return !visit || now - visit.lastActivity >= timeoutMs
}

/**
 * Counts one page view at `now` (pure), `events.page_view` included. Starts a new visit when
 * the last one is over (see `startedVisit`), keeping the new visit's UTM and referrer for the
 * whole visit.
 */
export function countPageView(counts: Counts, view: { path: string; utm: Utm; referrer: string }, now: number, timeoutMs = visitTimeoutMs): Counts {
  const newVisit = isVisitOver(counts.visit, now, timeoutMs)
  const previous = counts.visit
  const visit: Visit = newVisit
    ? { count: (previous?.count ?? 0) + 1, startedAt: now, lastActivity: now, pageviews: 1, utm: view.utm, referrer: view.referrer }
    : { ...previous!, lastActivity: now, pageviews: previous!.pageviews + 1 }
  const pages = { ...counts.pages, [view.path]: (counts.pages[view.path] ?? 0) + 1 }
  // A bounded record: the paths seen least often go first.
  keepTop(pages, maxPages, (path) => pages[path]!)
  // A new visit's `visit_start` is counted here too, in the page view's own transaction: the
  // page view's rules then decide on the counts of that page view, not on a count another tab
  // wrote while this one was still counting its visit_start.
  const events = countEvent(newVisit ? countEvent(counts.events, 'visit_start', now) : counts.events, 'page_view', now)
  return { ...counts, pageviews: counts.pageviews + 1, visit, pages, events }
}

/** Whether the page view just counted began a visit: a visit's first page view starts it. */
export const startedVisit = (counts: Counts): boolean => counts.visit?.pageviews === 1

/** Activity keeps the visit alive; it never starts one. */
export function touchVisit(counts: Counts, now: number, timeoutMs = visitTimeoutMs): Counts {
  if (isVisitOver(counts.visit, now, timeoutMs)) return counts
  return { ...counts, visit: { ...counts.visit!, lastActivity: now } }
}
