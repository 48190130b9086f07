// The journeykit benchmark: the built SDK in dist/ (run `npm run build` first, or use
// `npm run bench`), in headless Chromium at 4× CPU throttling, against a blank page in the
// same run. Prints tables and writes bench/results/latest.json. A benchmark, not a test:
// it exits 0 whatever the figures, and non-zero only when it cannot run at all.
//
//   BENCH_RUNS=7        timed runs per scenario (median, min, max)
//   BENCH_TRACE_RUNS=3  extra traced runs per scenario, of each kind: timeline only, and
//                       timeline + V8 CPU profile (script time attributable to journeykit)
//   BENCH_PEER_RUNS=7   timed runs per peer (peers.mjs) and per issue-27 row (site.mjs: the
//                       common config by script tag, J1, and as a built site, J2),
//                       interleaved with the scenarios' rounds
//   BENCH_PEER_TRACE_RUNS=3  traced runs per peer and J row (timeline only: the all-script figure)
//   BENCH_BUDGET_S=260  start no new run (scenarios, J rows, peers) after this many seconds
//   BENCH_BURSTS=1      tracking: input bursts per kind (scroll, pointer, phone touch) and page (D, blank)
//   BENCH_BURST_EVENTS=1000  tracking: CDP input events per burst (about one per frame)
//   BENCH_TRACKING_BUDGET_S=200  tracking: start no new run this many seconds after it began
//                       (tracking start-up: BENCH_RUNS rounds of D and B′)
//   BENCH_ITEMS_RUNS=7  items (E): runs of a cold show() and a warm one, traced
//   BENCH_ITEMS_BUDGET_S=40  items: start no new run this many seconds after it began
//   BENCH_TRACK_LOOPS=5  delivery (F): loops of BENCH_TRACK_CALLS track() calls, at 1× and at 4×
//   BENCH_TRACK_CALLS=1000  delivery: track() calls per loop
//   BENCH_FLUSH_RUNS=3  delivery: flushes of a backlog of BENCH_FLUSH_EVENTS queued events
//   BENCH_FLUSH_EVENTS=10000  delivery: events queued offline before each flush
//   BENCH_DELIVERY_BUDGET_S=60  delivery: start no new run this many seconds after it began
//
// See bench/README.md for what each figure means.
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
import { notesOf, requestLabel, summarize, targetsOf } from './summary.mjs'
import { KB, render } from './report.mjs'
import { emptyTracking, runTracking, trackingPages } from './tracking.mjs'
import { renderTracking, summarizeTracking, trackingNotes, trackingTargets } from './tracking-report.mjs'
import { emptyItems, itemsPage, runItems } from './items.mjs'
import { itemsNotes, itemsTargets, renderItems, summarizeItems } from './items-report.mjs'
import { deliveryPages, emptyDelivery, runDelivery } from './delivery.mjs'
import { peerPages, peerSnapshot, startSink } from './peers.mjs'
import { peerNotes, peerTargets, renderPeers, siteTargets, summarizePeers } from './peers-report.mjs'
import { buildSite, commonConfig, sitePages } from './site.mjs'
import { deliveryNotes, deliveryTargets, renderDelivery, summarizeDelivery } from './delivery-report.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const RUNS = Math.max(1, Math.floor(Number(process.env.BENCH_RUNS)) || 7)
const TRACE_RUNS = Math.max(0, Math.floor(Number(process.env.BENCH_TRACE_RUNS ?? 3)) || 0)
const BUDGET_S = Number(process.env.BENCH_BUDGET_S) || 260
const BURSTS = Math.max(0, Math.floor(Number(process.env.BENCH_BURSTS ?? 1)) || 0)
const BURST_EVENTS = Math.max(1, Math.floor(Number(process.env.BENCH_BURST_EVENTS)) || 1000)
const TRACKING_BUDGET_S = Number(process.env.BENCH_TRACKING_BUDGET_S) || 200
const count = (name, fallback, min = 1) => Math.max(min, Math.floor(Number(process.env[name] ?? fallback)) || fallback)
const ITEMS_RUNS = count('BENCH_ITEMS_RUNS', 7)
const ITEMS_BUDGET_S = Number(process.env.BENCH_ITEMS_BUDGET_S) || 40
const TRACK_LOOPS = count('BENCH_TRACK_LOOPS', 5)
const TRACK_CALLS = count('BENCH_TRACK_CALLS', 1000)
const FLUSH_RUNS = count('BENCH_FLUSH_RUNS', 3)
const FLUSH_EVENTS = count('BENCH_FLUSH_EVENTS', 10_000)
const DELIVERY_BUDGET_S = Number(process.env.BENCH_DELIVERY_BUDGET_S) || 60
const PEER_RUNS = count('BENCH_PEER_RUNS', RUNS)
const PEER_TRACE_RUNS = Math.max(0, Math.floor(Number(process.env.BENCH_PEER_TRACE_RUNS ?? TRACE_RUNS)) || 0)
const started = Date.now()
// Seconds each part took, for the last line and latest.json.
const timings = {}
let lap = started
const timed = (name) => {
  timings[name] = (Date.now() - lap) / 1000
  lap = Date.now()
}

