/**
 * `import { explainRules } from 'journeykit/explain'`: which rules would fire for a trigger
 * and facts, and why the others would not (what `npx journeykit explain` prints). On its own
 * entry: an app importing only `init` does not get it.
 *
 * @example
 * explainRules(config, 'page_view', { page: { path: '/cart' } }, Date.now())
 * // [{ rule: 'exit-on-cart', fires: false, reason: '…', action: 'show exit-offer' }]
 */
export { explainRules, type Explanation } from './rules/explain.js'
export type { Facts } from './rules/facts.js'
