import type { Config, Stage } from '../../config/types.js'
import type { Facts } from '../../rules/facts.js'
import type { ItemCounts } from '../../storage/visit.js'
import type { TimelineCall } from '../explain/timeline.js'
import type { Core, Moment, SiteState } from './core.js'
import { maxLevels } from '../../actions/act.js'
import { isLaterStage } from '../../rules/stages.js'
import { matchQuery } from '../../rules/match.js'
import { testRegex } from '../../rules/regex.js'
import { isScheduled, zonedParts } from '../../rules/schedule.js'
import { variantNames } from '../../rules/variants.js'
import { parseDuration } from '../../rules/duration.js'
import { readFact } from '../../rules/facts.js'
import { eventFactKeys } from '../../engine/facts.js'
import { triggerParameters } from '../../config/trigger-names.js'
import { countEvent } from '../../storage/event-counts.js'
import { countPageView, emptyCounts, isVisitOver, touchVisit, visitTimeoutMs } from '../../storage/visit.js'
import { normalizePath } from '../../track/path.js'
import { readUtm } from '../../track/utm.js'
import { journeyFacts } from '../../journeys/segments.js'
import { emptyJourneysState } from '../../journeys/state.js'
import { iso } from '../explain/narrate.js'
import { flattenFacts, mergeFacts } from '../explain/timeline.js'
import { countedFacts } from './facts.js'
import { createLog, emptyOutcome, type Outcome } from './log.js'
import { createScreen } from './screen.js'
import { createRules, type Delayed } from './rules.js'
import { createJourneys } from './journeys.js'
import { claimed, visitFull } from './caps.js'
import { watchLateCounts } from './late-counts.js'

/** What one step of the simulation did: a timeline call, or a delay that ran out. */
export interface SimulatedCall extends Outcome {
  time: number
  /** The call's trigger key; null for time passing and for a delay that ran out. */
  trigger: string | null
  /** The page view it happened on (1 for the first; 0 before any), and its path. */
  page: number
  path: string
  lines: string[]
}

export interface SiteSettings {
  visitorId: string
  zone: string
  subscribed: boolean
  /** The facts before the first call. */
  facts: Facts
  /** When the visitor was first seen: the first call's time. */
  start: number
}

/** `item_shown` counts `item.<id>.shown`, and so on (src/engine/engine.ts). */
const itemEvent = /^item_(shown|dismissed|converted)$/

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A made-up visitor on the whole site: calls run as src/engine/engine.ts runs them — a page view is
 * counted (a new visit starting with it), then the rules of the trigger, then every journey,
 * then segments; what a rule or step does (a show, a tracked event, a stage) feeds the calls
 * after it. Pure: every time is the timeline's; nothing is stored or sent.
 */
