import { describe, reportError } from './log.js'

/**
 * Imports a lazy chunk; on failure (offline, 404, CSP) reports what will not work and
 * resolves to null, so the caller turns that feature off instead of running it half-way.
 */
export function loadChunk<T>(where: string, consequence: string, load: () => Promise<T>): Promise<T | null> {
  return load().catch((err) => {
    reportError(where, `${describe(err)}: ${consequence}`)
    return null
  })
}