if (!existsSync(join(root, 'dist', 'loader.js'))) {
  console.error('bench: dist/loader.js is missing; run `npm run build` first (or `npm run bench`).')
  process.exit(1)
}

// Read once: the bytes measured are the bytes the browser is served, even if dist/ is
// rebuilt while the bench runs.
const snapshot = snapshotDist(root)
// Every bench config is published as the README asks: sealed by `journeykit build`, so that the
// page skips the validator (an unsealed config also loads dist/config-check.js before ready).
const { runCli, sealConfig: seal } = await import('../dist/cli.js')
const bytes = artifactSizes(snapshot)
const peerFiles = peerSnapshot(root)

const blank = '<!doctype html><title>blank</title><p>hello</p>'
const item = { x: { kind: 'focus', style: 'modal', title: 'Hi' } }
const scenarios = [
  { key: 'A', name: 'blank page', path: '/bench/a.html', waitFor: 'load' },
  {
    key: 'B',
    name: 'tracking, no item',
    path: '/bench/b.html',
    waitFor: 'ready',
    config: seal({ version: 1, items: item, rules: [{ id: 'r', on: 'page_view', if: { 'page.path': '/never' }, show: 'x' }] }),
  },
  {
    key: 'C',
    name: 'item shown',
    path: '/bench/c.html',
    waitFor: 'item',
    config: seal({ version: 1, items: item, rules: [{ id: 'r', on: 'page_view', if: { 'page.path': { $startsWith: '/' } }, show: 'x' }] }),
  },
]

const temp = mkdtempSync(join(tmpdir(), 'journeykit-bench-'))
let server, collector, sink, browser
let version = '?'
// The peers' scenarios (P0–P3), after the common config's rows (J1, J2: site.mjs), which run in
// the same rounds; known once the servers are up.
let peers = []
// The built site's folder (J2), as served: built once the collector's URL is known.
let siteFiles = new Map()
const runs = {}
const traces = {}
const failures = []
let skipped = 0
let tracking = emptyTracking()
let items = emptyItems()
let delivery = emptyDelivery()

