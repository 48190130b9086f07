import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Site } from './fixtures.js'
// @ts-expect-error plain .mjs example without types
import { buildStoreSite, configFor, siteUrl } from '../store/serve.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The demo store as `npm start` publishes it: its journeykit.json built with `journeykit build
 * --site` (sending to this test's collector, after `edit`), the folder served where the store's
 * pages put their one tag. The pages themselves come from examples/store/ as written.
 */
export async function serveStoreSite(site: Site, edit?: (config: any) => void): Promise<void> {
  const config = JSON.parse(configFor(readFileSync(join(root, 'examples/store/journeykit.json'), 'utf8'), site.collector.batchUrl))
  edit?.(config)
  const dir = mkdtempSync(join(tmpdir(), 'jk-store-site-'))
  const { ok, output, files } = await buildStoreSite({ root, text: JSON.stringify(config), dir })
  if (!ok) throw new Error(`journeykit build --site refused the store's config:\n${output}`)
  for (const name of files as string[]) {
    const cache = name === 'journeykit.js' || name === 'journeykit-sw.js' ? 'no-cache' : 'public, max-age=31536000, immutable'
    site.setPage(`${siteUrl}${name}`, {
      type: 'text/javascript; charset=utf-8',
      headers: { 'Cache-Control': cache },
      body: readFileSync(join(dir, name), 'utf8'),
    })
  }
}
