import type { Config } from '../config/types.js'
import { findProblems } from './find-problems.js'
import { isPlainObject } from './query.js'
import { isSealed, sealKey } from '../config/seal.js'
import { loadChunk } from '../lib/load-chunk.js'
import { usesRegex } from '../rules/match.js'

/**
 * The validator's walk, a lazy chunk (`config-check.js`) for configs that are not sealed, or
 * whose seal does not match, and in debug mode: every problem with its JSON path, one
 * console.error each (contract §4), warnings for unknown keys; null when refused. A config
 * sealed by `npx journeykit build` skips it (config/seal.ts).
 */
export async function checkConfig(data: unknown): Promise<Config | null> {
  const config = isPlainObject(data) ? (data as unknown as Config) : null
  // Their chunks download together, while the walk runs.
  const regex = usesRegex(data) ? loadChunk('regex', () => import('../chunks/regex.js')) : null
  const journeys = config?.segments || config?.journeys ? loadChunk('journeys-check', () => import('../chunks/journeys-check.js')) : null
  const { problems, warnings } = findProblems(data)
  // Patterns are read by the engine's own parser, which refuses what it does not run and says
  // why (contract §7).
  ;(await regex)?.findRegexRefusals(data).forEach(({ path, refusal }) => problems.push({ path, code: refusal, before: '$regex' }))
  if (journeys) {
    const check = await journeys
    if (check) check.findJourneyProblems(data, { problems, warnings })
    else data = { ...config, segments: undefined, journeys: undefined } // never run what was not checked
  }
  // Edited since `journeykit build`, or sealed by another version: worth saying, since the
  // page now pays for this chunk. Not in debug mode with a good seal.
  if (config && sealKey in config && !isSealed(config)) warnings.push({ path: sealKey, code: 'staleSeal' })
  if (problems.length + warnings.length) {
    const report = await loadChunk('config-messages', () => import('../chunks/config-messages.js'))
    report?.reportFindings(problems, warnings)
  }
  return problems.length ? null : (data as Config)
}