export function createSite(config: Config, settings: SiteSettings) {
  const { visitorId, zone, subscribed } = settings
  const rules = config.rules ?? []
  const windows = eventFactKeys(config)
  const paced = rules.some((rule) => rule.schedule || rule.variants)
  const timeout = parseDuration(config.visitTimeout) ?? visitTimeoutMs
  const log = createLog()
  const screen = createScreen(config)
  const state: SiteState = {
    counts: emptyCounts(settings.start),
    person: { userId: null, traits: {}, stage: 'awareness' },
    journeys: emptyJourneysState(),
    given: settings.facts,
  }
  let outcome = emptyOutcome()
  // Calls the page makes once this one is done: the UI's item_shown.
  const followUps: Array<Record<string, unknown>> = []
  const late = watchLateCounts()

  const given = (path: string) => readFact(state.given, path)
  const pagePath = () => {
    const path = given('page.path')
    if (typeof path === 'string') return path
    try {
      return new URL(String(given('page.url'))).pathname
    } catch {
      return '/'
    }
  }

  const count = (event: string, properties: Record<string, unknown>, time: number) => {
    const counts = state.counts
    const next = { ...counts, events: countEvent(counts.events, event, time) }
    const what = itemEvent.exec(event)?.[1] as keyof ItemCounts | undefined
    const item = properties.item
    if (what && typeof item === 'string') {
      const before = counts.items?.[item] ?? { shown: 0, dismissed: 0, converted: 0 }
      next.items = { ...counts.items, [item]: { ...before, [what]: before[what] + 1 } }
    }
    state.counts = next
    for (const note of late.counted(event)) {
      log.line(note)
      outcome.notes.push(note)
    }
  }

  const core: Core = {
    config,
    state,
    log,
    screen,
    visitorId,
    zone,
    subscribed,
    facts(moment, event) {
      const local = zonedParts(moment.time, zone)
      const counted = countedFacts(moment.time, pagePath(), state.person, state.counts, event, paced ? variantNames(rules, visitorId) : {}, windows)
      const base = {
        ...counted,
        time: { hour: local.hour, weekday: local.weekday },
        push: { permission: subscribed ? 'granted' : 'default' },
        ...journeyFacts(config.segments ?? {}, config.journeys ?? {}, state.journeys),
      }
      return { ...mergeFacts(base, state.given), event }
    },
    matches: (query, facts) => matchQuery(query, facts, testRegex),
    // A schedule without a zone reads the visitor's wall clock: the simulated visitor's.
    scheduled: (schedule, time) => isScheduled(schedule.timezone ? schedule : { ...schedule, timezone: zone }, time),
    pushUnsupported: () => given('push.permission') === 'unsupported',
    claim(rule, now) {
      const next = claimed(state.counts, rule, now, screen.limits.perVisit)
      if (typeof next === 'string') return next
      state.counts = next
      return null
    },
    journeyMayNotShow(item) {
      // src/actions/act.ts `mayShow`: the page's limit, the visit's, then the screen.
      const shows = state.counts.visit?.shows ?? 0
      return screen.full() ?? (shows >= screen.limits.perVisit ? visitFull(shows) : null) ?? screen.blocked(item, core.pushUnsupported())
    },
    track(event, properties, moment, countedAlready = false) {
      if (!countedAlready) count(event, properties, moment.time)
      for (const [stage, mapping] of Object.entries(config.stages ?? {})) {
        if (mapping?.on === event) core.setStage(stage as Stage, `stages.${stage} on ${event}`, moment)
      }
      siteRules.evaluate(event, moment, properties)
      siteJourneys.step(event, moment, properties)
    },
    derived(by, event, properties, moment, heading, tracker) {
      const chain = [...moment.chain, by, event]
      if (chain.length > maxLevels * 2) {
        const reason = `a loop was stopped ${maxLevels} levels deep: ${chain.join(' → ')} → …`
        log.line(`✘ ${event} held back: ${reason}`)
        outcome.held.push({ by, reason, page: screen.page() })
        return
      }
      if (tracker !== undefined) outcome.tracked.push({ event, by: tracker })
      log.nest(heading, () => core.track(event, properties, { ...moment, chain }))
    },
    setStage(to, by, moment, backwards = false) {
      const from = state.person.stage
      if (to === from || (!backwards && !isLaterStage(to, from))) return
      state.person = { ...state.person, stage: to }
      const change = `stage ${from} → ${to} (${by})`
      log.line(change)
      outcome.changed.push(change)
      // Counted like any event sent; no rule runs on it (src/engine/engine.ts `setStage`).
      count('stage_changed', {}, moment.time)
    },
    applySet({ stage, ...traits }, by, moment) {
      if (stage) core.setStage(stage as Stage, by, moment, true)
      if (!Object.keys(traits).length) return
      state.person = { ...state.person, traits: { ...state.person.traits, ...traits } }
      const change = `traits ${JSON.stringify(traits)} (${by})`
      log.line(change)
      outcome.changed.push(change)
    },
    show(item, by, about) {
      screen.open(item, by)
      outcome.shown.push({ item, by, ...(typeof about.variant === 'string' && { variant: about.variant }) })
      followUps.push({ item, ...about })
    },
    requestPush(push, about, moment, by) {
      const sendAt = iso(moment.time + (parseDuration(push.after) ?? 0))
      log.line(`push_requested: "${push.title}", to be sent at ${sendAt} (${by})`)
      outcome.tracked.push({ event: 'push_requested', by })
      log.nest(null, () => core.track('push_requested', { push, sendAt, ...about }, moment))
    },
    held: (what) => void outcome.held.push({ ...what, page: screen.page() }),
    remember: late.remember,
  }
  const siteRules = createRules(core)
  const siteJourneys = createJourneys(core)

  /** The page view, counted first (a new visit's visit_start with it), then its rules and journeys. */
  const page = (moment: Moment, properties: Record<string, unknown>) => {
    const url = given('page.url')
    const utm = given('utm')
    const referrer = given('page.referrer')
    const view = {
      path: normalizePath(pagePath()),
      utm: isRecord(utm) ? (utm as Record<string, string>) : readUtm(typeof url === 'string' ? url : ''),
      referrer: typeof referrer === 'string' ? referrer : '',
    }
    const newVisit = isVisitOver(state.counts.visit, moment.time, timeout)
    state.counts = countPageView(state.counts, view, moment.time, timeout)
    siteRules.cancelDelays(moment.time)
    screen.newPage()
    late.newPage()
    const visit = state.counts.visit!
    if (newVisit) {
      log.line(`visit ${visit.count} begins`)
      const prefixed = Object.fromEntries(Object.entries(visit.utm).map(([key, value]) => [`utm_${key}`, value]))
      log.nest(null, () => core.track('visit_start', { visit: visit.count, referrer: visit.referrer, ...prefixed }, moment, true))
    }
    siteRules.evaluate('page_view', moment, properties)
    siteJourneys.step('page_view', moment, properties)
  }

  /** The item_shown of each item this call opened, as calls of their own, at the same time. */
  const reportShown = (time: number) => {
    while (followUps.length) {
      const properties = followUps.shift()!
      const moment = { time, chain: [] }
      log.nest(`then item_shown (${String(properties.item)}):`, () => {
        core.track('item_shown', properties, moment)
        siteJourneys.regroup(moment)
      })
    }
  }

  const finish = (time: number, trigger: string | null, header: string): SimulatedCall => {
    const done = { time, trigger, page: screen.page(), path: pagePath(), ...outcome, lines: [header, ...log.take().map((line) => `  ${line}`)] }
    outcome = emptyOutcome()
    return done
  }

  return {
    /** One call of the timeline. */
    perform(call: TimelineCall): SimulatedCall {
      const moment = { time: call.time, chain: [] }
      state.given = mergeFacts(state.given, call.facts)
      const { trigger } = call
      const changed = flattenFacts({ ...call.facts, ...(Object.keys(call.properties).length && { event: call.properties }) })
      const entered = call.enter ? `enter(${call.journey})` : ''
      const what = trigger === null ? entered || '(time passes)' : `${trigger}${entered && ` + ${entered}`}`
      const header = `${iso(call.time)}  ${what}${changed.length ? `  with ${changed.join(', ')}` : ''}${trigger === 'page_view' ? `  [page ${screen.page() + 1}]` : ''}`
      // The visitor did something on the page: input keeps the visit alive (time passing does not).
      if (trigger !== null && trigger !== 'page_view') state.counts = touchVisit(state.counts, call.time, timeout)
      if (trigger === 'page_view') page(moment, call.properties)
      else if (trigger === null) {
        if (!call.enter) siteJourneys.step(null, moment, {})
      } else if (Object.prototype.hasOwnProperty.call(triggerParameters, trigger.split(':')[0]!)) {
        // scroll, time_on_page, idle, click: fired for the rules and journeys, not sent
        siteRules.evaluate(trigger, moment, call.properties)
        siteJourneys.step(trigger, moment, call.properties)
      } else {
        // The visitor closed it: it is off the page before the event is reported (src/ui/host.ts).
        if (trigger === 'item_dismissed' && typeof call.properties.item === 'string') screen.close(call.properties.item)
        core.track(trigger, call.properties, moment)
      }
      if (call.enter) siteJourneys.step(null, moment, {}, call.journey)
      siteJourneys.regroup(moment)
      reportShown(call.time)
      return finish(call.time, trigger, header)
    },
    /** The delayed rules due by `time` (before the next call: a page view cancels the others). */
    due: (time: number): Delayed[] => siteRules.due(time),
    actLater(delayed: Delayed): SimulatedCall {
      siteRules.actLater(delayed)
      reportShown(delayed.due)
      return finish(delayed.due, null, `${iso(delayed.due)}  (rule ${delayed.rule.id}: its ${delayed.rule.delay} delay is over)`)
    },
    /** Where the visitor ends up: stage, traits, segments, each journey, items still due. */
    whereabouts(): string[] {
      const { person } = state
      const traits = Object.keys(person.traits).length ? `; traits ${JSON.stringify(person.traits)}` : ''
      const inSegments = config.segments ? [`segments: ${state.journeys.segments.join(', ') || 'none'}`] : []
      const owed = siteJourneys.stillOwed().map(({ item, journey, since }) => `still due: ${item} (journey ${journey}, since ${since})`)
      return [`stage: ${person.stage}${traits}`, ...inSegments, ...siteJourneys.whereabouts(), ...owed]
    },
  }
}
