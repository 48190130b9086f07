// The delivery benchmark (scenario F): what `track()` costs the page, and how fast a
// backlog of queued events reaches a loopback collector. Page: scenario B's blank page, config
// and loader tag, on its own paths (so its events can be told apart at the collector).
//
// track() cost: a fresh context at 1× (no throttling) and another at 4× CPU. After `ready`,
// `flush()` and the settle time the context goes offline (`context.setOffline(true)`), so
// nothing is sent and the events stay in the outbox; then, `loops` times, in one page call:
//   t0; 1,000 × journeykit.track('bench', { i, sku: 'linen-shirt', price: 49 }); t1;
//   await journeykit.flush(); t2
// - per call = (t1 − t0) / 1,000: the synchronous cost on the caller's stack. track() only
//   validates and captures the call; the event is built, stored and evaluated later, in
//   promise continuations.
// - in outbox = t2 − t0, wall time: `flush()` resolves after every queued call has run and
//   every IndexedDB write has completed (the sender waits for its writes before sending),
//   and after one send attempt, which fails at once offline (trim, read the oldest 100, one
//   JSON body, a fetch rejected by the browser): an upper bound by that much.
// - main-thread ms: from a trace of the loops (disabled-by-default-devtools.timeline): the
//   union of the renderer main thread's top-level tasks (RunTask) between t0 and t2
//   (performance.mark puts both in the trace). It includes the page call's own task (the
//   loop), and anything else the main thread did meanwhile. Every loop is traced, so the
//   in-outbox wall time carries the tracing overhead too (the per-call figure does not: no
//   trace event is written inside the synchronous loop).
// - outbox count: IndexedDB `journeykit-outbox`/`events` counted after each loop (a check).
//
// Flush of a backlog: a fresh context; after ready + settle it goes offline, tracks `events`
// events of the same shape in one loop and awaits flush() (the outbox is written; the fill
// runs at 1× to save time), checks the outbox count and the collector (none arrived), turns
// 4× throttling on and waits 300 ms. Then: the clock starts (in Node), setOffline(false),
// `journeykit.flush()` is called, and the clock stops when the collector has stored all
// `events` (polled every 10 ms). Also: when flush() resolved in the page, the longtask
// entries overlapping the flush, and every POST the page sent to the collector meanwhile
// (Playwright `request.postDataBuffer()`: body bytes; `request.sizes()`: header bytes).
import { gzipSync } from 'node:zlib'
import { probeScript } from './probe.mjs'
import { longTaskScript } from './items.mjs'
import { CPU_THROTTLING, SETTLE_MS } from './scenarios.mjs'
import { unionMs } from './trace.mjs'

const WAIT_MS = 20_000
const DELIVER_MS = 60_000
// disabled-by-default-devtools.timeline holds the RunTask events (top-level tasks).
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing']
export const EVENT = 'bench'

/** Registers the pages: F for the track() loops, F′ for the backlog flush (B's config). */
export function deliveryPages(server, collector, config) {
  server.setPage('/bench/f.json', { type: 'application/json; charset=utf-8', body: JSON.stringify(config) })
  for (const name of ['f-track', 'f-flush']) {
    server.setPage(`/bench/${name}.html`, {
      body: `<!doctype html><title>blank</title><p>hello</p><script async src="/dist/loader.js" data-config="/bench/f.json" data-collector="${collector.batchUrl}"></script>`,
    })
  }
  return { track: '/bench/f-track.html', flush: '/bench/f-flush.html' }
}

/** Events in this tab's outbox (IndexedDB), or null without one. */
const outboxCount = () =>
  new Promise((done) => {
    const open = indexedDB.open('journeykit-outbox')
    open.onerror = () => done(null)
    open.onsuccess = () => {
      const db = open.result
      try {
        const count = db.transaction('events', 'readonly').objectStore('events').count()
        count.onsuccess = () => (db.close(), done(count.result))
        count.onerror = () => (db.close(), done(null))
      } catch {
        db.close()
        done(null)
      }
    }
  })

