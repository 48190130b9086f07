/**
 * `import { explainRules, explainJourney, explainSite } from 'journeykit/explain'`: which rules
 * would fire for a trigger and facts, and why the others would not; a journey in words, and a
 * simulated visitor walking it; a simulated visitor through every rule and journey at once (what
 * `npx journeykit explain` prints). On its own entry: an app importing only `init` does not get it.
 *
 * @example
 * explainRules(config, 'page_view', { page: { path: '/cart' } }, Date.now())
 * // [{ rule: 'exit-on-cart', fires: false, reason: '…', action: 'show exit-offer' }]
 * explainJourney(config, 'cart-rescue', { timeline: [{ at: '2026-12-01T10:00:00Z', event: 'add_to_cart' }] }).lines
 * explainSite(config, { timeline: [{ at: '2026-12-01T10:00:00Z', event: 'page_view', facts: { page: { path: '/' } } }] }).pages
 */
export { explainRules, type Explanation } from './rules/explain.js'
export { explainJourney, type JourneyExplainOptions, type JourneyExplanation, type ExplainedCall, type TimelineEntry } from './journeys/explain.js'
export type { Facts } from './rules/facts.js'
export {
  explainSite,
  type SiteExplainOptions,
  type SiteExplanation,
  type PageSummary,
  type SimulatedCall,
  type Shown,
  type Held,
} from './explain-site/explain.js'
