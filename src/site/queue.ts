import type { LoaderHandoff } from '../boot.js'

export type Queue = unknown[] & { ready?: unknown }

/**
 * Takes over the `window.journeykit` queue for a built site's journeykit.js (./start.ts):
 * every call queued so far and every later `push`, each stamped with its page and time. Null when
 * the tag is not ours or a runtime already took over (included twice). sdk-loader/loader.ts keeps
 * its own copy of these lines: called from there, terser leaves a function 10 B gzip larger, and
 * the loader plus the start chunk are 10 B under their 9 KB budget.
 */
export function takeQueue(w: Window & { journeykit?: Queue }, d: Document, script: Element | null): LoaderHandoff['queue'] | null {
  const stub = (w.journeykit = w.journeykit || [])
  if (!script || typeof stub.push !== 'function' || stub.ready) return null
  const queue: LoaderHandoff['queue'] = []
  const stamp = (call: unknown) => void queue.push([call, location.href, d.title, Date.now()])
  for (let i = 0; i < stub.length; i++) stamp(stub[i])
  stub.push = (...calls: unknown[]) => {
    calls.forEach(stamp)
    return queue.length
  }
  return queue
}
