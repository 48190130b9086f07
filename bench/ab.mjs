// An A/B of scenario B's page (the no-item page with a sealed config) between this checkout's
// dist/ and another commit's, in the same browser, rounds interleaved (blank, this, that), with
// the bench's own runOnce: ready, CDP ScriptDuration and TaskDuration, JS heap after GC, each
// as a median and minus the blank page. For a before/after on one machine, where two
// `npm run bench` runs differ by more than the change. Not part of `npm run bench`.
//
//   git worktree add /tmp/base <commit> && (cd /tmp/base && npm ci && npm run build)
//   npm run build && AB_BASE=/tmp/base AB_RUNS=15 node bench/ab.mjs
import { chromium } from 'playwright-core'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStaticServer } from '../examples/static-server.mjs'
import { startCollector } from '../examples/collector/server.mjs'
import { blank, serveNoItemPages } from './no-item-page.mjs'
import { runOnce } from './scenarios.mjs'
import { ensureChromium } from '../scripts/find-chromium.mjs'
const root = process.cwd(),
  base = process.env.AB_BASE ?? '/tmp/base',
  RUNS = Number(process.env.AB_RUNS ?? 11)
const temp = mkdtempSync(join(tmpdir(), 'jk-ab-'))
const collector = await startCollector({ port: 0, file: join(temp, 'events.ndjson') })
const server = await startStaticServer({ root, port: 0 })
await serveNoItemPages(server, collector, root, [base])
server.setPage('/bench/a.html', { body: blank })
const pages = [
  ['blank', '/bench/a.html', 'load'],
  ['now', '/bench/b.html', 'ready'],
  ['base', '/bench/b-base0.html', 'ready'],
]
const browser = await chromium.launch({
  executablePath: await ensureChromium(),
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
})
const runs = Object.fromEntries(pages.map(([k]) => [k, []]))
for (let r = -1; r < RUNS; r++)
  for (const [k, path, waitFor] of pages) {
    const x = await runOnce(browser, { url: server.url + path, waitFor, collector })
    if (r >= 0) runs[k].push(x)
  }
const med = (a) => {
  const s = [...a].sort((x, y) => x - y)
  return s[Math.floor(s.length / 2)]
}
const row = (k, f) => med(runs[k].map(f))
for (const [label, f] of [
  ['ready ms', (x) => x.readyMs ?? x.loadMs],
  ['script ms', (x) => x.scriptMs],
  ['task ms', (x) => x.taskMs],
  ['heap KB', (x) => x.heapBytes / 1024],
]) {
  const b = row('blank', f)
  console.log(
    `${label.padEnd(10)} blank ${b.toFixed(1).padStart(7)}   now ${row('now', f).toFixed(1).padStart(7)} (Δ ${(row('now', f) - b).toFixed(1)})   base ${row('base', f).toFixed(1).padStart(7)} (Δ ${(row('base', f) - b).toFixed(1)})`,
  )
}
await browser.close()
await server.close?.()
await collector.close?.()
process.exit(0)
