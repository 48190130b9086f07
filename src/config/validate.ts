import type { Problem } from './types.js'
import { messages } from './messages.js'
import { isPlainObject, validateQuery } from './query.js'
import { isDuration } from '../rules/duration.js'
import { safeUrl } from '../lib/url.js'
import { isWebOrigin } from '../lib/origin.js'
import { itemKeys, validateItem } from './validate-item.js'
import { stages } from '../rules/stages.js'
import { likelyTrigger } from './trigger-typo.js'

export interface Validation {
  problems: Problem[]
  warnings: Problem[]
}

const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const forbiddenKeys = ['__proto__', 'constructor', 'prototype']
const eventName = /^[A-Za-z][\w.:-]{0,99}$/
const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/
const clockTime = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/
const themeKeys = ['background', 'text', 'accent', 'accentText', 'font', 'radius']
// A plain CSS value: no url(), no escapes, nothing that ends a declaration.
const cssValue = /^(?!.*url\()[\w\s#%.,()'"-]{1,100}$/i
const maxRules = 1000
const maxItems = 500
// A relative URL is checked against a neutral base: only its scheme matters here.
const neutralBase = 'https://journeykit.invalid/'

export const knownKeys = {
  root: ['$schema', '$comment', 'version', 'collector', 'push', 'privacy', 'stages', 'items', 'rules', 'limits', 'theme', 'visitTimeout'],
  collector: ['url', 'writeKey'],
  push: ['vapidPublicKey', 'serviceWorker', 'scope', 'allowedOrigins'],
  item: itemKeys,
  rule: [
    '$comment',
    'id',
    'on',
    'percent',
    'seconds',
    'selector',
    'if',
    'show',
    'track',
    'set',
    'frequency',
    'schedule',
    'delay',
    'variants',
    'stage',
    'priority',
  ],
}

/**
 * Walks the whole config and returns every problem with its JSON path (contract §4, §7).
 * A config with any problem is refused whole; warnings (unknown keys, likely trigger typos)
 * are only reported.
 */
export function validateConfig(input: unknown): Validation {
  const problems: Problem[] = []
  const warnings: Problem[] = []
  const fail = (path: string, message: string) => void problems.push({ path, message })
  const unknownKeys = (value: Record<string, unknown>, path: string, allowed: string[]) => {
    for (const key of Object.keys(value)) {
      // "$comment" is JSON Schema's own annotation: a note for humans, anywhere
      if (!allowed.includes(key) && key !== '$comment') warnings.push({ path: join(path, key), message: messages.unknownKey })
    }
  }
  findForbiddenKeys(input, '', fail, 0)

  if (!isPlainObject(input)) return { problems: [{ path: '(config)', message: messages.notObject }], warnings }
  const config = input
  unknownKeys(config, '', knownKeys.root)
  if (config.version !== 1) fail('version', messages.version)

  if (config.visitTimeout !== undefined && !isDuration(config.visitTimeout)) fail('visitTimeout', messages.duration)
  if (config.theme !== undefined) {
    if (!isPlainObject(config.theme)) fail('theme', messages.notObject)
    else {
      unknownKeys(config.theme, 'theme', themeKeys)
      for (const key of themeKeys) {
        const value = config.theme[key]
        if (value !== undefined && !(typeof value === 'string' && cssValue.test(value))) fail(`theme.${key}`, messages.cssValue)
      }
    }
  }
  if (config.limits !== undefined) {
    if (!isPlainObject(config.limits)) fail('limits', messages.notObject)
    else {
      unknownKeys(config.limits, 'limits', ['perPage', 'perVisit'])
      for (const key of ['perPage', 'perVisit'] as const) {
        const value = config.limits[key]
        if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0)) fail(`limits.${key}`, messages.count)
      }
    }
  }
  if (config.collector !== undefined) {
    if (!isPlainObject(config.collector)) fail('collector', messages.notObject)
    else {
      unknownKeys(config.collector, 'collector', knownKeys.collector)
      if (typeof config.collector.url !== 'string' || !safeUrl(config.collector.url, neutralBase)) fail('collector.url', messages.badUrl)
      if (config.collector.writeKey !== undefined && typeof config.collector.writeKey !== 'string') fail('collector.writeKey', messages.notString)
    }
  }

  if (config.push !== undefined) {
    if (!isPlainObject(config.push)) fail('push', messages.notObject)
    else {
      unknownKeys(config.push, 'push', knownKeys.push)
      if (typeof config.push.vapidPublicKey !== 'string') fail('push.vapidPublicKey', messages.notString)
      for (const key of ['serviceWorker', 'scope'] as const) {
        if (config.push[key] !== undefined && typeof config.push[key] !== 'string') fail(`push.${key}`, messages.notString)
      }
      const origins = config.push.allowedOrigins
      if (origins !== undefined && !Array.isArray(origins)) fail('push.allowedOrigins', messages.notArray)
      else origins?.forEach((origin, i) => isWebOrigin(origin) || fail(`push.allowedOrigins[${i}]`, messages.origin))
    }
  }

  const items = isPlainObject(config.items) ? config.items : {}
  if (config.items !== undefined && !isPlainObject(config.items)) fail('items', messages.notObject)
  if (Object.keys(items).length > maxItems) fail('items', messages.tooMany)
  for (const [id, item] of Object.entries(items)) validateItem(item, `items.${id}`, { fail, unknownKeys })

  if (config.stages !== undefined) {
    if (!isPlainObject(config.stages)) fail('stages', messages.notObject)
    else {
      for (const [stage, mapping] of Object.entries(config.stages)) {
        if (!(stages as readonly string[]).includes(stage)) fail(`stages.${stage}`, messages.stage)
        else if (!isPlainObject(mapping) || typeof mapping.on !== 'string') fail(`stages.${stage}.on`, messages.notString)
      }
    }
  }

  if (config.rules !== undefined) {
    if (!Array.isArray(config.rules)) fail('rules', messages.notArray)
    else if (config.rules.length > maxRules) fail('rules', messages.tooMany)
    else {
      const seen = new Set<string>()
      config.rules.forEach((rule, i) => validateRule(rule, `rules[${i}]`, seen))
    }
  }

  return { problems, warnings }

  function validateRule(rule: unknown, path: string, seen: Set<string>): void {
    if (!isPlainObject(rule)) return fail(path, messages.notObject)
    unknownKeys(rule, path, knownKeys.rule)
    if (typeof rule.id !== 'string' || rule.id === '') fail(`${path}.id`, messages.required)
    else if (seen.has(rule.id)) fail(`${path}.id`, messages.duplicateId)
    else seen.add(rule.id)

    validateTrigger(rule, path)
    if (rule.if !== undefined) validateQuery(rule.if, `${path}.if`, problems)

    const actions = ['show', 'track', 'set', 'variants'].filter((key) => rule[key] !== undefined)
    if (actions.length !== 1) fail(path, messages.oneAction)
    if (rule.show !== undefined && !isItemId(rule.show)) fail(`${path}.show`, messages.unknownItem)
    if (rule.track !== undefined && !(typeof rule.track === 'string' && eventName.test(rule.track))) fail(`${path}.track`, messages.notString)
    if (rule.set !== undefined) {
      if (!isPlainObject(rule.set)) fail(`${path}.set`, messages.notObject)
      else if (rule.set.stage !== undefined && !isStage(rule.set.stage)) fail(`${path}.set.stage`, messages.stage)
    }
    if (rule.variants !== undefined) validateVariants(rule.variants, `${path}.variants`)
    if (rule.stage !== undefined && !isStage(rule.stage)) fail(`${path}.stage`, messages.stage)
    if (rule.frequency !== undefined) validateFrequency(rule.frequency, `${path}.frequency`)
    if (rule.schedule !== undefined) validateSchedule(rule.schedule, `${path}.schedule`)
    if (rule.delay !== undefined && !isDuration(rule.delay)) fail(`${path}.delay`, messages.duration)
    if (rule.priority !== undefined && typeof rule.priority !== 'number') fail(`${path}.priority`, messages.notNumber)
  }

  function validateTrigger(rule: Record<string, unknown>, path: string): void {
    const on = rule.on
    if (typeof on !== 'string' || !eventName.test(on)) return fail(`${path}.on`, messages.trigger)
    const likely = likelyTrigger(on)
    if (likely) warnings.push({ path: `${path}.on`, message: `"${on}" ${messages.looksLike} "${likely}"` })
    if (on === 'scroll' && !(typeof rule.percent === 'number' && rule.percent > 0 && rule.percent <= 100)) {
      fail(`${path}.percent`, messages.needsPercent)
    }
    if ((on === 'time_on_page' || on === 'idle') && !(typeof rule.seconds === 'number' && rule.seconds > 0)) {
      fail(`${path}.seconds`, `${on} ${messages.needsSeconds}`)
    }
    if (on === 'click') {
      if (typeof rule.selector !== 'string' || rule.selector === '') fail(`${path}.selector`, messages.needsSelector)
      else if (!isSelector(rule.selector)) fail(`${path}.selector`, messages.badSelector)
    }
  }

  function validateVariants(variants: unknown, path: string): void {
    if (!Array.isArray(variants) || variants.length === 0) return fail(path, messages.notArray)
    variants.forEach((variant, i) => {
      const at = `${path}[${i}]`
      if (!isPlainObject(variant)) return fail(at, messages.notObject)
      if (!(typeof variant.weight === 'number' && variant.weight > 0)) fail(`${at}.weight`, messages.notPositive)
      if (variant.id !== undefined && typeof variant.id !== 'string') fail(`${at}.id`, messages.notString)
      if (!isItemId(variant.show)) fail(`${at}.show`, messages.unknownItem)
    })
  }

  function validateFrequency(frequency: unknown, path: string): void {
    if (frequency === 'once' || frequency === 'session') return
    if (!isPlainObject(frequency)) return fail(path, messages.frequency)
    if (!(Number.isInteger(frequency.limit) && (frequency.limit as number) > 0)) fail(`${path}.limit`, messages.notPositive)
    if (!isDuration(frequency.per)) fail(`${path}.per`, messages.duration)
  }

  function validateSchedule(schedule: unknown, path: string): void {
    if (!isPlainObject(schedule)) return fail(path, messages.notObject)
    for (const key of ['start', 'end'] as const) {
      const value = schedule[key]
      if (value !== undefined && !(typeof value === 'string' && isoDate.test(value) && !Number.isNaN(Date.parse(value)))) {
        fail(`${path}.${key}`, messages.date)
      }
    }
    if (schedule.timezone !== undefined && !isTimeZone(schedule.timezone)) fail(`${path}.timezone`, messages.timezone)
    if (schedule.weekly === undefined) return
    if (!Array.isArray(schedule.weekly)) return fail(`${path}.weekly`, messages.notArray)
    schedule.weekly.forEach((window, i) => {
      const at = `${path}.weekly[${i}]`
      if (!isPlainObject(window)) return fail(at, messages.notObject)
      if (!Array.isArray(window.days)) fail(`${at}.days`, messages.notArray)
      else window.days.forEach((day, d) => days.includes(day as string) || fail(`${at}.days[${d}]`, messages.day))
      for (const key of ['from', 'to'] as const) {
        if (window[key] !== undefined && !(typeof window[key] === 'string' && clockTime.test(window[key] as string))) {
          fail(`${at}.${key}`, messages.time)
        }
      }
    })
  }

  function isItemId(value: unknown): boolean {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(items, value)
  }
}

function isStage(value: unknown): boolean {
  return (stages as readonly unknown[]).includes(value)
}

const knownZones = new Set<string>()

function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string') return false
  if (knownZones.has(value)) return true // building a formatter per schedule is the slow part
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    knownZones.add(value)
    return true
  } catch {
    return false
  }
}

function isSelector(selector: string): boolean {
  if (typeof document === 'undefined') return true
  try {
    document.createDocumentFragment().querySelector(selector)
    return true
  } catch {
    return false
  }
}

/** Contract §7: `__proto__`, `constructor` and `prototype` keys are refused anywhere. */
function findForbiddenKeys(value: unknown, path: string, fail: (path: string, message: string) => void, depth: number): void {
  if (typeof value !== 'object' || value === null || depth > 32) return
  for (const key of Object.keys(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : join(path, key)
    if (forbiddenKeys.includes(key)) fail(at, messages.forbiddenKey)
    else findForbiddenKeys((value as Record<string, unknown>)[key], at, fail, depth + 1)
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key
}
