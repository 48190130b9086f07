// When the triggers chunk (dist/triggers.js) arrived and ran, from a start-up trace of
// scenario D (devtools.timeline + v8.execute). Times are page times in ms (the
// `navigationStart` trace event of the page's document is performance.now() 0), so they
// compare directly with the probe's `readyAt`.
//
// - requestedAt / fetchedAt: ResourceSendRequest / ResourceFinish of dist/triggers.js.
// - evaluatedAt: the first v8.evaluateModule on the page's main thread after the chunk's
//   v8.compileModule (the event names no script; nothing else is imported at that point).
// - startedBy: the end of the top-level main-thread task that holds that evaluation. The
//   `import()` continuation that calls startTriggers (adds the listeners, arms the timers)
//   runs in the same task's microtask checkpoint: checked by hand against CPU-profile
//   samples in triggers.js frames and against the watchers' TimerInstall events. An upper
//   bound: the task may hold other journeykit microtasks too.
// - startMs: the chunk's main-thread script time: its v8.compileModule plus the script
//   events (module evaluation, microtasks, calls; nested ones once) inside that task. In
//   profiled runs nearly every sample in the task had a triggers.js frame on its stack.
import { unionMs } from './trace.mjs'

const CHUNK = '/dist/triggers.js'
const scriptEvents = new Set([
  'v8.evaluateModule',
  'RunMicrotasks',
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'TimerFire',
  'EventDispatch',
])

export function triggersTiming(trace, pageUrl) {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? [])
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === pageUrl)
  if (!nav) return null
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === nav.pid && e.args?.name === 'CrRendererMain')
  const onMain = (e) => e.pid === nav.pid && (!main || e.tid === main.tid)
  const at = (e) => (e ? (e.ts - nav.ts) / 1000 : null)

  const sent = events.find((e) => e.name === 'ResourceSendRequest' && String(e.args?.data?.url ?? '').includes(CHUNK))
  const requestId = sent?.args?.data?.requestId
  const finished = requestId ? events.find((e) => e.name === 'ResourceFinish' && e.args?.data?.requestId === requestId) : null
  const compiled = events.find((e) => e.name === 'v8.compileModule' && onMain(e) && String(e.args?.data?.url ?? '').includes(CHUNK))
  const evaluated = compiled
    ? events.filter((e) => e.name === 'v8.evaluateModule' && e.ph === 'X' && onMain(e) && e.ts >= compiled.ts).sort((a, b) => a.ts - b.ts)[0]
    : null
  let task = null
  if (evaluated) {
    for (const e of events) {
      if (e.name !== 'RunTask' || e.ph !== 'X' || !onMain(e) || !(e.dur > 0)) continue
      if (e.ts <= evaluated.ts && evaluated.ts <= e.ts + e.dur && (!task || e.dur > task.dur)) task = e
    }
  }
  const inTask = task
    ? events.filter((e) => e.ph === 'X' && e.dur > 0 && scriptEvents.has(e.name) && onMain(e) && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur)
    : []
  return {
    startMs: task ? (compiled?.dur ?? 0) / 1000 + unionMs(inTask.map((e) => [e.ts, e.ts + e.dur])) : null,
    requestedAt: at(sent),
    fetchedAt: at(finished),
    evaluatedAt: at(evaluated),
    startedBy: task ? (task.ts + task.dur - nav.ts) / 1000 : null,
  }
}
