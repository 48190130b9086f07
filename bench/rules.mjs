#!/usr/bin/env node
// Rules-engine benchmark, in Node: how long a 500-rule config takes to validate, how long one
// event takes to evaluate against it, and how many bytes the rules engine puts in the core
// chunk. It prints figures beside their targets and writes bench/results/rules.json.
// A benchmark, not a test: it exits 0 whatever the figures are. See bench/RULES.md.
//
//   node bench/rules.mjs            (no build step: esbuild bundles the TypeScript sources)
//
// Env: RULES_BENCH_EVAL_RUNS (default 10000, at least 10000), RULES_BENCH_VALIDATE_RUNS (default 200).

import { build } from 'esbuild'
import { loadSources } from './load-sources.mjs'
import { gzipSync } from 'node:zlib'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { cpus, loadavg } from 'node:os'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const startedAt = performance.now()
const loadBefore = loadavg()[0]
const evalRuns = Math.max(10_000, Number(process.env.RULES_BENCH_EVAL_RUNS) || 10_000)
const validateRuns = Math.max(50, Number(process.env.RULES_BENCH_VALIDATE_RUNS) || 200)

// ---------------------------------------------------------------------------------------------
// Load the sources: one esbuild bundle of a virtual entry, imported from a data: URL.

const entry = `
export { validateConfig } from './src/validate/validate.ts'
export { indexRules, decide } from './src/rules/evaluate.ts'
export { matchQuery } from './src/rules/match.ts'
export { isScheduled } from './src/rules/schedule.ts'
export { isCapped } from './src/rules/frequency.ts'
export { pickVariant, variantName } from './src/rules/variants.ts'
export { explainRules } from './src/tools/explain/rules.ts'
`
const engine = await loadSources(entry, root, 'rules')
const { validateConfig, indexRules, decide, matchQuery, isScheduled, isCapped, pickVariant, variantName, explainRules } = engine

// ---------------------------------------------------------------------------------------------
// A realistic 500-rule config, generated from a seed.

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

const customEvents = ['add_to_cart', 'checkout_started', 'signup', 'search', 'video_played', 'coupon_applied']
// page_view is the trigger most rules use on a real site; the rest share what is left.
const triggerWeights = [
  ['page_view', 0.2],
  ['exit_intent', 0.08],
  ['scroll', 0.08],
  ['click', 0.08],
  ['time_on_page', 0.08],
  ['visit_start', 0.08],
  ...customEvents.map((name) => [name, 0.4 / customEvents.length]),
]
const paths = ['/', '/products', '/products/trail', '/collections/sale', '/cart', '/checkout', '/blog', '/account', '/pricing', '/p/']
const regexes = [
  '^https://shop\\.example\\.com/(products|collections)/',
  '/sale/?$',
  '[?&]utm_campaign=spring',
  '\\.html$',
  '^https://[^/]+/blog/\\d{4}/',
  '/p/[a-z0-9-]+$',
  '[?&]ref=(partner|affiliate)',
]
const devices = ['desktop', 'mobile', 'tablet']
const stageNames = ['awareness', 'consideration', 'purchase', 'retention', 'advocacy']
const zones = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'UTC', 'Australia/Sydney', 'America/Los_Angeles', 'Europe/London']
const dayList = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const itemIds = Array.from({ length: 60 }, (_, i) => `item-${i}`)

