import type { CapturedCall } from '../api/types.js'
import { reportError } from '../lib/log.js'

/**
 * The runtime's one line of work: every call runs after the previous one finished, so events
 * keep their order. Calls made before the runtime is ready wait, with their moment, until
 * `open()`. What has not finished is what a page going away must carry (contract §7).
 */
export function createCallQueue(perform: (call: CapturedCall) => Promise<void>) {
  let waiting: CapturedCall[] | null = []
  let work: Promise<void> = Promise.resolve()
  const running = new Set<CapturedCall>()

  const schedule = (call: CapturedCall) => {
    running.add(call)
    work = work
      .then(() => perform(call))
      .catch((err) => reportError(call.method, err))
      .finally(() => running.delete(call))
  }

  return {
    /** An arrow, not a method: the runtime hands it on as it is. */
    run: (call: CapturedCall): void => {
      if (waiting) waiting.push(call)
      else schedule(call)
    },
    /** The runtime is ready: what waited runs now, in order. */
    open(): void {
      const calls = waiting ?? []
      waiting = null
      calls.forEach(schedule)
    },
    /** Work that is not a call (a delayed rule) runs in line with the calls. */
    later(task: () => Promise<void>, where: string): void {
      work = work.then(task).catch((err) => reportError(where, err))
    },
    /** Resolves once everything scheduled so far has run. */
    settled: (): Promise<void> => work,
    /** Calls not finished yet, in order: running, then waiting. */
    unfinished: (): CapturedCall[] => [...running, ...(waiting ?? [])],
    /** Removes the waiting calls `unwanted` picks (a denial cancels a grant still waiting). */
    drop(unwanted: (call: CapturedCall) => boolean): void {
      if (waiting) waiting = waiting.filter((call) => !unwanted(call))
    },
  }
}
