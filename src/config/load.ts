import type { Config } from './types.js'
import { loadChunk } from '../lib/load-chunk.js'

/** What `init` and the loader accept as a config: the object, its URL, or a fetch in flight. */
export type ConfigSource = Config | string | Promise<Response>

/**
 * Loads and validates the config: null when it cannot be loaded or is refused (every
 * problem reported with its JSON path); the runtime then tracks without showing anything.
 * The download starts at once; reading and checking it is the config chunk's work, fetched
 * meanwhile (it is much of the runtime's bytes, and a collector-only page never needs it).
 */
export async function loadConfig(source: ConfigSource | undefined, baseUrl: string): Promise<Config | null> {
  if (source === undefined) return null
  const download = typeof source === 'string' ? fetch(new URL(source, baseUrl).href, { credentials: 'omit' }) : source
  if (download instanceof Promise) download.catch(() => undefined) // reported once the chunk is here
  const chunk = await loadChunk('config', 'nothing will be shown', () => import('./accept.js'))
  return chunk ? chunk.acceptConfig(download) : null
}
