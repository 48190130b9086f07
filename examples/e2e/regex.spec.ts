import { test, expect, runtimeReady, collectConsole } from './fixtures.js'

/**
 * Contract §7: whatever pattern a config holds, matching costs time linear in the fact's
 * length. `^(\w|\d)+$` (overlapping alternation, which 0.1.0's validator let through) is
 * exponential on a backtracking engine when the text ends in a character it cannot match:
 * with JavaScript's RegExp this page would never answer again.
 */
const redos = '^(\\w|\\d)+$'
const crafted = '1'.repeat(1999) + '!' // 2,000 characters: under the 2,048 that are matched
const matching = '1'.repeat(2000)

const config = {
  version: 1,
  items: {},
  rules: [
    { id: 'redos', on: 'page_view', if: { 'page.query.q': { $regex: redos } }, track: 'regex_matched' },
    // Decided in the same evaluation as the rule above: once its event is in, so is that decision.
    { id: 'decided', on: 'page_view', track: 'rules_decided' },
  ],
}

/** A ticker and a long-task observer, installed before the loader: a frozen page shows in both. */
const watchResponsiveness = `
  window.__gaps = []; let last = performance.now()
  setInterval(() => { const now = performance.now(); window.__gaps.push(now - last); last = now }, 10)
  window.__longTasks = []
  try { new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.__longTasks.push(entry.duration))).observe({ type: 'longtask', buffered: true }) } catch {}
`

const responsiveness = (page: import('@playwright/test').Page) =>
  page.evaluate(() => ({
    ticks: (window as any).__gaps.length,
    maxGap: Math.max(0, ...(window as any).__gaps),
    longest: Math.max(0, ...(window as any).__longTasks),
  }))

test('a ReDoS-shaped $regex on a crafted 2,000-character query leaves the page responsive', async ({ page, site }) => {
  const errors = collectConsole(page)
  const url = await site.serve(page, { path: '/e2e/regex-search.html', config, before: watchResponsiveness })
  await page.goto(`${url}?q=${encodeURIComponent(crafted)}`)
  await runtimeReady(page)
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'rules_decided'))
  // The rule was decided, and decided "no": the crafted text does not match.
  expect(events.filter((e) => e.event === 'regex_matched')).toEqual([])
  // The ticker kept running through loading, validating and deciding; no task blocked the page.
  // Bounds are generous (a busy CI machine); the freeze this guards against never ends.
  await expect.poll(async () => (await responsiveness(page)).ticks, { timeout: 10_000 }).toBeGreaterThan(20)
  const { maxGap, longest } = await responsiveness(page)
  expect(maxGap).toBeLessThan(1_000)
  expect(longest).toBeLessThan(1_000)
  expect(errors).toEqual([])
})

test('the same $regex matches a 2,000-character query that fits it', async ({ page, site }) => {
  const url = await site.serve(page, { path: '/e2e/regex-match.html', config })
  await page.goto(`${url}?q=${encodeURIComponent(matching)}`)
  await runtimeReady(page)
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'regex_matched'))
  expect(events.filter((e) => e.event === 'regex_matched')).toHaveLength(1)
})

for (const [pattern, why] of [
  ['(a+)\\1$', 'has a backreference'], // refused by the validator itself
  ['(?<=x)a+', 'has lookaround'],
  ['\\p{L}+', 'has syntax journeykit does not run'], // refused once the engine chunk has read it
] as const) {
  test(`a config with the $regex ${pattern} is refused, naming the path`, async ({ page, site }) => {
    const errors = collectConsole(page)
    const url = await site.serve(page, {
      config: { ...config, rules: [{ ...config.rules[0], if: { 'page.query.q': { $regex: pattern } } }, config.rules[1]] },
    })
    await page.goto(`${url}?q=aaa`)
    await runtimeReady(page)
    await expect.poll(() => errors.length).toBeGreaterThan(0)
    expect(errors).toEqual([`journeykit.config: rules[0].if.page.query.q: $regex ${why}`])
    // Refused whole: the page view is tracked, no rule runs (not even the one without $regex).
    const events = await site.waitForEvents(page, (all) => all.some((e) => e.type === 'page'))
    expect(events.filter((e) => e.event === 'rules_decided' || e.event === 'regex_matched')).toEqual([])
  })
}
