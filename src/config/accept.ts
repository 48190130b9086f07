import type { Config } from './types.js'
import { findProblems } from './find-problems.js'
import { reportError } from '../lib/log.js'
import { loadChunk } from '../lib/load-chunk.js'
import { usesRegex } from '../rules/match.js'

/**
 * Reads the config (an object, or a response on its way) and validates it whole: warnings
 * for unknown keys, one console.error per problem (contract §4), and null when refused.
 */
export async function acceptConfig(source: Config | Promise<Response>): Promise<Config | null> {
  let data: unknown
  try {
    data = source instanceof Promise ? await readJson(await source) : source
  } catch (err) {
    reportError('config', `${err instanceof Error ? err.message : String(err)}: nothing will be shown`)
    return null
  }
  const { problems, warnings } = findProblems(data)
  if (usesRegex(data)) {
    // Patterns are read by the engine's own parser, which refuses what it does not run and
    // says why (contract §7); its chunk loads only for a config using $regex.
    const regex = await loadChunk('config', 'rules with $regex will not run', () => import('../rules/regex.js'))
    regex?.findRegexRefusals(data).forEach(({ path, refusal }) => problems.push({ path, code: refusal, before: '$regex' }))
  }
  const config = data as Config | null
  if (config?.segments || config?.journeys) {
    // Their validator is a chunk only such configs load (contract §8); their runtime's
    // download starts beside it, so that neither waits for the other.
    void import('../journeys/index.js').catch(() => undefined) // it imports the pacing chunk, fetched alongside too
    void import('../rules/pacing.js').catch(() => undefined)
    const check = await loadChunk('config', 'journeys and segments will not run', () => import('../journeys/validate.js'))
    if (check) check.findJourneyProblems(data, { problems, warnings })
    else data = { ...config, segments: undefined, journeys: undefined } // never run what was not checked
  }
  if (problems.length + warnings.length) {
    const report = await loadChunk('config', problems.length ? 'the config was refused' : 'warnings not shown', () => import('./report.js'))
    report?.reportFindings(problems, warnings)
  }
  return problems.length ? null : (data as Config)
}

async function readJson(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${response.url}`)
  const text = await response.text()
  try {
    return JSON.parse(text)
  } catch {
    throw new Error(`${response.url} is not valid JSON`)
  }
}