try {
  collector = await startCollector({ port: 0, file: join(temp, 'events.ndjson') })
  server = await startStaticServer({ root, port: 0 })
  sink = await startSink()
  siteFiles = buildSite(root, runCli, commonConfig(collector.batchUrl))
  peers = [...sitePages(server, { blank, seal, collector, site: siteFiles }), ...peerPages(server, sink, peerFiles, blank)]
  for (const s of [...scenarios, ...peers]) {
    runs[s.key] = []
    traces[s.key] = { plain: [], profile: [] }
  }
  for (const [path, contents] of snapshot) server.setPage(path, { body: contents, type: 'text/javascript; charset=utf-8' })
  for (const s of scenarios) {
    let body = blank
    if (s.config) {
      const configPath = s.path.replace(/\.html$/, '.json')
      server.setPage(configPath, { type: 'application/json; charset=utf-8', body: JSON.stringify(s.config) })
      body += `<script async src="/dist/loader.js" data-config="${configPath}" data-collector="${collector.batchUrl}"></script>`
    }
    server.setPage(s.path, { body })
  }
  const trackingPaths = trackingPages(server, collector, scenarios.find((s) => s.key === 'B').config, seal)
  const itemsPath = itemsPage(server, collector, seal)
  const deliveryPaths = deliveryPages(server, collector, scenarios.find((s) => s.key === 'B').config)

  browser = await chromium.launch({
    executablePath: await ensureChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run'],
  })
  version = browser.version()

  const attempt = async (s, { trace = false, keep = true } = {}) => {
    if (Date.now() - started > BUDGET_S * 1000) return void skipped++
    try {
      const result = await runOnce(browser, { url: server.url + s.path, waitFor: s.waitFor, collector, trace })
      if (keep) (trace ? traces[s.key][trace] : runs[s.key]).push(result)
    } catch (err) {
      failures.push(`${s.key}${trace ? ` (${trace} trace)` : ''}: ${String(err?.message ?? err).split('\n')[0]}`)
    }
  }
  // One untimed run of each warms the browser, the server and the OS file cache.
  for (const s of [...scenarios, ...peers]) await attempt(s, { keep: false })
  // Scenarios and peers interleaved round by round, so drift on a shared machine hits all alike.
  for (let i = 0; i < Math.max(RUNS, PEER_RUNS); i++) {
    for (const s of [...(i < RUNS ? scenarios : []), ...(i < PEER_RUNS ? peers : [])]) await attempt(s)
  }
  for (let i = 0; i < Math.max(TRACE_RUNS, PEER_TRACE_RUNS); i++) {
    if (i < TRACE_RUNS) for (const s of scenarios) for (const trace of ['plain', 'profile']) await attempt(s, { trace })
    // Peers: timeline traces only (the CPU-profile runs attribute time to journeykit's files).
    if (i < PEER_TRACE_RUNS) for (const s of peers) await attempt(s, { trace: 'plain' })
  }
  timed('scenarios')
  // Scenario D, tracking with engagement rules: start-up and input bursts (tracking.mjs).
  tracking = await runTracking(browser, {
    origin: server.url,
    collector,
    paths: trackingPaths,
    runs: RUNS,
    bursts: BURSTS,
    events: BURST_EVENTS,
    deadline: Date.now() + TRACKING_BUDGET_S * 1000,
  })
  timed('tracking')
  // Scenario E, items: show() to the item's first paint, cold and warm (items.mjs).
  items = await runItems(browser, { origin: server.url, collector, path: itemsPath, runs: ITEMS_RUNS, deadline: Date.now() + ITEMS_BUDGET_S * 1000 })
  timed('items')
  // Scenario F, delivery: track() cost, and a backlog of queued events flushed (delivery.mjs).
  delivery = await runDelivery(browser, {
    origin: server.url,
    collector,
    paths: deliveryPaths,
    loops: TRACK_LOOPS,
    calls: TRACK_CALLS,
    flushes: FLUSH_RUNS,
    events: FLUSH_EVENTS,
    deadline: Date.now() + DELIVERY_BUDGET_S * 1000,
  })
  timed('delivery')
} finally {
  await browser?.close().catch(() => {})
  await server?.close().catch(() => {})
  await collector?.close().catch(() => {})
  await sink?.close().catch(() => {})
  rmSync(temp, { recursive: true, force: true })
}

// JS the page actually fetched from the static server, from the browser's request log.
const fetchedJs = (key) =>
  gzipTotalOf(
    root,
    runs[key].flatMap((r) => r.requests.filter((q) => q.where === 'page').map((q) => q.path)),
    snapshot,
  )
// JS the page had asked for by the time journeykit.ready resolved (Resource Timing, in the page).
const beforeReadyJs = (key) =>
  gzipTotalOf(
    root,
    runs[key].flatMap((r) => r.requestsBeforeReady ?? []),
    snapshot,
  )
