import type { Storage } from '../storage/storage.js'
import type { VisitorState } from '../storage/visitor.js'
import type { Consent } from './consent.js'
import type { Loaded } from './loaded.js'
import type { CapturedCall, Moment, RuntimeOptions } from '../api/types.js'
import type { ActionKit } from '../actions/actions.js'
import type { EngineCore } from '../actions/act.js'
import type { Message } from '../delivery/envelope.js'
import type { Sender } from '../delivery/sender.js'
import type { createCallQueue } from './calls.js'

/**
 * One runtime's parts, as the composition root (src/engine/create.ts) made them, for the start
 * chunk's modules only. A lazy chunk's start function declares the few parts it uses as a
 * narrow type of its own (`ActionDeps`, `AfterReadyDeps`, `GrantDeps`, `JourneyStartDeps`,
 * `TriggerDeps`, `PreviewDeps`), and create.ts hands it this one object, which satisfies them
 * all: the wiring weighs on no chunk, and no lazy chunk imports this file
 * (scripts/structure.test.ts).
 */
export interface Runtime {
  options: RuntimeOptions
  /** The line of calls: what a page going away must finish elsewhere (`unfinished`). */
  calls: ReturnType<typeof createCallQueue>
  loaded: Loaded
  consent: Consent
  storage: Storage
  visitor: VisitorState
  /** What the actions chunk builds on. */
  core: EngineCore
  /** Runs a call in line with the others, at the moment it carries. */
  run(call: CapturedCall): void
  /** Runs a call, made now, in line with the others: `call('track', 'exit_intent', { how })`. */
  call(method: string, ...args: unknown[]): void
  /** Now, or the moment of the queued call being replayed. */
  now(): Moment
  /** The actions chunk's kit, loaded on first need (null: it could not load, and said so). */
  actions(): Promise<ActionKit | null>
  /** Hands a message to delivery; it waits in memory until the after-ready chunk brings delivery. */
  deliver(message: Message): void
  /** Delivery started (the after-ready chunk, then the delivery chunk): undefined without a collector, null offline. */
  delivery(): Promise<Sender | null | undefined>
  /** A message was handed to delivery: the page's listeners hear of it (`on`). */
  emit(name: string, message: Message): void
  /** Runs work later, in line with every other call (a delayed rule). */
  later(work: () => Promise<void>): void
  /** Consent denied, at once (another tab's denial too: src/engine/after-ready.ts). */
  deny(): void
  /** The debug chunk, when debug is on (loaded once; null inside when it failed to load). */
  debug: Promise<typeof import('../chunks/debug.js') | null> | null
}
