import type { CapturedCall } from './types.js'

const key = 'jk:v1:unsent'
const maxCalls = 100
const maxBytes = 60_000

/**
 * Calls the page made but could not finish before it went away (the runtime was still
 * loading, or a call was waiting on IndexedDB): kept in localStorage, which is written at
 * once, and replayed by the next page with their moments and messageIds (a duplicate is
 * dropped by the collector). Never throws: storage may be full or refused.
 */
export function keepUnsent(calls: CapturedCall[]): void {
  if (calls.length === 0) return
  try {
    const all = [...takeUnsent(), ...calls].slice(-maxCalls)
    const text = JSON.stringify(all)
    if (text.length <= maxBytes) localStorage.setItem(key, text)
  } catch {
    // no localStorage here: those calls are lost, as they would have been
  }
}

export function takeUnsent(): CapturedCall[] {
  try {
    const text = localStorage.getItem(key)
    if (!text) return []
    localStorage.removeItem(key)
    const calls: unknown = JSON.parse(text)
    return Array.isArray(calls) ? calls.filter(isCall) : []
  } catch {
    return []
  }
}

function isCall(value: unknown): value is CapturedCall {
  const call = value as CapturedCall
  return (
    typeof call === 'object' &&
    call !== null &&
    ['track', 'page', 'identify'].includes(call.method) &&
    Array.isArray(call.args) &&
    typeof call.moment?.time === 'number' &&
    typeof call.moment.page?.url === 'string'
  )
}
