/**
 * The journeys a new one can start from: the five stage journeys of examples/configs and the
 * contract's §8 example, bundled into the studio's server when it is built (rollup.config.mjs
 * reads the JSON) and handed to the app by GET /api/templates, so that the app's own bundle stays
 * small; each with the items and segments of its file (app/template-edits.ts takes only those
 * its journey names).
 */
import welcome from '../../../examples/configs/7-journey-welcome.json'
import consideration from '../../../examples/configs/8-journey-consideration.json'
import cartRescue from '../../../examples/configs/9-journey-cart-rescue.json'
import retention from '../../../examples/configs/10-journey-retention.json'
import advocacy from '../../../examples/configs/11-journey-advocacy.json'
import contract from '../../../examples/configs/12-contract-cart-rescue.json'
import type { Template, TemplateSource } from './protocol.js'

const from = (label: string, file: unknown): Template => {
  const source = file as TemplateSource
  return { label, journey: Object.keys(source.journeys)[0]!, source }
}

export const templates: Template[] = [
  from('Welcome: a first visit, then an offer on the second', welcome),
  from('Consideration: a sizing guide, then a comparison', consideration),
  from('Cart rescue: an exit offer, a push, a Thursday reminder', cartRescue),
  from('Retention: a review ask after an order', retention),
  from('Advocacy: a referral offer, split in two', advocacy),
  from('Cart rescue, the reference’s §8 example', contract),
]
