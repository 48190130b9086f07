/**
 * journeykit for bundlers: `import { init } from 'journeykit'`. Importing touches no
 * `window`; only `init()` does (SSR-safe). The visitor's state as nanostores stores is on
 * `journeykit/stores`.
 *
 * `validateConfig` and `explainRules` are here too, as in 0.1.0, and on entries of their own
 * (`journeykit/validate`, `journeykit/explain`). With `"sideEffects": false` an app's bundler
 * drops them when the app imports only `init` (the app-bundle budget in size-limit.json and
 * examples/e2e/npm.spec.ts hold that).
 */
export { init } from './api/init.js'
export type { InitOptions, JourneyKit, JourneyKitHandle, ConsentState } from './api/types.js'
export type { Config, Item, Rule, Query, Stage, ItemKind, ItemStyle, Problem } from './config/types.js'
export type { Message, Batch, PageContext } from './delivery/envelope.js'
export { validateConfig } from './validate/validate.js'
export { explainRules } from './tools/explain/rules.js'
