// The peers table: journeykit's no-item page (scenario B) and the common config through the
// script tag (J1) and as a built site (J2, site.mjs) beside the peers (peers.mjs), the same
// figures for each, every delta taken against the same blank page (A) of the same run, and
// each journeykit row's ratio to each peer. Rows whose key starts with P are peers.
import { gzipTotalOf } from './bytes.mjs'
import { kb, num, stats, table } from './report.mjs'

const minus = (a, b) => (a === null || a === undefined || b === null || b === undefined ? null : a - b)
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 && a >= 0 ? a / b : null)

const isPeer = (key) => key.startsWith('P')

/**
 * One row per scenario of `keys` (journeykit's first, then the peers): bytes from the browser's request log, figures
 * from summarize()'s medians.
 * @param files  URL path → contents: dist/ and the peers' files, as served
 */
export function summarizePeers(root, keys, names, summary, runs, files) {
  const blank = summary.A
  return keys.map((key) => {
    const s = summary[key]
    const list = runs[key]
    const js = gzipTotalOf(
      root,
      list.flatMap((r) => r.requests.filter((q) => q.where === 'page').map((q) => q.path)),
      files,
    )
    const before = list.map((r) => r.requestsBeforeReady).filter(Array.isArray)
    return {
      key,
      name: names[key],
      journeykit: !isPeer(key),
      // The empty async script: a floor for ready, not an SDK to compare bytes or work with.
      floor: key === 'P0',
      runs: s.runs,
      gzip: js.gzip,
      // What the page had asked for by the time it was ready (Resource Timing, in the page).
      gzipBeforeReady: gzipTotalOf(root, before.flat(), files).gzip,
      files: js.files.map((f) => f.path),
      requestsBeforeReady: stats(before.map((b) => b.length)),
      // The most frequent list of what was asked for before ready.
      beforeReadyList: mostFrequent(before.map((b) => b.join(' | ')))
        .split(' | ')
        .filter(Boolean),
      readyMs: s.readyMs.median,
      // The trace's "all script − blank" when there are traced runs, else CDP ScriptDuration − blank.
      scriptDeltaMs: s.trace.deltaMs ?? s.journeykitScriptMs,
      scriptFrom: s.trace.deltaMs === null ? 'cdp' : 'trace',
      taskDeltaMs: minus(s.taskMs.median, blank.taskMs.median),
      longTasks: s.longTasks.median,
      longTasksMax: s.longTasks.max,
      // Batches at journeykit's collector in the run that saw the most (peers send elsewhere).
      collectorPosts: s.collectorPosts.max,
      heapDeltaBytes: s.heapGrowthBytes,
      readyTimeouts: s.readyTimeouts,
      offHost: [...new Set(list.flatMap((r) => r.requests.filter((q) => q.local === false).map((q) => q.path)))],
    }
  })
}

function mostFrequent(values) {
  const counts = new Map()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''
}

const columns = [
  ['gzip KB', (r) => num(kb(r.gzip))],
  ['before ready', (r) => num(kb(r.gzipBeforeReady))],
  ['JS files', (r) => String(r.files.length)],
  ['requests before ready', (r) => num(r.requestsBeforeReady.median, 0)],
  ['ready ms', (r) => num(r.readyMs, 0)],
  ['script ms Δ', (r) => num(r.scriptDeltaMs)],
  ['task ms Δ', (r) => num(r.taskDeltaMs, 0)],
  ['long tasks', (r) => num(r.longTasks, 0)],
  ['heap Δ KB', (r) => num(kb(r.heapDeltaBytes))],
]

const ratioColumns = [
  ['gzip', (r) => r.gzip],
  ['JS files', (r) => r.files.length],
  ['requests', (r) => r.requestsBeforeReady.median],
  ['ready', (r) => r.readyMs],
  ['script Δ', (r) => r.scriptDeltaMs],
  ['task Δ', (r) => r.taskDeltaMs],
  ['heap Δ', (r) => r.heapDeltaBytes],
]

/**
 * Each journeykit row ÷ each peer, per figure (`jk` names the journeykit row); null where the
 * peer's figure is 0 or less (a ratio to nothing).
 */
