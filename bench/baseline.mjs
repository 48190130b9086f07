// Writes bench/baseline.md from a bench run's bench/results/latest.json (or the file given
// as the first argument): the medians of the peers table, journeykit's ratios to each peer
// and the targets, as Markdown, so that a regression shows in review as a diff.
//
// The journeys section comes from bench/results/journeys.json (node bench/journeys.mjs).
//
//   npm run bench && node bench/baseline.mjs
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ratioLabel, ratiosOf } from './peers-report.mjs'
import { kb, mark, num } from './report.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const source = resolve(process.argv[2] ?? join(here, 'results', 'latest.json'))
const run = JSON.parse(readFileSync(source, 'utf8'))
if (!run.peers?.rows?.length) {
  console.error(`bench/baseline: ${source} has no peers table; run the bench first (npm run bench).`)
  process.exit(1)
}

const cell = (text) => String(text).replace(/\|/g, '\\|')
const markdown = (headers, rows, align) =>
  [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map((_, i) => ((align?.[i] ?? (i ? 'r' : 'l')) === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n')

const { rows, readiness } = run.peers
const ratios = ratiosOf(rows)
const ratioLabels = ['gzip', 'JS files', 'requests', 'ready', 'script Δ', 'task Δ', 'heap Δ']
const A = run.scenarios.A
// Issue 27's targets for the built site (J2), met or missed, from the targets of the run.
function siteSection() {
  const site = run.targets.filter((t) => t.what.startsWith('J2: '))
  if (!site.length) return []
  const word = (ok) => (ok === null || ok === undefined ? 'unknown' : ok ? 'met' : 'missed')
  return [
    "## Issue 27's targets for the built site (J2)",
    '',
    "Against the same run's peers (Snowplow, which the issue names, is not installed and not measured).",
    '',
    markdown(
      ['', 'target', 'measured', ''],
      site.map((t) => [t.what.slice(4), t.limit, t.value, word(t.ok)]),
      'lrrl',
    ),
    '',
  ]
}
const out = [
  '# bench baseline',
  '',
  `Medians of one \`npm run bench\` run, ${run.date.slice(0, 10)}: Chromium ${run.chromium}, headless, ${run.cpu}× CPU throttling,`,
  `${run.runsPerScenario} runs per journeykit scenario (+${run.tracedRunsPerScenario} traced of each kind), ${run.runsPerPeer} per peer and per J row`,
  `(+${run.tracedRunsPerPeer} traced), on a 2-core machine shared with other work. Written by \`node bench/baseline.mjs\` from`,
  '`bench/results/latest.json`; see `bench/README.md` for what each figure means. Blank page A: load',
  `${num(A.loadMs.median, 0)} ms, task ${num(A.taskMs.median, 0)} ms, heap ${num(kb(A.heapBytes.median))} KB.`,
  '',
  '## journeykit beside the peers',
  '',
  'B is the no-item page (one rule that never matches). J1 and J2 are the common config of issue 27 (one',
  'page-view rule that tracks, and an item no rule shows): J1 through the script tag (the loader and',
  '`data-config`, sealed), J2 as a built site (`journeykit build --site`, one tag).',
  '',
  markdown(
    ['', 'gzip KB', 'gzip KB before ready', 'JS files', 'requests before ready', 'ready ms', 'script ms Δ', 'task ms Δ', 'long tasks', 'heap Δ KB'],
    rows.map((r) => [
      `${r.key} ${r.name}`,
      num(kb(r.gzip)),
      r.gzipBeforeReady === undefined ? '—' : num(kb(r.gzipBeforeReady)),
      r.files.length,
      num(r.requestsBeforeReady.median, 0),
      num(r.readyMs, 0),
      num(r.scriptDeltaMs),
      num(r.taskDeltaMs, 0),
      num(r.longTasks, 0),
      num(kb(r.heapDeltaBytes)),
    ]),
  ),
  '',
  'Δ = minus the blank page A of the same run. KB = 1024 B.',
  '',
  '## journeykit ÷ peer',
  '',
  markdown(
    ['', ...ratioLabels],
    ratios.map((r) => [ratioLabel(r), ...ratioLabels.map((label) => (r[label] === null ? '—' : `${num(r[label], 2)}×`))]),
  ),
  '',
  '## What "ready" is, per row',
  '',
  ...rows.map((r) => `- **${r.key} ${r.name}**: ${readiness[r.key]}. Before it: ${r.beforeReadyList.join(', ') || '—'}.`),
  '',
  ...siteSection(),
  '## Targets',
  '',
  markdown(
    ['', 'target', 'measured', ''],
    run.targets.map((t) => [t.what, t.limit, t.value, mark(t.ok)]),
    'lrrl',
  ),
  '',
]
if (run.notes?.length) out.push('Notes from the run:', '', ...run.notes.map((note) => `- ${note}`), '')
// The journeys section (bench/journeys.mjs, in Node): from its results when there are some,
// else kept as the baseline had it.
const journeysSection = (() => {
  const results = join(here, 'results', 'journeys.json')
  if (existsSync(results)) return JSON.parse(readFileSync(results, 'utf8')).markdown
  const before = existsSync(join(here, 'baseline.md')) ? readFileSync(join(here, 'baseline.md'), 'utf8') : ''
  const at = before.indexOf('## Journeys (Node')
  return at === -1 ? [] : before.slice(at).trimEnd().split('\n').concat('')
})()
out.push(...journeysSection)
writeFileSync(join(here, 'baseline.md'), out.join('\n'))
console.log(`bench/baseline.md written from ${source}`)
