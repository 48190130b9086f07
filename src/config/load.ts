import type { Config } from './types.js'
import { acceptConfig } from './accept.js'

/** What `init` and the loader accept as a config: the object, its URL, or a fetch in flight. */
export type ConfigSource = Config | string | Promise<Response>

/**
 * Loads and validates the config: null when it cannot be loaded or is refused (every
 * problem reported with its JSON path); the runtime then tracks without showing anything.
 * The validator is part of the start chunk: every page with a config needs it before
 * anything can be decided, and a chunk of its own cost a network round before `ready`.
 */
export async function loadConfig(source: ConfigSource | undefined, baseUrl: string): Promise<Config | null> {
  if (source === undefined) return null
  const download = typeof source === 'string' ? fetch(new URL(source, baseUrl).href, { credentials: 'omit' }) : source
  return acceptConfig(download)
}
