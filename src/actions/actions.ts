import type { Rule } from '../config/types.js'
import type { EngineHooks } from '../journeys/runtime.js'
import type { CapturedCall, InitOptions, Moment } from '../api/types.js'
import type { Consent } from '../engine/consent.js'
import type { Loaded } from '../engine/loaded.js'
import { createItemController, type ItemController } from './items.js'
import { createPushStarter, type PushStarter } from './push-start.js'
import { createActs, type ActDeps } from './act.js'

// For the debug chunk's log: imported there, the caps would be a chunk of their own.
export { isCapped } from '../rules/frequency.js'

/**
 * The actions chunk (`actions.js`): what rules and journey steps do beyond counting — claim
 * under caps, show items, set, move the stage, request and start web push. Loaded the first
 * time a rule acts or an item is shown, and beside the journeys chunk. A page whose rules never
 * act never downloads it.
 */
export interface ActionKit {
  items: ItemController
  push: PushStarter
  act(rule: Rule, moment: Moment): Promise<void>
  /** What the journeys chunk acts through. */
  hooks: EngineHooks
  /** The departure pushes of an exit's call, sent at once (src/actions/act.ts). */
  depart(exit: CapturedCall): void
}

/** What the actions chunk needs of the runtime (the runtime's own object is handed over). */
export interface ActionDeps extends ActDeps {
  options: Pick<InitOptions, 'nonce'>
  consent: Pick<Consent, 'maySend' | 'mayStore'>
  /** `depart` is set here, for the exit-intent watcher. */
  loaded: ActDeps['loaded'] & Pick<Loaded, 'depart'>
  /** Makes a call now, in line with the others: `call('track', 'item_shown', { item })`. */
  call(method: string, ...args: unknown[]): void
  /** Runs a call in line with the others, at the moment it carries. */
  run(call: CapturedCall): void
  now(): Moment
}

export function createActionKit(rt: ActionDeps): ActionKit {
  const { consent, loaded } = rt
  const config = () => loaded.config
  const push = createPushStarter({ config, collectorUrl: () => loaded.collectorUrl, mayStore: consent.mayStore, visitor: rt.visitor.current })
  const track = (event: string, properties: Record<string, unknown>) => rt.call('track', event, properties)
  const items = createItemController(config, track, rt.options.nonce, push.ask, consent.mayStore)
  const acts = createActs(rt, items, push)
  // The exit-intent watcher's call (src/track/triggers.ts): the departure pushes of the exit leave
  // before the call runs, and the call, with the same moment, then acts on their decision.
  loaded.depart = (method, ...args) => {
    const call = { method, args, moment: rt.now() }
    acts.depart(call)
    rt.run(call)
  }
  return { items, push, ...acts }
}
