import type { Config, Stage } from '../config/types.js'
import type { CapturedCall, Moment } from './types.js'
import type { Message, MessageType } from '../transport/envelope.js'
import type { Sender } from '../transport/sender.js'
import type { createVisitorState } from '../store/visitor.js'
import type { createItemController } from './items.js'
import { decide, type RuleIndex } from '../rules/evaluate.js'
import { isLaterStage } from '../rules/stages.js'
import { normalizePath } from '../track/path.js'
import { readUtm } from '../track/utm.js'
import { reportError } from '../lib/log.js'
import { buildFacts } from './facts.js'
import { buildMessage } from './message.js'

const maxEventBytes = 32 * 1024

export interface EngineDeps {
  visitor: ReturnType<typeof createVisitorState>
  items: ReturnType<typeof createItemController>
  emit(name: string, message: Message): void
  config(): Config | null
  rules(): RuleIndex
  sender(): Sender | null
  /** False once consent is denied: nothing more is sent. */
  sending(): boolean
  /** False while consent is pending: nothing may be stored yet. */
  storing(): boolean
  /** A page view was counted: per-page triggers start afresh. */
  onPageView(): void
  debug: Promise<typeof import('../debug/log.js')> | null
}

/**
 * What each call does once the runtime is ready: count, report, and run the rules the call
 * triggers. Calls run one at a time, in order (the caller chains them).
 */
export function createEngine(deps: EngineDeps) {
  const { visitor } = deps

  const send = (type: MessageType, fields: Parameters<typeof buildMessage>[1], moment: Moment): boolean => {
    if (!deps.sending()) return false
    const message = buildMessage(type, fields, moment, visitor.$visitor.get(), visitor.$counts.get().visit?.count ?? 0)
    if (JSON.stringify(message).length > maxEventBytes) {
      reportError(type, 'the event is over 32 KB and was refused')
      return false
    }
    deps.sender()?.enqueue(message)
    deps.emit(type === 'track' ? fields.event! : type, message)
    return true
  }

  const setStage = (to: Stage, rule: string | null, moment: Moment) => {
    const from = visitor.$visitor.get().stage
    if (!isLaterStage(to, from)) return
    visitor.update({ stage: to })
    send('track', { event: 'stage_changed', properties: { from, to, rule } }, moment)
  }

  const evaluate = async (key: string, moment: Moment, event: Record<string, unknown>) => {
    const candidates = deps.rules().get(key)
    if (!candidates) return
    const state = visitor.$visitor.get()
    const facts = buildFacts(moment, state, visitor.$counts.get(), event)
    const decisions = decide(deps.rules(), key, facts)
    void deps.debug?.then((debug) => debug.logDecisions(key, candidates, decisions, facts))
    for (const decision of decisions) {
      const ruleId = decision.rule.id
      if (decision.rule.stage) setStage(decision.rule.stage, ruleId, moment)
      if (decision.show) deps.items.show(decision.show, { rule: ruleId, variant: null })
      if (decision.track) await perform({ method: 'track', args: [decision.track, { rule: ruleId }], moment })
      if (decision.set) {
        const { stage, ...traits } = decision.set
        if (stage) setStage(stage as Stage, ruleId, moment)
        if (Object.keys(traits).length) visitor.update({ traits: { ...visitor.$visitor.get().traits, ...traits } })
      }
    }
  }

  const track = async (event: string, properties: Record<string, unknown>, moment: Moment) => {
    if (!send('track', { event, properties }, moment)) return
    for (const [stage, mapping] of Object.entries(deps.config()?.stages ?? {})) {
      if (mapping?.on === event) setStage(stage as Stage, null, moment)
    }
    await evaluate(event, moment, properties)
  }

  const page = async (properties: Record<string, unknown>, moment: Moment) => {
    const { url, path, referrer, title, search } = moment.page
    const view = { path: normalizePath(path), utm: readUtm(url), referrer }
    const newVisit = await visitor.countPageView(view, moment.time, deps.storing())
    deps.onPageView()
    if (newVisit) {
      const visit = visitor.$counts.get().visit!
      await track('visit_start', { visit: visit.count, referrer: visit.referrer, ...prefixed(visit.utm) }, moment)
    }
    if (!send('page', { name: title, properties: { url, path, referrer, title, search, ...properties } }, moment)) return
    await evaluate('page_view', moment, properties)
  }

  const perform = async ({ method, args, moment }: CapturedCall): Promise<void> => {
    if (method === 'track') await track(args[0] as string, (args[1] ?? {}) as Record<string, unknown>, moment)
    else if (method === 'page') await page((args[0] ?? {}) as Record<string, unknown>, moment)
    else if (method === 'identify') {
      const [userId, traits = {}] = args as [string, Record<string, unknown>?]
      visitor.update({ userId, traits: { ...visitor.$visitor.get().traits, ...traits } })
      send('identify', { traits }, moment)
    } else if (method === 'fire') {
      await evaluate(args[0] as string, moment, (args[1] ?? {}) as Record<string, unknown>)
    }
  }

  return { perform }
}

/** `{ source: 'news' }` → `{ utm_source: 'news' }`, as analytics tools name them. */
function prefixed(utm: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(utm)) if (value) out[`utm_${key}`] = value
  return out
}
