/**
 * journeykit for bundlers: `import { init } from 'journeykit'`. Importing touches no
 * `window`; only `init()` does (SSR-safe). `$stage`, `$segments`, `$journeys` and `$consent`
 * are nanostores stores of the visitor's state, kept up to date by `init()`'s runtime.
 *
 * `validateConfig` and `explainRules` are here too, as in 0.1.0, and on entries of their own
 * (`journeykit/validate`, `journeykit/explain`). With `"sideEffects": false` an app's bundler
 * drops them when the app imports only `init` (the app-bundle budget in size-limit.json and
 * examples/e2e/npm.spec.ts hold that).
 */
export { init } from './api/init.js'
export { $stage, $segments, $journeys, $consent } from './state/stores.js'
export type { InitOptions, JourneyKit, ConsentState } from './api/types.js'
export type { Config, Item, Rule, Query, Stage, ItemKind, ItemStyle, Problem } from './config/types.js'
export type { Message, Batch, PageContext } from './transport/envelope.js'
export { validateConfig } from './config/validate.js'
export { explainRules } from './rules/explain.js'