function generateConfig(seed, { allOn } = {}) {
  const rng = mulberry32(seed)
  const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1))
  const pick = (list) => list[Math.floor(rng() * list.length)]
  const some = (list, lo, hi) => [...list].sort(() => rng() - 0.5).slice(0, int(lo, hi))
  const weighted = (pairs) => {
    let point = rng() * pairs.reduce((sum, [, w]) => sum + w, 0)
    for (const [value, w] of pairs) if ((point -= w) < 0) return value
    return pairs[pairs.length - 1][0]
  }
  const pad = (n) => String(n).padStart(2, '0')

  const items = {}
  for (const [i, id] of itemIds.entries()) {
    const kind = i % 10 === 9 ? 'asset' : i % 10 === 8 ? 'push' : 'focus'
    const item = {
      kind,
      style: kind === 'push' ? 'notification' : pick(['modal', 'bar', 'slidein']),
      title: `Offer ${i}: ${pick(['10% off', 'free shipping', 'join the list', 'new season'])}`,
      body: 'A short line of copy that says what the visitor gets and why it matters now.',
    }
    if (rng() < 0.6) item.cta = { label: 'Shop now', url: rng() < 0.5 ? `/collections/${i}` : `https://shop.example.com/p/${i}` }
    if (rng() < 0.2) item.code = `SAVE${i}`
    if (kind === 'asset') item.asset = { url: `https://cdn.example.com/guides/${i}.pdf`, filename: `guide-${i}.pdf` }
    if (rng() < 0.15) item.form = { name: rng() < 0.5, consent: 'Email me offers; unsubscribe any time.', submitLabel: 'Send' }
    items[id] = item
  }

  // One condition: [fact or $operator, value]
  const leaf = (trigger) => {
    const r = rng()
    if (r < 0.18) return ['page.path', { $startsWith: pick(paths) }]
    if (r < 0.3) return ['visit.count', { $gte: int(1, 5) }]
    if (r < 0.4) return ['device.type', { $in: some(devices, 1, 2) }]
    if (r < 0.5) return ['page.url', { $regex: pick(regexes) }]
    if (r < 0.56) return ['utm.source', { $exists: rng() < 0.5 }]
    if (r < 0.6) return ['page.query.ref', { $exists: true }]
    if (r < 0.66) return ['visitor.pageviews', { $gt: int(0, 20) }]
    if (r < 0.71) {
      const from = int(0, 20)
      return ['time.hour', { $gte: from, $lt: from + int(2, 8) }]
    }
    if (r < 0.76) return ['journey.stage', rng() < 0.5 ? { $in: some(stageNames, 1, 3) } : { $ne: 'purchase' }]
    if (r < 0.8) return ['user.traits.plan', pick(['free', 'pro', 'team'])]
    if (r < 0.85) return [`item.${pick(itemIds)}.shown`, { $lt: int(1, 3) }]
    if (r < 0.89) return ['page.title', { $contains: pick(['Sale', 'Shoes', 'Guide', 'Checkout']) }]
    if (r < 0.93) return ['time.weekday', { $nin: ['sat', 'sun'] }]
    if (r < 0.97 && customEvents.includes(trigger)) return ['event.value', { $gte: int(10, 200) }]
    return ['page.query.utm_medium', { $in: ['email', 'cpc', 'social'] }]
  }
  const single = (trigger) => Object.fromEntries([leaf(trigger)])
  const condition = (trigger) => {
    const r = rng()
    if (r < 0.12) return ['$or', [single(trigger), single(trigger), ...(rng() < 0.3 ? [single(trigger)] : [])]]
    if (r < 0.18) return ['$and', [single(trigger), { $or: [single(trigger), single(trigger)] }]]
    if (r < 0.21) return ['$not', single(trigger)]
    return leaf(trigger)
  }

  const rules = []
  for (let n = 0; n < 500; n++) {
    const on = allOn ?? weighted(triggerWeights)
    const rule = { id: `rule-${String(n).padStart(3, '0')}`, on }
    if (on === 'scroll') rule.percent = pick([25, 50, 75, 90])
    if (on === 'time_on_page') rule.seconds = pick([10, 30, 60])
    if (on === 'click') rule.selector = pick(['.add-to-cart', '#newsletter', 'a.pricing', '[data-cta="trial"]'])

    const query = {}
    const wanted = int(1, 4)
    for (let tries = 0; Object.keys(query).length < wanted && tries < 20; tries++) {
      const [key, value] = condition(on)
      if (!(key in query)) query[key] = value
    }
    rule.if = query

    const action = rng()
    if (action < 0.1) {
      const count = int(2, 3)
      rule.variants = Array.from({ length: count }, (_, i) => ({
        ...(rng() < 0.7 ? { id: ['control', 'a', 'b'][i] } : {}),
        weight: int(1, 5),
        show: pick(itemIds),
      }))
    } else if (action < 0.85) rule.show = pick(itemIds)
    else if (action < 0.95) rule.track = `rule_${pick(['nudge', 'upsell', 'winback'])}_${n}`
    else rule.set = rng() < 0.5 ? { stage: pick(stageNames) } : { segment: pick(['bargain', 'loyal']), score: int(1, 9) }

    if (rng() < 0.4) {
      const f = rng()
      rule.frequency = f < 0.3 ? 'once' : f < 0.6 ? 'session' : { limit: int(1, 5), per: pick(['30m', '1h', '1d', '7d']) }
    }
    if (rng() < 0.2) {
      const windowOf = () => {
        const overnight = rng() < 0.2
        const from = overnight ? int(20, 23) : int(6, 14)
        const to = overnight ? int(2, 7) : from + int(2, 9)
        return {
          days: some(dayList, 1, 7).sort((a, b) => dayList.indexOf(a) - dayList.indexOf(b)),
          from: `${pad(from)}:00`,
          to: to === 24 ? '24:00' : `${pad(to)}:${pick(['00', '30'])}`,
        }
      }
      rule.schedule = { timezone: pick(zones), weekly: Array.from({ length: int(1, 2) }, windowOf) }
      if (rng() < 0.3) rule.schedule.start = pick(['2025-01-01', '2025-03-01T09:00', '2024-11-29T00:00:00Z'])
      if (rng() < 0.3) rule.schedule.end = pick(['2026-12-31', '2026-06-30T18:00', '2027-01-01T00:00:00+01:00'])
    }
    if (rng() < 0.1) rule.delay = pick(['2s', '5s', '500ms'])
    if (rng() < 0.3) rule.priority = int(1, 10)
    if (rng() < 0.1) rule.stage = pick(stageNames)
    rules.push(rule)
  }
  return {
    $schema: './journeykit.schema.json',
    version: 1,
    collector: { url: 'https://collect.example.com/v1/batch', writeKey: 'wk_bench' },
    limits: { perPage: 2, perVisit: 5 },
    visitTimeout: '30m',
    stages: { consideration: { on: 'add_to_cart' }, purchase: { on: 'order_completed' } },
    items,
    rules,
  }
}

