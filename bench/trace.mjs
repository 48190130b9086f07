// Main-thread script time attributable to journeykit, from one Chromium trace, two ways:
//
// - events: the union (nested events counted once) of the complete script events
//   (EvaluateScript, v8.compile, v8.compileModule, FunctionCall, v8.evaluateModule,
//   TimerFire, EventDispatch) that name a journeykit script: by `args.data.url`, by the URL
//   of their `scriptId`, or by the top frame of `args.data.stackTrace`. A lower bound:
//   promise continuations run under RunMicrotasks, and module evaluation under
//   v8.evaluateModule, neither of which names a script, so journeykit's async code
//   (nearly all of it after the loader) is missed.
// - samples: the V8 CPU profile recorded in the same trace (category
//   disabled-by-default-v8.cpu_profiler[.hires]): every sample whose stack holds a frame
//   from a journeykit script counts for the time until the next sample. Covers microtasks
//   and module evaluation, and the browser work journeykit's code calls into (DOM, fetch,
//   IndexedDB, JSON), at the sampling interval's resolution (~0.1–1 ms at 4× throttling).
//   This is the figure to read; the events figure is kept as a cross-check.

const scriptEvents = new Set([
  'EvaluateScript', 'v8.compile', 'v8.compileModule', 'FunctionCall', 'v8.evaluateModule', 'TimerFire', 'EventDispatch',
])

function unionMs(intervals) {
  intervals.sort((a, b) => a[0] - b[0])
  let total = 0
  let [start, end] = [-Infinity, -Infinity]
  for (const [from, to] of intervals) {
    if (from > end) {
      if (end > start) total += end - start
      ;[start, end] = [from, to]
    } else if (to > end) end = to
  }
  if (end > start) total += end - start
  return total / 1000
}

/**
 * @param {{ traceEvents: any[] } | any[]} trace  what `browser.stopTracing()` returned, parsed
 * @param {string} marker  a substring of every journeykit script URL (`/dist/`)
 */
export function attributableScriptMs(trace, marker) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents ?? []
  const mine = (url) => typeof url === 'string' && url.includes(marker)

  // Script URLs by (process, scriptId), from every event that names both.
  const scriptUrl = new Map()
  const remember = (pid, id, url) => {
    // scriptId 0 is "no script" (the profile's (root), (idle), (program) nodes; some events).
    if (id !== undefined && id !== null && String(id) !== '0' && url) scriptUrl.set(`${pid}:${id}`, url)
  }
  for (const event of events) {
    const data = event.args?.data
    if (data) remember(event.pid, data.scriptId, data.url)
    if (event.name === 'ProfileChunk') {
      for (const node of data?.cpuProfile?.nodes ?? []) remember(event.pid, node.callFrame?.scriptId, node.callFrame?.url)
    }
  }
  const byId = (pid, id) => (id === undefined || id === null || String(id) === '0' ? undefined : scriptUrl.get(`${pid}:${id}`))
  const urlOf = (pid, data) => data?.url || byId(pid, data?.scriptId) || data?.stackTrace?.[0]?.url || ''

  // The renderer main thread(s) that ran journeykit code.
  const threads = new Set()
  for (const event of events) {
    if (event.ph === 'X' && scriptEvents.has(event.name) && mine(urlOf(event.pid, event.args?.data))) threads.add(`${event.pid}:${event.tid}`)
  }

  // 1. events
  const byThread = new Map()
  for (const event of events) {
    if (event.ph !== 'X' || !scriptEvents.has(event.name) || !(event.dur > 0)) continue
    if (!mine(urlOf(event.pid, event.args?.data))) continue
    const key = `${event.pid}:${event.tid}`
    if (!byThread.has(key)) byThread.set(key, [])
    byThread.get(key).push([event.ts, event.ts + event.dur])
  }
  let eventsMs = 0
  for (const intervals of byThread.values()) eventsMs += unionMs(intervals)

  // 2. samples: rebuild each profile (chunks share the Profile event's id within a process).
  const profiles = new Map()
  for (const event of events) {
    if (event.name !== 'ProfileChunk') continue
    const key = `${event.pid}:${event.id}`
    if (!profiles.has(key)) profiles.set(key, { pid: event.pid, nodes: new Map(), samples: [], deltas: [] })
    const profile = profiles.get(key)
    const data = event.args?.data ?? {}
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node)
    profile.samples.push(...(data.cpuProfile?.samples ?? []))
    profile.deltas.push(...(data.timeDeltas ?? []))
  }
  let samplesMs = 0
  let sampledJsMs = 0
  let samples = 0
  for (const profile of profiles.values()) {
    const verdict = new Map() // node id → 'mine' | 'js' | 'other'
    const judge = (id) => {
      if (verdict.has(id)) return verdict.get(id)
      const node = profile.nodes.get(id)
      let result = 'other'
      if (node) {
        const url = node.callFrame?.url || byId(profile.pid, node.callFrame?.scriptId)
        const parent = node.parent === undefined ? 'other' : judge(node.parent)
        if (parent === 'mine' || mine(url)) result = 'mine'
        else if (parent === 'js' || node.callFrame?.codeType === 'JS') result = 'js'
      }
      verdict.set(id, result)
      return result
    }
    for (let i = 0; i < profile.samples.length; i++) {
      // A sample stands for the time until the next one (as DevTools counts it).
      const span = (profile.deltas[i + 1] ?? 0) / 1000
      const kind = judge(profile.samples[i])
      if (kind === 'mine') { samplesMs += span; samples++ }
      if (kind !== 'other') sampledJsMs += span
    }
  }

  return { eventsMs, samplesMs, samples, sampledJsMs, profiled: profiles.size > 0, threads: threads.size }
}
