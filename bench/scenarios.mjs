// One bench run: a fresh browser context, 4× CPU throttling set over CDP before navigation,
// the page loaded from the static server, then the figures read back from the page, from
// CDP's Performance domain and (on a trace run) from a Chromium trace.
import { probeScript } from './probe.mjs'
import { attributableScriptMs } from './trace.mjs'

export const CPU_THROTTLING = 4
export const SETTLE_MS = 500
const WAIT_MS = 20_000

export const traceCategories = ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline']
// The V8 sampling profiler, for runs that attribute time by stack (it slows the page down).
export const profilerCategories = ['disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.cpu_profiler.hires']

const metric = (metrics, name) => metrics.find((m) => m.name === name)?.value ?? null

/**
 * @param {import('playwright-core').Browser} browser
 * `trace`: false, 'plain' (timeline events) or 'profile' (timeline events + V8 CPU profile).
 * `analyze(trace, url)`: more figures from the parsed trace of a traced run (as `extra`);
 * `categories`: trace categories on top of the usual ones.
 * @param {{ url: string, waitFor: 'load' | 'ready' | 'item', collector?: { clear(): void, requests(): any[] }, trace?: false | 'plain' | 'profile', analyze?: (trace: any, url: string) => any, categories?: string[] }} options
 */
export async function runOnce(browser, { url, waitFor, collector, trace = false, analyze, categories: more = [] }) {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.addInitScript(probeScript)
    const origin = new URL(url).origin
    const requests = []
    page.on('request', (request) => {
      const at = new URL(request.url())
      requests.push({
        method: request.method(),
        path: at.pathname,
        // The collector is another origin (another port); say so rather than print its port.
        where: at.origin === origin ? 'page' : 'other',
        local: at.hostname === '127.0.0.1',
        type: request.resourceType(),
      })
    })

    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING })
    await cdp.send('Performance.enable')
    if (trace) {
      const categories = trace === 'profile' ? [...traceCategories, ...profilerCategories] : traceCategories
      await browser.startTracing(page, { categories: [...categories, ...more] })
    }
    collector?.clear()

    await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS })
    // The same calls into the page in every scenario, blank included, so that Playwright's
    // own evaluation cost cancels out in "scenario minus blank".
    const waited = await page.evaluate(
      ([what, limit]) => {
        const bench = window.__jkBench
        const target = what === 'item' ? Promise.all([bench.ready, bench.item]) : what === 'ready' ? bench.ready : Promise.resolve()
        return Promise.race([target.then(() => true), new Promise((done) => setTimeout(() => done(false), limit))])
      },
      [waitFor, WAIT_MS],
    )
    // Hands the queued events to the collector now, so the batch POST is counted in this run.
    await page.evaluate(() => (window.journeykit && typeof window.journeykit.flush === 'function' ? window.journeykit.flush() : null))
    await page.waitForTimeout(SETTLE_MS)

    const { metrics } = await cdp.send('Performance.getMetrics')
    const probe = await page.evaluate(() => {
      const bench = window.__jkBench
      const nav = performance.getEntriesByType('navigation')[0]
      return {
        longTasks: bench.longTasks,
        longTaskMs: bench.longTaskMs,
        readyAt: bench.readyAt,
        itemAt: bench.itemAt,
        loadAt: nav ? nav.loadEventStart : null,
        itemShown: !!document.querySelector('[data-journeykit-item]'),
        // Resource Timing entries whose fetch started by the time ready came: what the page
        // asked for before it was ready. Not the document, nor the favicon the browser asks
        // for by itself once the page has loaded.
        beforeReady:
          bench.readyAt === null
            ? null
            : performance
                .getEntriesByType('resource')
                .filter((entry) => entry.startTime <= bench.readyAt)
                .map((entry) => new URL(entry.name).pathname)
                .filter((path) => path !== '/favicon.ico'),
      }
    })
    await cdp.send('HeapProfiler.collectGarbage')
    const { metrics: afterGc } = await cdp.send('Performance.getMetrics')

    let traced = null
    let extra = null
    if (trace) {
      const parsed = JSON.parse((await browser.stopTracing()).toString('utf8'))
      traced = attributableScriptMs(parsed, '/dist/')
      if (analyze) extra = analyze(parsed, url)
    }

    return {
      waited,
      loadMs: probe.loadAt,
      readyMs: probe.readyAt,
      itemMs: probe.itemAt,
      itemShown: probe.itemShown,
      scriptMs: metric(metrics, 'ScriptDuration') * 1000,
      taskMs: metric(metrics, 'TaskDuration') * 1000,
      heapBytes: metric(afterGc, 'JSHeapUsedSize'),
      longTasks: probe.longTasks,
      longTaskMs: probe.longTaskMs,
      requestsBeforeReady: probe.beforeReady,
      requests,
      collectorRequests: collector ? collector.requests().map((r) => `${r.method} ${r.path} → ${r.status}`) : [],
      trace: traced,
      ...(analyze ? { extra } : {}),
    }
  } finally {
    await context.close().catch(() => {})
  }
}
