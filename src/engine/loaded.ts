import type { Config } from '../config/types.js'
import type { RuleIndex } from '../rules/evaluate.js'
import type { Watcher } from '../track/triggers.js'
import type { JourneyRuntime } from '../journeys/runtime.js'
import type { createDelivery } from '../delivery/delivery.js'
import type { EventWindows } from './facts.js'

/**
 * What `start` loads once, as it arrives (absent: not loaded, or not needed by the config). A
 * lazy chunk names the parts it reads (`Pick<Loaded, 'config' | 'rules'>`), never the whole.
 */
export interface Loaded {
  config?: Config | null
  rules: RuleIndex
  pacing?: typeof import('../chunks/pacing.js') | null
  regex?: typeof import('../chunks/regex.js') | null
  delivery?: ReturnType<typeof createDelivery>
  collectorUrl?: string
  triggers?: Watcher | null
  journeys?: JourneyRuntime | null
  events: EventWindows
  /** Makes an exit's call as `call` does, its departure pushes sent at once first (the actions chunk, once loaded: src/actions/act.ts). */
  depart?: (method: string, ...args: unknown[]) => void
}
