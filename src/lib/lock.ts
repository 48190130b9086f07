/**
 * Runs `run` holding the Web Lock `name`, shared by every tab of the origin; `run` gets
 * false when `ifAvailable` is set and another tab holds it. Where there is no lock to take,
 * `run` goes ahead without one: `navigator.locks` is missing in old browsers, and
 * `navigator.locks.request` *rejects* (it does not throw) with a SecurityError in opaque
 * origins, sandboxed iframes and data: URLs (https://w3c.github.io/web-locks/#api-lock-manager-request).
 * Such a page has no other tab to share its origin with, so nothing is lost.
 */
export function withLock<T>(name: string, run: (held: boolean) => Promise<T>, ifAvailable = false): Promise<T> {
  let started = false
  const start = (held: boolean) => {
    started = true
    return run(held)
  }
  let request: Promise<T> | undefined
  try {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
    request = locks?.request(name, { ifAvailable }, (lock) => start(lock !== null)) as Promise<T> | undefined
  } catch {
    // an implementation that throws instead of rejecting: same as no lock
  }
  if (!request) return start(true)
  return request.catch((err: unknown) => {
    if (started) throw err // `run` itself failed: that is the caller's to see
    return start(true)
  })
}
