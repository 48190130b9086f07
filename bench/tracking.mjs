// The tracking benchmark: scenario D ("tracking with engagement rules") on a tall page.
//
// Start-up: traced runs of D and of B′ (scenario B's config on the same tall page: tracking,
// no engagement rule, so no triggers chunk) through `runOnce`, interleaved (the order
// alternating from round to round). D − B′ is the cost of the triggers chunk and of
// starting its watchers (and of D's longer config); tracking-trace.mjs times the chunk's
// own task in D's trace. (CPU-profile samples in triggers.js frames were tried too: a
// handful of samples per run, 0–12 ms over 7 runs, too coarse to read against 2 ms.)
//
// Bursts: after `ready` and the settle time, with throttling on, 1,000 real input events
// through CDP, one at a time (each call returns once the renderer has handled the event,
// about a frame), on D and on the same tall page without journeykit; the burst alone is
// traced. Scroll: `mouseWheel`, 18 px each (so the page passes 50% and 90%: both scroll
// rules fire); pointer: `mouseMoved` along a curve inside the viewport; touch: the same page
// on an emulated phone (Pixel 7: its primary pointer is coarse, so exit intent's touch part
// runs), read by finger with `Input.dispatchTouchEvent` (three drags down, one back up a
// little, over and over; each lift lets the page fling until the next finger lands). An init
// script counts the scroll, wheel and pointermove events the page really got.
import { devices } from 'playwright-core'
import { attributableScriptMs } from './trace.mjs'
import { probeScript } from './probe.mjs'
import { runOnce, traceCategories, CPU_THROTTLING, SETTLE_MS } from './scenarios.mjs'
import { triggersTiming } from './tracking-trace.mjs'

const WAIT_MS = 20_000
const SECTIONS = 250 // × 80 px: a 20,000 px page
const SCROLL_PX = 18_000 // what a whole scroll burst travels: to about 94% of the page

export const trackingConfig = {
  version: 1,
  rules: [
    { id: 'e', on: 'exit_intent', track: 'x' },
    { id: 's', on: 'scroll', percent: 50, track: 'y' },
    { id: 's2', on: 'scroll', percent: 90, track: 'y2' },
    { id: 'i', on: 'idle', seconds: 30, track: 'z' },
    { id: 'c', on: 'click', selector: '.buy', track: 'w' },
    { id: 't', on: 'time_on_page', seconds: 60, track: 'v' },
  ],
}

const tallMarkup = (head = '') =>
  `<!doctype html><title>tall</title>${head}<style>section{height:80px;box-sizing:border-box;border-bottom:1px solid #ddd}</style><main>` +
  Array.from({ length: SECTIONS }, (_, i) => `<section>Section ${i + 1}</section>`).join('') +
  '</main>'
const tallPage = tallMarkup()
// The phone's copy lays out at the phone's width, as a mobile site does.
const phonePage = tallMarkup('<meta name="viewport" content="width=device-width,initial-scale=1">')
const phone = (({ defaultBrowserType: _, ...options }) => options)(devices['Pixel 7'])
const DRAG_MOVES = 25 // touchmoves per drag

export const counterScript = `(() => {
  const count = (window.__jkCount = { scroll: 0, wheel: 0, pointermove: 0 })
  for (const type of Object.keys(count)) addEventListener(type, () => count[type]++, { passive: true })
})()`

/** Registers the pages on the static server; `controlConfig` is scenario B's config; `seal` as `journeykit build` does. */
export function trackingPages(server, collector, controlConfig, seal = (config) => config) {
  const tag = (config) => `<script async src="/dist/loader.js" data-config="${config}" data-collector="${collector.batchUrl}"></script>`
  for (const [name, config] of [
    ['d', seal(trackingConfig)],
    ['d-control', controlConfig],
  ]) {
    server.setPage(`/bench/${name}.json`, { type: 'application/json; charset=utf-8', body: JSON.stringify(config) })
    server.setPage(`/bench/${name}.html`, { body: tallPage + tag(`/bench/${name}.json`) })
  }
  server.setPage('/bench/d-blank.html', { body: tallPage })
  server.setPage('/bench/d-phone.json', { type: 'application/json; charset=utf-8', body: JSON.stringify(seal(trackingConfig)) })
  server.setPage('/bench/d-phone.html', { body: phonePage + tag('/bench/d-phone.json') })
  server.setPage('/bench/d-phone-blank.html', { body: phonePage })
  return {
    D: '/bench/d.html',
    control: '/bench/d-control.html',
    blank: '/bench/d-blank.html',
    phone: '/bench/d-phone.html',
    phoneBlank: '/bench/d-phone-blank.html',
  }
}

