/**
 * journeykit for bundlers: `import { init } from 'journeykit'`. Importing touches no
 * `window`; only `init()` does (SSR-safe).
 *
 * Only what `init` needs is reachable from here: the validator and the rule explainer have
 * their own entries (`journeykit/validate`, `journeykit/explain`), since a bundler that splits
 * per file (esbuild) would put any module this file imports in the app's main chunk.
 */
export { init } from './api/init.js'
export type { InitOptions, JourneyKit, ConsentState } from './api/types.js'
export type { Config, Item, Rule, Query, Stage, ItemKind, ItemStyle, Problem } from './config/types.js'
export type { Message, Batch, PageContext } from './transport/envelope.js'
