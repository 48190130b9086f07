// The items benchmark (scenario E): how long a `show()` call takes to paint its item, with
// the UI chunk (dist/ui.js) cold and warm, at 4× CPU throttling.
//
// Page: scenario B's blank page and loader tag; the config has two `focus` `modal` items
// (title, body, code, cta) and one rule that never matches, so nothing shows by itself.
// Each run is a fresh context (so ui.js is in no cache and not yet imported): the page is
// taken to `ready`, flushed and left 500 ms, then, traced:
// - cold: `journeykit.show('x')`, the first show on the page: ui.js is requested, compiled
//   and evaluated inside the measured time;
// - `journeykit.hide()`, 300 ms;
// - warm: `journeykit.show('y')`, a second item on the same page: the chunk is loaded.
//
// Times are from the `show()` call (page `performance.now()` taken just before it, and a
// `performance.mark` that puts the same moment in the trace):
// - in DOM: a MutationObserver on <body> sees `[data-journeykit-item]`. The UI chunk renders
//   synchronously right after appending the element, and the observer's callback runs as
//   a microtask after that, so this is "inserted and rendered into the shadow root".
// - painted: the end of the first main-thread `Paint` event that starts after the
//   insertion (blink has recorded the frame's paint with the item in it);
// - drawn (the figure the targets read): the first compositor `DrawFrame` after that Paint
//   started: the frame holding the item handed for display. Trace category
//   disabled-by-default-devtools.timeline.frame.
// - rAF + timeout: the in-page proxy: a requestAnimationFrame callback after the insertion,
//   then a setTimeout(0) from it, which runs once that frame has been produced. A
//   cross-check on the trace figures, from the same (traced) runs.
// - ui.js requested / fetched: ResourceSendRequest / ResourceFinish of the chunk (cold only).
// - long tasks: `longtask` entries overlapping [show(), rAF + timeout].
import { probeScript } from './probe.mjs'
import { CPU_THROTTLING, SETTLE_MS } from './scenarios.mjs'

const WAIT_MS = 20_000
const GAP_MS = 300
const CHUNK = '/dist/ui.js'
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing']

const item = (title) => ({
  kind: 'focus',
  style: 'modal',
  title,
  body: 'Ten percent off your first order, today only. Use the code at checkout.',
  code: 'WELCOME10',
  cta: { label: 'Shop now', url: '/shop' },
})
export const itemsConfig = {
  version: 1,
  items: { x: item('Welcome back'), y: item('Still looking?') },
  rules: [{ id: 'r', on: 'page_view', if: { 'page.path': '/never' }, show: 'x' }],
}

/** Long tasks with their times, for windows the probe's totals cannot give. */
export const longTaskScript = `(() => {
  const list = (window.__jkLongTasks = [])
  try {
    new PerformanceObserver((entries) => {
      for (const e of entries.getEntries()) list.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
})()`

/** Registers E's page; `seal` as `journeykit build` does. */
export function itemsPage(server, collector, seal = (config) => config) {
  server.setPage('/bench/e.json', { type: 'application/json; charset=utf-8', body: JSON.stringify(seal(itemsConfig)) })
  server.setPage('/bench/e.html', {
    body: `<!doctype html><title>blank</title><p>hello</p><script async src="/dist/loader.js" data-config="/bench/e.json" data-collector="${collector.batchUrl}"></script>`,
  })
  return '/bench/e.html'
}

/** In the page: show `id`, resolve with in-page times once the rAF + setTimeout(0) proxy fired. */
const showInPage = ([label, id, limit]) =>
  new Promise((done) => {
    const out = { label, t0: null, insertedAt: null, rafAt: null, proxyAt: null, rendered: false, timedOut: false }
    const selector = `[data-journeykit-item="${id}"]`
    const observer = new MutationObserver(() => {
      const element = document.querySelector(selector)
      if (!element || out.insertedAt !== null) return
      out.insertedAt = performance.now()
      performance.mark(`jk-inserted:${label}`)
      observer.disconnect()
      out.rendered = !!element.shadowRoot?.querySelector('.title')
      requestAnimationFrame(() => {
        out.rafAt = performance.now()
        setTimeout(() => {
          out.proxyAt = performance.now()
          performance.mark(`jk-proxy:${label}`)
          done(out)
        }, 0)
      })
    })
    observer.observe(document.body, { childList: true })
    setTimeout(() => {
      if (out.proxyAt !== null) return
      observer.disconnect()
      out.timedOut = true
      done(out)
    }, limit)
    performance.mark(`jk-show:${label}`)
    out.t0 = performance.now()
    window.journeykit.show(id)
  })

