// The journeykit benchmark: the built SDK in dist/ (run `npm run build` first, or use
// `npm run bench`), in headless Chromium at 4× CPU throttling, against a blank page in the
// same run. Prints tables and writes bench/results/latest.json. A benchmark, not a test:
// it exits 0 whatever the figures, and non-zero only when it cannot run at all.
//
//   BENCH_RUNS=7        timed runs per scenario (median, min, max)
//   BENCH_TRACE_RUNS=5  extra traced runs per scenario, of each kind: timeline only, and
//                       timeline + V8 CPU profile (script time attributable to journeykit)
//   BENCH_BUDGET_S=150  stop starting new runs after this many seconds
import { chromium } from 'playwright-core'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startStaticServer } from '../examples/static-server.mjs'
import { startCollector } from '../examples/collector/server.mjs'
import { ensureChromium } from '../scripts/find-chromium.mjs'
import { artifactSizes, gzipTotalOf, snapshotDist } from './bytes.mjs'
import { runOnce, CPU_THROTTLING, SETTLE_MS } from './scenarios.mjs'
import { KB, mark, num, spread, stats, table } from './report.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 7)
const TRACE_RUNS = Math.max(0, Number(process.env.BENCH_TRACE_RUNS ?? 5))
const BUDGET_MS = (Number(process.env.BENCH_BUDGET_S) || 150) * 1000
const started = Date.now()

if (!existsSync(join(root, 'dist', 'loader.js'))) {
  console.error('bench: dist/loader.js is missing; run `npm run build` first (or `npm run bench`).')
  process.exit(1)
}

// ── bytes ────────────────────────────────────────────────────────────────────
// Read once; the browser is served these very bytes (see snapshotDist).
const snapshot = snapshotDist(root)
const bytes = artifactSizes(snapshot)

// ── pages ────────────────────────────────────────────────────────────────────
const blank = '<!doctype html><title>blank</title><p>hello</p>'
const item = { x: { kind: 'focus', style: 'modal', title: 'Hi' } }
const configs = {
  b: { version: 1, items: item, rules: [{ id: 'r', on: 'page_view', if: { 'page.path': '/never' }, show: 'x' }] },
  c: { version: 1, items: item, rules: [{ id: 'r', on: 'page_view', if: { 'page.path': { $startsWith: '/' } }, show: 'x' }] },
}
const scenarios = [
  { key: 'A', name: 'blank page', path: '/bench/a.html', waitFor: 'load' },
  { key: 'B', name: 'tracking, no item', path: '/bench/b.html', waitFor: 'ready', config: 'b' },
  { key: 'C', name: 'item shown', path: '/bench/c.html', waitFor: 'item', config: 'c' },
]

const temp = mkdtempSync(join(tmpdir(), 'journeykit-bench-'))
const collector = await startCollector({ port: 0, file: join(temp, 'events.ndjson') })
const server = await startStaticServer({ root, port: 0 })
let browser
let version = '?'
const runs = Object.fromEntries(scenarios.map((s) => [s.key, []]))
const traces = Object.fromEntries(scenarios.map((s) => [s.key, { plain: [], profile: [] }]))
const failures = []
let skipped = 0

