// The peers table: journeykit's no-item page (scenario B) beside the peers (peers.mjs), the
// same figures for each, every delta taken against the same blank page (A) of the same run,
// and journeykit's ratio to each peer.
import { gzipTotalOf } from './bytes.mjs'
import { kb, num, stats, table } from './report.mjs'

const minus = (a, b) => (a === null || a === undefined || b === null || b === undefined ? null : a - b)
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 && a >= 0 ? a / b : null)

/**
 * One row per scenario of `keys` (B first): bytes from the browser's request log, figures
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

/** journeykit ÷ peer per figure; null where the peer's figure is 0 or less (a ratio to nothing). */
export function ratiosOf(rows) {
  const [jk, ...peers] = rows
  return peers.map((peer) => ({
    key: peer.key,
    name: peer.name,
    ...Object.fromEntries(ratioColumns.map(([label, get]) => [label, peer.floor && label !== 'ready' ? null : ratio(get(jk), get(peer))])),
  }))
}

export function renderPeers(rows, { cpu, runs, peerRuns, tracedRuns, peerTracedRuns, readiness }) {
  const out = []
  out.push(`peers: the no-item page (median of ${runs} runs for journeykit, ${peerRuns} per peer; ${cpu}× CPU; Δ = minus the blank page A of the same run)`)
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
      ratiosOf(rows).map((r) => [`${r.key} ${r.name}`, ...ratioColumns.map(([label]) => (r[label] === null ? '—' : `${num(r[label], 2)}×`))]),
    ),
  )
  out.push('  gzip KB = the JS files the page requested (browser request log), gzip -9 each, KB = 1024 B;')
  out.push('  requests before ready = Resource Timing entries that started by ready (the document not counted);')
  out.push(`  script ms Δ = traced all-script − blank (${tracedRuns} traced runs for journeykit, ${peerTracedRuns} per peer), else CDP ScriptDuration − blank;`)
  out.push('  task ms Δ = CDP TaskDuration − blank; heap Δ = JSHeapUsedSize after GC − blank.')
  out.push('  ready, per row:')
  for (const r of rows) out.push(`    ${r.key} ${r.name}: ${readiness[r.key]}`)
  out.push('  requests before ready, most frequent list:')
  for (const r of rows) out.push(`    ${r.key}: ${r.beforeReadyList.join(', ') || '—'}`)
  return out.join('\n')
}

/** The issue's targets that read the peers' rows. */
export function peerTargets(rows) {
  const [jk, floor, ...others] = rows
  const plausible = rows.find((r) => r.name === 'Plausible')
  const check = (ok) => (ok === null || ok === undefined ? null : ok)
  const have = (...values) => values.every((v) => typeof v === 'number')
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

export function peerNotes(rows, { peerRuns }) {
  const notes = []
  for (const r of rows) {
    if (r.readyTimeouts) notes.push(`${r.key} ${r.name}: ready did not come in ${r.readyTimeouts} run(s)`)
    if (r.key !== 'B' && r.runs < peerRuns) notes.push(`${r.key} ${r.name}: ${r.runs} of ${peerRuns} runs completed`)
    if (r.offHost.length) notes.push(`${r.key} ${r.name}: requests left 127.0.0.1: ${r.offHost.join(', ')}`)
  }
  return notes
}