// Facts for one event, as src/engine/facts.ts builds them; 16 different visitors/pages, cycled.
function generateFacts(seed, count) {
  const rng = mulberry32(seed)
  const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1))
  const pick = (list) => list[Math.floor(rng() * list.length)]
  const pages = [
    ['/', 'Home'],
    ['/products/trail-shoes', 'Trail Shoes'],
    ['/collections/sale', 'Sale'],
    ['/cart', 'Your cart'],
    ['/checkout/shipping', 'Checkout'],
    ['/blog/2024/spring-launch', 'Spring launch guide'],
    ['/account/orders', 'Orders'],
    ['/p/red-jacket-42', 'Red jacket'],
    ['/pricing', 'Pricing'],
  ]
  const base = Date.UTC(2025, 5, 11, 8, 0) // a Wednesday
  const list = []
  for (let i = 0; i < count; i++) {
    const [path, title] = pick(pages)
    const query = {}
    if (rng() < 0.4)
      Object.assign(query, { utm_source: pick(['newsletter', 'google']), utm_medium: pick(['email', 'cpc']), utm_campaign: pick(['spring', 'summer']) })
    if (rng() < 0.2) query.ref = pick(['partner', 'affiliate'])
    const search = Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''
    const now = base + i * 7.3 * 3_600_000 // spreads the events over the week and the day
    const visitCount = int(1, 6)
    const time = new Date(now)
    const item = {}
    for (const id of itemIds) if (rng() < 0.15) item[id] = { shown: int(0, 3), dismissed: int(0, 1), converted: 0 }
    list.push({
      now,
      visitStart: now - int(1, 25) * 60_000,
      facts: {
        page: { url: `https://shop.example.com${path}${search}`, path, referrer: rng() < 0.5 ? 'https://www.google.com/' : '', title, query, views: int(0, 4) },
        visit: { count: visitCount, pageviews: int(1, 12), seconds: int(5, 1500) },
        visitor: { pageviews: visitCount * int(1, 8), firstSeen: now - visitCount * 86_400_000 },
        user: { id: rng() < 0.3 ? `u${i}` : null, traits: rng() < 0.3 ? { plan: pick(['free', 'pro', 'team']) } : {} },
        utm: query.utm_source ? { source: query.utm_source, medium: query.utm_medium, campaign: query.utm_campaign } : {},
        device: { type: pick(['desktop', 'desktop', 'mobile', 'tablet']), language: 'en-US' },
        time: { hour: time.getHours(), weekday: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][time.getDay()] },
        journey: { stage: pick(['awareness', 'awareness', 'consideration', 'purchase']) },
        item,
        variant: {},
        event: {},
      },
    })
  }
  return list
}

