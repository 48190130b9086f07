#!/usr/bin/env node
// Journeys benchmark, in Node: how long one call takes against 50 journeys of 10 steps and
// 50 segments — the journeys chunk's pure work per call (journey facts, stepJourneys,
// then evaluateSegments), for a trigger that enters journeys, one that advances runs, and one
// no journey listens for. Prints median and p95 beside the 0.3 ms target and writes
// bench/results/journeys.json. A benchmark, not a test: it exits 0 whatever the figures are.
//
//   node bench/journeys.mjs          (no build step: esbuild bundles the TypeScript sources)
//
// Env: JOURNEYS_BENCH_RUNS (default 5000, at least 1000).

import { loadSources } from './load-sources.mjs'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { cpus, loadavg } from 'node:os'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const runs = Math.max(1000, Number(process.env.JOURNEYS_BENCH_RUNS) || 5000)
const loadBefore = loadavg()[0]

// The sources, bundled in memory as bench/rules.mjs does.
const entry = `
export { stepJourneys } from './src/journeys/stepper.ts'
export { evaluateSegments, journeyFacts } from './src/journeys/segments.ts'
export { emptyJourneysState } from './src/journeys/state.ts'
export { matchQuery } from './src/rules/match.ts'
export { testRegex } from './src/rules/regex.ts'
export { isScheduled, nextOpening } from './src/rules/schedule.ts'
`
const engine = await loadSources(entry, root, 'journeys')
const { stepJourneys, evaluateSegments, journeyFacts, emptyJourneysState, matchQuery, testRegex, isScheduled, nextOpening } = engine

// ---------------------------------------------------------------------------------------------
// A seeded config: 50 segments, 50 journeys × 10 steps.

function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rng = mulberry32(12)
const pick = (list) => list[Math.floor(rng() * list.length)]
const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1))

const entryEvents = ['add_to_cart', 'add_to_cart', 'signup', 'search', 'checkout_started', 'video_played']
const zones = ['Europe/Belgrade', 'America/New_York', 'Asia/Tokyo', 'UTC']
const conditions = [
  () => ({ 'visit.count': { $gte: int(1, 3) } }),
  () => ({ [`events.product_viewed.${pick(['24h', '7d', '30d'])}`]: { $gte: int(1, 5) } }),
  () => ({ 'page.path': { $startsWith: pick(['/products', '/cart', '/collections', '/']) } }),
  () => ({ 'device.type': { $in: ['mobile', 'tablet'] } }),
  () => ({ 'user.traits.plan': { $ne: 'pro' } }),
  () => ({ 'utm.source': { $exists: true } }),
  () => ({ 'page.url': { $regex: pick(['^https://shop\\.example\\.com/(products|cart)', '/sale/?$']) } }),
  () => ({ $or: [{ 'visitor.pageviews': { $gt: int(3, 20) } }, { 'journey.stage': 'consideration' }] }),
  () => ({ 'item.cart-offer.converted': { $lt: 1 } }),
]
const query = (lo, hi) => Object.assign({}, ...Array.from({ length: int(lo, hi) }, () => pick(conditions)()))

const segments = {}
for (let i = 0; i < 50; i++) {
  // Some segments build on earlier ones, as `hot-and-back` does.
  segments[`segment-${i}`] = { if: i > 5 && rng() < 0.2 ? { [`segment.segment-${int(0, i - 1)}`]: true, ...query(1, 1) } : query(1, 3) }
}

/** Ten steps: a guarded show on the next page view first (so an entered run waits there), then a mix. */
function steps() {
  const list = [{ id: 's0', on: 'page_view', if: { 'page.path': { $startsWith: '/' } }, show: `item-${int(0, 20)}` }]
  const makers = [
    (i) => ({ id: `s${i}`, wait: pick(['2h', '1d', '30m']) }),
    (i) => ({ id: `s${i}`, on: 'exit_intent', within: '3d', show: `item-${int(0, 20)}`, else: `s${Math.min(i + 2, 9)}` }),
    (i) => ({ id: `s${i}`, track: `journey_event_${i}` }),
    (i) => ({ id: `s${i}`, set: { stage: 'consideration' } }),
    (i) => ({ id: `s${i}`, on: 'page_view', if: query(1, 2), within: '7d', show: `item-${int(0, 20)}` }),
    (i) => ({ id: `s${i}`, branch: [{ if: query(1, 2), goto: `s${Math.min(i + 1, 9)}` }], else: `s${Math.min(i + 2, 9)}` }),
    (i) => ({
      id: `s${i}`,
      split: [
        { weight: 50, goto: `s${Math.min(i + 1, 9)}` },
        { weight: 50, goto: `s${Math.min(i + 2, 9)}` },
      ],
    }),
    (i) => ({ id: `s${i}`, wait: { weekly: [{ days: ['thu'], from: '08:00', to: '20:00' }], timezone: pick(zones) } }),
  ]
  for (let i = 1; i < 10; i++) list.push(i === 9 ? { id: 's9', exit: true } : pick(makers)(i))
  return list
}

