import { reportError } from './log.js'

/**
 * Imports a lazy chunk; on failure (offline, 404, CSP) reports it under the feature it serves
 * (`journeykit.journeys: Failed to fetch dynamically imported module: …/journeys.js`) and
 * resolves to null, so the caller turns that feature off instead of running it half-way. What
 * each feature's absence means is the README's table, not text every page downloads.
 */
export function loadChunk<T>(feature: string, load: () => Promise<T>): Promise<T | null> {
  return load().catch((err) => {
    reportError(feature, err)
    return null
  })
}