// Past actions of each rule with a cap (counts.rules[rule.id]), some inside the window.
function generateHistory(seed, rules, now) {
  const rng = mulberry32(seed)
  const history = {}
  for (const rule of rules) {
    if (!rule.frequency || rng() < 0.5) continue
    history[rule.id] = Array.from({ length: 1 + Math.floor(rng() * 4) }, () => now - Math.floor(rng() * 3 * 86_400_000)).sort((a, b) => a - b)
  }
  return history
}

// ---------------------------------------------------------------------------------------------
// Timing helpers

function stats(samples) {
  const sorted = Float64Array.from(samples).sort()
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return {
    runs: sorted.length,
    median: at(0.5),
    p95: at(0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  }
}

let sink = 0
function time(runs, warmup, fn) {
  for (let i = 0; i < warmup; i++) sink += fn(i)
  const samples = new Float64Array(runs)
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    sink += fn(i)
    samples[i] = performance.now() - t0
  }
  return stats(samples)
}

// ---------------------------------------------------------------------------------------------
// 1. The configs, validated.

const config = generateConfig(20250611)
const worstConfig = generateConfig(20250611, { allOn: 'page_view' })

const coldStart = performance.now()
const validation = validateConfig(config)
const validateColdMs = performance.now() - coldStart
const worstValidation = validateConfig(worstConfig)
for (const [name, v] of [
  ['config', validation],
  ['all-page_view config', worstValidation],
]) {
  if (v.problems.length) {
    console.error(`The generated ${name} has ${v.problems.length} problem(s); the generator needs fixing:`)
    for (const p of v.problems.slice(0, 10)) console.error(`  ${p.path}: ${p.message}`)
    process.exit(1)
  }
}

// Warnings (unknown keys) do not refuse a config; the generator aims for none.
for (const w of validation.warnings.slice(0, 3)) console.warn(`warning in the generated config: ${w.path}: ${w.message}`)
const rules = config.rules
const shape = {
  rules: rules.length,
  items: Object.keys(config.items).length,
  triggerKeys: indexRules(rules).size,
  withFrequency: rules.filter((r) => r.frequency).length,
  withSchedule: rules.filter((r) => r.schedule).length,
  withVariants: rules.filter((r) => r.variants).length,
  conditions: rules.reduce((sum, r) => sum + Object.keys(r.if ?? {}).length, 0),
  configBytes: Buffer.byteLength(JSON.stringify(config)),
  warnings: validation.warnings.length,
}

// 2. validate 500 rules
const validate = time(validateRuns, 20, () => validateConfig(config).problems.length)
// The same config without schedule.timezone: the difference is the time-zone checks (an Intl.DateTimeFormat each).
const noZones = structuredClone(config)
for (const rule of noZones.rules) if (rule.schedule) delete rule.schedule.timezone
const validateNoZones = time(validateRuns, 20, () => validateConfig(noZones).problems.length)

// 3. evaluate one event
const contexts = generateFacts(7, 16)
const history = generateHistory(11, rules, contexts[0].now)
const worstHistory = generateHistory(11, worstConfig.rules, contexts[0].now)

/** What src/engine/engine.ts `evaluate` does per event, minus storage and the DOM. */
function handle(index, trigger, ctx, hist, now = ctx.now) {
  const decisions = decide(index, trigger, ctx.facts)
  let acting = 0
  for (const { rule } of decisions) {
    // The runtime checks the schedule, then (in visitor.claim) the cap. Both are called for
    // every decision here, which is slightly more work than the runtime does.
    const scheduled = isScheduled(rule.schedule, now)
    const capped = isCapped(rule.frequency, hist[rule.id] ?? [], now, ctx.visitStart)
    if (scheduled && !capped) acting++
  }
  return acting + decisions.length * 1000
}

/** engine.ts also builds `variant.<rule>` facts for every event: pickVariant over every rule with variants. */
function variantFacts(allRules, visitorId) {
  const names = {}
  for (const rule of allRules) {
    if (!rule.variants) continue
    const picked = pickVariant(rule.variants, visitorId, rule.id)
    names[rule.id] = variantName(picked.variant, picked.index)
  }
  return names
}

