/**
 * Runs `run` holding the Web Lock `name`, shared by every tab of the origin; `run` gets
 * false when `ifAvailable` is set and another tab holds it. Where there is no lock to take,
 * `run` goes ahead without one: `navigator.locks` is missing in old browsers and in Node, and
 * `navigator.locks.request` *rejects* (it does not throw) with a SecurityError in opaque
 * origins, sandboxed iframes and data: URLs (https://w3c.github.io/web-locks/#api-lock-manager-request).
 * Such a page has no other tab to share its origin with, so nothing is lost.
 */
export function withLock<T>(name: string, run: (held: boolean) => Promise<T>, ifAvailable = false): Promise<T> {
  let started = false
  const start = (held: boolean) => ((started = true), run(held))
  // Refused or missing: run without the lock; but a failure of `run` itself is the caller's.
  const fallback = (err: unknown) => {
    if (started) throw err
    return start(true)
  }
  try {
    return (navigator.locks.request(name, { ifAvailable }, (lock) => start(!!lock)) as Promise<T>).catch(fallback)
  } catch (err) {
    return fallback(err)
  }
}
