import type { Rule, Stage } from '../config/types.js'
import type { ItemCounts } from '../storage/visit.js'
import type { CapturedCall, Moment } from '../api/types.js'
import type { MessageType } from '../delivery/envelope.js'
import type { Runtime } from './runtime.js'
import type { EngineCore } from '../actions/act.js'
import { decide } from '../rules/evaluate.js'
import { parseDuration } from '../rules/duration.js'
import { isLaterStage } from '../rules/stages.js'
import { normalizePath } from '../track/path.js'
import { readUtm } from '../track/utm.js'
import { reportError } from '../lib/log.js'
import { byteLength } from '../lib/bytes.js'
import { buildFacts } from './facts.js'
import { buildMessage, messageOfCall, type MessageFields } from './message.js'

const maxEventBytes = 32 * 1024

/**
 * What each call does once the runtime is ready: count, report, and run the rules the call
 * triggers. Calls run one at a time, in order (the caller chains them).
 */
export function createEngine(rt: Runtime) {
  const { visitor, loaded, consent } = rt

  const send = (type: MessageType, fields: MessageFields, moment: Moment, id?: string): boolean => {
    if (!consent.maySend()) return false
    const message = buildMessage(type, fields, moment, visitor.current(), visitor.counts().visit?.count ?? 0, id, loaded.journeys?.segments())
    if (byteLength(JSON.stringify(message)) > maxEventBytes) {
      reportError(type, 'the event is over 32 KB and was refused')
      return false
    }
    rt.deliver(message)
    rt.emit(type === 'track' ? fields.event! : type, message)
    return true
  }

  const setStage = (to: Stage, rule: string | null, moment: Moment, backwards = false) => {
    const from = visitor.current().stage
    if (to === from || (!backwards && !isLaterStage(to, from))) return
    visitor.update({ stage: to })
    // Counted like any event sent, without waiting: the stage moves in the middle of a call.
    if (send('track', { event: 'stage_changed', properties: { from, to, rule } }, moment))
      void visitor.countEvent('stage_changed', moment.time, null, consent.mayStore())
  }

  // Page views counted by this runtime (items shown per page start afresh), and actions waiting on a `delay`.
  let pageViews = 0
  let delayed: Array<ReturnType<typeof setTimeout>> = []

  /** Does what a rule says, in the actions chunk (which reports it if it cannot load). */
  const act = async (rule: Rule, moment: Moment) => (await rt.actions())?.act(rule, moment)

  const factsNow = (moment: Moment, event: Record<string, unknown>) => ({
    ...buildFacts(
      moment,
      visitor.current(),
      visitor.counts(),
      event,
      loaded.pacing?.variantNames(loaded.config?.rules ?? [], visitor.current().anonymousId),
      loaded.events,
    ),
    ...loaded.journeys?.facts(),
  })

  /** What the actions chunk builds on (src/actions/act.ts). */
  const core: EngineCore = {
    track,
    setStage,
    facts: factsNow,
    pageViews: () => pageViews,
  }

  const evaluate = async (key: string, moment: Moment, event: Record<string, unknown>) => {
    await evaluateRules(key, moment, event)
    await loaded.journeys?.step(key, moment, event)
  }

  const evaluateRules = async (key: string, moment: Moment, event: Record<string, unknown>) => {
    const candidates = loaded.rules.get(key)
    if (!candidates) return
    const counts = visitor.counts()
    const facts = factsNow(moment, event)
    const decisions = decide(loaded.rules, key, facts, loaded.regex?.testRegex).filter(
      ({ rule }) => !rule.schedule || loaded.pacing?.isScheduled(rule.schedule, moment.time),
    )
    // Logging is help, never a reason to fail: a throwing console or log is ignored.
    void rt.debug?.then((debug) => debug?.logDecisions(key, candidates, facts, counts, moment.time, loaded.pacing?.isScheduled)).catch(() => undefined)
    // An item to show: the UI chunk downloads beside the actions chunk, not after it.
    if (decisions.some(({ rule }) => rule.show || rule.variants)) prefetchUi()
    for (const { rule } of decisions) {
      const wait = parseDuration(rule.delay)
      if (!wait) await act(rule, moment)
      else delayed.push(setTimeout(() => rt.later(() => act(rule, moment)), wait))
    }
  }

  /** A new page view (or the page going away) cancels what was waiting on a delay. */
  const cancelDelays = () => {
    delayed.forEach(clearTimeout)
    delayed = []
  }

  /** `countedAlready`: the event was counted with what caused it (a new visit's visit_start). */
  async function track(event: string, properties: Record<string, unknown>, moment: Moment, id?: string, countedAlready = false) {
    if (!send('track', { event, properties }, moment, id)) return
    // Counted only once really sent; a message carried from an earlier page never comes here.
    const counted = itemEvent.exec(event)?.[1] as keyof ItemCounts | undefined
    if (!countedAlready)
      await visitor.countEvent(event, moment.time, counted && typeof properties.item === 'string' ? [properties.item, counted] : null, consent.mayStore())
    for (const [stage, mapping] of Object.entries(loaded.config?.stages ?? {})) {
      if (mapping?.on === event) setStage(stage as Stage, null, moment)
    }
    await evaluate(event, moment, properties)
  }

  const page = async (call: CapturedCall) => {
    const { moment } = call
    const { url, path, referrer } = moment.page
    const view = { path: normalizePath(path), utm: readUtm(url), referrer }
    await visitor.refresh()
    const newVisit = await visitor.countPageView(view, moment.time, consent.mayStore())
    cancelDelays()
    pageViews++
    loaded.triggers?.rearm()
    if (newVisit) {
      const visit = visitor.counts().visit!
      // Counted with the page view (store/visit.ts countPageView), in one transaction.
      await track('visit_start', { visit: visit.count, referrer: visit.referrer, ...prefixed(visit.utm) }, moment, undefined, true)
    }
    if (!send('page', messageOfCall(call)!.fields, moment, call.id)) return
    await evaluate('page_view', moment, (call.args[0] ?? {}) as Record<string, unknown>)
  }

  /** Runs one public call (or a watcher's trigger): call → facts → rules → actions → messages. */
  const perform = async (call: CapturedCall): Promise<void> => {
    const { method, args, moment, id } = call
    if (method === 'track') await track(args[0] as string, (args[1] ?? {}) as Record<string, unknown>, moment, id)
    else if (method === 'page') await page(call)
    else if (method === 'identify') {
      const [userId, traits = {}] = args as [string, Record<string, unknown>?]
      visitor.update({ userId, traits: { ...visitor.current().traits, ...traits } })
      send('identify', messageOfCall(call)!.fields, moment, id)
    } else if (method === 'fire') {
      await evaluate(args[0] as string, moment, (args[1] ?? {}) as Record<string, unknown>)
    } else if (method === 'enter' || method === 'tick') {
      // tick: a journey's wait ran out while the visitor is here
      const { journeys } = loaded
      if (journeys) await journeys.step(null, moment, {}, args[0] as string | undefined)
      else if (method === 'enter') reportError('enter', 'the config has no journeys')
    }
    // Segments are decided anew after every call (contract §8).
    await loaded.journeys?.regroup(moment)
  }

  return { perform, cancelDelays, core }
}

/** Starts the UI chunk's download; showing it later (src/actions/items.ts) reports a failure. */
export const prefetchUi = () => void import('../chunks/ui.js').catch(() => undefined)

/** `item_shown` counts `item.<id>.shown`, and so on (contract §4 facts). */
const itemEvent = /^item_(shown|dismissed|converted)$/

/** `{ source: 'news' }` → `{ utm_source: 'news' }`, as analytics tools name them. */
function prefixed(utm: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(utm)) if (value) out[`utm_${key}`] = value
  return out
}
