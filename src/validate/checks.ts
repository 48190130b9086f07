import type { Check, Format } from './shape.js'
import type { Finding, MessageCode } from './messages.js'
import { validateQuery, type QueryFindings } from './query.js'
import { parseDuration } from '../rules/duration.js'
import { safeImageUrl, safeUrl } from '../lib/url.js'
import { isWebOrigin } from '../lib/origin.js'
import { likelyTrigger, nearName } from './near-name.js'

/** What the walk of one config collects, and what its checks need to know. */
export interface Context extends QueryFindings {
  warnings: Finding[]
  /** the config's items, which `show` names */
  items: Record<string, unknown>
  ruleIds: Set<string>
}

// A relative URL is checked against a neutral base: only its scheme matters here.
const neutralBase = 'https://journeykit.invalid/'
const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/
const eventName = /^[A-Za-z][\w.:-]{0,99}$/
const isDate = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value))

/** A string format of validate/shape.ts: its test (which also checks the type) and its message. */
export const formats: Record<Format, [test: (value: unknown) => boolean, message: MessageCode]> = {
  url: [(value) => !!safeUrl(value, neutralBase), 'badUrl'],
  image: [(value) => !!safeImageUrl(value, neutralBase), 'badImage'],
  origin: [isWebOrigin, 'origin'],
  // Contract §8: durations are above zero. A zero wait or `within` is a loop or a guard that can never
  // be met, a zero `per` or `after` no cap at all. (A push's `after` of "0s" is now, its default.)
  duration: [(value) => (parseDuration(value) ?? 0) > 0, 'duration'],
  pushDelay: [(value) => (parseDuration(value) ?? Infinity) <= 30 * 86_400_000, 'pushDelay'],
  date: [(value) => isDate(value) && isoDate.test(value), 'date'],
  instant: [isDate, 'date'],
  timezone: [isTimeZone, 'timezone'],
}

type CheckFunction = (parent: Record<string, unknown>, path: string, context: Context) => void
const fail = (context: Context, path: string, code: MessageCode, more?: Omit<Finding, 'path' | 'code'>) => void context.problems.push({ path, code, ...more })

/** The checks a description cannot say; each gets the object holding its key, and that object's path. */
export const checks: Record<Check, CheckFunction> = {
  ruleId(rule, path, context) {
    const id = rule.id
    if (typeof id !== 'string' || id === '') fail(context, `${path}.id`, 'required')
    else if (context.ruleIds.has(id)) fail(context, `${path}.id`, 'duplicateId', { value: id })
    else context.ruleIds.add(id)
  },
  trigger: checkTrigger,
  // percent, seconds and selector are checked with the trigger that needs them
  triggerParameter: () => undefined,
  query(rule, path, context) {
    if (rule.if !== undefined) validateQuery(rule.if, `${path}.if`, context)
  },
  action(rule, path, context) {
    if (['show', 'track', 'set', 'variants', 'push'].filter((key) => rule[key] !== undefined).length !== 1) fail(context, path, 'oneAction')
    if (rule.show !== undefined) checks.itemId(rule, path, context)
  },
  itemId({ show }, path, context) {
    if (!(typeof show === 'string' && Object.prototype.hasOwnProperty.call(context.items, show))) {
      fail(context, `${path}.show`, 'unknownItem', { value: show, near: nearName(show, Object.keys(context.items)) })
    }
  },
}

function checkTrigger(rule: Record<string, unknown>, path: string, context: Context): void {
  const on = rule.on
  if (typeof on !== 'string' || !eventName.test(on)) return fail(context, `${path}.on`, 'trigger', { value: on })
  const likely = likelyTrigger(on)
  if (likely) context.warnings.push({ path: `${path}.on`, code: 'looksLike', before: `"${on}"`, after: `"${likely}"` })
  if (on === 'scroll' && !(typeof rule.percent === 'number' && rule.percent > 0 && rule.percent <= 100)) {
    fail(context, `${path}.percent`, 'needsPercent', { before: on, value: rule.percent })
  }
  if ((on === 'time_on_page' || on === 'idle') && !(typeof rule.seconds === 'number' && rule.seconds > 0)) {
    fail(context, `${path}.seconds`, 'needsSeconds', { before: on, value: rule.seconds })
  }
  if (on === 'click') {
    if (typeof rule.selector !== 'string' || rule.selector === '') fail(context, `${path}.selector`, 'needsSelector', { before: on, value: rule.selector })
    else if (!isSelector(rule.selector)) fail(context, `${path}.selector`, 'badSelector', { value: rule.selector })
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
