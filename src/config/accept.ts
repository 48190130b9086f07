import type { Config } from './types.js'
import { isSealed } from './seal.js'
import { loadChunk } from '../lib/load-chunk.js'

/**
 * Reads the config (an object, or a response on its way) and accepts it as it is when its seal
 * (`npx journeykit build`, config/seal.ts) matches, unless `full`. Any other config goes
 * through the validator, a chunk of its own (validate/check.ts): warnings for unknown keys, one
 * console.error per problem (contract §4), and null when refused. A config that cannot be read
 * is one console.error and null.
 */
export async function acceptConfig(source: Config | Promise<Response>, full = false): Promise<Config | null> {
  // Read the way a chunk is loaded: a failure is reported with its consequence, and is null.
  const read = await loadChunk('config', async () => [source instanceof Promise ? await readJson(await source) : source] as const)
  if (!read) return null
  const [data] = read
  const config = data as Config | null
  if (config?.segments || config?.journeys) {
    // The journeys runtime (contract §8) downloads now, with the pacing chunk it imports whole,
    // so that starting it later costs no round of its own.
    void import('../chunks/journeys.js').catch(() => undefined)
    void import('../chunks/pacing.js').catch(() => undefined)
  }
  if (!full && isSealed(data)) return config
  const check = await loadChunk('config-check', () => import('../chunks/config-check.js'))
  return check ? check.checkConfig(data) : null
}

async function readJson(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${response.url}`)
  return response.json().catch((err: Error) => {
    throw new Error(`${response.url}: ${err.message}`)
  })
}
