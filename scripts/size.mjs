/** `npm run test:size`: checks every budget of size-limit.json; fails when one is exceeded. */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { buildAppWithRollup } from './app-bundle-rollup.mjs'
import { buildSites } from './site-budgets.mjs'

// The Vite-shaped app bundle a budget measures (the esbuild one is built by size-limit itself).
await buildAppWithRollup()
await buildSites()

const run = spawnSync('npx', ['size-limit', '--config', 'size-limit.json', '--json'], { encoding: 'utf8' })
let results
try {
  results = JSON.parse(run.stdout.slice(run.stdout.indexOf('[')))
} catch {
  console.error(run.stdout, run.stderr)
  process.exit(1)
}
const budgets = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync('size-limit.json', 'utf8')))
// size-limit reads "8 KB" as 8,000 bytes: show sizes in the same unit as the budgets.
const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`
const rows = results.map((result, i) => {
  const limit = budgets[i].limit
  return { name: result.name, size: result.size, limit, passed: result.passed }
})
for (const row of rows) {
  console.log(`${row.passed ? '✓' : '✗'} ${row.name.padEnd(90)} ${kb(row.size).padStart(10)} of ${row.limit}`)
}
mkdirSync('.reports', { recursive: true })
writeFileSync('.reports/size.json', JSON.stringify(rows, null, 2))
const failed = rows.filter((row) => !row.passed).length
console.log(`size: ${rows.length - failed} within budget, ${failed} over`)
process.exit(failed ? 1 : 0)
