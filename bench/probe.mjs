// The init script every bench page gets, blank included (so its own cost cancels out in
// the scenario-minus-blank figures). It records, in page time (performance.now(), where
// navigation start is 0):
// - long tasks, from a buffered PerformanceObserver;
// - when `window.journeykit.ready` resolves: a setter on `window.journeykit` attaches to
//   `ready` the moment the runtime publishes its API, so the time is exact rather than
//   rounded up to a polling interval;
// - when the first `[data-journeykit-item]` element is in the document;
// - on a peer's page (peers.mjs), when its snippet calls `__jkBench.peerReady()`, its own
//   readiness signal, recorded as readyAt like journeykit's ready.
export const probeScript = `(() => {
  const bench = (window.__jkBench = { longTasks: 0, longTaskMs: 0, readyAt: null, itemAt: null })
  let readyDone, itemDone
  bench.ready = new Promise((done) => (readyDone = done))
  bench.item = new Promise((done) => (itemDone = done))
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) { bench.longTasks++; bench.longTaskMs += entry.duration }
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
  bench.peerReady = () => {
    if (bench.readyAt !== null) return
    bench.readyAt = performance.now(); readyDone(bench.readyAt)
  }
  let value
  const watch = (api) => {
    if (bench.watching || !api || typeof api !== 'object' || !api.ready || typeof api.ready.then !== 'function') return
    bench.watching = true
    api.ready.then(
      () => { bench.readyAt = performance.now(); readyDone(bench.readyAt) },
      () => { bench.readyFailed = true; readyDone(null) },
    )
  }
  Object.defineProperty(window, 'journeykit', {
    configurable: true, enumerable: true,
    get() { return value },
    set(next) { value = next; watch(next) },
  })
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-journeykit-item]')) return
    bench.itemAt = performance.now(); itemDone(bench.itemAt); observer.disconnect()
  })
  observer.observe(document, { childList: true, subtree: true })
})()`
