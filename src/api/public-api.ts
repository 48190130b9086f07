import type { CapturedCall, JourneyKit, Moment } from './types.js'
import type { Message } from '../transport/envelope.js'
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

/**
 * The public object of contract §3: checks each call's arguments, then hands it on. Every
 * method is guarded: misuse is a `console.error` naming the call, never a throw.
 */
export function createPublicApi(deps: ApiDeps): JourneyKit {
  const call = (method: string, args: unknown[]) => {
    // Calls that send a message get its id now: kept if the message is carried to another page.
    const id = method === 'track' || method === 'page' || method === 'identify' ? uuid() : undefined
    deps.run({ method, args, moment: deps.now(), id })
  }
  const api: JourneyKit = {
    track: guard(
      'track',
      (name: string, properties?: Record<string, unknown>) => {
        if (typeof name !== 'string' || name === '') throw new Error('the event name must be a non-empty string')
        checkProperties(properties)
        call('track', [name, properties ?? {}])
      },
      undefined,
    ),
    page: guard(
      'page',
      (properties?: Record<string, unknown>) => {
        checkProperties(properties)
        call('page', [properties ?? {}])
      },
      undefined,
    ),
    identify: guard(
      'identify',
      (userId: string, traits?: Record<string, unknown>) => {
        if (typeof userId !== 'string' || userId === '') throw new Error('the user id must be a non-empty string')
        checkProperties(traits)
        call('identify', [userId, traits ?? {}])
      },
      undefined,
    ),
    consent: guard(
      'consent',
      (state: 'granted' | 'denied') => {
        if (state === 'granted') deps.grant()
        else if (state === 'denied') deps.deny()
        else throw new Error(`expected 'granted' or 'denied', got ${String(state)}`)
      },
      undefined,
    ),
    show: guard(
      'show',
      (itemId: string) => {
        if (typeof itemId !== 'string') throw new Error('the item id must be a string')
        call('show', [itemId]) // in line with the calls before it: a grant just asked for counts
      },
      undefined,
    ),
    hide: guard('hide', () => deps.hideAll(), undefined),
    on: guard(
      'on',
      (event: string, handler: (message: Message) => void) => {
        if (typeof event !== 'string' || typeof handler !== 'function') throw new Error('expected on(eventName, handler)')
        return deps.on(event, handler)
      },
      () => undefined,
    ),
    flush: () => deps.flush(),
    reset: guard('reset', () => call('reset', []), undefined),
    enter: guard(
      'enter',
      (journeyId: string) => {
        if (typeof journeyId !== 'string' || journeyId === '') throw new Error('the journey id must be a non-empty string')
        call('enter', [journeyId])
      },
      undefined,
    ),
    push: guard(
      'push',
      (queued: unknown) => {
        if (!Array.isArray(queued) || typeof queued[0] !== 'string') throw new Error("expected an array like ['track', 'signup']")
        const [method, ...args] = queued as [keyof JourneyKit, ...unknown[]]
        const target = api[method]
        if (method === 'push' || method === 'ready' || typeof target !== 'function') throw new Error(`unknown method "${method}"`)
        ;(target as (...a: unknown[]) => unknown)(...args)
      },
      undefined,
    ),
    ready: deps.ready,
  }
  return api
}

function checkProperties(value: unknown): void {
  if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new Error('properties must be a plain object')
  }
}
