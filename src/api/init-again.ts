import { reportWarning } from '../lib/log.js'

type Json = Record<string, unknown>

/** Whether two values read from JSON are the same: the same keys and values, in any order. */
const same = (a: unknown, b: unknown): boolean =>
  a === b ||
  (typeof a === 'object' &&
    typeof b === 'object' &&
    !!a &&
    !!b &&
    Array.isArray(a) === Array.isArray(b) &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.keys(a).every((key) => Object.prototype.hasOwnProperty.call(b, key) && same((a as Json)[key], (b as Json)[key])))

/**
 * A second `init()` keeps the first call's runtime: warns, naming the options this call gives
 * a value other than the first call's (`first` and `given` are the two calls' options as JSON).
 * Options that differ only in the order of their keys are the same, and so are an option left
 * out and one given as `undefined`.
 */
export function warnIgnored(first?: string, given?: string): void {
  const [before, now] = [first, given].map((json) => Object(json && JSON.parse(json)) as Json)
  const differ = Object.keys({ ...before, ...now }).filter((key) => !same(before![key], now![key]))
  if (differ.length) reportWarning('init', `already started; this call's options that differ from the first call's are ignored: ${differ.join(', ')}`)
}
