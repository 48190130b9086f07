import { reportError } from './log.js'

/** The lazy chunks: each is src/chunks/<name>.ts, built to dist/<name>.js. */
export type ChunkName =
  | 'actions'
  | 'after-ready'
  | 'config-check'
  | 'config-messages'
  | 'consent'
  | 'debug'
  | 'delivery'
  | 'journeys'
  | 'init-again'
  | 'journeys-check'
  | 'pacing'
  | 'preview'
  | 'push'
  | 'regex'
  | 'triggers'
  | 'ui'

/**
 * Imports the lazy chunk `name` (`load` is `() => import('../chunks/<name>.js')`, the same
 * name: lib/load-chunk.test.ts holds every call to it); on failure (offline, 404, CSP)
 * reports it under that name (`journeykit.journeys: Failed to fetch dynamically imported
 * module: …/journeys.js`) and resolves to null, so the caller turns that feature off instead of
 * running it half-way. What each chunk's absence means is the README's table, not text every
 * page downloads. `config` is the config's own download, read the same way.
 */
export function loadChunk<T>(name: ChunkName | 'config', load: () => Promise<T>): Promise<T | null> {
  return load().catch((err) => {
    reportError(name, err)
    return null
  })
}
