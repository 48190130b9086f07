// From the per-run records to the figures the bench prints: medians per scenario, the
// scenario-minus-blank differences, the targets, and the sanity notes.
import { KB, kb, num, stats } from './report.mjs'

export const requestLabel = (q) => `${q.method} ${q.path}${q.where === 'page' ? '' : ' (collector)'}`

function mode(values) {
  const counts = new Map()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
}
const minus = (a, b) => (a === null || b === null ? null : a - b)

/**
 * @param scenarios  [{ key, name }], the blank page first under key 'A'
 * @param runs       { [key]: runOnce() results }
 * @param traces     { [key]: { plain: results, profile: results } }
 */
export function summarize(scenarios, runs, traces) {
  const summary = {}
  for (const { key, name } of scenarios) {
    const list = runs[key]
    const pick = (field) => stats(list.map((r) => r[field]))
    const lists = list.map((r) => r.requests.map(requestLabel).join(' | '))
    const { plain, profile } = traces[key]
    summary[key] = {
      name,
      runs: list.length,
      loadMs: pick('loadMs'),
      readyMs: pick('readyMs'),
      itemMs: pick('itemMs'),
      scriptMs: pick('scriptMs'),
      taskMs: pick('taskMs'),
      heapBytes: pick('heapBytes'),
      longTasks: pick('longTasks'),
      requests: stats(list.map((r) => r.requests.length)),
      // The most frequent request list, and how many different lists the runs made.
      requestList: (mode(lists) ?? '').split(' | ').filter(Boolean),
      requestListVariants: new Set(lists).size,
      readyTimeouts: list.filter((r) => !r.waited).length,
      itemShownRuns: list.filter((r) => r.itemShown).length,
      collectorPosts: stats(list.map((r) => r.collectorRequests.filter((c) => c.startsWith('POST')).length)),
      trace: {
        runs: plain.length,
        profiledRuns: profile.length,
        allMs: stats(plain.map((r) => r.trace?.allMs)),
        urlMs: stats(plain.map((r) => r.trace?.urlMs)),
        attributedMs: stats(profile.map((r) => r.trace?.ms)),
        samplesMs: stats(profile.map((r) => r.trace?.samplesMs)),
        profiled: profile.every((r) => r.trace?.profiled),
      },
    }
  }
  const blank = summary.A
  for (const s of Object.values(summary)) {
    s.journeykitScriptMs = minus(s.scriptMs.median, blank.scriptMs.median)
    s.heapGrowthBytes = minus(s.heapBytes.median, blank.heapBytes.median)
    s.trace.deltaMs = minus(s.trace.allMs.median, blank.trace.allMs.median)
  }
  return summary
}

/**
 * The script-time target reads the traced "all script events − blank" figure when there is
 * one: it counts microtasks (most of journeykit's code runs in promise continuations),
 * which CDP's ScriptDuration leaves out, and carries no profiler overhead. Failing that,
 * the profile-attributed figure, then the CDP difference.
 */
export const scriptTimeOf = (s) => s.trace.deltaMs ?? s.trace.attributedMs.median ?? s.journeykitScriptMs

export function targetsOf(summary, bytes, pages) {
  const loader = bytes.find((b) => b.file === 'dist/loader.js')
  const check = (value, test) => (value === null || value === undefined ? null : test(value))
  return [
    { what: 'loader gzip', limit: '≤ 0.7 KB', value: `${loader?.gzip ?? '—'} B`, ok: check(loader?.gzip, (v) => v <= 0.7 * KB) },
    {
      what: 'no-item page loads before ready (gzip)',
      limit: '≤ 7 KB',
      value: `${pages.noItemBeforeReady.gzip} B`,
      ok: pages.noItemBeforeReady.files.length ? pages.noItemBeforeReady.gzip <= 7 * KB : null,
    },
    ...['B', 'C'].flatMap((key) => {
      const s = summary[key]
      return [
        { what: `${key}: journeykit script time`, limit: '< 20 ms', value: `${num(scriptTimeOf(s))} ms`, ok: check(scriptTimeOf(s), (v) => v < 20) },
        { what: `${key}: heap growth`, limit: '≤ 150 KB', value: `${num(kb(s.heapGrowthBytes))} KB`, ok: check(s.heapGrowthBytes, (v) => v <= 150 * KB) },
        {
          what: `${key}: long tasks (median)`,
          limit: '0',
          value: `${num(s.longTasks.median, 0)} (max ${num(s.longTasks.max, 0)})`,
          ok: check(s.longTasks.median, (v) => v === 0),
        },
      ]
    }),
  ]
}

/** What would make a figure mean something other than its label says. */
export function notesOf(summary, { runsPerScenario, skipped, budgetS, failures }) {
  const notes = []
  if (summary.B.itemShownRuns) notes.push(`B showed an item in ${summary.B.itemShownRuns} run(s); it should show none`)
  if (summary.C.itemShownRuns < summary.C.runs) notes.push(`C showed no item in ${summary.C.runs - summary.C.itemShownRuns} run(s)`)
  for (const key of ['B', 'C']) {
    const s = summary[key]
    if (s.readyTimeouts) notes.push(`${key}: ready (or the item) did not come in ${s.readyTimeouts} run(s)`)
    if (s.runs && !s.collectorPosts.max) notes.push(`${key}: no batch reached the collector`)
    if (s.trace.profiledRuns && !s.trace.profiled) notes.push(`${key}: a profiled trace held no CPU profile`)
    if (s.requestListVariants > 1) notes.push(`${key}: the runs made ${s.requestListVariants} different request lists (see latest.json)`)
  }
  const blankAttributed = Math.max(summary.A.trace.attributedMs.max ?? 0, summary.A.trace.urlMs.max ?? 0)
  if (blankAttributed) notes.push(`the blank page was attributed ${num(blankAttributed)} ms of journeykit script time (expected 0)`)
  for (const [key, s] of Object.entries(summary)) if (s.runs < runsPerScenario) notes.push(`${key}: ${s.runs} of ${runsPerScenario} runs completed`)
  if (skipped) notes.push(`${skipped} run(s) skipped: over the ${budgetS} s budget`)
  for (const failure of failures) notes.push(`run failed: ${failure}`)
  return notes
}
