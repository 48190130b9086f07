/**
 * `import { validateConfig } from 'journeykit/validate'`: the config validator on its own
 * entry, so that an app importing only `init` does not get it in its main chunk (the runtime
 * loads it lazily, beside the config).
 *
 * @example
 * const { problems, warnings } = validateConfig(await (await fetch('/journeykit.json')).json())
 * for (const problem of problems) console.error(`${problem.path}: ${problem.message}`)
 */
export { validateConfig, type Validation } from './validate/validate.js'
export type { Config, Problem } from './config/types.js'
