import type { Config, ConfigSource } from './types.js'
import { acceptConfig } from './accept.js'

/**
 * Loads the config and accepts it: null when it cannot be loaded or is refused (every problem
 * reported with its JSON path); the runtime then tracks without showing anything. A config
 * sealed by `npx journeykit build` is used as it is; any other, and every config in debug mode
 * (`full`), is validated by the lazy validator chunk first (config/accept.ts).
 */
export async function loadConfig(source: ConfigSource | undefined, baseUrl: string, full = false): Promise<Config | null> {
  if (source === undefined) return null
  const download = typeof source === 'string' ? fetch(new URL(source, baseUrl).href, { credentials: 'omit' }) : source
  return acceptConfig(download, full)
}