const indexStart = performance.now()
const index = indexRules(rules)
const indexMs = performance.now() - indexStart
const worstIndex = indexRules(worstConfig.rules)

const outcome = (idx, hist) => {
  const counts = contexts.map((ctx) => {
    const r = handle(idx, 'page_view', ctx, hist)
    return { matched: Math.floor(r / 1000), acting: r % 1000 }
  })
  const avg = (key) => counts.reduce((s, c) => s + c[key], 0) / counts.length
  return { candidates: idx.get('page_view')?.length ?? 0, matchedAvg: avg('matched'), actingAvg: avg('acting') }
}
const typicalOutcome = outcome(index, history)
const worstOutcome = outcome(worstIndex, worstHistory)

const firstEvalStart = performance.now()
handle(index, 'page_view', contexts[0], history)
const evaluateColdMs = performance.now() - firstEvalStart

const ctxAt = (i) => contexts[i & 15]
// Each timed event happens at its own minute (16 contexts × 997 offsets), so that a cache of
// time-zone maths keyed by the minute cannot hit from one iteration to the next, as on a page.
const nowAt = (i) => contexts[i & 15].now + (i % 997) * 61_000
const evaluate = time(evalRuns, 2000, (i) => handle(index, 'page_view', ctxAt(i), history, nowAt(i)))
const evaluateWorst = time(evalRuns, 2000, (i) => handle(worstIndex, 'page_view', ctxAt(i), worstHistory, nowAt(i)))
const decideOnly = time(evalRuns, 2000, (i) => decide(index, 'page_view', ctxAt(i).facts).length)
const decideOnlyWorst = time(evalRuns, 2000, (i) => decide(worstIndex, 'page_view', ctxAt(i).facts).length)
const evaluateWithVariants = time(evalRuns, 2000, (i) => {
  const ctx = ctxAt(i)
  ctx.facts.variant = variantFacts(rules, `anon-${i & 15}`)
  return handle(index, 'page_view', ctx, history, nowAt(i))
})
// Every trigger key in turn (scroll:50, click:.buy, signup, …): the average event, not just page views.
const keys = [...index.keys()]
const evaluateMix = time(evalRuns, 2000, (i) => handle(index, keys[i % keys.length], ctxAt(i), history, nowAt(i)))
// The CLI's `journeykit explain`: every rule, with a reason for those that do not fire.
const explain = time(200, 20, (i) => explainRules(config, 'page_view', ctxAt(i).facts, nowAt(i)).length)
// matchQuery alone over every rule (what decide costs without the index): for scale.
const matchAll = time(2000, 200, (i) => {
  let n = 0
  const facts = ctxAt(i).facts
  for (const rule of rules) if (matchQuery(rule.if, facts)) n++
  return n
})

// ---------------------------------------------------------------------------------------------
// 4. Bytes

const gzip = (text) => gzipSync(Buffer.from(text), { level: 9 }).length
const coreRuleModules = ['match', 'facts', 'evaluate', 'trigger-key', 'duration', 'frequency', 'stages'].map((m) => `src/rules/${m}.ts`)

async function minified(contents, { external = [] } = {}) {
  const out = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'bytes-entry.ts', loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    minify: true,
    write: false,
    logLevel: 'silent',
    plugins: external.length
      ? [
          {
            name: 'external',
            setup: (b) =>
              b.onResolve({ filter: /.*/ }, (args) =>
                external.some((e) => args.path.includes(e)) && args.importer.includes('src/') ? { path: args.path, external: true } : undefined,
              ),
          },
        ]
      : [],
  })
  const text = out.outputFiles[0].text
  return { raw: Buffer.byteLength(text), gzip: gzip(text) }
}
const reexport = (files) => files.map((f) => `export * from './${f}'`).join('\n')

const rulesInCore = await minified(reexport(coreRuleModules))
const perModule = []
for (const file of coreRuleModules) perModule.push({ file, ...(await minified(reexport([file]), { external: ['/'] })) })
const pacingChunk = await minified(reexport(['src/rules/pacing.ts']))
// In the real build the validator takes duration and stages from the core chunk.
const validatorChunk = await minified(reexport(['src/validate/validate.ts']), { external: ['rules/duration', 'rules/stages'] })

