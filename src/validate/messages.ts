import type { RegexRefusal } from '../rules/regex-parse.js'
import { nearName } from './near-name.js'

/**
 * Every validation message in one table (the contract requires them). The validator speaks in
 * codes (a `Finding`); the text is read here, in a chunk the runtime loads only for a config
 * with something to report. An enum's "must be one of …" is built from its list.
 *
 * What a message adds to its finding lives here too (issue 24): the rule or step it belongs
 * to, and the duration or time zone a wrong one likely means. One module with the table on
 * purpose: Rollup (4.68) sorts chunks by how many modules they hold, that order names the start
 * chunk's exports, and a config-messages chunk of more modules cost core.js 3 B for nothing.
 */
export const messages = {
  oneOf: 'must be one of',
  notObject: 'must be an object',
  notString: 'must be a string',
  eventName: 'must be an event name: a letter, then letters, digits or _ . : -',
  notNumber: 'must be a number',
  notPositive: 'must be a number above 0',
  notArray: 'must be an array',
  count: 'must be a whole number, 0 or more',
  notBoolean: 'must be true or false',
  required: 'is required',
  version: 'must be 1',
  forbiddenKey: 'is not an allowed key',
  unknownKey: 'is not a known key; ignored',
  misspeltKey: 'is not a known key',
  badUrl: 'must be an https:, http: or relative URL',
  badImage: 'must be an https: or relative URL',
  cssValue: 'must be a plain CSS value (a colour, length or font name)',
  gate: 'must be "none" or "email"',
  consent: 'must be a string or { "text": "…", "required": true }',
  unknownItem: 'names no item in "items"',
  duplicateId: 'repeats a rule id',
  oneAction: 'needs exactly one of show, track, set, variants or push',
  trackLoop: 'sets off a loop:',
  // Lists config/trigger-names' builtInTriggers (a test keeps them equal: computed here, the string
  // would keep the minifier from dropping the messages nobody uses)
  trigger: 'must be a trigger (page_view, exit_intent, scroll, time_on_page, idle, click, visit_start) or an event name',
  looksLike: 'looks like',
  needsPercent: 'needs "percent" between 1 and 100',
  needsSeconds: 'needs "seconds" above 0',
  needsSelector: 'needs a CSS "selector"',
  badSelector: 'is not a valid CSS selector',
  duration: 'must be a duration above 0, like "30s", "1h" or "7d"',
  needsPushConfig: 'needs "push" in the config (its VAPID key): without it no visitor has a subscription, and nothing is requested',
  pushDelay: 'must be a duration up to 30 days, like "10s", "1h" or "3d"',
  frequency: 'must be "once", "session" or { "limit": n, "per": "7d" }',
  date: 'must be an ISO date like "2026-12-01" or "2026-12-01T08:00:00Z"',
  time: 'must be a time "HH:MM"',
  timezone: 'must be an IANA time zone like "Europe/Belgrade"',
  unknownOperator: 'is not a known operator',
  unknownFact: 'is not a known fact',
  usedOnce: 'is used once',
  untracked: 'is tracked by no rule or step',
  tooDeep: 'nests too deeply (at most 8 levels)',
  tooMany: 'has too many entries',
  needsNumber: 'needs a number',
  needsString: 'needs a string',
  needsArray: 'needs an array',
  needsBoolean: 'needs true or false',
  needsQueries: 'needs an array of conditions',
  regexLength: 'is over 256 characters',
  regexBackreference: 'has a backreference',
  regexLookaround: 'has lookaround',
  regexSyntax: 'has syntax journeykit does not run',
  regexSize: 'repeats too much',
  origin: 'must be an origin: "https://host"',
  staleSeal: 'does not match this config or this journeykit version: checked in full (run `npx journeykit build` again)',
  // journeys and segments (contract §8)
  steps: 'must be a list of at least one step',
  options: 'must be a list of at least one option',
  oneStepAction: 'needs exactly one of show, track, set, wait, split, branch, exit or push',
  duplicateStep: 'repeats a step id of this journey',
  unknownStep: 'names no step',
  unreachable: 'is never reached: no step leads to it',
  loopWithoutWait: 'loops back without a wait, or an "on" for an event from outside the loop (it would run forever)',
  reenters: 'enters this journey again as soon as the run ends (reentry "after-exit")',
  elseUnused: 'is ignored: only a step with "within", or a branch, takes "else"',
  gotoUnused: 'is ignored on a split, branch or exit step',
  wait: 'must be a duration like "2h" or { "weekly": [...], "timezone": "..." }',
  reentry: 'must be "never", "after-exit" or { "after": "30d" }',
  percent: 'must be a number from 0 to 100',
  holdout: 'holds visitors out without a "goal.within" to measure them',
  isTrue: 'must be true',
  unknownSegment: 'names no segment in "segments"',
  segmentLoop: 'makes the segment depend on itself',
  unknownJourney: 'names no journey in "journeys"',
  longWindow: 'counts over more than 90 days (events are kept 90 days)',
} as const

export type MessageCode = keyof typeof messages

/**
 * One problem or warning, as the validator finds it: `$gte` + needsNumber + `"two"` → `$gte needs
 * a number, not "two"`; `value` is what is wrong, `near` the name it is likely a typo of, `among`
 * the names there are (listed when none is near).
 */
export interface Finding {
  path: string
  code: MessageCode
  before?: string
  after?: string
  value?: unknown
  near?: string | undefined
  among?: readonly string[]
}

