import type { Config } from '../../config/types.js'
import type { Facts } from '../../rules/facts.js'
import type { Held, Shown } from './log.js'
import { zonedParts } from '../../rules/schedule.js'
import { iso } from '../explain/narrate.js'
import { mergeFacts, readTimeline } from '../explain/timeline.js'
import { createSite, type SimulatedCall } from './engine.js'

export type { SimulatedCall } from './engine.js'
export type { Held, Shown } from './log.js'

export interface SiteExplainOptions {
  /** The visitor's facts before the first call (contract §4): `{ page: { path: '/' } }`. */
  facts?: Facts
  /**
   * The calls to simulate, in order: the timeline of `explainJourney` (`at`, `event`, `facts`,
   * `properties`), `enter` naming the journey entered from code.
   */
  timeline?: unknown
  /** The time a first `"+2h"` counts from. */
  start?: number
  /** Variants, splits and the holdout are sticky per visitor id (default `"visitor"`). */
  visitorId?: string
  /** The visitor's time zone (default UTC): `time.*` facts, schedules and weekly waits that name none. */
  timezone?: string
  /** The visitor has a push subscription (else push actions do nothing). */
  subscribed?: boolean
}

/** One page view and what it showed and held back, with every call made on it. */
export interface PageSummary {
  page: number
  time: number
  path: string
  shown: Shown[]
  held: Held[]
}

export interface SiteExplanation {
  calls: SimulatedCall[]
  pages: PageSummary[]
  /** Where the visitor ends up: stage, segments, each journey. */
  where: string[]
  /** Everything above, ready to print. */
  lines: string[]
}

/**
 * A made-up visitor through every rule and journey of a config at once (`npx journeykit explain
 * journeykit.json --timeline timeline.json`): each call runs as the browser runs it — the real
 * matching, schedules, frequency caps, limits per page and visit, the one-modal rule, delays,
 * variants, stage moves, item and event counts, the journeys' stepper and segments — and what
 * a rule or step does feeds the calls after it. Says, call by call, what showed, what was
 * tracked or set, and what was held back and why; then page by page; then where the visitor
 * ends up. Pure: every time is the timeline's. Throws an `Error` naming what it cannot read.
 *
 * @example
 * explainSite(config, {
 *   timeline: [
 *     { at: '2026-12-01T09:00:00Z', event: 'page_view', facts: { page: { path: '/products/shirt' } } },
 *     { at: '+0s', event: 'product_viewed' },
 *     { at: '+2m', event: 'exit_intent' },
 *   ],
 * }).lines.join('\n')
 */
export function explainSite(config: Config, options: SiteExplainOptions = {}): SiteExplanation {
  const calls = readTimeline(options.timeline ?? [], options.start)
  const zone = options.timezone ?? 'UTC'
  try {
    zonedParts(0, zone)
  } catch {
    throw new Error(`timezone: "${zone}" is not an IANA time zone ("Europe/Belgrade", "UTC")`)
  }
  const journeyIds = Object.keys(config.journeys ?? {})
  calls.forEach((call, index) => {
    if (!call.enter || call.journey !== undefined) return
    // `"enter": true` names no journey: the config's only one, if it has one only.
    if (journeyIds.length !== 1) throw new Error(`timeline[${index}].enter: name the journey it enters ("enter": "${journeyIds[0] ?? 'cart-rescue'}")`)
    call.journey = journeyIds[0]
  })
  const visitorId = options.visitorId ?? 'visitor'
  const site = createSite(config, {
    visitorId,
    zone,
    subscribed: options.subscribed === true,
    facts: mergeFacts({}, options.facts ?? {}),
    start: calls[0]?.time ?? options.start ?? 0,
  })

  const simulated: SimulatedCall[] = []
  for (const call of calls) {
    // A delay that runs out before the next call acts first; a page view cuts the others.
    for (const delayed of site.due(call.time)) simulated.push(site.actLater(delayed))
    simulated.push(site.perform(call))
  }
  // The visitor stays on the last page: what waits on a delay there acts.
  for (const delayed of site.due(Infinity)) simulated.push(site.actLater(delayed))

  const pages = summarise(simulated)
  const where = site.whereabouts()
  const { limits } = config
  const counted = (list: object | undefined, what: string) => `${Object.keys(list ?? {}).length} ${what}(s)`
  const lines = [
    `site timeline (visitor "${visitorId}"; in ${zone}): ${(config.rules ?? []).length} rule(s), ${counted(config.journeys, 'journey')}, ${counted(config.segments, 'segment')}; ` +
      `limits: ${limits?.perPage ?? 2} item(s) a page, ${limits?.perVisit ?? 5} a visit`,
    ...simulated.flatMap((call) => call.lines),
  ]
  if (pages.length) lines.push('', 'page by page:', ...pages.flatMap(describePage))
  lines.push('', 'where the visitor ends up:', ...where.map((line) => `  ${line}`))
  return { calls: simulated, pages, where, lines }
}

/** Each page view with what its calls showed and held back (each reason once). */
function summarise(calls: SimulatedCall[]): PageSummary[] {
  const pages: PageSummary[] = []
  const pageOf = (call: SimulatedCall, number: number) => {
    let page = pages.find((candidate) => candidate.page === number)
    if (!page) pages.push((page = { page: number, time: call.time, path: call.path, shown: [], held: [] }))
    return page
  }
  for (const call of calls) {
    pageOf(call, call.page).shown.push(...call.shown)
    for (const held of call.held) {
      const { held: list } = pageOf(call, held.page)
      if (!list.some((other) => other.by === held.by && other.item === held.item && other.reason === held.reason)) list.push(held)
    }
  }
  return pages.filter((page) => page.page > 0 || page.shown.length || page.held.length).sort((a, b) => a.page - b.page)
}

function describePage({ page, time, path, shown, held }: PageSummary): string[] {
  const where = page ? `  page ${page}  ${iso(time)}  ${path}` : '  before the first page view'
  const shows = shown.length ? `shows ${shown.map(({ item, by }) => `${item} (${by})`).join(', ')}` : 'shows nothing'
  const holds = held.map(({ by, item, reason }) => `${item === undefined ? by : `${item} (${by})`}: ${reason}`)
  return [`${where}: ${shows}`, ...holds.map((line) => `    held back: ${line}`)]
}