const journeys = {}
for (let i = 0; i < 50; i++) {
  const journey = { entry: { on: pick(entryEvents), if: rng() < 0.5 ? { [`segment.segment-${int(0, 49)}`]: true } : query(1, 2) }, steps: steps() }
  if (rng() < 0.6) journey.exit = [{ on: 'order_completed' }]
  if (rng() < 0.5) journey.goal = { on: 'order_completed', within: '7d' }
  if (rng() < 0.3) journey.holdout = 10
  if (rng() < 0.3) journey.reentry = pick(['after-exit', { after: '30d' }])
  if (rng() < 0.3) journey.schedule = { start: '2026-11-01', end: '2027-02-01', timezone: pick(zones) }
  journeys[`journey-${i}`] = journey
}

// ---------------------------------------------------------------------------------------------
// Facts of a keen shopper on the cart page, and the three calls.

const t0 = Date.parse('2026-12-03T10:00:00Z')
const facts = {
  page: { url: 'https://shop.example.com/cart', path: '/cart', title: 'Cart', referrer: '', query: {}, views: 3 },
  visit: { count: 3, pageviews: 6, seconds: 420 },
  visitor: { pageviews: 24, firstSeen: t0 - 20 * 86_400_000 },
  user: { id: 'u-42', traits: { plan: 'free' } },
  utm: { source: 'newsletter', medium: 'email', campaign: 'winter' },
  device: { type: 'mobile', language: 'en-GB' },
  time: { hour: 10, weekday: 'thu' },
  journey: { stage: 'consideration' },
  item: { 'cart-offer': { shown: 1, dismissed: 1, converted: 0 } },
  push: { permission: 'default' },
  events: { page_view: 24, 'product_viewed.24h': 2, 'product_viewed.7d': 6, 'product_viewed.30d': 11, add_to_cart: 3 },
  event: {},
}
const matches = (q, f) => matchQuery(q, f, testRegex)
const tools = {
  matches,
  scheduled: isScheduled,
  opening: (wait, time) => nextOpening(wait.weekly, wait.timezone, time),
  canShow: () => true,
  canPush: () => false,
}
const visitorId = 'visitor-1'
const withJourneyFacts = (state) => ({ ...facts, ...journeyFacts(segments, journeys, state) })

// The visitor's segments as a call finds them, after one warm-up regroup.
const start = { ...emptyJourneysState(), segments: evaluateSegments(segments, withJourneyFacts(emptyJourneysState()), [], matches).members }
/** One call as the journeys chunk runs it: step every journey, then regroup the segments. */
function call(state, trigger, time) {
  const outcome = stepJourneys(journeys, state, { time, visitorId, trigger, facts: withJourneyFacts(state) }, tools)
  const membership = evaluateSegments(segments, withJourneyFacts(outcome.state), outcome.state.segments, matches)
  return outcome.effects.length + membership.members.length
}
// Every journey entered from code: each run now waits at its first step for a page view.
let running = start
for (const id of Object.keys(journeys))
  running = stepJourneys(journeys, running, { time: t0, visitorId, trigger: null, facts: withJourneyFacts(running), enter: id }, tools).state
const active = Object.values(running.journeys).filter((record) => record.run && !record.run.holdout).length

const scenarios = [
  { name: 'enters journeys (add_to_cart, no runs yet)', state: start, trigger: 'add_to_cart', time: t0 },
  { name: `advances runs (page_view, ${active} runs waiting for it)`, state: running, trigger: 'page_view', time: t0 + 60_000 },
  { name: 'no journey listens (newsletter_opened, runs active)', state: running, trigger: 'newsletter_opened', time: t0 + 60_000 },
]
for (const scenario of scenarios) {
  const outcome = stepJourneys(
    journeys,
    scenario.state,
    { time: scenario.time, visitorId, trigger: scenario.trigger, facts: withJourneyFacts(scenario.state) },
    tools,
  )
  const count = (event) => outcome.effects.filter((effect) => effect.event === event).length
  scenario.effects = { entered: count('journey_entered'), steps: count('journey_step'), exited: count('journey_exited') }
}

// ---------------------------------------------------------------------------------------------
// Timing