try {
  for (const [path, contents] of snapshot) server.setPage(path, { body: contents, type: 'text/javascript; charset=utf-8' })
  for (const s of scenarios) {
    let body = blank
    if (s.config) {
      server.setPage(`/bench/${s.config}.json`, { type: 'application/json; charset=utf-8', body: JSON.stringify(configs[s.config]) })
      body += `<script async src="/dist/loader.js" data-config="/bench/${s.config}.json" data-collector="${collector.batchUrl}"></script>`
    }
    server.setPage(s.path, { body })
  }

  browser = await chromium.launch({
    executablePath: await ensureChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run'],
  })
  version = browser.version()
  const attempt = async (s, { trace = false, keep = true } = {}) => {
    if (Date.now() - started > BUDGET_MS) return void skipped++
    try {
      const result = await runOnce(browser, { url: server.url + s.path, waitFor: s.waitFor, collector, trace })
      if (!keep) return
      if (trace) traces[s.key][trace].push(result)
      else runs[s.key].push(result)
    } catch (err) {
      failures.push(`${s.key}${trace ? ' (traced)' : ''}: ${err.message.split('\n')[0]}`)
    }
  }

  // One untimed run of each warms the browser, the server and the OS file cache.
  for (const s of scenarios) await attempt(s, { keep: false })
  // Scenarios interleaved round by round, so drift on a shared machine hits all alike.
  for (let i = 0; i < RUNS; i++) for (const s of scenarios) await attempt(s)
  for (let i = 0; i < TRACE_RUNS; i++) {
    for (const s of scenarios) for (const trace of ['plain', 'profile']) await attempt(s, { trace })
  }
} finally {
  await browser?.close().catch(() => {})
  await server.close().catch(() => {})
  await collector.close().catch(() => {})
  rmSync(temp, { recursive: true, force: true })
}

// ── figures ──────────────────────────────────────────────────────────────────
const summary = {}
for (const s of scenarios) {
  const list = runs[s.key]
  const pick = (field) => stats(list.map((r) => r[field]))
  const requestLists = list.map((r) => r.requests.map((q) => `${q.method} ${q.path}${q.where === 'page' ? '' : ' (collector)'}`))
  const variants = [...new Set(requestLists.map((l) => l.join(' | ')))]
  summary[s.key] = {
    name: s.name,
    runs: list.length,
    loadMs: pick('loadMs'),
    readyMs: pick('readyMs'),
    itemMs: pick('itemMs'),
    scriptMs: pick('scriptMs'),
    taskMs: pick('taskMs'),
    heapBytes: pick('heapBytes'),
    longTasks: pick('longTasks'),
    requests: stats(list.map((r) => r.requests.length)),
    // The most frequent request list, and how many runs differed from it.
    requestList: requestLists.length ? mode(requestLists.map((l) => l.join(' | '))).split(' | ').filter(Boolean) : [],
    requestListVariants: variants.length,
    readyTimeouts: list.filter((r) => !r.waited).length,
    itemShownRuns: list.filter((r) => r.itemShown).length,
    collectorPosts: stats(list.map((r) => r.collectorRequests.filter((c) => c.startsWith('POST')).length)),
    trace: {
      runs: traces[s.key].plain.length,
      profiledRuns: traces[s.key].profile.length,
      allMs: stats(traces[s.key].plain.map((r) => r.trace?.allMs)),
      urlMs: stats(traces[s.key].plain.map((r) => r.trace?.urlMs)),
      attributedMs: stats(traces[s.key].profile.map((r) => r.trace?.ms)),
      samplesMs: stats(traces[s.key].profile.map((r) => r.trace?.samplesMs)),
      profiled: traces[s.key].profile.every((r) => r.trace?.profiled),
    },
  }
}
function mode(values) {
  const counts = new Map()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0][0]
}
const minus = (a, b) => (a === null || b === null ? null : a - b)
for (const key of ['B', 'C']) {
  summary[key].journeykitScriptMs = minus(summary[key].scriptMs.median, summary.A.scriptMs.median)
  summary[key].heapGrowthBytes = minus(summary[key].heapBytes.median, summary.A.heapBytes.median)
  summary[key].trace.deltaMs = minus(summary[key].trace.allMs.median, summary.A.trace.allMs.median)
}
summary.A.trace.deltaMs = 0
summary.A.journeykitScriptMs = 0
summary.A.heapGrowthBytes = 0

// JS the page actually fetched from the static server, from the browser's request log.
const fetchedJs = (key) => gzipTotalOf(root, runs[key].flatMap((r) => r.requests.filter((q) => q.where === 'page').map((q) => q.path)), snapshot)
const pages = { noItem: fetchedJs('B'), withItem: fetchedJs('C') }
const loader = bytes.find((b) => b.file === 'dist/loader.js')