/**
 * The rules engine's cost in context: esbuild bundles the whole runtime (src/boot.ts, code
 * splitting) twice, once as is and once with the core's rules modules replaced by empty stubs;
 * the core is the entry plus every chunk it imports statically, gzipped as one file.
 */
async function coreGzip(stubbed) {
  const stubs = new Map()
  if (stubbed) {
    for (const file of coreRuleModules) {
      const source = readFileSync(join(root, file), 'utf8')
      const names = [...source.matchAll(/^export (?:async )?(?:function|const|let) (\w+)/gm)].map((m) => m[1])
      stubs.set(resolve(root, file), names.map((n) => `export function ${n}(){}`).join('\n'))
    }
  }
  const out = await build({
    entryPoints: [join(root, 'src/boot.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
    outdir: join(root, '.rules-bench-out'),
    logLevel: 'silent',
    metafile: true,
    plugins: [
      {
        name: 'stub-rules',
        setup(b) {
          b.onLoad({ filter: /src[\\/]rules[\\/].*\.ts$/ }, (args) => (stubs.has(args.path) ? { contents: stubs.get(args.path), loader: 'ts' } : undefined))
        },
      },
    ],
  })
  const byPath = new Map(out.outputFiles.map((f) => [relative(root, f.path), f.text]))
  const entryOut = Object.entries(out.metafile.outputs).find(([, o]) => o.entryPoint?.endsWith('src/boot.ts'))[0]
  const seen = new Set()
  const walk = (file) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const imp of out.metafile.outputs[file].imports) if (imp.kind === 'import-statement') walk(imp.path)
  }
  walk(entryOut)
  const text = [...seen].map((f) => byPath.get(f)).join('\n')
  return { files: seen.size, raw: Buffer.byteLength(text), gzip: gzip(text) }
}
let inContext = null
try {
  const full = await coreGzip(false)
  const stubbed = await coreGzip(true)
  inContext = { full, stubbed, rawDelta: full.raw - stubbed.raw, gzipDelta: full.gzip - stubbed.gzip }
} catch (error) {
  inContext = { error: String(error.message ?? error).split('\n')[0] }
}

