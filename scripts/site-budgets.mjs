/**
 * The built sites two budgets measure (size-limit.json): `journeykit build --site` of the bench's
 * common config, a page-view rule that tracks (journeykit.js holds the actions chunk), and of one
 * whose rules do not act on the page view, into .reports/site-track/ and .reports/site-quiet/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const collector = { url: 'https://collect.example.com/v1/batch' }
export const siteConfigs = {
  'site-track': { version: 1, collector, rules: [{ id: 'seen', on: 'page_view', track: 'page_seen' }] },
  'site-quiet': { version: 1, collector, rules: [{ id: 'signed', on: 'signup', track: 'welcomed' }] },
}

export async function buildSites() {
  const { runCli } = await import('../dist/cli.js')
  const dist = fileURLToPath(new URL('../dist/', import.meta.url))
  for (const [name, config] of Object.entries(siteConfigs)) {
    const { code, output } = runCli(
      ['build', `${name}.json`, '--site', `.reports/${name}`],
      (path) => (path === `${name}.json` ? JSON.stringify(config) : readFileSync(path, 'utf8')),
      (path, text) => {
        mkdirSync(dirname(path), { recursive: true })
        writeFileSync(path, text)
      },
      undefined,
      dist,
    )
    if (code !== 0) throw new Error(`journeykit build --site for ${name}: ${output}`)
  }
}
