import type { CapturedCall, JourneyKit, Moment } from './types.js'
import type { Message } from '../delivery/envelope.js'
import { guard } from './guard.js'
import { uuid } from '../lib/uuid.js'

export interface ApiDeps {
  /** Hands a call to the line of work, stamped with the moment it was made. */
  run(call: CapturedCall): void
  now(): Moment
  grant(): void
  deny(): void
  hideAll(): void
  on(event: string, handler: (message: Message) => void): () => void
  flush(): Promise<void>
  ready: Promise<void>
}

/** Checks one argument: returns it (defaulted) or throws what is wrong with it. */
type Check = (value: unknown) => unknown

const fail = (what: string): never => {
  throw new Error(what)
}
const text =
  (what: string, emptyAllowed?: boolean): Check =>
  (value) =>
    typeof value === 'string' && (emptyAllowed || value !== '') ? value : fail(`the ${what} must be a ${emptyAllowed ? '' : 'non-empty '}string`)
const properties: Check = (value = {}) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : fail('properties must be a plain object')

/**
 * The calls handed to the line of work, each with its arguments' checks in order: only the
 * arguments checked are passed on. Each gets an id now: track, page and identify send a
 * message, whose messageId it is, kept if the message is carried to another page (the others
 * never use theirs; an id for every call costs fewer bytes than a list of which need one).
 */
const queuedCalls: Record<string, Check[]> = {
  track: [text('event name'), properties],
  page: [properties],
  identify: [text('user id'), properties],
  show: [text('item id', true)], // in line with the calls before it: a grant just asked for counts
  reset: [],
  enter: [text('journey id')],
}

/**
 * The public object of contract §3: checks each call's arguments, then hands it on. Every
 * method is guarded: misuse is a `console.error` naming the call, never a throw.
 */
export function createPublicApi(deps: ApiDeps): JourneyKit {
  const api: Record<string, unknown> = {
    consent: guard('consent', (state: unknown) => {
      if (state === 'granted') deps.grant()
      else if (state === 'denied') deps.deny()
      else fail(`expected 'granted' or 'denied', got ${String(state)}`)
    }),
    hide: guard('hide', deps.hideAll),
    on: guard(
      'on',
      (event: string, handler: (message: Message) => void) =>
        typeof event === 'string' && typeof handler === 'function' ? deps.on(event, handler) : fail('expected on(eventName, handler)'),
      () => undefined,
    ),
    flush: deps.flush,
    push: guard('push', (queued: unknown) => {
      if (!Array.isArray(queued) || typeof queued[0] !== 'string') fail("expected an array like ['track', 'signup']")
      const [method, ...args] = queued as [string, ...unknown[]]
      const target = api[method] // ready is a promise: no method
      if (method === 'push' || typeof target !== 'function') fail(`unknown method "${method}"`)
      ;(target as (...a: unknown[]) => unknown)(...args)
    }),
    ready: deps.ready,
  }
  for (const [method, checks] of Object.entries(queuedCalls)) {
    api[method] = guard(method, (...args: unknown[]) =>
      deps.run({
        method,
        args: checks.map((check, i) => check(args[i])),
        moment: deps.now(),
        id: uuid(),
      }),
    )
  }
  return api as unknown as JourneyKit
}