// The real build, when there is one.
let dist = null
const distDir = join(root, 'dist')
if (existsSync(join(distDir, 'core.js'))) {
  const size = (names) => {
    const present = names.filter((n) => existsSync(join(distDir, n)))
    return { files: present, gzip: present.reduce((sum, n) => sum + gzip(readFileSync(join(distDir, n))), 0) }
  }
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, d) => {
      const p = join(dir, d.name)
      return Math.max(max, d.isDirectory() ? newest(p) : /\.tsx?$/.test(d.name) && !d.name.includes('.test.') ? statSync(p).mtimeMs : 0)
    }, 0)
  // Budgets as size-limit reads them (bytes-iec: "8 KB" is 8000 B, "8 KiB" 8192 B).
  let budgets = []
  try {
    budgets = JSON.parse(readFileSync(join(root, 'size-limit.json'), 'utf8'))
  } catch {}
  const units = { B: 1, KB: 1000, kB: 1000, KiB: 1024, MB: 1e6, MiB: 1048576 }
  const budgetOf = (names) => {
    const want = names.map((n) => `dist/${n}`).join('|')
    const entry = budgets.find((b) => !b.import && [b.path].flat().join('|') === want)
    const m = /^([\d.]+)\s*([A-Za-z]+)$/.exec(entry?.limit ?? '')
    return m && units[m[2]] ? { limit: entry.limit, bytes: Math.round(Number(m[1]) * units[m[2]]) } : null
  }
  const chunk = (names) => ({ ...size(names), budget: budgetOf(names) })
  dist = {
    core: chunk(['core.js']),
    pacing: chunk(['pacing.js', 'shared-schedule.js']),
    config: chunk(['config.js', 'shared-url.js']),
    builtAt: new Date(statSync(join(distDir, 'core.js')).mtimeMs).toISOString(),
    stale: statSync(join(distDir, 'core.js')).mtimeMs < newest(join(root, 'src')),
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Report

const KB = 1024
// "≤ 3 KB" read strictly: 3000 B (1 KB = 1024 B would allow 3072 B).
const rulesBudget = 3000
const ms = (v) => (v >= 1 ? `${v.toFixed(2)} ms` : `${(v * 1000).toFixed(1)} µs`)
const bytes = (v) => `${v} B (${(v / KB).toFixed(2)} KB)`
const spread = (s) => `p95 ${ms(s.p95)}, min ${ms(s.min)}`
const verdict = (ok) => (ok === null ? '' : ok ? '✓' : '✗')

const rows = [
  ['validate 500 rules (median)', ms(validate.median), '≤ 5 ms', verdict(validate.median <= 5), `${spread(validate)}; ${validate.runs} runs`],
  [
    '  without schedule.timezone (median)',
    ms(validateNoZones.median),
    '',
    '',
    `${spread(validateNoZones)}; so ${shape.withSchedule} zone checks cost ≈ ${ms(Math.max(0, validate.median - validateNoZones.median))}`,
  ],
  ['  first call, cold', ms(validateColdMs), '', '', 'one run, before the JIT warms up (a page validates once, cold)'],
  [
    `evaluate page_view, ${typicalOutcome.candidates} candidates (median)`,
    ms(evaluate.median),
    '≤ 0.2 ms',
    verdict(evaluate.median <= 0.2),
    `${spread(evaluate)}; ${evaluate.runs} runs`,
  ],
  ['  of which decide() alone (median)', ms(decideOnly.median), '', '', `${spread(decideOnly)}; the rest is isScheduled + isCapped`],
  [
    `evaluate page_view, all 500 rules listen (median)`,
    ms(evaluateWorst.median),
    '≤ 0.2 ms',
    verdict(evaluateWorst.median <= 0.2),
    `${spread(evaluateWorst)}; worst case`,
  ],
  ['  of which decide() alone (median)', ms(decideOnlyWorst.median), '', '', `${spread(decideOnlyWorst)}; the rest is isScheduled + isCapped`],
  [
    '  page_view + variant facts (median)',
    ms(evaluateWithVariants.median),
    '',
    '',
    `${spread(evaluateWithVariants)}; + pickVariant × ${shape.withVariants}, as engine.ts does`,
  ],
  [`  any trigger key, round robin (median)`, ms(evaluateMix.median), '', '', `${spread(evaluateMix)}; ${keys.length} keys`],
  ['  first call, cold', ms(evaluateColdMs), '', '', 'one run (regex compiles, Intl formatters, JIT)'],
  ['  matchQuery × 500 rules, no index (median)', ms(matchAll.median), '', '', 'for scale: what the index saves'],
  ['  explainRules, 500 rules (median)', ms(explain.median), '', '', 'the CLI; not on the page'],
  [
    'rules engine in the core chunk, gzip',
    bytes(rulesInCore.gzip),
    '≤ 3 KB',
    verdict(rulesInCore.gzip <= rulesBudget),
    `minified ${rulesInCore.raw} B; its ${coreRuleModules.length} modules bundled on their own`,
  ],
]
if (inContext.error) rows.push(['  in context (core − stubbed core)', 'n/a', '', '', inContext.error])
else
  rows.push([
    '  in context (core − stubbed core), gzip',
    bytes(inContext.gzipDelta),
    '≤ 3 KB',
    verdict(inContext.gzipDelta <= rulesBudget),
    `esbuild core ${inContext.full.gzip} B vs ${inContext.stubbed.gzip} B stubbed`,
  ])
rows.push(
  ['pacing chunk (schedule + variants), gzip', bytes(pacingChunk.gzip), '', '', `lazy; minified ${pacingChunk.raw} B`],
  ['validator chunk, gzip', bytes(validatorChunk.gzip), '', '', `lazy; minified ${validatorChunk.raw} B; duration/stages come from core`],
)
if (dist) {
  const note = dist.stale ? ' (dist/ is older than src/)' : ''
  const distRow = (label, c, what) => [
    label,
    bytes(c.gzip),
    c.budget ? `≤ ${c.budget.limit}` : '',
    c.budget ? verdict(c.gzip <= c.budget.bytes) : '',
    `${what}${c.budget ? `; size-limit.json: ${c.budget.bytes} B` : ''}${note}`,
  ]
  rows.push(
    distRow('dist/core.js, gzip', dist.core, 'the whole core chunk'),
    distRow('dist/pacing.js + shared-schedule.js, gzip', dist.pacing, 'the real lazy pacing chunk'),
    distRow('dist/config.js + shared-url.js, gzip', dist.config, 'the real validator chunk'),
  )
}

const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => [...r[c]].length), ['figure', 'value', 'target', ''][c].length))
const line = (r) =>
  r
    .slice(0, 4)
    .map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length))
    .join('  ') + (r[4] ? `  ${r[4]}` : '')