/** A fresh context and page, throttled at `rate`, taken to ready + flushed + settled. */
async function openPage(browser, url, rate) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.addInitScript(probeScript)
  await page.addInitScript(longTaskScript)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS })
  const waited = await page.evaluate(
    (limit) => Promise.race([window.__jkBench.ready.then(() => true), new Promise((done) => setTimeout(() => done(false), limit))]),
    WAIT_MS,
  )
  await page.evaluate(() => window.journeykit.flush())
  await page.waitForTimeout(SETTLE_MS)
  return { context, page, cdp, waited }
}

/** Main-thread busy time between two marks of a trace: the union of top-level tasks, clipped. */
export function busyBetween(trace, fromMark, toMark) {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? [])
  const mark = (name) => events.find((e) => e.name === name && e.ph !== 'M' && String(e.cat).includes('blink.user_timing'))
  const from = mark(fromMark)
  const to = mark(toMark)
  if (!from || !to) return null
  const intervals = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === from.pid && e.tid === from.tid && e.ts < to.ts && e.ts + (e.dur ?? 0) > from.ts)
    .map((e) => [Math.max(e.ts, from.ts), Math.min(e.ts + (e.dur ?? 0), to.ts)])
  return { busyMs: unionMs(intervals), wallMs: (to.ts - from.ts) / 1000, tasks: intervals.length }
}

/** track() loops on one page at `rate`× CPU, offline, traced. */
export async function trackRun(browser, { url, rate, loops, calls }) {
  const { context, page, waited } = await openPage(browser, url, rate)
  try {
    await context.setOffline(true)
    await browser.startTracing(page, { categories })
    const results = []
    for (let k = 0; k < loops; k++) {
      const r = await page.evaluate(
        async ([k, n, event]) => {
          const jk = window.journeykit
          performance.mark(`jk-loop:${k}`)
          const t0 = performance.now()
          for (let i = 0; i < n; i++) jk.track(event, { i, sku: 'linen-shirt', price: 49 })
          const t1 = performance.now()
          await jk.flush()
          const t2 = performance.now()
          performance.mark(`jk-outbox:${k}`)
          return { t0, t1, t2 }
        },
        [k, calls, EVENT],
      )
      const outbox = await page.evaluate(outboxCount)
      results.push({ ...r, outbox })
      await page.waitForTimeout(100)
    }
    await page.waitForTimeout(200)
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'))
    const longTasks = await page.evaluate(() => window.__jkLongTasks)
    return {
      rate,
      waited,
      loops: results.map((r, k) => {
        const within = longTasks.filter((t) => t.start + t.duration > r.t0 && t.start < r.t2)
        const busy = busyBetween(trace, `jk-loop:${k}`, `jk-outbox:${k}`)
        return {
          loopMs: r.t1 - r.t0,
          perCallUs: ((r.t1 - r.t0) * 1000) / calls,
          outboxMs: r.t2 - r.t0,
          mainThreadMs: busy?.busyMs ?? null,
          outbox: r.outbox,
          longTasks: within.length,
          longTaskMs: within.reduce((sum, t) => sum + t.duration, 0),
        }
      }),
    }
  } finally {
    await context.close().catch(() => {})
  }
}