// The script-time target is read on the traced "all script events − blank" figure when
// there is one: it counts microtasks (most of journeykit's code runs in promise
// continuations), which CDP's ScriptDuration leaves out, and has no profiler overhead.
// Failing that, the profile-attributed figure, then the CDP difference.
const scriptFor = (key) => summary[key].trace.deltaMs ?? summary[key].trace.attributedMs.median ?? summary[key].journeykitScriptMs
const targets = [
  { what: 'loader gzip', limit: '≤ 0.7 KB', value: `${loader?.gzip ?? '—'} B`, ok: loader ? loader.gzip <= 0.7 * KB : null },
  { what: 'no-item page loads (gzip)', limit: '≤ 7 KB', value: `${pages.noItem.gzip} B`, ok: pages.noItem.files.length ? pages.noItem.gzip <= 7 * KB : null },
  ...['B', 'C'].flatMap((key) => [
    { what: `${key}: journeykit script time`, limit: '< 20 ms', value: `${num(scriptFor(key))} ms`, ok: scriptFor(key) === null ? null : scriptFor(key) < 20 },
    { what: `${key}: heap growth`, limit: '≤ 150 KB', value: `${num(summary[key].heapGrowthBytes / KB)} KB`, ok: summary[key].heapGrowthBytes === null ? null : summary[key].heapGrowthBytes <= 150 * KB },
    { what: `${key}: long tasks (median)`, limit: '0', value: `${num(summary[key].longTasks.median, 0)} (max ${num(summary[key].longTasks.max, 0)})`, ok: summary[key].longTasks.median === null ? null : summary[key].longTasks.median === 0 },
  ]),
]

// ── output ───────────────────────────────────────────────────────────────────
const out = []
const say = (text = '') => out.push(text)
say(`journeykit bench — Chromium ${version}, headless, ${CPU_THROTTLING}× CPU throttling, ${RUNS} runs per scenario (+${TRACE_RUNS} traced), settle ${SETTLE_MS} ms`)
say()
say('bytes (KB = 1024 B)')
say(table(['artifact', 'raw B', 'gzip B', 'brotli B'], bytes.map((b) => [b.file, b.raw, b.gzip, b.brotli])))
say()
say(`no-item page loads:    ${pages.noItem.gzip} B gzip  (${pages.noItem.files.map((f) => f.path.replace(/^\/dist\//, '')).join(' + ') || 'no JS requested?'})`)
say(`with an item shown:    ${pages.withItem.gzip} B gzip  (${pages.withItem.files.map((f) => f.path.replace(/^\/dist\//, '')).join(' + ') || 'no JS requested?'})`)
say()
say(`scenarios (median (min–max) of ${RUNS}, ${CPU_THROTTLING}× CPU; times from navigation start)`)
say(
  table(
    ['scenario', 'load ms', 'ready ms', 'item ms', 'script ms', 'jk script ms', 'task ms', 'long tasks', 'heap KB', 'heap Δ KB', 'requests'],
    scenarios.map(({ key }) => {
      const s = summary[key]
      return [
        `${key} ${s.name}`,
        spread(s.loadMs, 0),
        spread(s.readyMs, 0),
        spread(s.itemMs, 0),
        spread(s.scriptMs),
        num(s.journeykitScriptMs),
        spread(s.taskMs, 0),
        spread(s.longTasks, 0),
        num(s.heapBytes.median / KB),
        num(s.heapGrowthBytes / KB),
        spread(s.requests, 0),
      ]
    }),
  ),
)
say('  script ms = CDP Performance ScriptDuration; jk script ms = scenario − blank (medians);')
say('  heap = JSHeapUsedSize after a forced GC; requests = what the page asked for (Playwright).')
say()
say(`main-thread script time from traces (median (min–max) of ${TRACE_RUNS} traced runs of each kind, ${CPU_THROTTLING}× CPU)`)
say(
  table(
    ['scenario', 'all script ms', 'jk: Δ blank', 'jk: url-named', 'jk: profiled', 'jk: samples'],
    scenarios.map(({ key }) => {
      const t = summary[key].trace
      return [`${key} ${summary[key].name}`, spread(t.allMs), num(t.deltaMs), spread(t.urlMs), spread(t.attributedMs), spread(t.samplesMs)]
    }),
  ),
)
say('  all script = union of script events (incl. microtasks) on the main thread; jk = journeykit:')
say('  Δ blank = all script − blank page (the figure the target reads); url-named = events naming a')
say('  /dist/ script (misses microtasks: a lower bound); profiled/samples = attributed by V8 CPU-profile')
say('  stacks in separate runs with the profiler on (which slows them down: an upper bound).')
say()
say('requests (most frequent list per scenario)')
for (const { key } of scenarios) {
  const s = summary[key]
  const varied = s.requestListVariants > 1 ? `  [${s.requestListVariants} different lists across runs]` : ''
  say(`  ${key}: ${s.requestList.join(', ') || '—'}${varied}`)
}
say()
say('targets (informational)')
say(table(['', 'target', 'measured', ''], targets.map((t) => [t.what, t.limit, t.value, mark(t.ok)]), 'lrrl'))

