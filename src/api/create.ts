import type { Config, Rule, Stage } from '../config/types.js'
import type { CapturedCall, ConsentState, InitOptions, JourneyKit, Moment } from './types.js'
import type { Message, MessageType } from '../transport/envelope.js'
import { loadConfig } from '../config/load.js'
import { isLaterStage } from '../rules/stages.js'
import { decide, indexRules, type RuleIndex } from '../rules/evaluate.js'
import { createStorage, keys } from '../store/storage.js'
import { createVisitorState } from '../store/visitor.js'
import { createSender, type Sender } from '../transport/sender.js'
import { deviceFacts } from '../track/device.js'
import { pageFacts, readPage } from '../track/page.js'
import { reportError, reportWarning } from '../lib/log.js'
import { buildMessage } from './message.js'
import { createEmitter } from './emitter.js'
import { guard } from './guard.js'
import { createItemController } from './items.js'

const maxEventBytes = 32 * 1024

/** A call from the loader's queue, with the moment it was queued (STYLE §3.6). */
export interface QueuedCall {
  call: unknown
  moment: Moment
}

/**
 * Builds one runtime: the public object of contract §3. Calls made before the config and
 * the visitor's state are loaded are kept, with their moment, and run in order once ready.
 */
export function createJourneykit(options: InitOptions, queued: QueuedCall[] = []): JourneyKit {
  let config: Config | null = null
  let rules: RuleIndex = new Map()
  let sender: Sender | null = null
  let consent: ConsentState = options.consent ?? 'granted'
  let pending: CapturedCall[] | null = []
  let replaying: Moment | null = null
  const now = (): Moment => replaying ?? { page: readPage(), time: Date.now() }
  const storage = createStorage(false)
  const visitor = createVisitorState(storage)
  const emitter = createEmitter<Message>()
  const debugLog = options.debug ? import('../debug/log.js') : null

  const run = (call: CapturedCall) => {
    if (pending) pending.push(call)
    else perform(call)
  }

  const send = (type: MessageType, fields: Parameters<typeof buildMessage>[1], moment: Moment): Message | null => {
    if (consent === 'denied') return null
    const message = buildMessage(type, fields, moment, visitor.$visitor.get(), 1)
    if (JSON.stringify(message).length > maxEventBytes) {
      reportError(type, `the event is over 32 KB and was refused`)
      return null
    }
    sender?.enqueue(message)
    emitter.emit(type === 'track' ? fields.event! : type, message)
    return message
  }

  const items = createItemController(
    () => config,
    (event, properties) => run({ method: 'track', args: [event, properties], moment: now() }),
    options.nonce,
  )

  const setStage = (to: Stage, rule: string | null, moment: Moment) => {
    const from = visitor.$visitor.get().stage
    if (!isLaterStage(to, from)) return
    visitor.update({ stage: to })
    send('track', { event: 'stage_changed', properties: { from, to, rule } }, moment)
  }

  const evaluate = (trigger: string, moment: Moment, event: Record<string, unknown>) => {
    const state = visitor.$visitor.get()
    const facts = {
      page: pageFacts(moment.page),
      user: { id: state.userId, traits: state.traits },
      journey: { stage: state.stage },
      device: deviceFacts(),
      time: { hour: new Date(moment.time).getHours(), weekday: new Date(moment.time).getDay() },
      event,
    }
    const decisions = decide(rules, trigger, facts)
    void debugLog?.then((debug) => debug.logDecisions(trigger, rules.get(trigger) ?? [], decisions, facts))
    for (const decision of decisions) {
      const ruleId = decision.rule.id
      if (decision.rule.stage) setStage(decision.rule.stage, ruleId, moment)
      if (decision.show) items.show(decision.show, { rule: ruleId, variant: null })
      if (decision.track) perform({ method: 'track', args: [decision.track, { rule: ruleId }], moment })
      if (decision.set) {
        const { stage, ...traits } = decision.set
        if (stage) setStage(stage as Stage, ruleId, moment)
        if (Object.keys(traits).length) visitor.update({ traits: { ...state.traits, ...traits } })
      }
    }
  }

  const perform = ({ method, args, moment }: CapturedCall) => {
    if (method === 'track') {
      const [event, properties = {}] = args as [string, Record<string, unknown>?]
      if (!send('track', { event, properties }, moment)) return
      for (const [stage, mapping] of Object.entries(config?.stages ?? {})) {
        if (mapping?.on === event) setStage(stage as Stage, null, moment)
      }
      evaluate(event, moment, properties)
    } else if (method === 'page') {
      const [properties = {}] = args as [Record<string, unknown>?]
      const { url, path, referrer, title, search } = moment.page
      if (!send('page', { name: title, properties: { url, path, referrer, title, search, ...properties } }, moment)) return
      evaluate('page_view', moment, properties)
    } else if (method === 'identify') {
      const [userId, traits = {}] = args as [string, Record<string, unknown>?]
      const state = visitor.$visitor.get()
      visitor.update({ userId, traits: { ...state.traits, ...traits } })
      send('identify', { traits }, moment)
    }
  }

  const start = async () => {
    config = await loadConfig(options.config, location.href)
    const gpc = (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true
    if (gpc && config?.privacy?.respectGPC !== false) consent = 'denied'
    if (consent === 'granted') storage.makeDurable()
    await visitor.load()
    rules = indexRules(runnableRules(config?.rules ?? []))
    const url = options.collector ?? config?.collector?.url
    sender = createSender({
      url: url ? new URL(url, location.href).href : null,
      writeKey: config?.collector?.writeKey,
      held: consent !== 'granted',
    })
    if (!url) reportError('init', 'no collector URL (config "collector.url" or data-collector); events stay on the page')
    const calls = pending ?? []
    pending = null
    calls.forEach((call) => guard(call.method, perform, undefined)(call))
  }
  const ready = start().catch((err) => reportError('init', err))

  const api: JourneyKit = {
    track: guard('track', (name: string, properties?: Record<string, unknown>) => {
      if (typeof name !== 'string' || name === '') throw new Error('the event name must be a non-empty string')
      checkProperties(properties)
      run({ method: 'track', args: [name, properties ?? {}], moment: now() })
    }, undefined),
    page: guard('page', (properties?: Record<string, unknown>) => {
      checkProperties(properties)
      run({ method: 'page', args: [properties ?? {}], moment: now() })
    }, undefined),
    identify: guard('identify', (userId: string, traits?: Record<string, unknown>) => {
      if (typeof userId !== 'string' || userId === '') throw new Error('the user id must be a non-empty string')
      checkProperties(traits)
      run({ method: 'identify', args: [userId, traits ?? {}], moment: now() })
    }, undefined),
    consent: guard('consent', (state: 'granted' | 'denied') => {
      if (state !== 'granted' && state !== 'denied') throw new Error(`expected 'granted' or 'denied', got ${String(state)}`)
      consent = state
      if (state === 'granted') {
        storage.makeDurable()
        void ready.then(() => sender?.setHeld(false))
      } else {
        sender?.clear()
        void storage.erase([keys.visitor])
        visitor.reset()
      }
    }, undefined),
    show: guard('show', (itemId: string) => {
      if (typeof itemId !== 'string') throw new Error('the item id must be a string')
      void ready.then(() => items.show(itemId, { rule: null, variant: null }))
    }, undefined),
    hide: guard('hide', () => items.hideAll(), undefined),
    on: guard('on', (event: string, handler: (message: Message) => void) => {
      if (typeof event !== 'string' || typeof handler !== 'function') throw new Error('expected on(eventName, handler)')
      return emitter.on(event, handler)
    }, () => undefined),
    flush: () => ready.then(() => sender?.flush()).catch((err) => reportError('flush', err)),
    reset: guard('reset', () => {
      items.hideAll()
      visitor.reset()
    }, undefined),
    push: guard('push', (call: unknown) => {
      if (!Array.isArray(call) || typeof call[0] !== 'string') throw new Error("expected an array like ['track', 'signup']")
      const [method, ...args] = call as [keyof JourneyKit, ...unknown[]]
      const target = api[method]
      if (method === 'push' || method === 'ready' || typeof target !== 'function') throw new Error(`unknown method "${method}"`)
      ;(target as (...a: unknown[]) => unknown)(...args)
    }, undefined),
    ready,
  }
  for (const { call, moment } of queued) {
    replaying = moment
    api.push(call)
  }
  replaying = null
  return api
}

const pacing = ['frequency', 'schedule', 'delay', 'variants'] as const
const untrackedTriggers = ['exit_intent', 'scroll', 'time_on_page', 'idle', 'click', 'visit_start']

/**
 * Rules this runtime can honour in full. A rule with pacing it cannot enforce yet is
 * skipped, never run without its limits: a pop-up must not show more often than said.
 */
function runnableRules(all: Rule[]): Rule[] {
  return all.filter((rule) => {
    const unsupported: string[] = pacing.filter((key) => rule[key] !== undefined)
    if (untrackedTriggers.includes(rule.on)) unsupported.push(`on: ${rule.on}`)
    if (unsupported.length) reportWarning('config', `rule "${rule.id}" skipped: ${unsupported.join(', ')} not supported yet`)
    return unsupported.length === 0
  })
}

function checkProperties(value: unknown): void {
  if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new Error('properties must be a plain object')
  }
}
