/**
 * journeykit for bundlers: `import { init } from 'journeykit'`. Importing touches no
 * `window`; only `init()` does (SSR-safe).
 */
export { init } from './api/init.js'
export type { InitOptions, JourneyKit, ConsentState } from './api/types.js'
export type { Config, Item, Rule, Query, Stage, ItemKind, ItemStyle, Problem } from './config/types.js'
export type { Message, Batch, PageContext } from './transport/envelope.js'
export { validateConfig } from './config/validate.js'
export { explainRules } from './rules/explain.js'
