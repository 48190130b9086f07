import type { Config } from './types.js'
import { isSealed } from './seal.js'
import { reportError } from '../lib/log.js'
import { loadChunk } from '../lib/load-chunk.js'

/**
 * Reads the config (an object, or a response on its way) and accepts it as it is when its seal
 * (`npx journeykit build`, config/seal.ts) matches, unless `full`. Any other config goes
 * through the validator, a chunk of its own (config/check.ts): warnings for unknown keys, one
 * console.error per problem (contract §4), and null when refused.
 */
export async function acceptConfig(source: Config | Promise<Response>, full = false): Promise<Config | null> {
  let data: unknown
  try {
    data = source instanceof Promise ? await readJson(await source) : source
  } catch (err) {
    reportError('config', `${err instanceof Error ? err.message : String(err)}: nothing will be shown`)
    return null
  }
  const config = data as Config | null
  if (config?.segments || config?.journeys) {
    // The journeys runtime (contract §8) downloads now, with the pacing chunk it imports whole,
    // so that starting it later costs no round of its own.
    void import('../journeys/index.js').catch(() => undefined)
    void import('../rules/pacing.js').catch(() => undefined)
  }
  if (!full && isSealed(data)) return config
  const check = await loadChunk('config', 'the config was not checked: nothing will be shown', () => import('./check.js'))
  return check ? check.checkConfig(data) : null
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
