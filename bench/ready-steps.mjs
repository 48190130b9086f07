// Where the time to `journeykit.ready` goes, on scenario B's page alone (the blank page, the
// loader tag, a sealed config with one rule that shows nothing), at 4× CPU throttling: a
// cheap look at the start-up path between two full `npm run bench` runs. Not a test, and not
// part of `npm run bench`.
//
//   npm run build && node bench/ready-steps.mjs
//   STEPS_RUNS=9       runs of each page (median, min, max)
//   STEPS_PLAIN=0      leave out the uninstrumented B rows (a quicker before/after)
//   STEPS_RETURNING=1  also time a returning visit (a second load in the same context)
//   STEPS_BASE=/tmp/x  also time the build in /tmp/x/dist (another commit's `npm run build`),
//                      in the same rounds: a before/after on one machine (several: /tmp/x,/tmp/y)
//
// Rounds interleave the pages, each in a fresh browser context: the empty async script (the
// floor, P0 of peers.mjs), B with only "loader ran" and "ready" marked (the figure to compare:
// ready − loader ran, the part journeykit owns), and B with the steps instrumented. That
// instrumentation wraps fetch, indexedDB.open, IDB transactions and Web Locks to time them,
// which costs a little: compare the two B rows' ready − loader ran. Each step is printed as
// the median over runs of its time after "loader ran" in the same run (a busy machine moves
// the whole page; this moves less), after the median page time of "loader ran" and "ready".
import { chromium } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startStaticServer } from '../examples/static-server.mjs'
import { startCollector } from '../examples/collector/server.mjs'
import { ensureChromium } from '../scripts/find-chromium.mjs'
import { blank, serveNoItemPages } from './no-item-page.mjs'
import { probeScript } from './probe.mjs'
import { CPU_THROTTLING } from './scenarios.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const RUNS = Math.max(1, Math.floor(Number(process.env.STEPS_RUNS)) || 9)
const RETURNING = process.env.STEPS_RETURNING === '1'
const PLAIN = process.env.STEPS_PLAIN !== '0'
const BASES = (process.env.STEPS_BASE ?? '').split(',').filter(Boolean)

