/**
 * `import { $segments } from 'journeykit/stores'`: the visitor's state as nanostores stores,
 * kept up to date by `init()`'s runtime (docs/reference.md §8). An entry of its own, not re-exported
 * by `journeykit`: an app (or a page with an import map) that uses only `init` never loads
 * nanostores, which reads `process.env.NODE_ENV` as soon as a store is made (bundlers replace
 * it; a page without one defines it first).
 *
 * @example
 * import { useStore } from '@nanostores/preact' // or '@nanostores/react'
 * import { $segments } from 'journeykit/stores'
 * const segments = useStore($segments)
 */
export { $stage, $segments, $journeys, $consent } from './stores/stores.js'