const metric = async (cdp, name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? null
const flush = (page) => page.evaluate(() => (window.journeykit && typeof window.journeykit.flush === 'function' ? window.journeykit.flush() : null))

/** The CDP call for input `i`: a wheel notch, a pointer move, or a touch event of the i-th move of a drag. */
function inputAt(kind, i, events) {
  if (kind === 'scroll')
    return ['Input.dispatchMouseEvent', { type: 'mouseWheel', x: 640, y: 360, deltaX: 0, deltaY: Math.max(1, Math.floor(SCROLL_PX / events)) }]
  if (kind === 'touch') {
    // Drags of DRAG_MOVES moves in the 412×839 viewport: three down the page (the finger
    // 500 px up), one back up (the finger 200 px down). Each lift lets the page fling.
    const drag = Math.floor(i / DRAG_MOVES)
    const step = i % DRAG_MOVES
    const [from, to] = drag % 4 === 3 ? [300, 500] : [700, 200]
    const at = (n) => [{ x: 200, y: Math.round(from + ((to - from) * n) / DRAG_MOVES) }]
    if (step === 0) return ['Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) }, { type: 'touchMove', touchPoints: at(1) }]
    if (step === DRAG_MOVES - 1 || i === events - 1)
      return ['Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(step + 1) }, { type: 'touchEnd', touchPoints: [] }]
    return ['Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(step + 1) }]
  }
  // Inside the 1280×720 viewport, well away from its top edge (no exit intent).
  return ['Input.dispatchMouseEvent', { type: 'mouseMoved', x: Math.round(640 + 500 * Math.sin(i / 17)), y: Math.round(380 + 280 * Math.sin(i / 11)) }]
}

/** One burst: a fresh context, the page to `ready` (or load) and settled, then `events` inputs, traced. */
export async function burstRun(browser, { url, waitFor, kind, events, collector, trace = true }) {
  const context = await browser.newContext(kind === 'touch' ? phone : {})
  try {
    const page = await context.newPage()
    await page.addInitScript(probeScript)
    await page.addInitScript(counterScript)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING })
    await cdp.send('Performance.enable')
    collector?.clear()
    await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS })
    const waited = await page.evaluate(
      ([what, limit]) =>
        Promise.race([
          (what === 'ready' ? window.__jkBench.ready : Promise.resolve()).then(() => true),
          new Promise((done) => setTimeout(() => done(false), limit)),
        ]),
      [waitFor, WAIT_MS],
    )
    await flush(page)
    await page.waitForTimeout(SETTLE_MS)
    const read = () =>
      page.evaluate(() => ({ ...window.__jkCount, y: scrollY, longTasks: window.__jkBench.longTasks, longTaskMs: window.__jkBench.longTaskMs }))
    const before = await read()
    const scriptBefore = await metric(cdp, 'ScriptDuration')

    if (trace) await browser.startTracing(page, { categories: traceCategories })
    const started = Date.now()
    for (let i = 0; i < events; i++) {
      const [method, ...calls] = inputAt(kind, i, events)
      for (const params of calls) await cdp.send(method, params)
    }
    // The last frame's scroll event and rAF callback, and the long-task observer's callback.
    await page.waitForTimeout(100)
    const traced = trace ? attributableScriptMs(JSON.parse((await browser.stopTracing()).toString('utf8')), '/dist/') : {}
    const wallMs = Date.now() - started

    const scriptAfter = await metric(cdp, 'ScriptDuration')
    const after = await read()
    // Hands what the burst tracked (the scroll rules' events) to the collector, to check it.
    await flush(page)
    await page.waitForTimeout(300)
    return {
      waited,
      kind,
      dispatched: events,
      fired: { scroll: after.scroll - before.scroll, wheel: after.wheel - before.wheel, pointermove: after.pointermove - before.pointermove },
      scrolledPx: after.y - before.y,
      longTasks: after.longTasks - before.longTasks,
      longTaskMs: after.longTaskMs - before.longTaskMs,
      scriptMs: scriptAfter === null || scriptBefore === null ? null : (scriptAfter - scriptBefore) * 1000,
      allMs: traced.allMs ?? null,
      urlMs: traced.urlMs ?? null,
      wallMs,
      tracked: [...new Set((collector?.events() ?? []).map((e) => e.event).filter(Boolean))].sort(),
    }
  } finally {
    await context.close().catch(() => {})
  }
}

const startupAnalysis = (trace, url) => ({ timing: triggersTiming(trace, url), triggersUrlMs: attributableScriptMs(trace, '/dist/triggers.js').urlMs })

export const emptyTracking = () => ({
  startup: { D: [], control: [] },
  bursts: { scroll: { D: [], blank: [] }, pointer: { D: [], blank: [] }, touch: { D: [], blank: [] } },
  failures: [],
  skipped: 0,
})

/**
 * `runs` start-up rounds (D and B′, traced), then `bursts` rounds (scroll, then pointer:
 * D, then the blank tall page). No new run starts after `deadline` (epoch ms).
 */
export async function runTracking(browser, { origin, collector, paths, runs, bursts, events, deadline }) {
  const out = emptyTracking()
  const attempt = async (label, list, run) => {
    if (Date.now() > deadline) return void out.skipped++
    try {
      const result = await run()
      list?.push(result)
    } catch (err) {
      out.failures.push(`${label}: ${String(err?.message ?? err).split('\n')[0]}`)
    }
  }
  // blink.user_timing holds the navigationStart event the trigger times are measured from.
  const startup = (path, trace, analyze) => () =>
    runOnce(browser, { url: origin + path, waitFor: 'ready', collector, trace, analyze, categories: ['blink.user_timing'] })
  // Untimed: warms the server and the browser for the new pages.
  await attempt('D warm-up', null, startup(paths.D, 'plain', startupAnalysis))
  for (let i = 0; i < runs; i++) {
    const pair = [
      () => attempt('D start-up', out.startup.D, startup(paths.D, 'plain', startupAnalysis)),
      () => attempt('B′ start-up', out.startup.control, startup(paths.control, 'plain')),
    ]
    for (const run of i % 2 ? pair.reverse() : pair) await run()
  }
  for (let i = 0; i < bursts; i++) {
    for (const kind of ['scroll', 'pointer', 'touch']) {
      const [D, blank] = kind === 'touch' ? [paths.phone, paths.phoneBlank] : [paths.D, paths.blank]
      await attempt(`D ${kind} burst`, out.bursts[kind].D, () => burstRun(browser, { url: origin + D, waitFor: 'ready', kind, events, collector }))
      await attempt(`blank ${kind} burst`, out.bursts[kind].blank, () => burstRun(browser, { url: origin + blank, waitFor: 'load', kind, events, collector }))
    }
  }
  return out
}