/** From a trace of both shows: the paint, draw and chunk-fetch times of one, in ms from its show(). */
export function showTiming(trace, label) {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? [])
  const mark = (name) => events.find((e) => e.name === name && e.ph !== 'M' && String(e.cat).includes('blink.user_timing'))
  const show = mark(`jk-show:${label}`)
  const inserted = mark(`jk-inserted:${label}`)
  if (!show) return null
  const at = (ts) => (typeof ts === 'number' ? (ts - show.ts) / 1000 : null)
  const onMain = (e) => e.pid === show.pid && e.tid === show.tid
  const first = (test) => events.filter(test).sort((a, b) => a.ts - b.ts)[0] ?? null
  const paint = inserted ? first((e) => e.name === 'Paint' && e.ph === 'X' && onMain(e) && e.ts >= inserted.ts) : null
  const draw = paint ? first((e) => e.name === 'DrawFrame' && e.pid === show.pid && !onMain(e) && e.ts >= paint.ts) : null
  const sent = first(
    (e) => e.name === 'ResourceSendRequest' && e.ts >= show.ts && (!inserted || e.ts <= inserted.ts) && String(e.args?.data?.url ?? '').includes(CHUNK),
  )
  const requestId = sent?.args?.data?.requestId
  const finished = requestId ? first((e) => e.name === 'ResourceFinish' && e.args?.data?.requestId === requestId) : null
  return {
    insertedMs: at(inserted?.ts),
    paintStartMs: at(paint?.ts),
    paintedMs: paint ? at(paint.ts + (paint.dur ?? 0)) : null,
    drawnMs: at(draw?.ts),
    chunkRequestedMs: at(sent?.ts),
    chunkFetchedMs: at(finished?.ts),
  }
}

/** One run: a fresh context, the page to ready + settle, then a traced cold show and warm show. */
export async function showRun(browser, { url, collector }) {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.addInitScript(probeScript)
    await page.addInitScript(longTaskScript)
    const origin = new URL(url).origin
    const requests = []
    let phase = 'load'
    page.on('request', (request) => {
      const at = new URL(request.url())
      if (at.origin === origin) requests.push({ path: at.pathname, phase })
    })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING })
    collector?.clear()
    await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS })
    const waited = await page.evaluate(
      (limit) => Promise.race([window.__jkBench.ready.then(() => true), new Promise((done) => setTimeout(() => done(false), limit))]),
      WAIT_MS,
    )
    await page.evaluate(() => window.journeykit.flush())
    await page.waitForTimeout(SETTLE_MS)
    const chunkBefore = await page.evaluate((chunk) => performance.getEntriesByType('resource').some((e) => e.name.includes(chunk)), CHUNK)

    await browser.startTracing(page, { categories })
    phase = 'cold'
    const cold = await page.evaluate(showInPage, ['cold', 'x', WAIT_MS])
    await page.waitForTimeout(GAP_MS)
    await page.evaluate(() => window.journeykit.hide())
    await page.waitForTimeout(GAP_MS)
    phase = 'warm'
    const warm = await page.evaluate(showInPage, ['warm', 'y', WAIT_MS])
    // The long-task observer's callback, and the frame after the warm show.
    await page.waitForTimeout(GAP_MS)
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'))
    const longTasks = await page.evaluate(() => window.__jkLongTasks)

    const result = (shown) => {
      const within = longTasks.filter((t) => shown.t0 !== null && t.start + t.duration > shown.t0 && t.start < (shown.proxyAt ?? Infinity))
      const rel = (v) => (v === null || shown.t0 === null ? null : v - shown.t0)
      return {
        rendered: shown.rendered,
        timedOut: shown.timedOut,
        insertedMs: rel(shown.insertedAt),
        rafMs: rel(shown.rafAt),
        proxyMs: rel(shown.proxyAt),
        longTasks: within.length,
        longTaskMs: within.reduce((sum, t) => sum + t.duration, 0),
        trace: showTiming(trace, shown.label),
        requests: requests.filter((q) => q.phase === shown.label).map((q) => q.path),
      }
    }
    return { waited, chunkBefore, cold: result(cold), warm: result(warm) }
  } finally {
    await context.close().catch(() => {})
  }
}

export const emptyItems = () => ({ runs: [], failures: [], skipped: 0 })

/**
 * `runs` runs (no warm-up run: the browser and the servers are warm from the sections before).
 * No new run starts after `deadline` (epoch ms).
 */
export async function runItems(browser, { origin, collector, path, runs, deadline }) {
  const out = emptyItems()
  for (let i = 0; i < runs; i++) {
    if (Date.now() > deadline) {
      out.skipped++
      continue
    }
    try {
      out.runs.push(await showRun(browser, { url: origin + path, collector }))
    } catch (err) {
      out.failures.push(String(err?.message ?? err).split('\n')[0])
    }
  }
  return out
}