// Sanity checks: say when a figure cannot mean what its label says.
const notes = []
if (summary.B.itemShownRuns) notes.push(`B showed an item in ${summary.B.itemShownRuns} run(s); it should show none`)
if (summary.C.itemShownRuns < summary.C.runs) notes.push(`C showed no item in ${summary.C.runs - summary.C.itemShownRuns} run(s)`)
for (const key of ['B', 'C']) {
  if (summary[key].readyTimeouts) notes.push(`${key}: ready (or the item) did not come in ${summary[key].readyTimeouts} run(s)`)
  if (!summary[key].collectorPosts.max) notes.push(`${key}: no batch reached the collector`)
  if (summary[key].trace.profiledRuns && !summary[key].trace.profiled) notes.push(`${key}: a profiled trace held no CPU profile`)
}
const blankAttributed = Math.max(summary.A.trace.attributedMs.max ?? 0, summary.A.trace.urlMs.max ?? 0)
if (blankAttributed) notes.push(`the blank page was attributed ${num(blankAttributed)} ms of journeykit script time (expected 0)`)
for (const key of Object.keys(runs)) if (runs[key].length < RUNS) notes.push(`${key}: ${runs[key].length} of ${RUNS} runs completed`)
if (skipped) notes.push(`${skipped} run(s) skipped: over the ${BUDGET_MS / 1000} s budget`)
for (const failure of failures) notes.push(`run failed: ${failure}`)
if (notes.length) {
  say()
  say('notes')
  for (const note of notes) say(`  - ${note}`)
}
say()
say(`took ${((Date.now() - started) / 1000).toFixed(0)} s`)
console.log(out.join('\n'))

const resultsDir = join(root, 'bench', 'results')
mkdirSync(resultsDir, { recursive: true })
const perRun = (list) => list.map(({ requests, ...rest }) => ({ ...rest, requests: requests.map((q) => `${q.method} ${q.path}${q.where === 'page' ? '' : ' (collector)'}`) }))
writeFileSync(
  join(resultsDir, 'latest.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      chromium: version,
      node: process.version,
      cpuThrottling: CPU_THROTTLING,
      runsPerScenario: RUNS,
      tracedRunsPerScenario: TRACE_RUNS,
      settleMs: SETTLE_MS,
      kb: KB,
      bytes,
      pages,
      scenarios: summary,
      targets,
      notes,
      runs: Object.fromEntries(Object.entries(runs).map(([key, list]) => [key, perRun(list)])),
      tracedRuns: Object.fromEntries(Object.entries(traces).map(([key, kinds]) => [key, { plain: perRun(kinds.plain), profile: perRun(kinds.profile) }])),
    },
    null,
    2,
  ) + '\n',
)