// Runs after probeScript: times "loader ran", "runtime built" and "ready" in page time
// (performance.now()) into __jkSteps; every B row has it.
const marksScript = `(() => {
  const steps = (window.__jkSteps = {})
  const mark = (name) => { if (!(name in steps)) steps[name] = performance.now() }
  const seen = Object.getOwnPropertyDescriptor(window, 'journeykit')
  Object.defineProperty(window, 'journeykit', {
    configurable: true, enumerable: true,
    get: seen.get,
    set(next) {
      mark(Array.isArray(next) ? 'loader ran' : 'core evaluated, runtime built')
      seen.set(next)
      if (next && next.ready && typeof next.ready.then === 'function') next.ready.then(() => mark('ready'))
    },
  })
})()`
// Runs after marksScript on the instrumented rows: times the steps between.
const stepsScript = `(() => {
  const steps = window.__jkSteps
  const mark = (name) => { if (!(name in steps)) steps[name] = performance.now() }
  const fetch0 = window.fetch
  window.fetch = function (input, init) {
    const url = String(input && input.url || input)
    const config = /\\.json($|\\?)/.test(url)
    if (config) mark('config fetch called')
    const response = fetch0.apply(this, arguments)
    if (config) response.then(() => mark('config headers'), () => 0)
    return response
  }
  const text0 = Response.prototype.text
  Response.prototype.text = function () {
    const body = text0.apply(this, arguments)
    if (/\\.json($|\\?)/.test(this.url)) body.then(() => mark('config body read'), () => 0)
    return body
  }
  const open0 = IDBFactory.prototype.open
  let opens = 0
  IDBFactory.prototype.open = function (name) {
    const step = 'idb open ' + ++opens + ' (' + name + ')'
    mark(step + ' called')
    const request = open0.apply(this, arguments)
    request.addEventListener('upgradeneeded', () => mark(step + ' upgrade'))
    request.addEventListener('success', () => mark(step + ' done'))
    return request
  }
  let transactions = 0
  const transaction0 = IDBDatabase.prototype.transaction
  IDBDatabase.prototype.transaction = function (stores, mode) {
    const tx = transaction0.apply(this, arguments)
    const n = ++transactions
    const name = 'idb tx ' + n + ' ' + (mode || 'readonly')
    mark(name + ' start')
    tx.addEventListener('complete', () => mark(name + ' done'))
    return tx
  }
  if (navigator.locks) {
    let locks = 0
    const request0 = navigator.locks.request
    navigator.locks.request = function (name, options, run) {
      const n = ++locks
      mark('lock ' + n + ' requested')
      const callback = typeof options === 'function' ? options : run
      const wrapped = (lock) => { mark('lock ' + n + ' held'); return callback(lock) }
      return typeof options === 'function' ? request0.call(this, name, wrapped) : request0.call(this, name, options, wrapped)
    }
  }
})()`

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const temp = mkdtempSync(join(tmpdir(), 'journeykit-steps-'))
let server, collector, browser
try {
  collector = await startCollector({ port: 0, file: join(temp, 'events.ndjson') })
  server = await startStaticServer({ root, port: 0 })
  await serveNoItemPages(server, collector, root, BASES)
  server.setPage('/bench/peers/empty.js', { body: '', type: 'text/javascript; charset=utf-8' })
  server.setPage('/bench/p0.html', { body: blank + `<script async src="/bench/peers/empty.js" onload="window.__jkBench.peerReady()"></script>` })

  browser = await chromium.launch({
    executablePath: await ensureChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })

  const once = async (path, steps, returning = false) => {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      await page.addInitScript(probeScript)
      if (path !== '/bench/p0.html') await page.addInitScript(marksScript)
      if (steps) await page.addInitScript(stepsScript)
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING })
      const load = async () => {
        await page.goto(server.url + path, { waitUntil: 'load' })
        return page.evaluate(async () => {
          const ready = await Promise.race([window.__jkBench.ready, new Promise((done) => setTimeout(() => done(null), 20000))])
          await new Promise((done) => setTimeout(done, 50))
          const resources = {}
          for (const entry of performance.getEntriesByType('resource')) {
            const name = new URL(entry.name).pathname.split('/').pop()
            resources[`${name} requested`] = entry.startTime
            resources[`${name} received`] = entry.responseEnd
          }
          return { ready, steps: { ...resources, ...(window.__jkSteps ?? {}) } }
        })
      }
      if (returning) await load()
      return await load()
    } finally {
      await context.close().catch(() => {})
    }
  }

  const kinds = [
    { key: 'P0 empty async script', path: '/bench/p0.html' },
    ...(PLAIN ? [{ key: 'B ready', path: '/bench/b.html' }] : []),
    { key: 'B steps', path: '/bench/b.html', steps: true },
    ...(RETURNING ? [{ key: 'B steps, returning visit', path: '/bench/b.html', steps: true, returning: true }] : []),
    ...BASES.flatMap((base, i) => [
      ...(PLAIN ? [{ key: `${base}: B ready`, path: `/bench/b-base${i}.html` }] : []),
      { key: `${base}: B steps`, path: `/bench/b-base${i}.html`, steps: true },
      ...(RETURNING ? [{ key: `${base}: B steps, returning visit`, path: `/bench/b-base${i}.html`, steps: true, returning: true }] : []),
    ]),
  ]
  const results = Object.fromEntries(kinds.map((k) => [k.key, []]))
  for (const k of kinds) await once(k.path, k.steps, k.returning) // warm-up
  for (let i = 0; i < RUNS; i++) for (const k of kinds) results[k.key].push(await once(k.path, k.steps, k.returning))

  for (const k of kinds) {
    const runs = results[k.key].filter((r) => r.ready !== null)
    const ready = runs.map((r) => r.ready)
    console.log(
      `\n${k.key}: ready median ${median(ready).toFixed(0)} ms (min ${Math.min(...ready).toFixed(0)}, max ${Math.max(...ready).toFixed(0)}; ${runs.length} runs)`,
    )
    const span = median(runs.map((r) => r.steps.ready - r.steps['loader ran'])).toFixed(0)
    if (k.path !== '/bench/p0.html') console.log(`  ready − loader ran: median ${span} ms`)
    if (!k.steps) continue
    const names = [...new Set(runs.flatMap((r) => Object.keys(r.steps)))]
    const rows = names
      .map((name) => ({ name, times: runs.filter((r) => name in r.steps).map((r) => r.steps[name] - r.steps['loader ran']) }))
      .map((row) => ({ ...row, at: median(row.times) }))
      .sort((a, b) => a.at - b.at)
    const at = (name) => median(runs.map((r) => r.steps[name])).toFixed(0)
    console.log(`  page time (median): loader ran ${at('loader ran')} ms, ready ${at('ready')} ms. Each step after "loader ran":`)
    let before = 0
    for (const row of rows) {
      const missing = row.times.length < runs.length ? `  (in ${row.times.length} of ${runs.length} runs)` : ''
      const step = row.at - before
      console.log(`  ${row.at.toFixed(0).padStart(5)} ms  ${(step < 0 ? '-' : '+') + Math.abs(step).toFixed(0).padStart(4)}  ${row.name}${missing}`)
      before = row.at
    }
  }
} finally {
  await browser?.close().catch(() => {})
  await server?.close().catch(() => {})
  await collector?.close().catch(() => {})
  rmSync(temp, { recursive: true, force: true })
}