const pages = { noItem: fetchedJs('B'), noItemBeforeReady: beforeReadyJs('B'), withItem: fetchedJs('C') }
const summary = summarize(scenarios, runs, traces)
// The peers against the same blank page A (summarize() takes the deltas from its first key).
const peerSummary = summarize([scenarios[0], ...peers], runs, traces)
const peerRows = summarizePeers(
  root,
  ['B', ...peers.map((p) => p.key)],
  { B: 'journeykit, no-item page', ...Object.fromEntries(peers.map((p) => [p.key, p.name])) },
  { ...peerSummary, B: summary.B },
  runs,
  new Map([...snapshot, ...siteFiles, ...peerFiles]),
)
const readiness = { B: 'journeykit.ready resolved', ...Object.fromEntries(peers.map((p) => [p.key, p.ready])) }
const trackingSummary = summarizeTracking(tracking, { events: BURST_EVENTS })
const itemsSummary = summarizeItems(items, snapshot)
const deliverySummary = summarizeDelivery(delivery, { calls: TRACK_CALLS, events: FLUSH_EVENTS })
const targets = [
  ...targetsOf(summary, bytes, pages),
  ...peerTargets(peerRows),
  ...siteTargets(peerRows),
  ...trackingTargets(trackingSummary),
  ...itemsTargets(itemsSummary),
  ...deliveryTargets(deliverySummary),
]
const notes = [
  ...notesOf(summary, { runsPerScenario: RUNS, skipped, budgetS: BUDGET_S, failures }),
  ...peerNotes(peerRows, { peerRuns: PEER_RUNS }),
  ...trackingNotes(trackingSummary, tracking, { runs: RUNS, bursts: BURSTS }),
  ...itemsNotes(itemsSummary, items, { runs: ITEMS_RUNS }),
  ...deliveryNotes(deliverySummary, delivery, { loops: TRACK_LOOPS, flushes: FLUSH_RUNS }),
]
const seconds = (Date.now() - started) / 1000
const settings = {
  chromium: version,
  node: process.version,
  cpu: CPU_THROTTLING,
  runsPerScenario: RUNS,
  tracedRunsPerScenario: TRACE_RUNS,
  runsPerPeer: PEER_RUNS,
  tracedRunsPerPeer: PEER_TRACE_RUNS,
  settleMs: SETTLE_MS,
}
const trackingSettings = { startupRuns: RUNS, burstsPerKind: BURSTS, burstEvents: BURST_EVENTS, budgetS: TRACKING_BUDGET_S }
const itemsSettings = { runs: ITEMS_RUNS, budgetS: ITEMS_BUDGET_S }
const deliverySettings = { trackLoops: TRACK_LOOPS, trackCalls: TRACK_CALLS, flushRuns: FLUSH_RUNS, flushEvents: FLUSH_EVENTS, budgetS: DELIVERY_BUDGET_S }
const sections = [
  renderPeers(peerRows, {
    cpu: CPU_THROTTLING,
    runs: RUNS,
    peerRuns: PEER_RUNS,
    tracedRuns: TRACE_RUNS,
    peerTracedRuns: PEER_TRACE_RUNS,
    readiness,
    targets: siteTargets(peerRows),
  }),
  renderTracking(trackingSummary, { cpu: CPU_THROTTLING, runs: RUNS, burstsPerKind: BURSTS }),
  renderItems(itemsSummary, { cpu: CPU_THROTTLING, runs: items.runs.length }),
  renderDelivery(deliverySummary, { cpu: CPU_THROTTLING, loops: TRACK_LOOPS }),
]

console.log(render({ ...settings, bytes, pages, scenarios, summary, targets, notes, seconds, timings, sections }))

const perRun = (list) => list.map((r) => ({ ...r, requests: r.requests.map(requestLabel) }))
const resultsDir = join(root, 'bench', 'results')
mkdirSync(resultsDir, { recursive: true })
writeFileSync(
  join(resultsDir, 'latest.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      ...settings,
      kb: KB,
      seconds,
      timings,
      bytes,
      pages,
      scenarios: summary,
      peers: { readiness, rows: peerRows, summary: peerSummary },
      targets,
      notes,
      runs: Object.fromEntries(Object.entries(runs).map(([key, list]) => [key, perRun(list)])),
      tracking: {
        ...trackingSettings,
        summary: trackingSummary,
        runs: {
          startup: Object.fromEntries(Object.entries(tracking.startup).map(([key, list]) => [key, perRun(list)])),
          bursts: tracking.bursts,
        },
      },
      items: { ...itemsSettings, summary: itemsSummary, runs: items.runs },
      delivery: { ...deliverySettings, summary: deliverySummary, runs: { track: delivery.track, flush: delivery.flush } },
      tracedRuns: Object.fromEntries(Object.entries(traces).map(([key, kinds]) => [key, { plain: perRun(kinds.plain), profile: perRun(kinds.profile) }])),
    },
    null,
    2,
  ) + '\n',
)