console.log(`rules engine (Node ${process.version}, ${process.arch}, ${cpus().length} CPUs, load average ${loadBefore.toFixed(2)} at start)`)
console.log(
  `config: ${shape.rules} rules over ${shape.triggerKeys} trigger keys, ${shape.items} items, ${shape.conditions} top-level conditions, ` +
    `${shape.withFrequency} with frequency, ${shape.withSchedule} with schedule, ${shape.withVariants} with variants; ` +
    `${(shape.configBytes / KB).toFixed(0)} KB of JSON; 0 problems, ${shape.warnings} warnings`,
)
console.log(
  `page_view: ${typicalOutcome.candidates} candidates, ${typicalOutcome.matchedAvg.toFixed(1)} match and ${typicalOutcome.actingAvg.toFixed(1)} pass schedule+cap on average; ` +
    `all-page_view config: ${worstOutcome.matchedAvg.toFixed(1)} match, ${worstOutcome.actingAvg.toFixed(1)} pass; indexRules ${ms(indexMs)} once`,
)
console.log('')
console.log(line(['figure', 'value', 'target', '']))
console.log(line(widths.map((w) => '-'.repeat(w))))
for (const r of rows) console.log(line(r))
console.log('')
console.log('Per module in the core (each minified and gzipped alone; gzip overhead ~20 B each):')
for (const m of perModule) console.log(`  ${m.file.padEnd(28)} ${String(m.raw).padStart(5)} B min  ${String(m.gzip).padStart(5)} B gzip`)
console.log('')
if (dist?.stale) console.log('dist/ is older than some file in src/: run `npm run build` for an up-to-date cross-check.')
if (Math.max(loadBefore, loadavg()[0]) > cpus().length * 0.75) {
  console.log(
    `The machine was busy (load average ${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)} on ${cpus().length} CPUs): timings read high; trust min and median over p95.`,
  )
}
console.log(
  'Targets are informational: this bench exits 0 whatever the figures. Sizes: KB = 1024 B; "≤ 3 KB" is checked as 3000 B, size-limit budgets as size-limit reads them (KB = 1000 B).',
)

const results = {
  date: new Date().toISOString(),
  node: process.version,
  arch: process.arch,
  cpus: cpus().length,
  loadAverage: { start: loadBefore, end: loadavg()[0] },
  config: shape,
  outcomes: { pageView: typicalOutcome, allPageView: worstOutcome },
  timingsMs: {
    validate,
    validateWithoutTimezones: validateNoZones,
    validateCold: validateColdMs,
    indexRules: indexMs,
    evaluatePageView: evaluate,
    evaluateAllPageView: evaluateWorst,
    decidePageView: decideOnly,
    decideAllPageView: decideOnlyWorst,
    evaluatePageViewWithVariantFacts: evaluateWithVariants,
    evaluateAnyTrigger: evaluateMix,
    evaluateCold: evaluateColdMs,
    matchQueryAllRules: matchAll,
    explainRules: explain,
  },
  bytes: { rulesInCore, perModule, inContext, pacingChunk, validatorChunk, dist },
  targets: {
    evaluateMedianMs: { target: 0.2, pageView: evaluate.median, allPageView: evaluateWorst.median, ok: evaluate.median <= 0.2 && evaluateWorst.median <= 0.2 },
    validateMedianMs: { target: 5, value: validate.median, ok: validate.median <= 5 },
    rulesInCoreGzipBytes: { target: rulesBudget, value: rulesInCore.gzip, inContext: inContext.gzipDelta ?? null, ok: rulesInCore.gzip <= rulesBudget },
  },
  elapsedS: Number(((performance.now() - startedAt) / 1000).toFixed(1)),
  sink: sink % 7,
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true })
writeFileSync(join(root, 'bench', 'results', 'rules.json'), JSON.stringify(results, null, 2) + '\n')
console.log(`Wrote bench/results/rules.json in ${results.elapsedS} s.`)