export function ratiosOf(rows) {
  const peers = rows.filter((r) => isPeer(r.key))
  return rows
    .filter((r) => !isPeer(r.key))
    .flatMap((jk) =>
      peers.map((peer) => ({
        jk: jk.key,
        key: peer.key,
        name: peer.name,
        ...Object.fromEntries(ratioColumns.map(([label, get]) => [label, peer.floor && label !== 'ready' ? null : ratio(get(jk), get(peer))])),
      })),
    )
}

/** A ratio row's label: `J2 ÷ P2 GrowthBook` (the journeykit row first when there are several). */
export const ratioLabel = (r) => `${r.jk ?? 'B'} ÷ ${r.key} ${r.name}`

export function renderPeers(rows, { cpu, runs, peerRuns, tracedRuns, peerTracedRuns, readiness, targets = [] }) {
  const out = []
  out.push(
    `peers: the no-item page (median of ${runs} runs for B, ${peerRuns} for J1, J2 and each peer; ${cpu}× CPU; Δ = minus the blank page A of the same run)`,
  )
  out.push(
    table(
      ['', ...columns.map(([label]) => label)],
      rows.map((r) => [`${r.key} ${r.name}`, ...columns.map(([, get]) => get(r))]),
    ),
  )
  out.push('')
  out.push('journeykit ÷ peer (below 1: journeykit is lighter or earlier; — where the peer figure is 0 or less, and for the floor all but ready)')
  out.push(
    table(
      ['', ...ratioColumns.map(([label]) => label)],
      ratiosOf(rows).map((r) => [ratioLabel(r), ...ratioColumns.map(([label]) => (r[label] === null ? '—' : `${num(r[label], 2)}×`))]),
    ),
  )
  out.push('  gzip KB = the JS files the page requested (browser request log), gzip -9 each, KB = 1024 B;')
  out.push('  requests before ready = Resource Timing entries that started by ready (the document not counted);')
  out.push(
    `  script ms Δ = traced all-script − blank (${tracedRuns} traced runs for B, ${peerTracedRuns} for J1, J2 and each peer), else CDP ScriptDuration − blank;`,
  )
  out.push('  task ms Δ = CDP TaskDuration − blank; heap Δ = JSHeapUsedSize after GC − blank.')
  out.push('  ready, per row:')
  for (const r of rows) out.push(`    ${r.key} ${r.name}: ${readiness[r.key]}`)
  out.push('  requests before ready, most frequent list:')
  for (const r of rows) out.push(`    ${r.key}: ${r.beforeReadyList.join(', ') || '—'}`)
  if (targets.length) {
    out.push('')
    out.push("issue 27's targets for the built site (J2), in this run (Snowplow, named by the issue, is not installed: not measured)")
    const word = (ok) => (ok === null || ok === undefined ? 'unknown' : ok ? 'met' : 'MISSED')
    out.push(
      table(
        ['target', 'limit', 'measured', ''],
        targets.map((t) => [t.what.replace(/^J2: /, ''), t.limit, t.value, word(t.ok)]),
        'lrrl',
      ),
    )
  }
  return out.join('\n')
}

const check = (ok) => (ok === null || ok === undefined ? null : ok)
const have = (...values) => values.every((v) => typeof v === 'number')

/** The targets that read the peers' rows for scenario B (issue 11's). */
export function peerTargets(rows) {
  const jk = rows.find((r) => r.key === 'B')
  const floor = rows.find((r) => r.key === 'P0')
  const others = rows.filter((r) => isPeer(r.key) && r !== floor)
  const plausible = rows.find((r) => r.name === 'Plausible')
  return [
    {
      what: 'B: ready ÷ empty async script',
      limit: '≤ 1.4×',
      value: `${num(ratio(jk.readyMs, floor.readyMs), 2)}×`,
      ok: check(have(jk.readyMs, floor.readyMs) ? jk.readyMs <= 1.4 * floor.readyMs : null),
    },
    {
      what: 'B: ready before every peer',
      limit: `< ${others.map((r) => num(r.readyMs, 0)).join(', ')} ms`,
      value: `${num(jk.readyMs, 0)} ms`,
      ok: check(have(jk.readyMs, ...others.map((r) => r.readyMs)) ? others.every((r) => jk.readyMs < r.readyMs) : null),
    },
    {
      what: 'B: task ms Δ ÷ Plausible',
      limit: '≤ 1.5×',
      value: `${num(jk.taskDeltaMs, 0)} / ${num(plausible?.taskDeltaMs, 0)} ms`,
      ok: check(have(jk.taskDeltaMs, plausible?.taskDeltaMs) ? jk.taskDeltaMs <= 1.5 * Math.max(0, plausible.taskDeltaMs) : null),
    },
  ]
}

