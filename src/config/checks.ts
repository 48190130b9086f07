import type { Problem } from './types.js'
import type { Check, Format } from './shape.js'
import { messages } from './messages.js'
import { validateQuery } from './query.js'
import { isDuration } from '../rules/duration.js'
import { safeImageUrl, safeUrl } from '../lib/url.js'
import { isWebOrigin } from '../lib/origin.js'
import { likelyTrigger } from './trigger-typo.js'

/** What the walk of one config collects, and what its checks need to know. */
export interface Context {
  problems: Problem[]
  warnings: Problem[]
  /** the config's items, which `show` names */
  items: Record<string, unknown>
  ruleIds: Set<string>
}

// A relative URL is checked against a neutral base: only its scheme matters here.
const neutralBase = 'https://journeykit.invalid/'
const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/
const eventName = /^[A-Za-z][\w.:-]{0,99}$/
const isDate = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value))

/** A string format of config/shape.ts: its test (which also checks the type) and its message. */
export const formats: Record<Format, [test: (value: unknown) => boolean, message: string]> = {
  url: [(value) => !!safeUrl(value, neutralBase), messages.badUrl],
  image: [(value) => !!safeImageUrl(value, neutralBase), messages.badImage],
  origin: [isWebOrigin, messages.origin],
  duration: [isDuration, messages.duration],
  date: [(value) => isDate(value) && isoDate.test(value), messages.date],
  instant: [isDate, messages.date],
  timezone: [isTimeZone, messages.timezone],
}

type CheckFunction = (parent: Record<string, unknown>, path: string, context: Context) => void
const fail = (context: Context, path: string, message: string) => void context.problems.push({ path, message })

/** The checks a description cannot say; each gets the object holding its key, and that object's path. */
export const checks: Record<Check, CheckFunction> = {
  ruleId(rule, path, context) {
    const id = rule.id
    if (typeof id !== 'string' || id === '') fail(context, `${path}.id`, messages.required)
    else if (context.ruleIds.has(id)) fail(context, `${path}.id`, messages.duplicateId)
    else context.ruleIds.add(id)
  },
  trigger: checkTrigger,
  // percent, seconds and selector are checked with the trigger that needs them
  triggerParameter: () => undefined,
  query(rule, path, context) {
    if (rule.if !== undefined) validateQuery(rule.if, `${path}.if`, context.problems)
  },
  action(rule, path, context) {
    if (['show', 'track', 'set', 'variants'].filter((key) => rule[key] !== undefined).length !== 1) fail(context, path, messages.oneAction)
    if (rule.show !== undefined) checks.itemId(rule, path, context)
  },
  itemId({ show }, path, context) {
    if (!(typeof show === 'string' && Object.prototype.hasOwnProperty.call(context.items, show))) fail(context, `${path}.show`, messages.unknownItem)
  },
}

function checkTrigger(rule: Record<string, unknown>, path: string, context: Context): void {
  const on = rule.on
  if (typeof on !== 'string' || !eventName.test(on)) return fail(context, `${path}.on`, messages.trigger)
  const likely = likelyTrigger(on)
  if (likely) context.warnings.push({ path: `${path}.on`, message: `"${on}" ${messages.looksLike} "${likely}"` })
  if (on === 'scroll' && !(typeof rule.percent === 'number' && rule.percent > 0 && rule.percent <= 100)) {
    fail(context, `${path}.percent`, messages.needsPercent)
  }
  if ((on === 'time_on_page' || on === 'idle') && !(typeof rule.seconds === 'number' && rule.seconds > 0)) {
    fail(context, `${path}.seconds`, `${on} ${messages.needsSeconds}`)
  }
  if (on === 'click') {
    if (typeof rule.selector !== 'string' || rule.selector === '') fail(context, `${path}.selector`, messages.needsSelector)
    else if (!isSelector(rule.selector)) fail(context, `${path}.selector`, messages.badSelector)
  }
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
