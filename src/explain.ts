/**
 * `import { explainRules, explainJourney } from 'journeykit/explain'`: which rules would fire
 * for a trigger and facts, and why the others would not; a journey in words, and a simulated
 * visitor walking it (what `npx journeykit explain` prints). On its own entry: an app
 * importing only `init` does not get it. (The site-wide timeline is the CLI's only.)
 *
 * @example
 * explainRules(config, 'page_view', { page: { path: '/cart' } }, Date.now())
 * // [{ rule: 'exit-on-cart', fires: false, reason: '…', action: 'show exit-offer' }]
 * explainJourney(config, 'cart-rescue', { timeline: [{ at: '2026-12-01T10:00:00Z', event: 'add_to_cart' }] }).lines
 */
export { explainRules, type Explanation } from './tools/explain/rules.js'
export { explainJourney, type JourneyExplainOptions, type JourneyExplanation, type ExplainedCall, type TimelineEntry } from './tools/explain/journey.js'
export type { Facts } from './rules/facts.js'
