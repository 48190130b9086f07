// Issue 27's rows beside the peers: the common config (one page-view rule that tracks, and an
// item no rule shows), published two ways, each on the same kind of page as scenario B and the
// peers (the blank page plus one tag):
//
// - J1, through the script tag: the loader, with `data-config` naming the config, sealed by
//   `journeykit build` (the loader fetches it beside the start chunk; the rule's tracking brings
//   the actions chunk before ready);
// - J2, as a built site: `journeykit build journeykit.json --site DIR`, run here through the
//   real command line (runCli from dist/cli.js), its folder served under /bench/site/, and the
//   page's one tag naming DIR/journeykit.js.
//
// Both configs name the collector (`collector.url`), so neither tag carries more than its
// `src` (and J1's `data-config`).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The common config: one page-view rule that tracks, and an item no rule shows. */
export const commonConfig = (batchUrl) => ({
  version: 1,
  collector: { url: batchUrl },
  items: { x: { kind: 'focus', style: 'modal', title: 'Hi' } },
  rules: [{ id: 'seen', on: 'page_view', track: 'page_seen' }],
})

/**
 * The built site's folder for `config`, made by `journeykit build <file> --site site` from
 * dist/: a Map from URL path (`/bench/site/journeykit.js`) to contents, read once like dist/.
 * Throws with the command's output when the build fails.
 */
export function buildSite(root, runCli, config) {
  const files = new Map()
  const { code, output } = runCli(
    ['build', 'bench-site.json', '--site', 'site'],
    (path) => (path === 'bench-site.json' ? JSON.stringify(config) : readFileSync(path, 'utf8')),
    (path, text) => files.set(`/bench/${path}`, Buffer.from(text)),
    undefined,
    join(root, 'dist'),
  )
  if (code !== 0) throw new Error(`journeykit build --site: ${output}`)
  return files
}

/** Serves J1's and J2's pages; returns their scenarios, run in the peers' rounds. */
export function sitePages(server, { blank, seal, collector, site }) {
  const config = commonConfig(collector.batchUrl)
  for (const [path, contents] of site) server.setPage(path, { body: contents, type: 'text/javascript; charset=utf-8' })
  server.setPage('/bench/j1.json', { type: 'application/json; charset=utf-8', body: JSON.stringify(seal(config)) })
  const rows = [
    {
      key: 'J1',
      name: 'journeykit, common config, script tag',
      ready: 'journeykit.ready resolved (loader + data-config, sealed)',
      body: '<script async src="/dist/loader.js" data-config="/bench/j1.json"></script>',
    },
    {
      key: 'J2',
      name: 'journeykit, common config, built site',
      ready: 'journeykit.ready resolved (build --site: one tag, the config inside journeykit.js)',
      body: '<script async src="/bench/site/journeykit.js"></script>',
    },
  ]
  return rows.map(({ key, name, ready, body }) => {
    const path = `/bench/${key.toLowerCase()}.html`
    server.setPage(path, { body: blank + body })
    return { key, name, ready, path, waitFor: 'ready', journeykit: true }
  })
}