/**
 * Issue 27's targets for the built site (J2), each against the same run's peers: one request
 * before ready; ready ≤ 1.4× the empty script and before GrowthBook and Segment (Snowplow is not
 * installed); script and task Δ ≤ GrowthBook's; heap Δ ≤ 200 KB; no long task; ≤ 9 KB before ready.
 */
export function siteTargets(rows) {
  const site = rows.find((r) => r.key === 'J2')
  if (!site) return []
  const floor = rows.find((r) => r.key === 'P0')
  const growthbook = rows.find((r) => r.name === 'GrowthBook')
  const segment = rows.find((r) => r.name === 'Segment analytics-next')
  const requests = site.requestsBeforeReady
  const atMost = (value, limit) => check(have(value, limit) ? value <= limit : null)
  const readyPeers = [growthbook, segment].filter(Boolean)
  return [
    {
      what: 'J2: requests before ready',
      limit: '1',
      value: requests.min === requests.max ? num(requests.median, 0) : `${num(requests.median, 0)} (${num(requests.min, 0)}–${num(requests.max, 0)})`,
      ok: check(requests.n ? requests.max === 1 : null),
    },
    {
      what: 'J2: ready ÷ empty async script',
      limit: '≤ 1.4×',
      value: `${num(ratio(site.readyMs, floor?.readyMs), 2)}× (${num(site.readyMs, 0)} / ${num(floor?.readyMs, 0)} ms)`,
      ok: atMost(site.readyMs, have(floor?.readyMs) ? 1.4 * floor.readyMs : null),
    },
    {
      what: 'J2: ready before GrowthBook and Segment',
      limit: `< ${readyPeers.map((r) => num(r.readyMs, 0)).join(', ')} ms`,
      value: `${num(site.readyMs, 0)} ms`,
      ok: check(have(site.readyMs, ...readyPeers.map((r) => r.readyMs)) && readyPeers.length === 2 ? readyPeers.every((r) => site.readyMs < r.readyMs) : null),
    },
    {
      what: 'J2: script ms Δ ≤ GrowthBook',
      limit: `≤ ${num(growthbook?.scriptDeltaMs, 0)} ms`,
      value: `${num(site.scriptDeltaMs, 0)} ms`,
      ok: atMost(site.scriptDeltaMs, growthbook?.scriptDeltaMs),
    },
    {
      what: 'J2: task ms Δ ≤ GrowthBook',
      limit: `≤ ${num(growthbook?.taskDeltaMs, 0)} ms`,
      value: `${num(site.taskDeltaMs, 0)} ms`,
      ok: atMost(site.taskDeltaMs, growthbook?.taskDeltaMs),
    },
    { what: 'J2: heap Δ', limit: '≤ 200 KB', value: `${num(kb(site.heapDeltaBytes))} KB`, ok: atMost(site.heapDeltaBytes, 200 * 1024) },
    {
      what: 'J2: long tasks (median)',
      limit: '0',
      value: `${num(site.longTasks, 0)} (max ${num(site.longTasksMax, 0)})`,
      ok: check(have(site.longTasks) ? site.longTasks === 0 : null),
    },
    {
      what: 'J2: bytes before ready (gzip)',
      limit: '≤ 9 KB',
      value: `${num(kb(site.gzipBeforeReady), 2)} KB (${site.gzipBeforeReady} B)`,
      ok: atMost(site.gzipBeforeReady, 9 * 1024),
    },
  ]
}

export function peerNotes(rows, { peerRuns }) {
  const notes = []
  for (const r of rows) {
    if (r.readyTimeouts) notes.push(`${r.key} ${r.name}: ready did not come in ${r.readyTimeouts} run(s)`)
    if (r.journeykit && r.key !== 'B' && r.runs && !r.collectorPosts) notes.push(`${r.key} ${r.name}: no batch reached the collector`)
    if (r.key !== 'B' && r.runs < peerRuns) notes.push(`${r.key} ${r.name}: ${r.runs} of ${peerRuns} runs completed`)
    if (r.offHost.length) notes.push(`${r.key} ${r.name}: requests left 127.0.0.1: ${r.offHost.join(', ')}`)
  }
  return notes
}
