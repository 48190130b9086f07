// Plain-text tables and the small statistics the bench prints.

export const KB = 1024

export function stats(values) {
  const list = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (list.length === 0) return { median: null, min: null, max: null, n: 0 }
  const mid = list.length >> 1
  const median = list.length % 2 ? list[mid] : (list[mid - 1] + list[mid]) / 2
  return { median, min: list[0], max: list[list.length - 1], n: list.length }
}

/** `digits` decimals, or '—' for a missing value. */
export function num(value, digits = 1) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—'
}

/** "median (min–max)". */
export function spread(s, digits = 1) {
  if (s.median === null) return '—'
  if (s.min === s.max) return num(s.median, digits)
  return `${num(s.median, digits)} (${num(s.min, digits)}–${num(s.max, digits)})`
}

/** Bytes to KB (1024), keeping a missing value missing. */
export const kb = (bytes) => (typeof bytes === 'number' ? bytes / KB : null)

export const mark = (ok) => (ok === null || ok === undefined ? '?' : ok ? '✓' : '✗')

/**
 * An aligned text table. `align` is a string of 'l'/'r' per column (default: first column
 * left, the rest right).
 */
export function table(headers, rows, align) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell ?? '')))
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)))
  const pad = (text, i) => {
    const gap = ' '.repeat(widths[i] - [...text].length)
    return (align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? text + gap : gap + text
  }
  const line = (row) => row.map(pad).join('  ').trimEnd()
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

const shortPath = (f) => f.path.replace(/^\/dist\//, '')

/** The whole printed report, as text. */
export function render({
  chromium,
  cpu,
  runsPerScenario,
  tracedRunsPerScenario: tracedRuns,
  settleMs,
  bytes,
  pages,
  scenarios,
  summary,
  targets,
  notes,
  seconds,
  timings = {},
  sections = [],
}) {
  const out = []
  const say = (text = '') => out.push(text)
  say(
    `journeykit bench — Chromium ${chromium}, headless, ${cpu}× CPU throttling, ${runsPerScenario} runs per scenario (+${tracedRuns}+${tracedRuns} traced), settle ${settleMs} ms`,
  )
  say()
  say('bytes (KB = 1024 B)')
  say(
    table(
      ['artifact', 'raw B', 'gzip B', 'brotli B'],
      bytes.map((b) => [b.file, b.raw, b.gzip, b.brotli]),
    ),
  )
  say()
  say(`no-item page loads:  ${pages.noItem.gzip} B gzip  (${pages.noItem.files.map(shortPath).join(' + ') || 'no JS requested?'})`)
  say(`  before ready:       ${pages.noItemBeforeReady.gzip} B gzip  (${pages.noItemBeforeReady.files.map(shortPath).join(' + ') || 'none recorded'})`)
  say(`with an item shown:  ${pages.withItem.gzip} B gzip  (${pages.withItem.files.map(shortPath).join(' + ') || 'no JS requested?'})`)
  say('  = the JS files the page requested in scenario B / C (browser request log), gzip -9 each')
  say()
  say(`scenarios (median (min–max) of ${runsPerScenario}, ${cpu}× CPU; times from navigation start)`)
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
          num(kb(s.heapBytes.median)),
          num(kb(s.heapGrowthBytes)),
          spread(s.requests, 0),
        ]
      }),
    ),
  )
  say('  script/task ms = CDP Performance ScriptDuration/TaskDuration (ScriptDuration leaves out most')
  say('  microtasks: read the trace table below); jk script ms = scenario − blank (medians);')
  say('  heap = JSHeapUsedSize after a forced GC; requests = what the page asked for (Playwright).')
  say()
  say(`main-thread script time from traces (median (min–max) of ${tracedRuns} traced runs of each kind, ${cpu}× CPU)`)
  say(
    table(
      ['scenario', 'all script ms', 'jk: Δ blank', 'jk: url-named', 'jk: profiled', 'jk: samples'],
      scenarios.map(({ key }) => {
        const t = summary[key].trace
        return [`${key} ${summary[key].name}`, spread(t.allMs), num(t.deltaMs), spread(t.urlMs), spread(t.attributedMs), spread(t.samplesMs)]
      }),
    ),
  )
  say('  all script = union of script events, microtasks included, on the main thread; jk = journeykit:')
  say('  Δ blank = all script − blank page (the figure the target reads); url-named = events naming a')
  say('  /dist/ script (misses microtasks: a lower bound); profiled/samples = attributed by V8 CPU-profile')
  say('  stacks, in separate runs with the profiler on (which slows them: reads high).')
  say()
  for (const section of sections) {
    say(section)
    say()
  }
  say('requests (most frequent list per scenario)')
  for (const { key } of scenarios) say(`  ${key}: ${summary[key].requestList.join(', ') || '—'}`)
  say()
  say('targets (informational)')
  say(
    table(
      ['', 'target', 'measured', ''],
      targets.map((t) => [t.what, t.limit, t.value, mark(t.ok)]),
      'lrrl',
    ),
  )
  if (notes.length) {
    say()
    say('notes')
    for (const note of notes) say(`  - ${note}`)
  }
  say()
  const parts = Object.entries(timings).map(([name, s]) => `${name} ${s.toFixed(0)}`)
  say(`took ${seconds.toFixed(0)} s${parts.length ? ` (${parts.join(', ')})` : ''}`)
  return out.join('\n')
}
