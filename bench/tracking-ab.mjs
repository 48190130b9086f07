// An A/B of scenario D's phone page (touch bursts) and of D's start-up (the triggers chunk's
// task), between this checkout's dist/ and another build's (`AB_BASE`, a folder holding a
// dist/, default /tmp/base), rounds interleaved in one browser: on a shared machine two
// `npm run bench` runs differ by more than most changes, one run of both builds does not.
// Not part of `npm run bench`.
//
//   npm run build && AB_BASE=/tmp/base AB_RUNS=5 AB_EVENTS=500 node bench/tracking-ab.mjs
//   AB_PARTS=startup (or touch, scroll, pointer; comma-separated; default startup,touch)
import { chromium } from 'playwright-core'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStaticServer } from '../examples/static-server.mjs'
import { startCollector } from '../examples/collector/server.mjs'
import { ensureChromium } from '../scripts/find-chromium.mjs'
import { snapshotDist } from './bytes.mjs'
import { runOnce } from './scenarios.mjs'
import { burstRun, trackingConfig } from './tracking.mjs'
import { triggersTiming } from './tracking-trace.mjs'

const root = process.cwd()
const base = process.env.AB_BASE ?? '/tmp/base'
const RUNS = Number(process.env.AB_RUNS ?? 5)
const EVENTS = Number(process.env.AB_EVENTS ?? 500)
const PARTS = (process.env.AB_PARTS ?? 'startup,touch').split(',')

const temp = mkdtempSync(join(tmpdir(), 'jk-tab-'))
const collector = await startCollector({ port: 0, file: join(temp, 'events.ndjson') })
const server = await startStaticServer({ root, port: 0 })
const script = (body) => ({ body, type: 'text/javascript; charset=utf-8' })
for (const [path, contents] of snapshotDist(root)) server.setPage(path, script(contents))
for (const [path, contents] of snapshotDist(base)) server.setPage(`/base${path}`, script(contents))
const { sealConfig } = await import('../dist/cli.js')
server.setPage('/bench/d.json', { type: 'application/json; charset=utf-8', body: JSON.stringify(sealConfig(trackingConfig)) })
// The same markup as tracking.mjs: 250 sections of 80 px.
const tall = (head = '') =>
  `<!doctype html><title>tall</title>${head}<style>section{height:80px;box-sizing:border-box;border-bottom:1px solid #ddd}</style><main>` +
  Array.from({ length: 250 }, (_, i) => `<section>Section ${i + 1}</section>`).join('') +
  '</main>'
const phoneHead = '<meta name="viewport" content="width=device-width,initial-scale=1">'
const tag = (dist) => `<script async src="${dist}/loader.js" data-config="/bench/d.json" data-collector="${collector.batchUrl}"></script>`
for (const [name, head, body] of [
  ['now', '', tag('/dist')],
  ['base', '', tag('/base/dist')],
  ['blank', '', ''],
  ['phone-now', phoneHead, tag('/dist')],
  ['phone-base', phoneHead, tag('/base/dist')],
  ['phone-blank', phoneHead, ''],
])
  server.setPage(`/bench/${name}.html`, { body: tall(head) + body })

const browser = await chromium.launch({
  executablePath: await ensureChromium(),
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run'],
})
const out = {}
const push = (key, value) => (out[key] ??= []).push(value)
const url = (name) => `${server.url}/bench/${name}.html`
for (let r = -1; r < RUNS; r++) {
  const order = r % 2 ? ['now', 'base'] : ['base', 'now']
  if (PARTS.includes('startup'))
    for (const k of order) {
      const x = await runOnce(browser, {
        url: url(k),
        waitFor: 'ready',
        collector,
        trace: 'plain',
        categories: ['blink.user_timing'],
        analyze: (trace, u) => triggersTiming(trace, u),
      })
      if (r >= 0) push(`startup ${k}`, x.extra?.startMs ?? NaN)
    }
  for (const kind of ['touch', 'scroll', 'pointer'].filter((p) => PARTS.includes(p))) {
    const p = kind === 'touch' ? 'phone-' : ''
    for (const k of [...order, 'blank']) {
      const x = await burstRun(browser, { url: url(p + k), waitFor: k === 'blank' ? 'load' : 'ready', kind, events: EVENTS, collector })
      const per = 1000 / (kind === 'pointer' ? x.fired.pointermove : x.fired.scroll)
      if (r >= 0) push(`${kind} ${k}`, { all: x.allMs * per, url: x.urlMs * per, scroll: x.fired.scroll, tracked: x.tracked.join(' ') })
    }
  }
  if (r >= 0) console.error(`round ${r + 1}/${RUNS} done`)
}
const med = (a) => {
  const s = [...a].filter((v) => Number.isFinite(v)).sort((x, y) => x - y)
  return s.length ? s[Math.floor(s.length / 2)] : NaN
}
const f = (v) => v.toFixed(1)
for (const [key, values] of Object.entries(out)) {
  if (key.startsWith('startup')) {
    console.log(`${key.padEnd(14)} median ${f(med(values))} ms  (${values.map(f).join(', ')})`)
    continue
  }
  const [kind, k] = key.split(' ')
  const blank = out[`${kind} blank`]
  const line = `${key.padEnd(14)} all ${f(med(values.map((v) => v.all)))}  url-named ${f(med(values.map((v) => v.url)))}`
  const delta =
    k === 'blank'
      ? ''
      : `  Δ blank per round ${values.map((v, i) => f(v.all - blank[i].all)).join(', ')} → median ${f(med(values.map((v, i) => v.all - blank[i].all)))}`
  console.log(line + delta + `  [${values.map((v) => v.scroll).join(',')} scrolls; tracked ${values[0]?.tracked}]`)
}
await browser.close()
await server.close?.()
await collector.close?.()
process.exit(0)
