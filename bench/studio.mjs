// Studio benchmark, in Chromium with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate, as
// bench/run.mjs does): the built studio (dist/studio/) over a config of 50 journeys × 10 steps.
// Two figures, each the median of several runs against the targets:
//   open: from navigation to the canvas drawn (the first journey's boxes in the DOM, at the next frame);
//   edit: from the key that commits a field (Enter in a wait's "Wait for") to its validation shown
//         (the problem on its box, or gone again, at the next frame).
// A benchmark, not a test: it exits 0 whatever the figures are.
//
//   npm run build && node bench/studio.mjs      (BENCH_STUDIO_RUNS=7: runs of each)
import { chromium } from 'playwright-core'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureChromium } from '../scripts/find-chromium.mjs'
import { startStudio } from '../dist/studio/server.js'
import { CPU_THROTTLING } from './scenarios.mjs'

const runs = Number(process.env.BENCH_STUDIO_RUNS ?? 7)
const targets = { open: 1000, edit: 100 }

/** 50 journeys of 10 steps (waits, shows, tracks, a split and a branch), 5 items: a valid config. */
export function bigConfig() {
  const items = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`item-${i}`, { kind: 'focus', style: 'bar', title: `Item ${i}` }]))
  const journeys = {}
  for (let j = 0; j < 50; j++) {
    const steps = Array.from({ length: 10 }, (_, s) => {
      const id = `s${s}`
      if (s === 3)
        return {
          id,
          split: [
            { weight: 50, goto: 's4' },
            { weight: 50, goto: 's5' },
          ],
        }
      if (s === 6) return { id, branch: [{ if: { 'page.path': { $startsWith: '/cart' } }, goto: 's8' }], else: 's7' }
      if (s === 9) return { id, exit: true }
      return [
        { id, wait: '1h' },
        { id, on: 'page_view', show: `item-${s % 5}`, within: '3d', else: 's9' },
        { id, track: `event_${j}_${s}` },
      ][s % 3]
    })
    journeys[`journey-${String(j).padStart(2, '0')}`] = {
      entry: { on: 'add_to_cart', if: { 'events.product_viewed.7d': { $gte: 3 } } },
      exit: [{ on: 'order_completed' }],
      goal: { on: 'order_completed', within: '7d' },
      steps,
    }
  }
  return { version: 1, items, journeys }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** In the page before its scripts: when the first box appears, and when a box's problems change, at the next frame. */
const probe = () => {
  window.__bench = { drawn: null, shown: [] }
  new MutationObserver(() => {
    const b = window.__bench
    if (b.drawn === null && document.querySelector('[data-box]')) requestAnimationFrame(() => (b.drawn ??= performance.now()))
    const broken = document.querySelector('[data-box="step:s0"]')?.classList.contains('has-problems') ?? false
    if (b.pending && b.pending.broken === broken) {
      const { start } = b.pending
      b.pending = null
      requestAnimationFrame(() => b.shown.push(performance.now() - start))
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] })
  // the key that commits the field starts the clock
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && window.__bench.expect !== undefined) window.__bench.pending = { start: performance.now(), broken: window.__bench.expect }
    },
    true,
  )
}

const dir = mkdtempSync(join(tmpdir(), 'jk-bench-studio-'))
const file = join(dir, 'journeykit.json')
const text = `${JSON.stringify(bigConfig(), null, 2)}\n`
writeFileSync(file, text)
const studio = await startStudio({ file })
const browser = await chromium.launch({
  executablePath: await ensureChromium(),
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run'],
})
const opens = []
const edits = []
try {
  for (let run = 0; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING })
    await page.addInitScript(probe)
    await page.goto(studio.url)
    await page.waitForFunction(() => window.__bench.drawn !== null, null, { timeout: 60_000 })
    const drawn = await page.evaluate(() => window.__bench.drawn)
    // an edit that breaks the wait, then one that mends it: each shown on the box
    await page.locator('[data-box="step:s0"]').click()
    const field = page.getByRole('complementary', { name: 'Editor' }).getByLabel('Wait for', { exact: true })
    const times = []
    for (const [value, broken] of [
      ['2x', true],
      ['2h', false],
      ['3x', true],
      ['1h', false],
    ]) {
      await field.fill(value)
      await page.evaluate((b) => (window.__bench.expect = b), broken)
      const before = await page.evaluate(() => window.__bench.shown.length)
      await field.press('Enter')
      await page.waitForFunction((n) => window.__bench.shown.length > n, before, { timeout: 30_000 })
      times.push(await page.evaluate(() => window.__bench.shown.at(-1)))
    }
    await context.close()
    if (run === 0) continue // warm-up: the first run fills caches the others share
    opens.push(drawn)
    edits.push(...times)
  }
} finally {
  await browser.close()
  await studio.close()
  rmSync(dir, { recursive: true, force: true })
}

const row = (name, values, target) => {
  const m = median(values)
  const verdict = m <= target ? 'within' : 'OVER'
  return `${name.padEnd(6)} median ${m.toFixed(0).padStart(5)} ms  (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, n=${values.length})  target ≤ ${target} ms: ${verdict}`
}
console.log(`\nStudio, 50 journeys × 10 steps (${(text.length / 1024).toFixed(0)} KB), CPU ${CPU_THROTTLING}× slower, ${runs} runs after a warm-up`)
console.log(row('open', opens, targets.open))
console.log(row('edit', edits, targets.edit))
