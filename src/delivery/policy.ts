/** What to do with a collector's answer (contract §7). */
export type Verdict = 'sent' | 'retry' | 'split' | 'slow'

export function verdictOf(status: number): Verdict {
  if (status >= 200 && status < 300) return 'sent'
  if (status === 400 || status === 413) return 'split' // one bad event: find it, drop only it
  if (status === 401 || status === 403 || status === 404) return 'slow' // a fixed key or URL recovers the data
  return 'retry' // 5xx, 408, 429, network error (0), timeout, anything unexpected
}

export const firstBackoffMs = 1000
export const maxBackoffMs = 300_000

/**
 * The wait before try `failures + 1`: 1 s doubling to 5 min, jittered to the upper half so
 * that many tabs and visitors do not retry in step; a `Retry-After` wins when longer.
 */
export function backoffMs(failures: number, verdict: Verdict, retryAfter: string | null, random = Math.random()): number {
  const ceiling = verdict === 'slow' ? maxBackoffMs : Math.min(firstBackoffMs * 2 ** Math.max(0, failures - 1), maxBackoffMs)
  const jittered = ceiling / 2 + random * (ceiling / 2)
  return Math.max(jittered, retryAfterMs(retryAfter) ?? 0)
}

/** `Retry-After`: seconds, or an HTTP date; capped at a day. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - now
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 86_400_000) : null
}
