// Main-thread script time attributable to journeykit, from one Chromium trace that holds
// the devtools.timeline events and the V8 CPU profile (disabled-by-default-v8.cpu_profiler).
//
// allMs: every script event on the renderer main thread (EvaluateScript, compiles,
// v8.evaluateModule, FunctionCall, RunMicrotasks), nested ones counted once, whoever's
// script it is: journeykit's share is a scenario's allMs minus the blank page's.
//
// Attributed to journeykit by name, from narrowest to widest:
// - urlMs: the union (nested events counted once) of the complete script events
//   (EvaluateScript, v8.compile, v8.compileModule, FunctionCall, v8.evaluateModule,
//   TimerFire, EventDispatch) that name a journeykit script, by `args.data.url`, by the
//   URL of their `scriptId` or by the top frame of `args.data.stackTrace`. A lower bound:
//   promise continuations run under RunMicrotasks and module bodies under
//   v8.evaluateModule, which name no script, so most of journeykit's async code is missed.
// - ms (the figure to read): those events, plus, for every CPU-profile sample whose stack
//   holds a journeykit frame, the innermost script event (RunMicrotasks included) that
//   contains it; a sample outside any script event counts for its own interval. Event
//   boundaries give the time, samples only say whose it is.
// - samplesMs: the samples alone, each counted until the next sample (as DevTools does).
// Checked against a known workload (busy loops in sync code, a microtask, after a fetch and
// in a timer, timed in the page with performance.now()): `ms` came out 10–30% above the
// in-page figure (which leaves out compile and call overhead), urlMs 15–35% below it, and
// CDP's ScriptDuration about half of it (it leaves out microtasks). Whatever the method,
// the profiler itself slows the traced run down somewhat.

const namedEvents = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'FunctionCall', 'v8.evaluateModule', 'TimerFire', 'EventDispatch'])
const containerEvents = new Set([...namedEvents, 'RunMicrotasks'])
// TimerFire and EventDispatch wrap their callbacks' FunctionCall, and may hold non-script work.
const pureScriptEvents = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'RunMicrotasks'])

export function unionMs(intervals) {
  const sorted = intervals.slice().sort((a, b) => a[0] - b[0])
  let total = 0
  let start = -Infinity
  let end = -Infinity
  for (const [from, to] of sorted) {
    if (from > end) {
      if (end > start) total += end - start
      start = from
      end = to
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
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? [])
  const mine = (url) => typeof url === 'string' && url.includes(marker)

  // Script URLs by (process, scriptId), from every event or profile node naming both.
  // scriptId 0 means "no script" (the profile's (root), (idle), (program); some events).
  const scriptUrl = new Map()
  const known = (id) => id !== undefined && id !== null && String(id) !== '0'
  const remember = (pid, id, url) => {
    if (known(id) && url) scriptUrl.set(`${pid}:${id}`, url)
  }
  for (const event of events) {
    const data = event.args?.data
    if (!data) continue
    remember(event.pid, data.scriptId, data.url)
    if (event.name === 'ProfileChunk') {
      for (const node of data.cpuProfile?.nodes ?? []) remember(event.pid, node.callFrame?.scriptId, node.callFrame?.url)
    }
  }
  const byId = (pid, id) => (known(id) ? scriptUrl.get(`${pid}:${id}`) : undefined)
  const urlOf = (pid, data) => data?.url || byId(pid, data?.scriptId) || data?.stackTrace?.[0]?.url || ''

  // Renderer main threads, by process.
  const mainThread = new Map()
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain') mainThread.set(event.pid, event.tid)
  }

  // Script events on renderer main threads, by process.
  const scriptEventsOf = new Map()
  const named = []
  const all = []
  for (const event of events) {
    if (event.ph !== 'X' || !(event.dur > 0) || !containerEvents.has(event.name)) continue
    if (mainThread.get(event.pid) !== event.tid) continue
    const interval = [event.ts, event.ts + event.dur]
    if (!scriptEventsOf.has(event.pid)) scriptEventsOf.set(event.pid, [])
    scriptEventsOf.get(event.pid).push(interval)
    if (pureScriptEvents.has(event.name)) all.push([event.pid, interval])
    if (namedEvents.has(event.name) && mine(urlOf(event.pid, event.args?.data))) named.push([event.pid, interval])
  }

  // CPU profiles: chunks share their Profile event's id within a process.
  const profiles = new Map()
  for (const event of events) {
    if (event.name !== 'Profile' && event.name !== 'ProfileChunk') continue
    const key = `${event.pid}:${event.id}`
    if (!profiles.has(key)) profiles.set(key, { pid: event.pid, start: null, nodes: new Map(), samples: [], deltas: [] })
    const profile = profiles.get(key)
    const data = event.args?.data ?? {}
    if (event.name === 'Profile') {
      profile.start = data.startTime ?? null
      continue
    }
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node)
    profile.samples.push(...(data.cpuProfile?.samples ?? []))
    profile.deltas.push(...(data.timeDeltas ?? []))
  }

  let samplesMs = 0
  let samples = 0
  const attributed = named.slice()
  let looseMs = 0
  for (const profile of profiles.values()) {
    const isMine = new Map()
    const judge = (id) => {
      if (isMine.has(id)) return isMine.get(id)
      isMine.set(id, false) // guards against a malformed cycle
      const node = profile.nodes.get(id)
      const result = !!node && (mine(node.callFrame?.url || byId(profile.pid, node.callFrame?.scriptId)) || (node.parent !== undefined && judge(node.parent)))
      isMine.set(id, result)
      return result
    }
    const containers = scriptEventsOf.get(profile.pid) ?? []
    let at = profile.start
    for (let i = 0; i < profile.samples.length; i++) {
      at = at === null ? null : at + (profile.deltas[i] ?? 0)
      if (!judge(profile.samples[i])) continue
      // A sample stands for the time until the next one.
      const span = (profile.deltas[i + 1] ?? 0) / 1000
      samplesMs += span
      samples++
      if (at === null) continue
      let innermost = null
      for (const interval of containers) {
        if (interval[0] <= at && at <= interval[1] && (!innermost || interval[1] - interval[0] < innermost[1] - innermost[0])) innermost = interval
      }
      if (innermost) attributed.push([profile.pid, innermost])
      else looseMs += span
    }
  }

  const unionByPid = (list) => {
    const byPid = new Map()
    for (const [pid, interval] of list) {
      if (!byPid.has(pid)) byPid.set(pid, [])
      byPid.get(pid).push(interval)
    }
    let total = 0
    for (const intervals of byPid.values()) total += unionMs(intervals)
    return total
  }

  return {
    allMs: unionByPid(all),
    ms: profiles.size > 0 ? unionByPid(attributed) + looseMs : null,
    urlMs: unionByPid(named),
    samplesMs: profiles.size > 0 ? samplesMs : null,
    samples,
    profiled: profiles.size > 0,
  }
}
