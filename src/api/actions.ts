import type { Rule } from '../config/types.js'
import type { EngineHooks } from '../journeys/runtime.js'
import type { Moment } from './types.js'
import { createItemController, type ItemController } from './items.js'
import { createPushStarter, type PushStarter } from './push-start.js'
import { createActs, type EngineCore } from './act.js'

export { isCapped } from '../rules/frequency.js'

export interface ActionKitDeps {
  core: EngineCore
  collectorUrl(): string | null
  /** Consent granted: push may register, and a soft ask may show. */
  mayStore(): boolean
  nonce: string | undefined
  /** Tracks what the visitor does with an item, in line with the other calls. */
  track(event: string, properties: Record<string, unknown>): void
}

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
}

export function createActionKit(deps: ActionKitDeps): ActionKit {
  const { core } = deps
  const push = createPushStarter({ config: core.config, collectorUrl: deps.collectorUrl, mayStore: deps.mayStore, visitor: core.visitor.current })
  const items = createItemController(core.config, deps.track, deps.nonce, push.ask, deps.mayStore)
  return { items, push, ...createActs(core, items, push) }
}