/** One backlog flush: `events` tracked offline, then delivered at 4× CPU. */
export async function flushRun(browser, { url, events, collector }) {
  const { context, page, cdp, waited } = await openPage(browser, url, 1)
  const path = new URL(url).pathname
  const ours = () => collector.events().filter((e) => e.event === EVENT && e.context?.page?.path === path)
  try {
    collector.clear()
    await context.setOffline(true)
    const fill = await page.evaluate(
      async ([n, event]) => {
        const jk = window.journeykit
        const t0 = performance.now()
        for (let i = 0; i < n; i++) jk.track(event, { i, sku: 'linen-shirt', price: 49 })
        const t1 = performance.now()
        await jk.flush()
        return { loopMs: t1 - t0, writtenMs: performance.now() - t0 }
      },
      [events, EVENT],
    )
    const queued = await page.evaluate(outboxCount)
    const arrivedOffline = ours().length

    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING })
    await page.waitForTimeout(300)
    collector.clear()
    const posts = []
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().startsWith(collector.url)) posts.push(request)
    })

    const started = performance.now()
    await context.setOffline(false)
    const flushed = page
      .evaluate(async () => {
        const t0 = performance.now()
        await window.journeykit.flush()
        return { t0, t1: performance.now() }
      })
      .catch(() => null)
    let deliveredMs = null
    while (performance.now() - started < DELIVER_MS) {
      if (ours().length >= events) {
        deliveredMs = performance.now() - started
        break
      }
      await new Promise((done) => setTimeout(done, 10))
    }
    let timer
    const inPage = (await Promise.race([flushed, new Promise((done) => (timer = setTimeout(done, WAIT_MS, null)))])) ?? { t0: null, t1: null }
    clearTimeout(timer)
    await page.waitForTimeout(300) // the longtask observer's callback
    const longTasks = (await page.evaluate(() => window.__jkLongTasks)).filter(
      (t) => inPage.t0 !== null && t.start + t.duration > inPage.t0 && t.start < inPage.t1,
    )
    const left = await page.evaluate(outboxCount)

    let bodyBytes = 0
    let gzipBytes = 0
    let headerBytes = 0
    let bodiesRead = 0
    // A POST that failed (one that left while still offline) carried nothing to the collector.
    const failedPosts = posts.filter((request) => request.failure())
    for (const request of posts.filter((r) => !r.failure())) {
      const body = request.postDataBuffer()
      if (body) {
        bodiesRead++
        bodyBytes += body.length
        gzipBytes += gzipSync(body, { level: 9 }).length
      }
      const sizes = await request.sizes().catch(() => null)
      if (sizes) headerBytes += sizes.requestHeadersSize
    }
    const delivered = ours()
    const statuses = {}
    for (const r of collector.requests()) if (r.method === 'POST') statuses[r.status] = (statuses[r.status] ?? 0) + 1
    return {
      waited,
      events,
      fillLoopMs: fill.loopMs,
      fillWrittenMs: fill.writtenMs,
      queued,
      arrivedOffline,
      deliveredMs,
      flushMs: inPage.t0 === null ? null : inPage.t1 - inPage.t0,
      delivered: delivered.length,
      distinct: new Set(delivered.map((e) => e.properties?.i)).size,
      left,
      posts: posts.length - failedPosts.length,
      failedPosts: failedPosts.length,
      bodiesRead,
      bodyBytes,
      gzipBytes,
      headerBytes,
      statuses,
      longTasks: longTasks.length,
      longTaskMs: longTasks.reduce((sum, t) => sum + t.duration, 0),
      longestTaskMs: longTasks.reduce((max, t) => Math.max(max, t.duration), 0),
    }
  } finally {
    await context.close().catch(() => {})
  }
}

export const emptyDelivery = () => ({ track: [], flush: [], failures: [], skipped: 0 })

/**
 * track() loops at 1× and at 4× CPU, then `flushes` backlog flushes of `events` events. No
 * new run starts after `deadline` (epoch ms).
 */
export async function runDelivery(browser, { origin, collector, paths, loops, calls, flushes, events, deadline }) {
  const out = emptyDelivery()
  const attempt = async (label, list, run) => {
    if (Date.now() > deadline) return void out.skipped++
    try {
      list.push(await run())
    } catch (err) {
      out.failures.push(`${label}: ${String(err?.message ?? err).split('\n')[0]}`)
    }
  }
  for (const rate of [1, CPU_THROTTLING]) {
    await attempt(`track() at ${rate}×`, out.track, () => trackRun(browser, { url: origin + paths.track, rate, loops, calls }))
  }
  for (let i = 0; i < flushes; i++) {
    await attempt(`flush of ${events}`, out.flush, () => flushRun(browser, { url: origin + paths.flush, events, collector }))
  }
  return out
}