// What a finding's `among` lists, by its code.
const listed: Partial<Record<MessageCode, string>> = { unknownStep: 'steps' }

/**
 * A finding in words, with its JSON path: `{ path, message }`. Contract §4 quotes what is wrong:
 * after a demand (`must be …, not "popover"`), before a statement (`"mial" names no step`), and
 * ends with the near name: `— did you mean "mail"?` (for a duration or a time zone, the one it
 * likely means), or else the names there are: `(steps: pause, mail, done)`. The path and the
 * first words stay as the contract shows them; the tools add the owner's ids (validate/owners.ts).
 */
export function describe({ path, code, before, after, value, near, among }: Finding): { path: string; message: string } {
  const text = messages[code]
  const quoted = value === undefined ? '' : quote(value)
  const demand = /^(must|needs|is req)/.test(text)
  const likely = near ?? suggest(code, value)
  const list = among?.length && `${listed[code]}: ${[...among.slice(0, 5), ...(among.length > 5 ? ['…'] : [])].join(', ')}`
  const message = [
    [before, !demand && quoted, text, after].filter(Boolean).join(' ') + (demand && quoted ? `, not ${quoted}` : ''),
    likely ? `— did you mean ${quote(likely)}?` : list && `(${list})`,
  ]
  return { path, message: message.filter(Boolean).join(' ') }
}

/** What a duration or a time zone that is none likely means (suggestDuration, suggestTimeZone). */
function suggest(code: MessageCode, value: unknown): string | undefined {
  if (code === 'timezone') return suggestTimeZone(value)
  if (code === 'duration') return suggestDuration(value)
  if (code === 'pushDelay') return suggestDuration(value, 30 * 86_400_000)
}

/** A value as JSON, cut at 50 characters: a message quotes, it does not reprint the config. */
function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 50 ? `${text.slice(0, 49)}…` : text
}

// The units of rules/duration.ts (`30s`, `1.5h`, `7d`, `2w`), in milliseconds. Their own copy:
// importing that table would make the start chunk export it.
const units: Record<string, number> = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 }
const unitWords: Array<[unit: string, words: RegExp]> = [
  ['ms', /^(ms|msecs?|millis(econds?)?)$/],
  ['s', /^s(ecs?|econds?)?$/],
  ['m', /^m(ins?|inutes?)?$/],
  ['h', /^h(rs?|ours?)?$/],
  ['d', /^d(ays?)?$/],
  ['w', /^w(ks?|eeks?)?$/],
]

/**
 * Issue 24: the duration a string that is none most likely means, in the grammar of
 * rules/duration.ts: `"2 hours"` → `"2h"`, `"30 seconds"` → `"30s"`, `"5min"` → `"5m"`, `"2H"` →
 * `"2h"`, `"1,5h"` → `"1.5h"`, `"1 week"` → `"1w"`; parts add up in the largest unit they fill
 * whole (`"1h 30m"`, `"PT1H30M"` → `"90m"`). Only a duration above 0 and up to `upTo` (ms) is
 * suggested; months and years are not guessed at.
 */
export function suggestDuration(value: unknown, upTo = Infinity): string | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined
  const text = value
    .trim()
    .toLowerCase()
    .replace(/(\d),(\d)/g, '$1.$2') // a decimal comma
    .replace(/^pt?|t(?=\d)/g, '') // ISO 8601: PT1H30M
  let total = 0
  let parts = 0
  let last = ''
  const rest = text.replace(/(\d+(?:\.\d+)?)\s*([a-z]+)\.?/g, (part, number: string, word: string) => {
    const unit = unitWords.find(([, words]) => words.test(word))?.[0]
    if (!unit) return part
    total += Number(number) * units[unit]!
    parts++
    last = number + unit
    return ' '
  })
  if (!parts || !/^(\s|,|\+|and)*$/.test(rest) || !(total > 0 && total <= upTo)) return undefined
  if (parts === 1) return last
  const unit = ['d', 'h', 'm', 's', 'ms'].find((name) => total % units[name]! === 0)
  return unit && `${total / units[unit]!}${unit}`
}

/**
 * Issue 24: the IANA time zone a name that is none most likely means: a typo of a whole name
 * (`Europe/Belgarde`), or of its city alone (`Belgarde`, `new york` → `America/New_York`).
 * Case and spaces are no edit. Where the browser cannot list its zones, none.
 */
export function suggestTimeZone(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  let zones: string[]
  try {
    zones = [...Intl.supportedValuesOf('timeZone'), 'UTC']
  } catch {
    return undefined // Safari before 15.4, Chrome before 99
  }
  const name = value.trim().replace(/ /g, '_')
  // Not by the city of an Etc/ zone: `Etc/GMT+1` is an hour behind UTC, not the "GMT+1" meant.
  const places = zones.filter((zone) => !zone.startsWith('Etc/'))
  const cities = places.map((zone) => zone.slice(zone.lastIndexOf('/') + 1))
  return nearName(name, zones) ?? places[cities.indexOf(nearName(name, cities) ?? '')]
}

// Listed one by one for the CLI, which explains each refusal.
export const regexMessages: Record<RegexRefusal | 'needsString', string> = {
  needsString: messages.needsString,
  regexLength: messages.regexLength,
  regexBackreference: messages.regexBackreference,
  regexLookaround: messages.regexLookaround,
  regexSyntax: messages.regexSyntax,
  regexSize: messages.regexSize,
}