function stats(samples) {
  const sorted = Float64Array.from(samples).sort()
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { runs: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0] }
}
let sink = 0
function time(fn) {
  for (let i = 0; i < Math.min(1000, runs); i++) sink += fn()
  const samples = new Float64Array(runs)
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    sink += fn()
    samples[i] = performance.now() - started
  }
  return stats(samples)
}
for (const scenario of scenarios) {
  scenario.call = time(() => call(scenario.state, scenario.trigger, scenario.time))
  scenario.step = time(
    () =>
      stepJourneys(journeys, scenario.state, { time: scenario.time, visitorId, trigger: scenario.trigger, facts: withJourneyFacts(scenario.state) }, tools)
        .effects.length,
  )
}
const segmentsOnly = time(() => evaluateSegments(segments, withJourneyFacts(running), running.segments, matches).members.length)

// ---------------------------------------------------------------------------------------------
// Report

const target = 0.3
const ms = (v) => `${v.toFixed(3)} ms`
const rows = scenarios.map((s) => [
  s.name,
  ms(s.call.median),
  ms(s.call.p95),
  s.call.median <= target ? '✓' : '✗',
  `stepJourneys alone ${ms(s.step.median)}; ${s.effects.entered} entered, ${s.effects.steps} steps, ${s.effects.exited} exited`,
])
rows.push(['evaluateSegments alone (50 segments)', ms(segmentsOnly.median), ms(segmentsOnly.p95), '', 'part of every call above'])
const head = ['one call: journey facts + stepJourneys + evaluateSegments', 'median', 'p95', `≤ ${target} ms`, '']
const widths = [0, 1, 2, 3].map((c) => Math.max(...[head, ...rows].map((r) => [...r[c]].length)))
const line = (r) =>
  r
    .slice(0, 4)
    .map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length))
    .join('  ') + (r[4] ? `  ${r[4]}` : '')

const stepsTotal = Object.values(journeys).reduce((sum, journey) => sum + journey.steps.length, 0)
console.log(
  `journeys (Node ${process.version}, ${process.arch}, ${cpus().length} CPUs, load average ${loadBefore.toFixed(2)} at start; ${runs} timed runs each)`,
)
console.log(`config: ${Object.keys(journeys).length} journeys, ${stepsTotal} steps, ${Object.keys(segments).length} segments`)
console.log('')
console.log(line(head))
console.log(line(widths.map((w) => '-'.repeat(w))))
for (const r of rows) console.log(line(r))
console.log('')
if (Math.max(loadBefore, loadavg()[0]) > cpus().length * 0.75) {
  console.log(`The machine was busy (load average ${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)} on ${cpus().length} CPUs): trust the median over p95.`)
}
console.log('The target is informational: this bench exits 0 whatever the figures. In the page, a trigger no journey listens for')
console.log('skips stepJourneys unless a wait is due (src/journeys/runtime.ts); its row measures the pure step anyway.')

// The section bench/baseline.mjs appends to bench/baseline.md.
const markdown = [
  '## Journeys (Node, `node bench/journeys.mjs`)',
  '',
  `One call against ${Object.keys(journeys).length} journeys × 10 steps and ${Object.keys(segments).length} segments: journey facts, \`stepJourneys\`,`,
  `then \`evaluateSegments\`, as the journeys chunk runs them; ${runs} timed runs each, Node ${process.version}, ${cpus().length} CPUs`,
  `(load average ${loadBefore.toFixed(1)} at start), ${new Date().toISOString().slice(0, 10)}. Target ≤ ${target} ms median.`,
  '',
  '| call | median | p95 | ≤ 0.3 ms | stepJourneys alone (median) | effects |',
  '| --- | ---: | ---: | --- | ---: | --- |',
  ...scenarios.map(
    (s) =>
      `| ${s.name} | ${ms(s.call.median)} | ${ms(s.call.p95)} | ${s.call.median <= target ? '✓' : '✗'} | ${ms(s.step.median)} | ${s.effects.entered} entered, ${s.effects.steps} steps, ${s.effects.exited} exited |`,
  ),
  `| evaluateSegments alone | ${ms(segmentsOnly.median)} | ${ms(segmentsOnly.p95)} | | | |`,
  '',
]
mkdirSync(join(root, 'bench', 'results'), { recursive: true })
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  loadAverage: { start: loadBefore, end: loadavg()[0] },
  runs,
  targetMedianMs: target,
  scenarios: scenarios.map(({ name, trigger, effects, call: timing, step }) => ({ name, trigger, effects, callMs: timing, stepJourneysMs: step })),
  evaluateSegmentsMs: segmentsOnly,
  markdown,
  sink: sink % 7,
}
writeFileSync(join(root, 'bench', 'results', 'journeys.json'), JSON.stringify(results, null, 2) + '\n')
console.log('Wrote bench/results/journeys.json.')
