import type { Config } from './types.js'
import { reportError, reportWarning } from '../lib/log.js'
import { loadChunk } from '../lib/load-chunk.js'

/** What `init` and the loader accept as a config: the object, its URL, or a fetch in flight. */
export type ConfigSource = Config | string | Promise<Response>

/**
 * Loads and validates the config. Every problem is reported with its JSON path and the
 * config is refused whole (null); the runtime then tracks without showing anything.
 */
export async function loadConfig(source: ConfigSource | undefined, baseUrl: string): Promise<Config | null> {
  if (source === undefined) return null
  // The validator is a chunk of its own, fetched while the config downloads: it is much of
  // the runtime's bytes, and a collector-only page never needs it.
  const validator = loadChunk('config', 'nothing will be shown', () => import('./validate.js'))
  let data: unknown
  try {
    data = typeof source === 'object' && !(source instanceof Promise) ? source : await fetchJson(source, baseUrl)
  } catch (err) {
    reportError('config', `${err instanceof Error ? err.message : String(err)}: nothing will be shown`)
    return null
  }
  const chunk = await validator
  if (!chunk) return null
  const { problems, warnings } = chunk.validateConfig(data)
  warnings.forEach(({ path, message }) => reportWarning('config', `${path}: ${message}`))
  if (problems.length === 0) return data as Config
  problems.forEach(({ path, message }) => reportError('config', `${path}: ${message}`))
  // One console.error per problem (contract §4); the outcome is a warning, so it adds none.
  reportWarning('config', `${problems.length} problem(s): the config was refused, nothing will be shown`)
  return null
}

async function fetchJson(source: string | Promise<Response>, baseUrl: string): Promise<unknown> {
  const url = typeof source === 'string' ? new URL(source, baseUrl).href : ''
  const response = await (typeof source === 'string' ? fetch(url, { credentials: 'omit' }) : source)
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${response.url || url}`)
  const text = await response.text()
  try {
    return JSON.parse(text)
  } catch {
    throw new Error(`${response.url || url} is not valid JSON`)
  }
}
