// From the item runs (items.mjs) to the figures, targets, notes and the printed table.
import { num, spread, stats, table } from './report.mjs'
import { sizesOf } from './bytes.mjs'

/**
 * The time the targets read: the compositor's DrawFrame; a run whose trace lacks it falls
 * back to the end of the main-thread Paint (never to the in-page proxy).
 */
export const firstPaintOf = (shown) => shown.trace?.drawnMs ?? shown.trace?.paintedMs ?? null

export function summarizeItems(out, snapshot) {
  const side = (kind) => {
    const list = out.runs.map((r) => r[kind])
    const pick = (read) => stats(list.map(read))
    return {
      runs: list.length,
      firstPaintMs: pick(firstPaintOf),
      insertedMs: pick((s) => s.insertedMs),
      paintedMs: pick((s) => s.trace?.paintedMs),
      drawnMs: pick((s) => s.trace?.drawnMs),
      proxyMs: pick((s) => s.proxyMs),
      chunkRequestedMs: pick((s) => s.trace?.chunkRequestedMs),
      chunkFetchedMs: pick((s) => s.trace?.chunkFetchedMs),
      longTasks: pick((s) => s.longTasks),
      longTaskMs: pick((s) => s.longTaskMs),
      fallbacks: list.filter((s) => s.trace?.drawnMs == null && firstPaintOf(s) !== null).length,
      unpainted: list.filter((s) => firstPaintOf(s) === null).length,
      unrendered: list.filter((s) => !s.rendered).length,
      timedOut: list.filter((s) => s.timedOut).length,
      requests: [...new Set(list.flatMap((s) => s.requests))].sort(),
    }
  }
  // What the cold show fetched (the chunk, and anything it pulled in), as served.
  const cold = side('cold')
  const fetched = cold.requests.filter((path) => path.endsWith('.js')).map((path) => ({ path, ...sizesOf(snapshot.get(path) ?? Buffer.alloc(0)) }))
  const ui = snapshot.get('/dist/ui.js')
  return {
    cold,
    warm: side('warm'),
    chunk: ui ? { file: 'dist/ui.js', ...sizesOf(ui) } : null,
    fetched,
    fetchedGzip: fetched.reduce((sum, f) => sum + f.gzip, 0),
    fetchedBrotli: fetched.reduce((sum, f) => sum + f.brotli, 0),
    chunkLoadedBeforeShow: out.runs.filter((r) => r.chunkBefore).length,
    notReady: out.runs.filter((r) => !r.waited).length,
  }
}

export function itemsTargets(t) {
  const check = (value, test) => (value === null || value === undefined ? null : test(value))
  const longMax = Math.max(t.cold.longTasks.max ?? -Infinity, t.warm.longTasks.max ?? -Infinity)
  return [
    {
      what: 'E: show() → item drawn, warm',
      limit: '< 50 ms',
      value: `${num(t.warm.firstPaintMs.median)} ms`,
      ok: check(t.warm.firstPaintMs.median, (v) => v < 50),
    },
    {
      what: 'E: show() → item drawn, cold (loopback)',
      limit: '< 150 ms',
      value: `${num(t.cold.firstPaintMs.median)} ms`,
      ok: check(t.cold.firstPaintMs.median, (v) => v < 150),
    },
    {
      what: 'E: long tasks during a show (max, cold / warm)',
      limit: '0',
      value: `${num(t.cold.longTasks.max, 0)} / ${num(t.warm.longTasks.max, 0)}`,
      ok: Number.isFinite(longMax) ? longMax === 0 : null,
    },
  ]
}

export function itemsNotes(t, out, { runs }) {
  const notes = []
  if (out.runs.length < runs) notes.push(`items: ${out.runs.length} of ${runs} runs completed`)
  if (t.notReady) notes.push(`items: the page was not ready in ${t.notReady} run(s)`)
  if (t.chunkLoadedBeforeShow) notes.push(`items: ui.js was already loaded before the cold show in ${t.chunkLoadedBeforeShow} run(s): not cold`)
  for (const kind of ['cold', 'warm']) {
    const s = t[kind]
    if (s.timedOut) notes.push(`items ${kind}: the item did not show in ${s.timedOut} run(s)`)
    if (s.unrendered) notes.push(`items ${kind}: the item's shadow root had no title when it was inserted in ${s.unrendered} run(s)`)
    if (s.fallbacks) notes.push(`items ${kind}: no DrawFrame in ${s.fallbacks} trace(s): read the end of the main-thread Paint instead`)
    if (s.unpainted) notes.push(`items ${kind}: no Paint after the insertion in ${s.unpainted} trace(s)`)
  }
  if (t.cold.runs && !t.cold.requests.includes('/dist/ui.js')) notes.push('items: the cold show did not request dist/ui.js')
  if (t.warm.requests.length) notes.push(`items: the warm show requested ${t.warm.requests.join(', ')}`)
  if (out.skipped) notes.push(`items: ${out.skipped} run(s) skipped: over the items time budget`)
  for (const failure of out.failures) notes.push(`items run failed: ${failure}`)
  return notes
}

export function renderItems(t, { cpu, runs }) {
  const lines = []
  lines.push(
    `items (median (min–max) of ${runs} runs, ${cpu}× CPU; ms from the show() call) — E: B's page, a focus modal (title, body, code, cta) shown by show()`,
  )
  const row = (label, s, cold) => [
    label,
    cold ? spread(s.chunkRequestedMs) : '',
    cold ? spread(s.chunkFetchedMs) : '',
    spread(s.insertedMs),
    spread(s.paintedMs),
    spread(s.drawnMs),
    spread(s.proxyMs),
    `${spread(s.longTasks, 0)}${s.longTasks.max ? ` (${num(s.longTaskMs.median, 0)} ms)` : ''}`,
  ]
  lines.push(
    table(
      ['show', 'ui.js requested', 'ui.js fetched', 'in DOM', 'painted', 'drawn', 'rAF + timeout', 'long tasks'],
      [row('cold (ui.js not loaded)', t.cold, true), row('warm (second item)', t.warm, false)],
    ),
  )
  lines.push('  in DOM = a MutationObserver saw [data-journeykit-item] (rendered into its shadow root); painted = end')
  lines.push('  of the first main-thread Paint after that; drawn = the first compositor DrawFrame after that Paint (the')
  lines.push('  figure the targets read); rAF + timeout = in-page proxy (rAF after the insertion, then setTimeout 0),')
  lines.push('  same runs. ui.js = ResourceSendRequest / ResourceFinish. All runs traced; long tasks = longtask')
  lines.push('  entries overlapping [show(), rAF + timeout] (in brackets: median of their total ms).')
  if (t.chunk) {
    lines.push(
      `  UI chunk dist/ui.js: ${t.chunk.raw} B raw, ${t.chunk.gzip} B gzip, ${t.chunk.brotli} B brotli; the cold show fetched ${t.fetched.map((f) => f.path.replace(/^\/dist\//, '')).join(' + ') || '—'} (${t.fetchedGzip} B gzip, ${t.fetchedBrotli} B brotli).`,
    )
  }
  return lines.join('\n')
}
