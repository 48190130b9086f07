import type { ItemController } from './items.js'
import type { createPushStarter } from './push-start.js'

export { createItemController } from './items.js'
export { createPushStarter } from './push-start.js'

/**
 * The actions chunk (`actions.js`): the page's items and web push, loaded the first time a rule
 * or a step shows an item or requests a push, or when push or journeys start. A page whose rules
 * only track, set or move the stage never downloads it. The composition root (src/api/create.ts)
 * makes the kit from it.
 */
export interface ActionKit {
  items: ItemController
  push: ReturnType<typeof createPushStarter>
}
